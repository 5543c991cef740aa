#!/usr/bin/env bash
# Makes a Docker engine and docker-compose 1.29 available on a Debian build machine (CI runs as
# root): installs Debian's docker.io, docker-compose and debootstrap when missing and starts dockerd
# in the background when no engine answers. Safe to run again. Logs to /var/log/hpm-dockerd.log.
set -euo pipefail

need() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
need dockerd || packages+=(docker.io)
need docker-compose || packages+=(docker-compose)
need debootstrap || packages+=(debootstrap)
need sqlite3 || packages+=(sqlite3)
if [ "${#packages[@]}" -gt 0 ]; then
  echo "engine: installing ${packages[*]}"
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    "${packages[@]}" >/dev/null
fi

if docker info >/dev/null 2>&1; then
  echo "engine: Docker $(docker version --format '{{.Server.Version}}' 2>/dev/null) is running"
  exit 0
fi
if pgrep -x dockerd >/dev/null; then
  echo "engine: dockerd runs but does not answer yet"
else
  echo "engine: starting dockerd"
  as_root sh -c 'setsid nohup dockerd >/var/log/hpm-dockerd.log 2>&1 </dev/null & echo $! >/run/hpm-dockerd.pid'
fi
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "engine: Docker $(docker version --format '{{.Server.Version}}' 2>/dev/null) is running"
    exit 0
  fi
  sleep 1
done
echo "engine: dockerd did not come up; last lines of /var/log/hpm-dockerd.log:" >&2
tail -n 20 /var/log/hpm-dockerd.log >&2 || true
exit 1
