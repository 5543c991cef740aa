#!/usr/bin/env bash
# Docker acceptance run (OPERATIONS.md 2.10, 10), called by .ci/run after `mvn verify` built the
# WARs: on a real Docker engine, bring up the real compose stack (docker/docker-compose.yml plus
# docker/test/docker-compose.ci.yml) through docker/manage.sh, with ports on 127.0.0.1 and data in a
# scratch folder, then: smoke checks, the manage.sh command tests, backup and restore, one container
# stopped while the others report it, and `stop`. Services come up whose WAR exists
# (<module>/target/<module>.war). Prints start-up times and memory per container.
# Exit status 0 when everything passed.
#
#   docker/test/run.sh            # needs root (installs and starts Docker when missing)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
WORK="$ROOT/target/docker-test"
MANAGE="$ROOT/docker/manage.sh"

begin=$SECONDS
failures=0
checks=0
timings=()

log() { printf '\n=== docker: %s\n' "$*"; }
check() {
  # check DESCRIPTION COMMAND...: runs the command, records the result.
  local what="$1"
  shift
  checks=$((checks + 1))
  if "$@"; then
    printf 'PASS  %s\n' "$what"
  else
    failures=$((failures + 1))
    printf 'FAIL  %s\n' "$what"
  fi
}
timed() {
  # timed LABEL COMMAND...: runs the command and records its duration.
  local label="$1" started=$SECONDS status
  shift
  "$@"
  status=$?
  timings+=("$(printf '%-40s %4ss' "$label" $((SECONDS - started)))")
  return "$status"
}
abort() {
  printf 'FAIL  %s\n' "$*"
  failures=$((failures + 1))
  finish
}

# --- the environment manage.sh runs in --------------------------------------------------------------
export HPM_DATA_DIR="$WORK/data"
export HPM_ENV_FILE="$WORK/no.env"
export HPM_MODE_FILE="$WORK/hpm-mode"
# The prod mode with the seed's memory limits (api 512M, mcp and dashboard 256M), so that memory is
# measured against them; the CPU limits are lifted to keep boots short on a 2-core CI machine.
export HPM_MODE=prod
export HPM_API_CPUS=2 HPM_MCP_CPUS=2 HPM_DASHBOARD_CPUS=2
# A bare Payara Micro already takes about 245 MiB, so the seed's 256M for mcp and dashboard leaves
# no room (README, "Run with Docker"): CI gives them 384M unless told otherwise, and prints the
# usage against both.
export HPM_MCP_MEM_LIMIT="${HPM_MCP_MEM_LIMIT:-384M}" HPM_DASHBOARD_MEM_LIMIT="${HPM_DASHBOARD_MEM_LIMIT:-384M}"
export HPM_COMPOSE_EXTRA="docker/test/docker-compose.ci.yml"
export HPM_BIND_ADDRESS=127.0.0.1
export HPM_SKIP_MAVEN=1
export HPM_START_TIMEOUT="${HPM_START_TIMEOUT:-420}"
export API_KEY=test-key
export ENVIRONMENT=test
unset HPM_ASSUME_YES HPM_CONFIRM SERVICE_PORT MCP_PORT DASHBOARD_PORT
manage() { "$MANAGE" --no-color "$@"; }

SERVICES=()
declare -A MODULE=([api]=api-war [mcp]=mcp-war [dashboard]=dashboard-war)
declare -A PORT=([api]=6969 [mcp]=6968 [dashboard]=3001)
declare -A SEED_LIMIT_MB=([api]=512 [mcp]=256 [dashboard]=256)
declare -A LIMIT_MB=([api]=512 [mcp]="${HPM_MCP_MEM_LIMIT%M}" [dashboard]="${HPM_DASHBOARD_MEM_LIMIT%M}")

finish() {
  log "cleaning up"
  manage stop >/dev/null 2>&1 || true
  log "summary"
  printf '%s\n' "${timings[@]}"
  printf '%-40s %4ss\n' "total" $((SECONDS - begin))
  if [ "$failures" -eq 0 ]; then
    echo "docker acceptance: all $checks checks passed"
    exit 0
  fi
  echo "docker acceptance: $failures of $checks checks failed"
  exit 1
}

# --- 1. engine, base image, compose files --------------------------------------------------------------
log "Docker engine"
timed "engine (install, start dockerd)" bash docker/test/engine.sh || abort "no Docker engine"

for svc in api mcp dashboard; do
  [ -f "${MODULE[$svc]}/target/${MODULE[$svc]}.war" ] && SERVICES+=("$svc")
done
[ "${SERVICES[0]:-}" = api ] || abort "api-war/target/api-war.war is missing: run the Maven build first"
echo "services with a WAR: ${SERVICES[*]}"

# Containers named headless-pm-* that this harness did not start belong to someone's real stack.
for svc in api mcp dashboard; do
  source="$(docker inspect -f '{{range .Mounts}}{{.Source}} {{end}}' "headless-pm-$svc" 2>/dev/null)" || continue
  case "$source" in
    *"$WORK"*) ;;
    *) abort "container headless-pm-$svc exists and is not from this harness: stop that stack first" ;;
  esac
done
manage stop >/dev/null 2>&1 || true
rm -rf "$WORK"
mkdir -p "$WORK"

log "stand-in base image"
timed "base image (debootstrap if not cached)" bash docker/test/base-image.sh || abort "base image"

log "compose files (docker-compose $(docker-compose version --short))"
validate() {
  docker-compose -p headless-pm "$@" config -q
}
export GRAFANA_ADMIN_PASSWORD=validation-only
check "base compose file is valid" validate -f docker/docker-compose.yml
for overlay in dev prod logging monitoring; do
  check "base + $overlay override is valid" validate -f docker/docker-compose.yml -f "docker/docker-compose.$overlay.yml"
done
check "prod + logging + monitoring together are valid" validate -f docker/docker-compose.yml \
  -f docker/docker-compose.prod.yml -f docker/docker-compose.logging.yml -f docker/docker-compose.monitoring.yml
check "override example is valid" validate -f docker/docker-compose.yml -f docker/docker-compose.override.example.yml
check "test stack file is valid" docker-compose -p headless-pm-test -f docker/docker-compose.test.yml config -q
check "root docker-compose.yml gives the same stack as docker/docker-compose.yml" \
  bash -c 'diff <(docker-compose -p headless-pm config) <(docker-compose -p headless-pm -f docker/docker-compose.yml config)'
check "prod memory limits are the seed's (512M, 256M, 256M)" bash -c \
  '[ "$(env -u HPM_MCP_MEM_LIMIT -u HPM_DASHBOARD_MEM_LIMIT docker-compose -p headless-pm -f docker/docker-compose.yml -f docker/docker-compose.prod.yml config | grep -A3 "limits:" | grep -o "memory: [0-9]*M" | sort | tr "\n" " ")" = "memory: 256M memory: 256M memory: 512M " ]'
unset GRAFANA_ADMIN_PASSWORD

# --- 2. images and start -------------------------------------------------------------------------
log "build images: ${SERVICES[*]}"
timed "images (docker build)" manage build --no-maven --quiet || abort "image build"

log "start"
timed "manage.sh start (until healthy)" manage start || abort "the stack did not become healthy"
for svc in "${SERVICES[@]}"; do
  ready_ms="$(docker logs "headless-pm-$svc" 2>&1 | sed -n 's/.*ready in \([0-9,]*\) (ms).*/\1/p' | tail -n1 | tr -d ,)"
  timings+=("$(printf '%-40s %4ss' "$svc: Payara Micro ready in" $(( ${ready_ms:-0} / 1000 )))")
done
check "containers run as uid 1000" bash -c \
  "for c in ${SERVICES[*]}; do [ \"\$(docker exec headless-pm-\$c id -u)\" = 1000 ] || exit 1; done"
check "the network headless-pm_headless-pm-network joins the containers" bash -c \
  "docker network inspect headless-pm_headless-pm-network -f '{{range .Containers}}{{.Name}} {{end}}' | grep -q headless-pm-api"
check "the JVM is PID 1 in the api container (graceful docker stop)" bash -c \
  "docker exec headless-pm-api cat /proc/1/cmdline | tr '\0' ' ' | grep -q '^java .*payara-micro.jar'"
check "ports are published on 127.0.0.1 only" bash -c \
  "docker port headless-pm-api 6969 | grep -qx '127.0.0.1:6969'"

# --- 3. smoke ------------------------------------------------------------------------------------------
log "smoke checks"
smoke_env=(SMOKE_API_URL=http://127.0.0.1:6969 API_KEY=test-key SMOKE_WAIT=60)
[[ " ${SERVICES[*]} " == *" mcp "* ]] && smoke_env+=(SMOKE_MCP_URL=http://127.0.0.1:6968)
[[ " ${SERVICES[*]} " == *" dashboard "* ]] && smoke_env+=(SMOKE_DASHBOARD_URL=http://127.0.0.1:3001)
check "docker/test/smoke.sh passes" timed "smoke.sh" env "${smoke_env[@]}" bash docker/test/smoke.sh

log "memory after the smoke run (docker stats), prod limits"
docker stats --no-stream --format 'table {{.Name}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.CPUPerc}}\t{{.PIDs}}' \
  $(printf 'headless-pm-%s ' "${SERVICES[@]}")
for svc in "${SERVICES[@]}"; do
  limit="$(docker inspect -f '{{.HostConfig.Memory}}' "headless-pm-$svc")"
  check "headless-pm-$svc runs with the prod memory limit ${LIMIT_MB[$svc]}M" test "$limit" = $((LIMIT_MB[$svc] * 1048576))
  rss_kb="$(docker exec "headless-pm-$svc" awk '/^VmRSS:/ { print $2 }' /proc/1/status)"
  printf 'MEMORY  headless-pm-%s: JVM resident %s MiB = %s%% of the seed limit %sM (%s%% of the %sM it ran with)\n' \
    "$svc" $((rss_kb / 1024)) $((rss_kb / 1024 * 100 / SEED_LIMIT_MB[$svc])) "${SEED_LIMIT_MB[$svc]}" \
    $((rss_kb / 1024 * 100 / LIMIT_MB[$svc])) "${LIMIT_MB[$svc]}"
done

# --- 4. manage.sh commands ---------------------------------------------------------------------------
log "manage.sh commands"
timed "manage.sh command tests" bash docker/test/manage-test.sh "${SERVICES[@]}"
status=$?
checks=$((checks + 1))
if [ "$status" -ne 0 ]; then
  failures=$((failures + 1))
  echo "FAIL  manage.sh command tests"
else
  echo "PASS  manage.sh command tests"
fi

# --- 5. backup, one container down, restore ---------------------------------------------------------
log "backup and restore"
db="$HPM_DATA_DIR/database/headless-pm.db"
backup_re='^backup_[0-9]{8}_[0-9]{6}(_[0-9]+)?\.db$'
newest_backup() { ls -1t "$HPM_DATA_DIR/backups" 2>/dev/null | grep -E "$backup_re" | head -n1; }
integrity_ok() { [ "$(sqlite3 -readonly "$1" 'PRAGMA integrity_check;')" = ok ]; }
project_description() {
  curl -s -H 'X-API-Key: test-key' http://127.0.0.1:6969/api/v1/projects \
    | grep -o '"description" *: *"marker [a-z-]*"' | head -n1
}

marker_id="$(curl -s -H 'X-API-Key: test-key' -H 'Content-Type: application/json' -X POST \
  http://127.0.0.1:6969/api/v1/projects -d '{"name":"restore-marker","description":"marker before-backup"}' \
  | grep -o '"id" *: *[0-9]*' | head -n1 | grep -o '[0-9]*$')"
check "marker project created" test -n "$marker_id"

if [ -f docker/lib/backup.sh ]; then
  check "online backup (manage.sh backup with the API running)" manage backup
  online="$(newest_backup)"
  check "online backup file is backups/backup_YYYYMMDD_HHMMSS.db: $online" test -n "$online"
  [ -n "$online" ] && check "online backup passes PRAGMA integrity_check" integrity_ok "$HPM_DATA_DIR/backups/$online"
else
  echo "SKIP  online backup: docker/lib/backup.sh is not in this checkout yet"
fi

log "one container stopped: the others report it"
timed "graceful stop of the api container" docker stop -t 30 headless-pm-api >/dev/null
check "the api container stopped gracefully (SIGTERM, exit 143)" bash -c \
  "[ \"\$(docker inspect -f '{{.State.ExitCode}}' headless-pm-api)\" = 143 ]"
check "no WAL content left after the graceful stop" bash -c "[ ! -s '$db-wal' ]"
reports_api_down() {
  local svc="$1" path="$2" waited=0
  while [ "$waited" -lt 40 ]; do
    curl -s -m 5 "http://127.0.0.1:${PORT[$svc]}$path" | grep -q '"status" *: *"degraded"' && return 0
    sleep 2
    waited=$((waited + 2))
  done
  return 1
}
[[ " ${SERVICES[*]} " == *" mcp "* ]] && check "mcp /health reports degraded while the API is down" reports_api_down mcp /health
[[ " ${SERVICES[*]} " == *" dashboard "* ]] && check "dashboard /api/health reports degraded while the API is down" reports_api_down dashboard /api/health
expected_health=2
[ "${#SERVICES[@]}" -gt 1 ] && expected_health=1
manage health >/dev/null 2>&1
check "manage.sh health exits $expected_health with the API down" test "$?" = "$expected_health"

check "offline backup (manage.sh backup with the API stopped)" manage backup
offline="$(newest_backup)"
check "offline backup file is backups/backup_YYYYMMDD_HHMMSS.db: $offline" bash -c "[ -n '$offline' ] && [ '$offline' != '${online:-}' ]"
check "offline backup passes PRAGMA integrity_check" integrity_ok "$HPM_DATA_DIR/backups/$offline"

# Change the stopped database, so that the restore must bring the backed-up state back.
sqlite3 "$db" "UPDATE project SET description = 'marker after-backup' WHERE id = ${marker_id:-0};"
check "database changed after the backup" bash -c "sqlite3 -readonly '$db' 'SELECT description FROM project WHERE id = ${marker_id:-0};' | grep -qx 'marker after-backup'"
# A stale WAL that restore must delete (if it stayed, SQLite could replay it into the restored file).
printf 'stale WAL from before the restore\n' | tee "$db-wal" > "$WORK/stale-wal"
printf 'not a database\n' > "$WORK/not-a-db.db"
manage -y restore "$WORK/not-a-db.db" >/dev/null 2>&1
check "restore refuses a file that is not a SQLite database" test "$?" = 1
timed "manage.sh restore (stop, swap, start)" manage -y restore "$HPM_DATA_DIR/backups/$offline"
check "restore succeeded and the stack is healthy again" test "$?" = 0
check "restore kept a safety copy backups/pre-restore_*.db" bash -c "ls '$HPM_DATA_DIR/backups' | grep -Eq '^pre-restore_[0-9]{8}_[0-9]{6}(_[0-9]+)?\.db$'"
check "restore removed the stale WAL file" bash -c "! cmp -s '$WORK/stale-wal' '$db-wal'"
check "restored data is the backed-up state (marker before-backup)" bash -c \
  "curl -s -H 'X-API-Key: test-key' http://127.0.0.1:6969/api/v1/projects/${marker_id:-0} | grep -q '\"marker before-backup\"'"

# --- 6. stop --------------------------------------------------------------------------------------------
log "stop"
check "no container was killed for lack of memory" bash -c \
  "for c in ${SERVICES[*]}; do [ \"\$(docker inspect -f '{{.State.OOMKilled}}' headless-pm-\$c)\" = false ] || exit 1; done"
timed "manage.sh stop" manage stop
check "no headless-pm container left after stop" bash -c "[ -z \"\$(docker ps -aq --filter name=^headless-pm-)\" ]"
check "the database file stays after stop" test -s "$db"

finish
