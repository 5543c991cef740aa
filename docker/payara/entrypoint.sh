#!/usr/bin/env bash
# Container entrypoint of the three images (OPERATIONS.md 8.3). Resolves what Payara needs before the
# application exists (port, database file, boot-file variables) from the environment, then replaces
# itself with the JVM so that `docker stop` (SIGTERM) shuts Payara Micro down gracefully.
set -euo pipefail

HPM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../lib/common.sh
. "$HPM_DIR/lib/common.sh"

fail() {
  printf 'headless-pm entrypoint: %s\n' "$*" >&2
  exit 1
}

component="${HPM_COMPONENT:-}"
case "$component" in
  api) port="$(hpm_first SERVICE_PORT PORT 6969)" ;;
  mcp) port="$(hpm_first MCP_PORT PORT 6968)" ;;
  dashboard) port="$(hpm_first DASHBOARD_PORT PORT 3001)" ;;
  *) fail "HPM_COMPONENT must be api, mcp or dashboard (is '$component')" ;;
esac
case "$port" in
  '' | *[!0-9]*) fail "invalid port '$port'" ;;
esac

export HEADLESS_PM_HOME="${HEADLESS_PM_HOME:-/app}"
hpm_export_boot_defaults

boot="$(mktemp "${TMPDIR:-/tmp}/post-boot.XXXXXX.asadmin")"
cat "$HPM_DIR/payara/post-boot-common.asadmin" > "$boot"

if [ "$component" = api ]; then
  kind="$(hpm_first DB_CONNECTION sqlite)"
  case "${kind,,}" in
    sqlite)
      url="$(hpm_first DATABASE_URL HEADLESS_PM_DATABASE_URL "sqlite:///database/headless-pm.db")"
      if ! HPM_DB_FILE="$(hpm_resolve_db_file "$url" "$HEADLESS_PM_HOME")"; then
        fail "cannot use the database folder as uid $(id -u). On the host, make the mounted folders writable for this uid, e.g. sudo chown -R $(id -u):$(id -g) database projects backups"
      fi
      export HPM_DB_FILE
      cat "$HPM_DIR/payara/post-boot-sqlite.asadmin" >> "$boot"
      echo "headless-pm entrypoint: database file $HPM_DB_FILE (from $url)"
      ;;
    mysql)
      [ -f "$HPM_DIR/payara/post-boot-mysql.asadmin" ] || fail "DB_CONNECTION=mysql is not supported by this image (no post-boot-mysql.asadmin)"
      cat "$HPM_DIR/payara/post-boot-mysql.asadmin" >> "$boot"
      ;;
    *) fail "DB_CONNECTION must be sqlite or mysql (is '$kind')" ;;
  esac
  for dir in "$HEADLESS_PM_HOME/projects" "$HEADLESS_PM_HOME/backups"; do
    if [ -d "$dir" ] && [ ! -w "$dir" ]; then
      echo "headless-pm entrypoint: WARNING $dir is not writable by uid $(id -u) (on the host: sudo chown -R $(id -u):$(id -g) $(basename "$dir"))" >&2
    fi
  done
fi

deploy="${HPM_DEPLOY_PATH:-/opt/payara/deployments/$component.war}"
[ -e "$deploy" ] || fail "nothing to deploy at $deploy"

options=(--nocluster --disablephonehome --name "headless-pm-$component" --port "$port"
  --prebootcommandfile "$HPM_DIR/payara/pre-boot.asadmin" --postbootcommandfile "$boot"
  --shutdowngrace 10000)
if [ -d /opt/payara/libs ] && [ -n "$(ls -A /opt/payara/libs)" ]; then
  options+=(--addlibs /opt/payara/libs)
fi
if [ -d /run/secrets ] && [ -n "$(ls -A /run/secrets 2>/dev/null)" ]; then
  options+=(--secretsdir /run/secrets)
fi
case "${HPM_LOG_FORMAT:-text}" in
  text | json) options+=(--logproperties "$HPM_DIR/payara/logging-${HPM_LOG_FORMAT:-text}.properties") ;;
  *) fail "HPM_LOG_FORMAT must be text or json (is '$HPM_LOG_FORMAT')" ;;
esac
# An exploded WAR (dev override) is redeployed when its .reload file is touched.
[ -d "$deploy" ] && options+=(--hotdeploy)
options+=(--deploy "$deploy" --contextroot ROOT)

# --nocluster still starts a local Hazelcast instance; its health monitor would log a full status
# line every 20 s whenever the container's CPU is busy.
jvm=(-XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE:-70}" -Xss"${MEM_XSS:-512k}"
  -XX:+ExitOnOutOfMemoryError -Dhazelcast.health.monitoring.level=OFF)
# shellcheck disable=SC2206 # JVM_ARGS is a list of options by convention of the Payara images.
jvm+=(${JVM_ARGS:-})

echo "headless-pm entrypoint: $component on port $port, java ${jvm[*]} -jar payara-micro.jar ${options[*]}"
exec java "${jvm[@]}" -jar /opt/payara/payara-micro.jar "${options[@]}"
