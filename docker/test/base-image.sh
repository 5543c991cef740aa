#!/usr/bin/env bash
# Builds the stand-in for the official payara/micro:<version>-jdk17 image offline, where Docker Hub
# cannot be reached (OPERATIONS.md 2.10). The version comes from the root pom.xml. Steps:
#   1. debootstrap a minimal Debian bookworm with openjdk-17-jre-headless and curl (cached as a tar
#      under $HPM_CACHE_DIR, default ~/.cache/headless-pm, so reruns skip it);
#   2. docker import it as headless-pm/standin-rootfs:bookworm-jdk17;
#   3. docker build docker/test/payara-micro-standin with the Payara Micro jar Maven put in
#      target/runtime (or the one in ~/.m2).
# Does nothing when the image exists, unless --force.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

force=0
[ "${1:-}" = --force ] && force=1

version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n1)"
[ -n "$version" ] || { echo "base-image: no <payara.version> in pom.xml" >&2; exit 1; }
image="payara/micro:${version}-jdk17"
for dockerfile in api-war/Dockerfile mcp-war/Dockerfile dashboard-war/Dockerfile; do
  if [ -f "$dockerfile" ] && ! grep -q "^FROM $image\$" "$dockerfile"; then
    echo "base-image: $dockerfile does not start FROM $image (pom.xml payara.version)" >&2
    exit 1
  fi
done

if [ "$force" = 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
  echo "base-image: $image exists"
  exit 0
fi

jar="target/runtime/payara-micro.jar"
[ -f "$jar" ] || jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$version/payara-micro-$version.jar"
[ -f "$jar" ] || { echo "base-image: no Payara Micro jar; run the Maven build first (mvn -DskipTests package)" >&2; exit 1; }

cache="${HPM_CACHE_DIR:-$HOME/.cache/headless-pm}"
rootfs_tar="$cache/bookworm-jdk17-rootfs.tar"
mirror="${HPM_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if [ ! -s "$rootfs_tar" ]; then
  command -v debootstrap >/dev/null || { echo "base-image: debootstrap is not installed" >&2; exit 1; }
  mkdir -p "$cache"
  work="$(mktemp -d "$cache/rootfs.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "base-image: debootstrap bookworm with openjdk-17-jre-headless and curl (a few minutes)"
  started=$SECONDS
  if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl bookworm \
      "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    exit 1
  fi
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
    "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/info/*
  tar --numeric-owner -C "$work/rootfs" -cf "$rootfs_tar.part" .
  mv "$rootfs_tar.part" "$rootfs_tar"
  echo "base-image: root file system ready in $((SECONDS - started)) s ($(du -h "$rootfs_tar" | cut -f1), cached at $rootfs_tar)"
fi

echo "base-image: importing the root file system"
docker import "$rootfs_tar" headless-pm/standin-rootfs:bookworm-jdk17 >/dev/null

context="$(mktemp -d "${TMPDIR:-/tmp}/hpm-standin.XXXXXX")"
cp docker/test/payara-micro-standin/Dockerfile docker/test/payara-micro-standin/entrypoint.sh "$context/"
ln "$jar" "$context/payara-micro.jar" 2>/dev/null || cp "$jar" "$context/payara-micro.jar"
docker build -q -t "$image" "$context" >/dev/null
rm -rf "$context"
docker run --rm --entrypoint sh "$image" -c 'java -version 2>&1 | head -n1; curl --version | head -n1; id'
echo "base-image: built $image"
