# Shared by ./hpm and the container entrypoint: how settings that Payara needs before the
# application exists are resolved (OPERATIONS.md 1.1, 6.1). Source it; it defines functions only.

# Prints one setting: the first non-empty variable among the names given, else the last argument.
hpm_first() {
  local default="${!#}" name
  for name in "${@:1:$#-1}"; do
    if [ -n "${!name:-}" ]; then
      printf '%s\n' "${!name}"
      return
    fi
  done
  printf '%s\n' "$default"
}

# Resolves DATABASE_URL to an absolute SQLite file path (OPERATIONS.md 6.1):
#   sqlite:////abs/path.db  -> /abs/path.db
#   sqlite:///rel/path.db   -> $home/rel/path.db
#   jdbc:sqlite:<path>      -> <path>, relative to $home
#   <path>                  -> same as jdbc:sqlite:<path>
# Query strings are refused. Prints the path, or an error on stderr and returns 1.
hpm_resolve_db_file() {
  local url="$1" home="$2" path
  case "$url" in
    *\?*)
      echo "DATABASE_URL must not carry a query string: $url" >&2
      return 1 ;;
    sqlite:////*) path="/${url#sqlite:////}" ;;
    sqlite:///*) path="${url#sqlite:///}" ;;
    jdbc:sqlite:*) path="${url#jdbc:sqlite:}" ;;
    *://*|*:*)
      echo "DATABASE_URL is not a SQLite URL: $url (use sqlite:////abs/path.db or jdbc:sqlite:path)" >&2
      return 1 ;;
    *) path="$url" ;;
  esac
  if [ -z "$path" ]; then
    echo "DATABASE_URL names no file: $url" >&2
    return 1
  fi
  case "$path" in
    /*) ;;
    *) path="$home/$path" ;;
  esac
  # Normalise ./ and ../ without requiring the file to exist.
  path="$(realpath -m -- "$path")"
  local dir
  dir="$(dirname -- "$path")"
  if [ ! -d "$dir" ] || [ ! -w "$dir" ]; then
    echo "The database folder $dir does not exist or is not writable (DATABASE_URL=$url)." >&2
    case "$url" in
      sqlite:///[!/]*) echo "Hint: sqlite:/// is relative to HEADLESS_PM_HOME; an absolute path needs four slashes (sqlite:////...)." >&2 ;;
    esac
    return 1
  fi
  printf '%s\n' "$path"
}

# Refuses to start on a file that exists but is not a SQLite database: Payara would fail the
# deployment with a stack trace instead (OPERATIONS.md 6.1). A missing or empty file is fine: the
# API creates the schema. Prints the reason on stderr and returns 1.
hpm_check_db_file() {
  local path="$1" header
  [ -s "$path" ] || return 0
  header="$(head -c 15 -- "$path" 2>/dev/null | tr -d '\0')"
  if [ "$header" != "SQLite format 3" ]; then
    echo "The database file $path is not a SQLite database (it does not start with 'SQLite format 3')." >&2
    echo "Point DATABASE_URL at the right file, or restore a backup (./hpm restore FILE, manage.sh restore FILE)." >&2
    return 1
  fi
}

# Exports, with their defaults, every variable the boot command files refer to: an unset
# ${ENV=...} must never reach Payara (OPERATIONS.md 8.3).
hpm_export_boot_defaults() {
  export HEADLESS_PM_DB_POOL_MAX="${HEADLESS_PM_DB_POOL_MAX:-8}"
  export HEADLESS_PM_DB_JOURNAL_MODE="${HEADLESS_PM_DB_JOURNAL_MODE:-WAL}"
  export HEADLESS_PM_DB_BUSY_TIMEOUT_MS="${HEADLESS_PM_DB_BUSY_TIMEOUT_MS:-10000}"
  export HPM_MONITORING_LEVEL="${HPM_MONITORING_LEVEL:-LOW}"
  local level="${LOG_LEVEL:-INFO}"
  case "${DEBUG:-}" in 1|true|TRUE|True) level=FINE ;; esac
  case "$level" in debug|DEBUG) level=FINE ;; esac
  export HPM_APP_LOG_LEVEL="${HPM_APP_LOG_LEVEL:-$level}"
}

# Reads KEY=VALUE lines of a .env file into the environment without overriding variables already
# set; full-line comments and blank lines are skipped, one pair of surrounding quotes is stripped.
hpm_load_env_file() {
  local file="$1" line key value
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    case "$line" in ''|'#'*) continue ;; esac
    case "$line" in export\ *) line="${line#export }" ;; esac
    key="${line%%=*}"
    value="${line#*=}"
    [ "$key" = "$line" ] && continue
    key="${key%"${key##*[![:space:]]}"}"
    case "$key" in *[!A-Za-z0-9_]*|'') continue ;; esac
    case "$value" in
      \"*\") value="${value#\"}"; value="${value%\"}" ;;
      \'*\') value="${value#\'}"; value="${value%\'}" ;;
    esac
    if [ -z "${!key+x}" ]; then
      export "$key=$value"
    fi
  done < "$file"
}
