# Backups and validated restore of the SQLite database (OPERATIONS.md 3.2, 6.7), shared by ./hpm
# and docker/manage.sh. Source it (after cli.sh); it defines functions only.
#
#   hpm_backup_online <api_url> <api_key>
#     POST /api/v1/admin/backup: the API writes backup_YYYYMMDD_HHMMSS.db (UTC, _2, _3... on
#     collision) with VACUUM INTO into its backup folder. Prints the server's report (path, size,
#     creation time, schema version). Returns 0, 1 on failure, 2 when the API cannot be reached.
#
#   hpm_backup_offline <db_file> <backup_dir>
#     For a stopped API only: copies db_file to <backup_dir>/backup_YYYYMMDD_HHMMSS.db. Refuses
#     (returns 1, explains on stderr) when a -wal file with content remains, since a plain copy
#     would miss it. Prints the path and size.
#
#   hpm_backup_name <backup_dir> <prefix>
#     Prints a free path <backup_dir>/<prefix>_YYYYMMDD_HHMMSS.db (UTC, _2, _3... on collision).
#     Prefixes in use: backup, pre-restore, pre-reset, pre-migration.
#
#   hpm_backup_prune <backup_dir> <keep>
#     Deletes the oldest backup_*.db beyond <keep> (HPM_BACKUP_KEEP); prints what it deleted.
#
#   hpm_restore_validate <file>
#     0 when <file> is a readable SQLite 3 database: header "SQLite format 3", and PRAGMA
#     integrity_check = ok when sqlite3 is installed (otherwise a warning on stderr that only the
#     header was checked). 1 with the reason on stderr otherwise.
#
#   hpm_restore_swap <file> <db_file> <backup_dir>
#     With every service stopped: keeps the current database as pre-restore_<stamp>.db (and its
#     -wal, if one remains, beside it), removes db_file's -wal and -shm, copies <file> to db_file
#     keeping db_file's owner when it existed. Prints the safety copy's path. Returns 1 on failure.

hpm_backup_online() {
  hpm_admin_call POST "${1%/}" "$2" /api/v1/admin/backup
}

hpm_backup_name() {
  local dir="$1" prefix="$2" stamp candidate n=2
  stamp="$(date -u +%Y%m%d_%H%M%S)"
  candidate="$dir/${prefix}_$stamp.db"
  while [ -e "$candidate" ]; do
    candidate="$dir/${prefix}_${stamp}_$n.db"
    n=$((n + 1))
  done
  printf '%s\n' "$candidate"
}

hpm_backup_offline() {
  local db="$1" dir="$2" target
  if [ ! -f "$db" ]; then
    echo "No database at $db: nothing to back up." >&2
    return 1
  fi
  if [ -s "$db-wal" ]; then
    echo "The API is not running but $db-wal still holds changes (the server did not stop cleanly)." >&2
    echo "Start the API and take an online backup instead (it folds the WAL in consistently)." >&2
    return 1
  fi
  mkdir -p "$dir" || return 1
  target="$(hpm_backup_name "$dir" backup)"
  cp -p -- "$db" "$target" || return 1
  printf 'Backup created (offline copy): %s\nSize: %s bytes\n' "$target" "$(stat -c %s "$target")"
}

hpm_backup_prune() {
  local dir="$1" keep="$2" old
  case "$keep" in ''|*[!0-9]*) return 0 ;; esac
  [ "$keep" -gt 0 ] || return 0
  # Names sort by time: oldest first.
  ls -1 "$dir"/backup_*.db 2>/dev/null | sort | head -n "-$keep" | while IFS= read -r old; do
    rm -f -- "$old" && echo "Deleted old backup $old"
  done
}

hpm_restore_validate() {
  local file="$1" header result
  if [ ! -f "$file" ]; then
    echo "No such file: $file" >&2
    return 1
  fi
  header="$(head -c 15 -- "$file" 2>/dev/null | tr -d '\0')"
  if [ "$header" != "SQLite format 3" ]; then
    echo "$file is not a SQLite database (its header is not 'SQLite format 3')." >&2
    return 1
  fi
  if command -v sqlite3 >/dev/null; then
    result="$(sqlite3 -readonly "$file" 'PRAGMA integrity_check;' 2>&1 | head -n 5)"
    if [ "$result" != ok ]; then
      printf '%s failed PRAGMA integrity_check:\n%s\n' "$file" "$result" >&2
      return 1
    fi
    if [ "$(sqlite3 -readonly "$file" "SELECT count(*) FROM sqlite_master WHERE name = 'project';" 2>/dev/null)" != 1 ]; then
      echo "$file is a SQLite database but holds no Headless PM data (no project table)." >&2
      return 1
    fi
  else
    echo "Warning: sqlite3 is not installed, so only the file header of $file was checked." >&2
  fi
  return 0
}

hpm_restore_swap() {
  local file="$1" db="$2" dir="$3" safety=""
  mkdir -p "$dir" "$(dirname -- "$db")" || return 1
  if [ -f "$db" ]; then
    safety="$(hpm_backup_name "$dir" pre-restore)"
    cp -p -- "$db" "$safety" || return 1
    if [ -s "$db-wal" ]; then
      cp -p -- "$db-wal" "$safety-wal" || return 1
    fi
  fi
  rm -f -- "$db-wal" "$db-shm"
  if [ -f "$db" ]; then
    # Overwrite in place: the file keeps its owner and mode.
    cat -- "$file" > "$db" || return 1
  else
    cp -- "$file" "$db" || return 1
  fi
  [ -n "$safety" ] && printf '%s\n' "$safety"
  return 0
}
