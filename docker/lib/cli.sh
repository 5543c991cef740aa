# The reference command-line tools against a running API (OPERATIONS.md 5.3), shared by ./hpm and
# docker/manage.sh. Source it; it defines functions only and needs curl.
#
#   hpm_cli <api_url> <api_key> <command> [args...]
#     api_url  base URL of the REST API, e.g. http://localhost:6969 (no trailing /api/v1)
#     api_key  the X-API-Key to send
#     command  init | reset [-y] | seed [--project-id N] | status | tasks [--status S] [--role R]
#              | agents | services | projects | documents [--doc-type T]
#              | delete-project ID [-y] | dashboard [--once] | backup | backups
#              | sanity-check [--fix] [--check-only CAT[,CAT]] [-v]
#     Prints the server's text/plain answer on stdout, errors on stderr. Returns the server's
#     X-HPM-Exit-Code (0 ok, 1 failure or refused request, sanity-check: 2 could not run), 2 when
#     the API cannot be reached, 1 for a usage error or a cancelled confirmation.
#     Prompts (reset, delete-project) read the terminal; -y/--yes or HPM_ASSUME_YES=1 answers
#     them; without a terminal and without -y the command is cancelled.
#
#   hpm_cli_usage   prints the command list.

hpm_cli_usage() {
  cat <<'USAGE'
CLI commands (run against the running API):
  init                          make sure the default project and dashboard-user exist
  reset [-y]                    delete ALL data (asks first), then init
  seed [--project-id N]         create the sample data (once per project)
  status                        agents, services up, documents today, tasks per status
  tasks [--status S] [--role R] the 20 newest tasks
  agents | services | projects  listings over all projects
  documents [--doc-type T]      the 20 newest documents
  delete-project ID [-y]        delete a project with everything in it (asks first)
  dashboard [--once]            text dashboard, redrawn every 2 s until Ctrl+C
  sanity-check [--fix] [--check-only enums,foreign-keys,data-quality,business-logic] [-v]
  backup                        online backup (VACUUM INTO) into the backup folder
  backups                       list the backups
USAGE
}

# hpm_admin_call <method> <api_url> <api_key> <path> [name=value...]: one request with the query
# parameters URL-encoded; prints the body (errors' detail on stderr), returns the exit code.
hpm_admin_call() {
  local method="$1" url="$2" key="$3" path="$4"
  shift 4
  local headers body status code param args=()
  headers="$(mktemp)"
  body="$(mktemp)"
  for param in "$@"; do
    args+=(--data-urlencode "$param")
  done
  status="$(curl -sS -G -X "$method" -o "$body" -D "$headers" -w '%{http_code}' -m "${HPM_CLI_TIMEOUT:-120}" \
    -H "X-API-Key: $key" -H 'Accept: text/plain, application/json;q=0.5' \
    "${args[@]}" "$url$path" 2>"$headers.err")"
  if [ $? -ne 0 ] || [ "$status" = 000 ]; then
    printf 'Cannot reach the API at %s: %s\n' "$url" "$(cat "$headers.err")" >&2
    rm -f "$headers" "$headers.err" "$body"
    return 2
  fi
  code="$(tr -d '\r' < "$headers" | sed -n 's/^[Xx]-[Hh][Pp][Mm]-[Ee]xit-[Cc]ode: *\([0-9]*\).*/\1/p' | tail -n1)"
  if [ "${status:0:1}" = 2 ]; then
    cat "$body"
  else
    local detail
    detail="$(sed -n 's/.*"detail" *: *"\(\([^"\\]\|\\.\)*\)".*/\1/p' "$body")"
    printf 'Error (HTTP %s): %s\n' "$status" "${detail:-$(cat "$body")}" >&2
    [ -n "$code" ] || code=1
  fi
  rm -f "$headers" "$headers.err" "$body"
  return "${code:-0}"
}

# hpm_confirm <question> <assume_yes 0|1>: 0 when the user (or -y) says yes.
hpm_confirm() {
  local question="$1" yes="$2" answer
  if [ "$yes" = 1 ] || [ "${HPM_ASSUME_YES:-0}" = 1 ]; then
    return 0
  fi
  if [ ! -t 0 ]; then
    printf '%s [y/N]: no terminal to ask; pass -y to confirm\n' "$question" >&2
    return 1
  fi
  read -r -p "$question [y/N]: " answer
  case "$answer" in y|Y|yes|YES|Yes) return 0 ;; *) return 1 ;; esac
}

hpm_cli() {
  local url="${1%/}" key="$2" command="${3:-}"
  if [ $# -lt 3 ]; then
    hpm_cli_usage >&2
    return 1
  fi
  shift 3
  local yes=0 params=() arg positional=()
  while [ $# -gt 0 ]; do
    arg="$1"
    case "$arg" in
      -y|--yes|--confirm) yes=1 ;;
      --project-id|--project_id) params+=("project_id=${2:-}"); shift ;;
      --project-id=*) params+=("project_id=${arg#*=}") ;;
      --status) params+=("status=${2:-}"); shift ;;
      --status=*) params+=("status=${arg#*=}") ;;
      --role) params+=("role=${2:-}"); shift ;;
      --role=*) params+=("role=${arg#*=}") ;;
      --doc-type|--doc_type) params+=("doc_type=${2:-}"); shift ;;
      --doc-type=*) params+=("doc_type=${arg#*=}") ;;
      --fix|--fix-issues) params+=("fix=true") ;;
      --check-only) params+=("check_only=${2:-}"); shift ;;
      --check-only=*) params+=("check_only=${arg#*=}") ;;
      -v|--verbose) params+=("verbose=true") ;;
      --once) positional+=(--once) ;;
      -*) printf 'Unknown option for %s: %s\n' "$command" "$arg" >&2; return 1 ;;
      *) positional+=("$arg") ;;
    esac
    shift
  done
  local api="/api/v1/admin"
  case "$command" in
    init) hpm_admin_call POST "$url" "$key" "$api/init" ;;
    reset)
      if ! hpm_confirm "This will delete ALL data. Are you sure?" "$yes"; then
        echo "Operation cancelled"
        return 1
      fi
      hpm_admin_call POST "$url" "$key" "$api/reset" confirm=DELETE ;;
    seed) hpm_admin_call POST "$url" "$key" "$api/seed" "${params[@]}" ;;
    status|agents|services|projects|backups) hpm_admin_call GET "$url" "$key" "$api/$command" ;;
    tasks|documents) hpm_admin_call GET "$url" "$key" "$api/$command" "${params[@]}" ;;
    sanity-check|sanity_check) hpm_admin_call POST "$url" "$key" "$api/sanity-check" "${params[@]}" ;;
    backup) hpm_admin_call POST "$url" "$key" "$api/backup" ;;
    dashboard)
      if [ "${positional[0]:-}" = --once ] || [ ! -t 1 ]; then
        hpm_admin_call GET "$url" "$key" "$api/dashboard"
        return
      fi
      trap 'echo; echo "Dashboard stopped"; trap - INT; return 0' INT
      while true; do
        local frame
        frame="$(hpm_admin_call GET "$url" "$key" "$api/dashboard" 2>&1)"
        clear
        printf '%s\n(Ctrl+C to stop)\n' "$frame"
        sleep 2
      done ;;
    delete-project|delete_project) hpm_cli_delete_project "$url" "$key" "${positional[0]:-}" "$yes" ;;
    help|--help|-h) hpm_cli_usage ;;
    *)
      printf 'Unknown CLI command: %s\n' "$command" >&2
      hpm_cli_usage >&2
      return 1 ;;
  esac
}

# Shows what goes with the project, asks, then deletes it with everything in it (agents too).
hpm_cli_delete_project() {
  local url="$1" key="$2" id="$3" yes="$4" project field
  case "$id" in
    ''|*[!0-9]*) echo "Usage: delete-project ID [-y]" >&2; return 1 ;;
  esac
  project="$(curl -sS -m 30 -H "X-API-Key: $key" -w '\n%{http_code}' "$url/api/v1/projects/$id")" || {
    printf 'Cannot reach the API at %s\n' "$url" >&2
    return 2
  }
  if [ "${project##*$'\n'}" != 200 ]; then
    echo "Project with ID $id not found" >&2
    return 1
  fi
  project="${project%$'\n'*}"
  hpm_json() { sed -n "s/.*\"$1\" *: *\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" <<<"$project"; }
  echo "Project $id: $(hpm_json name)"
  for field in agent_count epic_count task_count; do
    printf '  %-8s %s\n' "${field%_count}s:" "$(hpm_json "$field")"
  done
  echo "  folder:  projects/ (kept; delete it by hand if no longer needed)"
  if ! hpm_confirm "Are you absolutely sure you want to delete project '$(hpm_json name)' and all its data?" "$yes"; then
    echo "Operation cancelled"
    return 1
  fi
  local answer
  answer="$(curl -sS -m 60 -X DELETE -H "X-API-Key: $key" -w '\n%{http_code}' "$url/api/v1/projects/$id?force=true")" || return 2
  if [ "${answer##*$'\n'}" = 200 ]; then
    echo "${answer%$'\n'*}"
    echo "Project $id deleted"
    return 0
  fi
  printf 'Delete failed (HTTP %s): %s\n' "${answer##*$'\n'}" "${answer%$'\n'*}" >&2
  return 1
}
