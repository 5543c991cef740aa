#!/usr/bin/env bash
# Headless PM with Docker Compose: start, stop, observe, back up and repair the three containers
# (OPERATIONS.md 3.2). Run docker/manage.sh help. Runnable from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/common.sh
. docker/lib/common.sh
# The administration commands, backups and restore validation are shared with ./hpm (OPERATIONS.md
# 5.3, 6.7): docker/lib/cli.sh and docker/lib/backup.sh. Where backup.sh is absent (older
# checkouts) the offline backup, retention and restore swap below fall back to local copies.
# shellcheck disable=SC1091
[ -f docker/lib/cli.sh ] && . docker/lib/cli.sh
# shellcheck disable=SC1091
[ -f docker/lib/backup.sh ] && . docker/lib/backup.sh

PROJECT=headless-pm
MODE_FILE="${HPM_MODE_FILE:-docker/.hpm-mode}"
ENV_FILE="${HPM_ENV_FILE:-$ROOT/.env}"
ALL_SERVICES=(api mcp dashboard)
declare -A MODULE=([api]=api-war [mcp]=mcp-war [dashboard]=dashboard-war)
declare -A DEFAULT_PORT=([api]=6969 [mcp]=6968 [dashboard]=3001)
declare -A PORT_VAR=([api]=SERVICE_PORT [mcp]=MCP_PORT [dashboard]=DASHBOARD_PORT)
declare -A PROBE=([api]=/health/ready [mcp]=/health [dashboard]=/api/health)
declare -A DOCUMENT=([api]=/health [mcp]=/health [dashboard]=/api/health)
PLACEHOLDER_KEYS=" development-key XXXXXX change-me your-secret-api-key "

ASSUME_YES="${HPM_ASSUME_YES:-0}"
COLOR=1
[ -t 1 ] || COLOR=0

# --- output -------------------------------------------------------------------------------------
paint() {
  if [ "$COLOR" = 1 ]; then printf '\033[%sm%s\033[0m' "$1" "$2"; else printf '%s' "$2"; fi
}
info() { printf '%s %s\n' "$(paint '0;34' '[INFO]')" "$*"; }
ok() { printf '%s %s\n' "$(paint '0;32' '[SUCCESS]')" "$*"; }
warn() { printf '%s %s\n' "$(paint '1;33' '[WARNING]')" "$*" >&2; }
err() { printf '%s %s\n' "$(paint '0;31' '[ERROR]')" "$*" >&2; }
die() {
  err "$*"
  exit 1
}

# --- settings -----------------------------------------------------------------------------------
hpm_load_env_file "$ENV_FILE"
DATA_DIR="${HPM_DATA_DIR:-$ROOT}"
export HPM_VERSION="${HPM_VERSION:-$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)}"
PAYARA_VERSION="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n1)"
HPM_UID="${HPM_UID:-1000}"
HPM_GID="${HPM_GID:-1000}"
START_TIMEOUT="${HPM_START_TIMEOUT:-300}"
DB_FILE="$DATA_DIR/database/headless-pm.db"
BACKUP_DIR="$DATA_DIR/backups"

# A service exists once its module is in the repository (or its WAR was built).
SERVICES=()
for svc in "${ALL_SERVICES[@]}"; do
  if [ -f "${MODULE[$svc]}/pom.xml" ] || [ -f "$(printf '%s/target/%s.war' "${MODULE[$svc]}" "${MODULE[$svc]}")" ]; then
    SERVICES+=("$svc")
  fi
done

host_port() { hpm_first "${PORT_VAR[$1]}" "${DEFAULT_PORT[$1]}"; }
host_addr() {
  case "${HPM_BIND_ADDRESS:-0.0.0.0}" in
    0.0.0.0 | '' | '::') printf 'localhost\n' ;;
    *) printf '%s\n' "$HPM_BIND_ADDRESS" ;;
  esac
}
service_url() { printf 'http://%s:%s\n' "$(host_addr)" "$(host_port "$1")"; }
api_key() { hpm_first API_KEY API_KEY_HEADLESS_PM HEADLESS_PM_API_KEY development-key; }
war_of() { printf '%s/target/%s.war\n' "${MODULE[$1]}" "${MODULE[$1]}"; }

check_service() {
  local svc="$1" known
  for known in "${ALL_SERVICES[@]}"; do
    [ "$svc" = "$known" ] && return 0
  done
  die "unknown service '$svc' (services: api, mcp, dashboard)"
}

# --- mode and compose invocation ---------------------------------------------------------------
MODE=base
OVERLAYS=""
if [ -f "$MODE_FILE" ]; then
  MODE="$(sed -n 's/^mode=//p' "$MODE_FILE")"
  OVERLAYS="$(sed -n 's/^with=//p' "$MODE_FILE")"
fi
MODE="${HPM_MODE:-${MODE:-base}}"

remember_mode() {
  printf 'mode=%s\nwith=%s\n' "$MODE" "$OVERLAYS" > "$MODE_FILE"
}

COMPOSE=()
COMPOSE_FLAVOUR=""
detect_compose() {
  [ "${#COMPOSE[@]}" -gt 0 ] && return 0
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
    COMPOSE_FLAVOUR="Compose v2 ($(docker compose version --short 2>/dev/null))"
  elif command -v docker-compose >/dev/null 2>&1; then
    # v1 applies deploy.resources limits only with --compatibility (OPERATIONS.md 9 #8).
    COMPOSE=(docker-compose --compatibility)
    COMPOSE_FLAVOUR="docker-compose $(docker-compose version --short 2>/dev/null)"
  else
    die "neither 'docker compose' nor 'docker-compose' is installed"
  fi
}

compose_files() {
  local files=(-f docker/docker-compose.yml) overlay extra
  case "$MODE" in
    base) ;;
    dev | prod) files+=(-f "docker/docker-compose.$MODE.yml") ;;
    *) die "unknown mode '$MODE' (base, dev, prod)" ;;
  esac
  local IFS=,
  for overlay in $OVERLAYS; do
    [ -n "$overlay" ] || continue
    [ -f "docker/docker-compose.$overlay.yml" ] || die "unknown overlay '$overlay' (logging, monitoring)"
    files+=(-f "docker/docker-compose.$overlay.yml")
  done
  [ -f docker/docker-compose.override.yml ] && files+=(-f docker/docker-compose.override.yml)
  IFS=:
  for extra in ${HPM_COMPOSE_EXTRA:-}; do
    [ -n "$extra" ] && files+=(-f "$extra")
  done
  printf '%s\n' "${files[@]}"
}

compose_args() {
  local args=(-p "$PROJECT")
  mapfile -t -O 2 args < <(compose_files)
  [ -f "$ENV_FILE" ] && args+=(--env-file "$ENV_FILE")
  printf '%s\n' "${args[@]}"
}

compose() {
  detect_compose
  local args
  mapfile -t args < <(compose_args)
  "${COMPOSE[@]}" "${args[@]}" "$@"
}

compose_command_line() {
  detect_compose
  local args
  mapfile -t args < <(compose_args)
  printf '%s\n' "${COMPOSE[*]} ${args[*]}"
}

require_docker() {
  command -v docker >/dev/null 2>&1 || die "docker is not installed"
  docker info >/dev/null 2>&1 || die "the Docker daemon is not running (or this user may not use it)"
  detect_compose
}

# --- containers and health ------------------------------------------------------------------------
container() { printf 'headless-pm-%s\n' "$1"; }

container_state() {
  docker inspect -f '{{.State.Status}}' "$(container "$1")" 2>/dev/null || printf 'absent\n'
}

docker_health() {
  local h
  h="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$(container "$1")" 2>/dev/null)" || h=absent
  printf '%s\n' "$h"
}

http_code() {
  curl -s -o /dev/null -m "${2:-5}" -w '%{http_code}' "$1" 2>/dev/null || true
}

probe_ok() { [ "$(http_code "$(service_url "$1")${PROBE[$1]}")" = 200 ]; }

api_running() { [ "$(container_state api)" = running ]; }

wait_healthy() {
  local svc deadline=$((SECONDS + START_TIMEOUT)) pending
  info "Waiting up to ${START_TIMEOUT}s for: $*"
  while :; do
    pending=()
    for svc in "$@"; do
      probe_ok "$svc" || pending+=("$svc")
    done
    [ "${#pending[@]}" -eq 0 ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      for svc in "${pending[@]}"; do
        err "$svc is not healthy after ${START_TIMEOUT}s (container $(container_state "$svc"), health $(docker_health "$svc")); last 50 log lines:"
        docker logs --tail 50 "$(container "$svc")" 2>&1 | sed 's/^/    /' >&2 || true
      done
      return 1
    fi
    sleep 3
  done
}

print_urls() {
  local svc
  for svc in "$@"; do
    case "$svc" in
      api)
        printf '  REST API        %s/api/v1\n' "$(service_url api)"
        printf '  API docs        %s/api/v1/docs  (OpenAPI: %s/api/v1/openapi.json)\n' "$(service_url api)" "$(service_url api)"
        ;;
      mcp) printf '  MCP server      %s/mcp\n' "$(service_url mcp)" ;;
      dashboard) printf '  Dashboard       %s\n' "$(service_url dashboard)" ;;
    esac
    printf '  %-15s %s/metrics\n' "$svc metrics" "$(service_url "$svc")"
  done
}

# --- host folders -------------------------------------------------------------------------------
# True when uid/gid HPM_UID:HPM_GID may write into the folder or file.
writable_by_service() {
  local path="$1" uid gid mode
  [ "$HPM_UID" = 0 ] && return 0
  read -r uid gid mode < <(stat -c '%u %g %a' "$path")
  mode="$(printf '%03d' "$mode")"
  mode="${mode: -3}"
  if [ "$uid" = "$HPM_UID" ]; then
    [ $((${mode:0:1} & 2)) -ne 0 ]
  elif [ "$gid" = "$HPM_GID" ]; then
    [ $((${mode:1:1} & 2)) -ne 0 ]
  else
    [ $((${mode:2:1} & 2)) -ne 0 ]
  fi
}

prepare_folders() {
  local dir bad=()
  for dir in database projects backups; do
    if [ ! -d "$DATA_DIR/$dir" ]; then
      mkdir -p "$DATA_DIR/$dir"
      [ "$(id -u)" = 0 ] && chown "$HPM_UID:$HPM_GID" "$DATA_DIR/$dir"
    fi
    writable_by_service "$DATA_DIR/$dir" || bad+=("$DATA_DIR/$dir")
  done
  for file in "$DB_FILE" "$DB_FILE-wal" "$DB_FILE-shm"; do
    [ -e "$file" ] && ! writable_by_service "$file" && bad+=("$file")
  done
  if [ "${#bad[@]}" -gt 0 ]; then
    err "the containers run as uid $HPM_UID and cannot write to: ${bad[*]}"
    err "fix with: sudo chown -R $HPM_UID:$HPM_GID ${bad[*]}   (or set HPM_UID/HPM_GID in .env to the owner)"
    exit 1
  fi
}

warn_configuration() {
  [ -f "$ENV_FILE" ] || warn "no $ENV_FILE: defaults apply (cp docker/env-example .env to configure)"
  local key
  key="$(hpm_first API_KEY API_KEY_HEADLESS_PM HEADLESS_PM_API_KEY '')"
  if [ -z "$key" ]; then
    warn "API_KEY is not set: the API accepts only 'development-key'"
  elif [[ "$PLACEHOLDER_KEYS" == *" $key "* ]]; then
    warn "API_KEY is the placeholder '$key': set a real key in .env (production refuses it)"
  fi
}

missing_wars() {
  local svc
  for svc in "$@"; do
    [ -f "$(war_of "$svc")" ] || printf '%s\n' "$svc"
  done
}

maven_build() {
  # maven_build [svc...]: package the given modules (all when none) without tests.
  if [ "${HPM_SKIP_MAVEN:-0}" = 1 ]; then
    info "HPM_SKIP_MAVEN=1: using the WARs already built"
    return 0
  fi
  command -v mvn >/dev/null || die "Maven is needed to build the WARs (or set HPM_SKIP_MAVEN=1 to use existing ones)"
  local modules=() svc
  for svc in "$@"; do modules+=("${MODULE[$svc]}"); done
  info "Building with Maven: ${modules[*]:-all modules}"
  if [ "${#modules[@]}" -gt 0 ]; then
    (IFS=,; mvn -B -q -DskipTests -pl "${modules[*]}" -am package) || die "the Maven build failed"
  else
    mvn -B -q -DskipTests package || die "the Maven build failed"
  fi
}

# --- prompts ------------------------------------------------------------------------------------
confirm() {
  local question="$1" answer
  [ "$ASSUME_YES" = 1 ] && return 0
  if [ ! -t 0 ]; then
    err "$question -- no terminal to ask: refused (use -y or HPM_ASSUME_YES=1)"
    return 1
  fi
  read -r -p "$question " answer
  [[ "$answer" =~ ^[yY]([eE][sS])?$ ]]
}

# --- backups ------------------------------------------------------------------------------------
timestamp() { date -u +%Y%m%d_%H%M%S; }

free_name() {
  # free_name DIR PREFIX -> DIR/PREFIX_<UTC timestamp>.db, with _2, _3... on collision.
  local dir="$1" prefix="$2" stamp n=2 name
  stamp="$(timestamp)"
  name="$dir/${prefix}_$stamp.db"
  while [ -e "$name" ]; do
    name="$dir/${prefix}_${stamp}_$n.db"
    n=$((n + 1))
  done
  printf '%s\n' "$name"
}

wal_has_content() { [ -s "$DB_FILE-wal" ]; }

# Copies the (stopped) database to DIR/PREFIX_<timestamp>.db, with its WAL when that has content,
# so that SQLite replays it when the copy is opened. Prints the copy's path.
offline_copy() {
  local prefix="$1" target
  mkdir -p "$BACKUP_DIR"
  target="$(free_name "$BACKUP_DIR" "$prefix")"
  cp "$DB_FILE" "$target.part"
  mv "$target.part" "$target"
  if wal_has_content; then
    cp "$DB_FILE-wal" "$target-wal"
  fi
  printf '%s\n' "$target"
}

validate_database_file() {
  local file="$1"
  if declare -F hpm_restore_validate >/dev/null; then
    hpm_restore_validate "$file"
    return
  fi
  # Until docker/lib/backup.sh is present: the SQLite header, and integrity_check when possible.
  [ "$(head -c 15 "$file" 2>/dev/null)" = "SQLite format 3" ] || {
    err "$file is not a SQLite database (no 'SQLite format 3' header)"
    return 1
  }
  if command -v sqlite3 >/dev/null; then
    local result
    result="$(sqlite3 -readonly "$file" 'PRAGMA integrity_check;' 2>&1 | head -n 5)"
    [ "$result" = ok ] || {
      err "$file fails PRAGMA integrity_check: $result"
      return 1
    }
  else
    warn "sqlite3 is not installed: only the header of $file was checked"
  fi
}

list_backup_names() {
  ls -1 "$BACKUP_DIR" 2>/dev/null | grep -E '^backup_[0-9]{8}_[0-9]{6}(_[0-9]+)?\.db$' || true
}

apply_retention() {
  local keep="${HPM_BACKUP_KEEP:-}" names count
  [ -n "$keep" ] || return 0
  if declare -F hpm_backup_prune >/dev/null; then
    hpm_backup_prune "$BACKUP_DIR" "$keep"
    return
  fi
  mapfile -t names < <(list_backup_names | sort)
  count="${#names[@]}"
  local i
  for ((i = 0; i < count - keep; i++)); do
    rm -f "$BACKUP_DIR/${names[$i]}" "$BACKUP_DIR/${names[$i]}-wal"
    info "removed old backup ${names[$i]} (HPM_BACKUP_KEEP=$keep)"
  done
}

cmd_backup() {
  local before after file
  mkdir -p "$BACKUP_DIR"
  mapfile -t before < <(list_backup_names)
  if api_running; then
    probe_ok api || die "the API container runs but is not ready: wait for it (manage.sh health) and retry"
    declare -F hpm_backup_online >/dev/null \
      || die "online backup needs docker/lib/backup.sh, which this checkout lacks"
    hpm_backup_online "$(service_url api)" "$(api_key)" || die "the online backup failed"
    mapfile -t after < <(list_backup_names)
    file=""
    for name in "${after[@]}"; do
      [[ " ${before[*]} " == *" $name "* ]] || file="$BACKUP_DIR/$name"
    done
    [ -n "$file" ] || die "the API reported a backup, but no new file appeared in $BACKUP_DIR"
  else
    [ -f "$DB_FILE" ] || die "no database at $DB_FILE and the API is not running: nothing to back up"
    info "The API is not running: copying $DB_FILE"
    if declare -F hpm_backup_offline >/dev/null; then
      hpm_backup_offline "$DB_FILE" "$BACKUP_DIR" >/dev/null || die "the offline backup failed"
    else
      if wal_has_content; then
        die "the API is not running, but $DB_FILE-wal still holds changes: start the stack (manage.sh start) and run backup again (online backup)"
      fi
      offline_copy backup >/dev/null
    fi
    mapfile -t after < <(list_backup_names)
    file=""
    for name in "${after[@]}"; do
      [[ " ${before[*]} " == *" $name "* ]] || file="$BACKUP_DIR/$name"
    done
    [ -n "$file" ] || die "no new backup file appeared in $BACKUP_DIR"
  fi
  apply_retention
  ok "backup $file ($(du -h "$file" | cut -f1))"
}

cmd_list_backups() {
  local name
  if [ ! -d "$BACKUP_DIR" ] || [ -z "$(ls -A "$BACKUP_DIR" 2>/dev/null)" ]; then
    info "no backups in $BACKUP_DIR"
    return 0
  fi
  for name in $(ls -1 "$BACKUP_DIR" | grep -E '\.db$' | sort); do
    printf '  %-40s %8s  %s\n' "$name" "$(du -h "$BACKUP_DIR/$name" | cut -f1)" \
      "$(date -u -r "$BACKUP_DIR/$name" '+%Y-%m-%d %H:%M:%S UTC')"
  done
}

running_services() {
  local svc
  for svc in "${SERVICES[@]}"; do
    [ "$(container_state "$svc")" = running ] && printf '%s\n' "$svc"
  done
}

cmd_restore() {
  local file="${1:-}" safety
  [ -n "$file" ] || die "usage: manage.sh restore FILE"
  [ -f "$file" ] || die "no such file: $file"
  file="$(realpath "$file")"
  validate_database_file "$file" || die "refusing to restore $file"
  warn "This will replace the current database ($DB_FILE) with $file."
  confirm "This will replace the current database. Are you sure? (y/N)" || {
    info "Restore cancelled"
    exit 1
  }
  require_docker
  info "Stopping the stack so that nothing writes or reconnects half-way"
  compose stop
  mkdir -p "$(dirname "$DB_FILE")" "$BACKUP_DIR"
  if declare -F hpm_restore_swap >/dev/null; then
    safety="$(hpm_restore_swap "$file" "$DB_FILE" "$BACKUP_DIR")" || die "the restore failed; the stack stays stopped"
  else
    safety=""
    [ -f "$DB_FILE" ] && safety="$(offline_copy pre-restore)"
    rm -f "$DB_FILE-wal" "$DB_FILE-shm"
    cp "$file" "$DB_FILE.part"
    mv "$DB_FILE.part" "$DB_FILE"
  fi
  [ -n "$safety" ] && info "safety copy of the previous database: $safety"
  chmod 644 "$DB_FILE"
  if [ "$(id -u)" = 0 ]; then chown "$HPM_UID:$HPM_GID" "$DB_FILE"; fi
  ok "restored $file to $DB_FILE"
  start_stack
}

# --- commands -----------------------------------------------------------------------------------
start_stack() {
  prepare_folders
  local missing
  mapfile -t missing < <(missing_wars "${SERVICES[@]}")
  if [ "${#missing[@]}" -gt 0 ]; then
    info "No WAR built yet for: ${missing[*]}"
    maven_build "${missing[@]}"
  fi
  info "Starting ${SERVICES[*]} (mode $MODE${OVERLAYS:+, with $OVERLAYS})"
  local extra=()
  [[ ",$OVERLAYS," == *",monitoring,"* ]] && extra=(prometheus grafana)
  compose up -d "${SERVICES[@]}" "${extra[@]}"
  if wait_healthy "${SERVICES[@]}"; then
    ok "Headless PM is running:"
    print_urls "${SERVICES[@]}"
    if [[ ",$OVERLAYS," == *",monitoring,"* ]]; then
      printf '  Prometheus      http://%s:9090\n  Grafana         http://%s:3000\n' "$(host_addr)" "$(host_addr)"
    fi
    return 0
  fi
  return 1
}

cmd_start() {
  local arg
  while [ $# -gt 0 ]; do
    arg="$1"
    shift
    case "$arg" in
      base | dev | prod) MODE="$arg" ;;
      development) MODE=dev ;;
      production) MODE=prod ;;
      --with) OVERLAYS="${1:-}"; shift || true ;;
      --with=*) OVERLAYS="${arg#--with=}" ;;
      *) die "usage: manage.sh start [base|dev|prod] [--with logging,monitoring]" ;;
    esac
  done
  require_docker
  compose_files >/dev/null
  remember_mode
  warn_configuration
  start_stack
}

cmd_stop() {
  require_docker
  compose down
  ok "stopped (volumes and data kept)"
}

cmd_restart() {
  local svc="${1:-}"
  require_docker
  if [ -n "$svc" ]; then
    check_service "$svc"
    compose restart "$svc"
    wait_healthy "$svc"
  else
    compose restart
    local running
    mapfile -t running < <(running_services)
    wait_healthy "${running[@]}"
  fi
  ok "restarted ${svc:-all services}"
}

cmd_status() {
  require_docker
  compose ps
  echo
  echo "Resource usage:"
  local names=() svc
  for svc in "${SERVICES[@]}"; do
    [ "$(container_state "$svc")" = running ] && names+=("$(container "$svc")")
  done
  if [ "${#names[@]}" -gt 0 ]; then
    docker stats --no-stream --format \
      'table {{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}' "${names[@]}" 2>/dev/null || true
  else
    echo "  no container running"
  fi
  echo
  printf 'Mode:          %s%s\n' "$MODE" "${OVERLAYS:+ (with $OVERLAYS)}"
  if [ -f "$DB_FILE" ]; then
    printf 'Database:      %s (%s)\n' "$DB_FILE" "$(du -h "$DB_FILE" | cut -f1)"
  else
    printf 'Database:      %s (not created yet)\n' "$DB_FILE"
  fi
  local last
  last="$(list_backup_names | sort | tail -n 1)"
  printf 'Last backup:   %s\n' "${last:-none}"
}

cmd_logs() {
  local follow=0 tail=200 svc=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -f | --follow) follow=1 ;;
      --tail) shift; tail="${1:-}" ;;
      --tail=*) tail="${1#--tail=}" ;;
      -*) die "usage: manage.sh logs [-f] [--tail N] [service]" ;;
      *) check_service "$1"; svc="$1" ;;
    esac
    shift
  done
  [[ "$tail" =~ ^[0-9]+$ ]] || die "--tail needs a number"
  require_docker
  local options=(--tail="$tail")
  [ "$COLOR" = 1 ] || options+=(--no-color)
  [ "$follow" = 1 ] && options+=(-f)
  compose logs "${options[@]}" ${svc:+"$svc"}
}

cmd_build() {
  local svc="" options=() maven=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --no-cache | --pull | -q | --quiet) options+=("$1") ;;
      --no-maven) maven=0 ;;
      -*) die "usage: manage.sh build [service] [--no-cache] [--pull] [--quiet] [--no-maven]" ;;
      *) check_service "$1"; svc="$1" ;;
    esac
    shift
  done
  require_docker
  local targets=("${SERVICES[@]}")
  [ -n "$svc" ] && targets=("$svc")
  if [ "$maven" = 1 ]; then
    maven_build ${svc:+"$svc"}
  fi
  compose build "${options[@]}" "${targets[@]}"
  local target
  for target in "${targets[@]}"; do
    ok "image headless-pm/$target:$HPM_VERSION"
  done
}

cmd_redeploy() {
  local svc="${1:-}"
  [ -n "$svc" ] || die "usage: manage.sh redeploy <service> (dev mode)"
  check_service "$svc"
  [ "$MODE" = dev ] || die "redeploy works in dev mode only (manage.sh start dev)"
  maven_build "$svc"
  local exploded="${MODULE[$svc]}/target/${MODULE[$svc]}"
  [ -d "$exploded" ] || die "no exploded WAR at $exploded"
  touch "$exploded/.reload"
  ok "$svc: $exploded/.reload touched; Payara Micro redeploys it"
}

cmd_clean() {
  warn "This removes the containers, network, named volumes and images of the '$PROJECT' project (database/, projects/ and backups/ stay)."
  confirm "Are you sure? (y/N)" || {
    info "Cleanup cancelled"
    exit 1
  }
  require_docker
  compose down -v --rmi all --remove-orphans
  ok "removed the project's containers, network, volumes and images"
}

json_escape() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '%s' "$s"
}

json_string_field() {
  # First "name": "value" of a small JSON document on stdin.
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p;T;q"
}

cmd_health() {
  local json=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --json) json=1 ;;
      *) die "usage: manage.sh health [--json]" ;;
    esac
    shift
  done
  command -v docker >/dev/null || die "docker is not installed"
  local svc healthy=0 responding=0 total=0 entries=()
  for svc in "${SERVICES[@]}"; do
    total=$((total + 1))
    local state health probe doc status version url ready=""
    state="$(container_state "$svc")"
    health="$(docker_health "$svc")"
    url="$(service_url "$svc")"
    probe="$(http_code "$url${PROBE[$svc]}")"
    doc="$(curl -s -m 5 "$url${DOCUMENT[$svc]}" 2>/dev/null || true)"
    status="$(printf '%s' "$doc" | json_string_field status)"
    version="$(printf '%s' "$doc" | json_string_field version)"
    [ "$probe" != 000 ] && responding=$((responding + 1))
    [ "$probe" = 200 ] && healthy=$((healthy + 1))
    [ "$svc" = api ] && ready="$probe"
    if [ "$json" = 1 ]; then
      entries+=("\"$svc\":{\"container\":\"$state\",\"docker_health\":\"$health\",\"url\":\"$url\",\"probe\":\"${PROBE[$svc]}\",\"probe_status\":$((10#$probe)),\"healthy\":$([ "$probe" = 200 ] && echo true || echo false),\"status\":\"$(json_escape "$status")\",\"version\":\"$(json_escape "$version")\"}")
    else
      local line="$svc: container $state, docker health $health, ${PROBE[$svc]} HTTP $probe"
      [ -n "$status" ] && line="$line, status $status"
      [ -n "$version" ] && line="$line, version $version"
      [ -n "$ready" ] && line="$line (ready: $([ "$ready" = 200 ] && echo yes || echo no))"
      if [ "$probe" = 200 ]; then ok "$line"; elif [ "$state" = running ]; then warn "$line"; else err "$line"; fi
    fi
  done
  local verdict code
  if [ "$total" -gt 0 ] && [ "$healthy" = "$total" ]; then
    verdict=healthy code=0
  elif [ "$responding" -gt 0 ]; then
    verdict=degraded code=1
  else
    verdict=down code=2
  fi
  if [ "$json" = 1 ]; then
    local IFS=,
    printf '{"status":"%s","healthy":%d,"total":%d,"timestamp":"%s","services":{%s}}\n' \
      "$verdict" "$healthy" "$total" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${entries[*]}"
  else
    info "$healthy/$total services healthy"
  fi
  exit "$code"
}

cmd_shell() {
  local svc="${1:-api}"
  check_service "$svc"
  [ "$(container_state "$svc")" = running ] || die "$(container "$svc") is not running"
  local shell=/bin/sh
  docker exec "$(container "$svc")" test -x /bin/bash 2>/dev/null && shell=/bin/bash
  local tty=(-i)
  [ -t 0 ] && [ -t 1 ] && tty=(-it)
  exec docker exec "${tty[@]}" "$(container "$svc")" "$shell"
}

cmd_reset() {
  local backup=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --no-backup) backup=0 ;;
      *) die "usage: manage.sh reset [--no-backup]" ;;
    esac
    shift
  done
  warn "This will DELETE ALL DATA: the database, every project folder under projects/ and the named volumes (backups/ stays)."
  local answer="${HPM_CONFIRM:-}"
  if [ -z "$answer" ]; then
    if [ ! -t 0 ]; then
      err "no terminal to ask: set HPM_CONFIRM=DELETE to reset non-interactively"
      info "Reset cancelled"
      exit 1
    fi
    read -r -p "Type DELETE to confirm: " answer
  fi
  if [ "$answer" != DELETE ]; then
    info "Reset cancelled"
    exit 1
  fi
  require_docker
  compose down -v
  if [ "$backup" = 1 ] && [ -f "$DB_FILE" ]; then
    info "safety copy of the database: $(offline_copy pre-reset)"
  fi
  rm -f "$DB_FILE" "$DB_FILE-wal" "$DB_FILE-shm" "$DB_FILE-journal"
  find "$DATA_DIR/projects" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} + 2>/dev/null || true
  ok "database and project folders deleted"
  start_stack
}

mask() {
  # mask KEY VALUE (Compose renders a variable passed on without a value as null)
  if [ "$2" = null ]; then
    printf '(not set)\n'
    return
  fi
  case "$1" in
    *REQUIRE*) printf '%s\n' "$2" ;;
    *KEY* | *PASSWORD* | *SECRET* | *TOKEN*) [ -n "$2" ] && printf '***\n' || printf '\n' ;;
    *) printf '%s\n' "$2" ;;
  esac
}

cmd_config() {
  require_docker
  printf 'Compose:   %s\n' "$(compose_command_line)"
  printf 'Mode:      %s%s\n' "$MODE" "${OVERLAYS:+ (with $OVERLAYS)}"
  printf 'Data:      %s (database/, projects/, backups/)\n' "$DATA_DIR"
  printf '.env:      %s\n\n' "$([ -f "$ENV_FILE" ] && echo "$ENV_FILE" || echo 'none (defaults apply)')"
  local rendered
  rendered="$(compose config)" || die "the compose files are not valid"
  # Services, their ports and environment, read from the rendered configuration.
  printf '%s\n' "$rendered" | awk '
    /^services:/ { in_services = 1; next }
    /^[^ ]/ { in_services = 0 }
    in_services && /^  [A-Za-z0-9_-]+:$/ { svc = $1; sub(":", "", svc); section = ""; print ""; print "[" svc "]"; next }
    in_services && /^    [a-z_]+:/ { section = $1; sub(":", "", section); next }
    in_services && section == "environment" && /^      [A-Za-z0-9_]+:/ {
      key = $1; sub(":", "", key); value = $0; sub(/^      [A-Za-z0-9_]+: ?/, "", value)
      gsub(/^'\''|'\''$/, "", value); gsub(/^"|"$/, "", value)
      print "  " key "=" value; next }
    in_services && section == "ports" && /published|target|host_ip|- / { print "  port " $0; next }
  ' | while IFS= read -r line; do
    case "$line" in
      "  port "*) printf '%s\n' "$(printf '%s' "$line" | sed 's/^  port *//; s/^ *- *//; s/^/  port: /')" ;;
      "  "*=*)
        local key="${line%%=*}" value="${line#*=}"
        printf '%s=%s\n' "$key" "$(mask "$key" "$value")"
        ;;
      *) printf '%s\n' "$line" ;;
    esac
  done
}

cmd_cli() {
  [ $# -gt 0 ] || die "usage: manage.sh cli <command> [args] (init, reset, seed, status, tasks, agents, services, projects, documents, delete-project, dashboard, sanity-check)"
  declare -F hpm_cli >/dev/null || die "the administration commands need docker/lib/cli.sh, which this checkout lacks"
  hpm_cli "$(service_url api)" "$(api_key)" "$@"
}

cmd_version() {
  local compose_flavour="none"
  if docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1; then
    detect_compose
    compose_flavour="$COMPOSE_FLAVOUR"
  fi
  printf 'Headless PM     %s\n' "$HPM_VERSION"
  printf 'Payara Micro    %s (base image payara/micro:%s-jdk17)\n' "$PAYARA_VERSION" "$PAYARA_VERSION"
  local svc
  for svc in "${SERVICES[@]}"; do
    printf 'Image           headless-pm/%s:%s\n' "$svc" "$HPM_VERSION"
  done
  printf 'Compose         %s\n' "$compose_flavour"
  printf 'Docker          %s\n' "$(docker version --format '{{.Server.Version}}' 2>/dev/null || echo 'daemon not reachable')"
}

usage() {
  cat <<'USAGE'
Usage: docker/manage.sh [-y] [--no-color] <command> [arguments]

Runs Headless PM in Docker: api (REST API, 6969), mcp (MCP server, 6968) and dashboard (3001).
Settings come from .env at the repository root (cp docker/env-example .env).

Commands:
  start [base|dev|prod] [--with logging,monitoring]
                         start the stack (mode and overlays are remembered) and wait until healthy
  stop                   stop and remove the containers (data and volumes kept)
  restart [service]      restart one or all services and wait until healthy
  status                 containers, resource usage, mode, database file, last backup
  logs [-f] [--tail N] [service]
                         show (or follow) the logs; 200 lines by default
  build [service] [--no-cache] [--pull] [--no-maven]
                         build the WARs with Maven, then the images (tag HPM_VERSION)
  redeploy <service>     dev mode: rebuild one module and redeploy its exploded WAR
  health [--json]        health of each service; exit 0 all healthy, 1 some, 2 none responding
  backup                 online backup into backups/backup_YYYYMMDD_HHMMSS.db (UTC)
  restore FILE           validate FILE, keep a safety copy, swap the database, start again
  list-backups           the files in backups/
  shell [service]        a shell in a running container (default api)
  reset [--no-backup]    delete all data (asks to type DELETE), keep a pre-reset copy, start again
  clean                  remove this project's containers, volumes and images (asks first)
  config                 resolved configuration of the services (secrets masked), compose command
  cli <command> [args]   administration commands against the running API (status, tasks, agents,
                         services, projects, documents, seed, init, reset, sanity-check, ...)
  version                versions of Headless PM, Payara Micro, images and Compose
  help                   this text

Aliases: start-services, stop-services, list-services (status), get-health (health),
backup-database (backup), restore-database (restore).

Options: -y/--yes (or HPM_ASSUME_YES=1) answers yes to prompts; reset run without a terminal also
needs HPM_CONFIRM=DELETE. --no-color disables colours. HPM_MODE overrides the remembered mode.

Examples:
  docker/manage.sh start                 # base mode: the three services on their default ports
  docker/manage.sh start prod --with monitoring
  docker/manage.sh logs -f api
  docker/manage.sh cli status
  docker/manage.sh backup && docker/manage.sh list-backups
  docker/manage.sh -y restore backups/backup_20250101_120000.db
USAGE
}

main() {
  local args=() arg
  for arg in "$@"; do
    case "$arg" in
      -y | --yes) ASSUME_YES=1 ;;
      --no-color) COLOR=0 ;;
      *) args+=("$arg") ;;
    esac
  done
  set -- "${args[@]+"${args[@]}"}"
  local command="${1:-}"
  shift || true
  case "$command" in
    start | start-services) cmd_start "$@" ;;
    stop | stop-services) cmd_stop ;;
    restart) cmd_restart "$@" ;;
    status | list-services) cmd_status ;;
    logs) cmd_logs "$@" ;;
    build) cmd_build "$@" ;;
    redeploy) cmd_redeploy "$@" ;;
    clean) cmd_clean ;;
    health | get-health) cmd_health "$@" ;;
    backup | backup-database) cmd_backup ;;
    restore | restore-database) cmd_restore "$@" ;;
    list-backups) cmd_list_backups ;;
    shell) cmd_shell "$@" ;;
    reset) cmd_reset "$@" ;;
    config) cmd_config ;;
    cli) cmd_cli "$@" ;;
    version) cmd_version ;;
    help | -h | --help) usage ;;
    '')
      err "no command given"
      usage >&2
      exit 1
      ;;
    *)
      err "unknown command '$command'"
      usage >&2
      exit 1
      ;;
  esac
}

main "$@"
