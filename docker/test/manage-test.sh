#!/usr/bin/env bash
# Script test of docker/manage.sh against a running, healthy stack (OPERATIONS.md 3.2): the
# read-only commands, their exit codes and output, and that destructive commands are refused
# without confirmation. Run by docker/test/run.sh with the services it started as arguments, in the
# environment it prepared (HPM_DATA_DIR, HPM_ENV_FILE, API_KEY=test-key...).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SERVICES=("$@")
[ "${#SERVICES[@]}" -gt 0 ] || SERVICES=(api)
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT

passed=0
failed=0
status=0

run() {
  # run ARGS...: manage.sh without a terminal on stdin; output in $OUT, exit code in $status.
  "$ROOT/docker/manage.sh" --no-color "$@" < /dev/null > "$OUT" 2>&1
  status=$?
}

verdict() {
  if [ "$2" = 0 ]; then
    passed=$((passed + 1))
    printf 'PASS  manage.sh %s\n' "$1"
  else
    failed=$((failed + 1))
    printf 'FAIL  manage.sh %s (exit %s); output:\n' "$1" "$status"
    sed 's/^/      /' "$OUT" | head -n 30
  fi
}

expect() {
  # expect DESCRIPTION EXIT_CODE [REGEX that the output must contain] [REGEX it must not contain]
  local what="$1" code="$2" want="${3:-}" unwanted="${4:-}" ok=0
  [ "$status" = "$code" ] || ok=1
  if [ -n "$want" ] && ! grep -Eq -- "$want" "$OUT"; then ok=1; fi
  if [ -n "$unwanted" ] && grep -Eq -- "$unwanted" "$OUT"; then ok=1; fi
  verdict "$what" "$ok"
}

all_running() {
  local svc
  for svc in "${SERVICES[@]}"; do
    [ "$(docker inspect -f '{{.State.Status}}' "headless-pm-$svc" 2>/dev/null)" = running ] || return 1
  done
}

run help
expect "help: usage with every command" 0 'Usage: docker/manage.sh'
for command in start stop restart status logs build redeploy health backup restore shell reset clean config cli version; do
  grep -Eq "^  $command( |$)" "$OUT" || { status=x; verdict "help lists '$command'" 1; }
done
run --help
expect "--help" 0 'Usage: docker/manage.sh'
run
expect "without a command exits 1 with the usage" 1 'no command given.*|Usage'
run frobnicate
expect "unknown command exits 1" 1 "unknown command 'frobnicate'"

run version
expect "version: project, Payara, images, Compose" 0 'Headless PM +[0-9]+\.[0-9]+\.[0-9]+'
grep -q 'Payara Micro    6\.' "$OUT" && grep -q 'headless-pm/api:' "$OUT" && grep -Eq 'Compose +(docker-compose|Compose v2)' "$OUT"
verdict "version names Payara, the api image and the Compose flavour" $?

run status
expect "status: containers, resources, mode, database, last backup" 0 'headless-pm-api' 
for word in 'Resource usage:' "Mode: +${HPM_MODE:-base}" 'Database: ' 'Last backup: '; do
  grep -Eq "$word" "$OUT" || { status=x; verdict "status shows '$word'" 1; }
done
run list-services
expect "list-services (alias of status)" 0 'headless-pm-api'

run health
expect "health exits 0 when every service is healthy" 0 "${#SERVICES[@]}/${#SERVICES[@]} services healthy"
run get-health
expect "get-health (alias of health)" 0 'services healthy'
run health --json
expect "health --json exits 0" 0 '"status":"healthy"'
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["total"]==len(sys.argv)-2 and all(d["services"][s]["healthy"] for s in sys.argv[2:])' "$OUT" "${SERVICES[@]}"
  verdict "health --json is one JSON object with every service healthy" $?
fi
run health --bogus
expect "health with an unknown option exits 1" 1 'usage'

run logs --tail 5 api
lines="$(grep -c '^headless-pm-api' "$OUT")"
expect "logs --tail 5 api" 0 'headless-pm-api'
[ "$lines" -ge 1 ] && [ "$lines" -le 5 ]
verdict "logs --tail 5 shows at most 5 lines of the api ($lines)" $?
run logs api --tail 3
lines="$(grep -c '^headless-pm-api' "$OUT")"
[ "$status" = 0 ] && [ "$lines" -ge 1 ] && [ "$lines" -le 3 ]
verdict "logs api --tail 3 (options after the service)" $?
run logs nosuch
expect "logs of an unknown service exits 1" 1 "unknown service 'nosuch'"
run restart nosuch
expect "restart of an unknown service exits 1" 1 "unknown service 'nosuch'"

run config
expect "config: compose command, services, secrets masked" 0 'Compose: .*-p headless-pm -f docker/docker-compose.yml' 'test-key'
grep -q '^\[api\]' "$OUT" && grep -q '^  API_KEY=\*\*\*$' "$OUT" && grep -q 'DATABASE_URL=sqlite:////app/database/headless-pm.db' "$OUT"
verdict "config shows the api environment with API_KEY masked" $?

run list-backups
expect "list-backups" 0

out_shell="$(echo 'id -u; echo $HPM_COMPONENT' | "$ROOT/docker/manage.sh" shell api 2>&1 | tr '\n' ' ')"
[ "$out_shell" = "1000 api " ]
status=$?
verdict "shell api runs a shell in the container as uid 1000 ($out_shell)" "$status"
run shell nosuch
expect "shell of an unknown service exits 1" 1 "unknown service"

run start nomode
expect "start with an unknown mode exits 1" 1 'usage: manage.sh start'

# Destructive commands without confirmation: refused, nothing touched.
run clean
expect "clean without -y and without a terminal is refused" 1 'Cleanup cancelled'
all_running
verdict "clean refused: containers still running" $?
run reset
expect "reset without HPM_CONFIRM and without a terminal is refused" 1 'Reset cancelled'
HPM_CONFIRM=yes run reset
expect "reset with HPM_CONFIRM other than DELETE is refused" 1 'Reset cancelled'
all_running && [ -s "${HPM_DATA_DIR:-.}/database/headless-pm.db" ]
verdict "reset refused: containers running, database kept" $?
run restore
expect "restore without a file exits 1" 1 'usage: manage.sh restore FILE'
run restore /nonexistent/backup.db
expect "restore of a missing file exits 1" 1 'no such file'
copy="$(mktemp --suffix=.db)"
rm -f "$copy"
sqlite3 "$copy" 'CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT);'
run restore "$copy"
expect "restore of a valid file without -y is refused" 1 'Restore cancelled'
rm -f "$copy"
all_running
verdict "restore refused: containers still running" $?

if [ -f docker/lib/cli.sh ]; then
  run cli status
  expect "cli status against the running API" 0 '[Cc]reated'
else
  run cli status
  expect "cli without docker/lib/cli.sh explains what is missing" 1 'docker/lib/cli.sh'
fi

echo "manage.sh tests: $passed passed checks, $failed failed checks"
[ "$failed" -eq 0 ]
