#!/usr/bin/env bash
# Smoke checks of a running Headless PM stack (OPERATIONS.md 2.10), for the Docker test stack and
# for ./hpm alike. Needs bash, curl, grep and sed only (it also runs inside the api image).
#
#   SMOKE_API_URL        REST API root            (default http://localhost:6969)
#   SMOKE_MCP_URL        MCP server root          (default: none, MCP checks skipped)
#   SMOKE_DASHBOARD_URL  dashboard root           (default: none, dashboard checks skipped)
#   API_KEY              key for X-API-Key        (default development-key)
#   SMOKE_WAIT           seconds to wait for the three probes (default 300)
#
# Exit status 0 when every check passed, 1 otherwise.
set -uo pipefail

api="${SMOKE_API_URL:-http://localhost:6969}"
mcp="${SMOKE_MCP_URL:-}"
dashboard="${SMOKE_DASHBOARD_URL:-}"
key="${API_KEY:-development-key}"
wait_limit="${SMOKE_WAIT:-300}"
api="${api%/}"
mcp="${mcp%/}"
dashboard="${dashboard%/}"

passed=0
failed=0
body=""
code=""

pass() {
  passed=$((passed + 1))
  printf 'PASS  %s\n' "$1"
}

fail() {
  failed=$((failed + 1))
  printf 'FAIL  %s\n' "$1"
  [ -n "${2:-}" ] && printf '      %s\n' "$(printf '%s' "$2" | head -c 400)"
  return 0
}

# request METHOD URL [JSON body] [extra curl args...]: sets $code and $body.
request() {
  local method="$1" url="$2" data="${3:-}" out
  shift 3 2>/dev/null || shift $#
  local args=(-s -m 30 -X "$method" -H "X-API-Key: $key" -w '\n%{http_code}')
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data "$data")
  out="$(curl "${args[@]}" "$@" "$url" 2>/dev/null)" || true
  code="${out##*$'\n'}"
  body="${out%$'\n'*}"
  [ "$out" = "$code" ] && body=""
  [ -n "$code" ] || code=000
}

# First number value of "name": in $body.
number_field() {
  grep -o "\"$1\"[[:space:]]*:[[:space:]]*[0-9]\+" <<< "$body" | head -n1 | grep -o '[0-9]\+$'
}

expect() {
  # expect DESCRIPTION STATUS [REGEX]
  local what="$1" status="$2" pattern="${3:-}"
  if [ "$code" != "$status" ]; then
    fail "$what (HTTP $code, expected $status)" "$body"
  elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" <<< "$body"; then
    fail "$what (body does not match $pattern)" "$body"
  else
    pass "$what"
  fi
}

probe_ok() {
  [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null)" = 200 ]
}

# --- wait for the probes the containers use ---------------------------------------------------
probes=("$api/health/ready")
[ -n "$mcp" ] && probes+=("$mcp/health")
[ -n "$dashboard" ] && probes+=("$dashboard/api/health")
start=$SECONDS
for probe in "${probes[@]}"; do
  until probe_ok "$probe"; do
    if [ $((SECONDS - start)) -ge "$wait_limit" ]; then
      fail "probe $probe answered 200 within ${wait_limit}s"
      echo "smoke: stack not ready; $failed check(s) failed"
      exit 1
    fi
    sleep 2
  done
done
pass "probes answer 200 (${probes[*]}) after $((SECONDS - start))s"

# --- health documents, MicroProfile Health, metrics -------------------------------------------
request GET "$api/health"
expect "api /health is the legacy document, healthy" 200 '"status" *: *"healthy"'
grep -q '"service" *: *"headless-pm-api"' <<< "$body" \
  && pass "api /health names headless-pm-api" || fail "api /health names headless-pm-api" "$body"
request GET "$api/health/ready"
expect "api /health/ready is MicroProfile Health UP" 200 '"status" *: *"UP"'

services=("api=$api")
[ -n "$mcp" ] && services+=("mcp=$mcp")
[ -n "$dashboard" ] && services+=("dashboard=$dashboard")
for entry in "${services[@]}"; do
  name="${entry%%=*}"
  url="${entry#*=}"
  case "$name" in
    mcp)
      request GET "$url/health"
      expect "mcp /health answers with a status" 200 '"status"'
      ;;
    dashboard)
      request GET "$url/api/health"
      expect "dashboard /api/health answers with a status" 200 '"status"'
      ;;
  esac
  request GET "$url/mp-health/live"
  expect "$name /mp-health/live (Payara's MP Health moved by pre-boot)" 200 '"status" *: *"UP"'
  request GET "$url/metrics"
  expect "$name /metrics serves Prometheus text" 200 '^# (TYPE|HELP) '
done

# --- authentication -----------------------------------------------------------------------------
out="$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$api/api/v1/projects" 2>/dev/null)"
[ "$out" = 401 ] && pass "a request without X-API-Key gets 401" \
  || fail "a request without X-API-Key gets 401 (got $out)"

# --- a project, its docs, an agent, epic -> feature -> task -----------------------------------
tag="$(date -u +%Y%m%d%H%M%S)$RANDOM"
request POST "$api/api/v1/projects" "{\"name\":\"smoke-$tag\",\"description\":\"smoke test\"}"
expect "project smoke-$tag created" 200 '"id"'
project="$(number_field id)"

if [ -n "$project" ]; then
  request POST "$api/api/v1/projects/$project/docs/notes/smoke.md" "{\"content\":\"# Smoke $tag\\n\"}"
  expect "project doc written" 200 '"created" *: *true'
  request GET "$api/api/v1/projects/$project/docs/notes/smoke.md"
  expect "project doc read back with the same content" 200 "# Smoke $tag"
  request GET "$api/api/v1/projects/$project/docs"
  expect "project doc listed" 200 '"path" *: *"notes/smoke.md"'

  agent="smoke_pm_$tag"
  request POST "$api/api/v1/register" \
    "{\"agent_id\":\"$agent\",\"project_id\":$project,\"role\":\"project_pm\",\"level\":\"principal\"}"
  expect "agent $agent registered" 200 "\"$agent\""

  request POST "$api/api/v1/epics?agent_id=$agent&project_id=$project" \
    '{"name":"Smoke epic","description":"created by smoke.sh"}'
  expect "epic created" 200 '"Smoke epic"'
  epic="$(number_field id)"
  request POST "$api/api/v1/features?agent_id=$agent" \
    "{\"epic_id\":${epic:-0},\"name\":\"Smoke feature\",\"description\":\"created by smoke.sh\"}"
  expect "feature created" 200 '"Smoke feature"'
  feature="$(number_field id)"
  request POST "$api/api/v1/tasks/create?agent_id=$agent" \
    "{\"feature_id\":${feature:-0},\"title\":\"Smoke task $tag\",\"description\":\"created by smoke.sh\",\"target_role\":\"backend_dev\",\"difficulty\":\"junior\",\"complexity\":\"minor\",\"branch\":\"smoke/$tag\"}"
  expect "task created" 200 "\"Smoke task $tag\""
  task="$(number_field id)"
  request GET "$api/api/v1/tasks/${task:-0}"
  expect "task read back" 200 "\"Smoke task $tag\""
else
  fail "project id missing: docs, agent, epic, feature and task checks not run"
fi

# --- the administration commands (OPERATIONS.md 5.3), when this API version has them -----------
request GET "$api/api/v1/openapi.json"
expect "api publishes its OpenAPI document" 200 '"openapi"'
if grep -q '/api/v1/admin/status' <<< "$body"; then
  request GET "$api/api/v1/admin/status" "" -H 'Accept: text/plain'
  expect "admin 'cli status' answers with the task summary" 200 '[Cc]reated'
else
  printf 'SKIP  admin cli status: this API does not publish /api/v1/admin/status\n'
fi

total=$((passed + failed))
if [ "$failed" -eq 0 ]; then
  echo "smoke: all $total checks passed"
  exit 0
fi
echo "smoke: $failed of $total checks failed"
exit 1
