#!/usr/bin/env bash
# Builds a base image from Debian packages, for machines that reach no image registry:
#   debootstrap (minbase) + the flavour's packages + the suite's updates and security fixes → docker import.
#
#   docker/build-base-image.sh [--force] jre      → acs-emulator-base:bookworm-jre17     (the emulator's base)
#   docker/build-base-image.sh [--force] python   → acs-emulator-base:bookworm-python3   (the sample app's base)
#
# Prints the image tag on its last line. Needs root (debootstrap, chroot) and a running Docker engine.
# Cached twice: an image whose recipe label matches is reused as it is, and the root file system is kept as a
# tarball in $ACS_EMULATOR_BASE_CACHE (default ~/.cache/acs-emulator/base-images), so a new Docker data root
# (a fresh clone in CI) imports it in seconds. --force rebuilds both, to pick up newer Debian packages.
# Environment: DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR (default: this machine's apt sources), DEBIAN_SUITE (bookworm),
# ACS_EMULATOR_BUILD_DIR (scratch space, default <repo>/target/docker).
set -euo pipefail

force=false
if [[ "${1:-}" == "--force" ]]; then force=true; shift; fi
flavour="${1:-jre}"
suite="${DEBIAN_SUITE:-bookworm}"
case "$flavour" in
  jre) packages="openjdk-17-jre-headless"; tag="acs-emulator-base:${suite}-jre17" ;;
  python) packages="python3"; tag="acs-emulator-base:${suite}-python3" ;;
  *) echo "usage: $0 [--force] jre|python" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "$0")" && pwd)"
build_dir="${ACS_EMULATOR_BUILD_DIR:-$here/../target/docker}"
cache_dir="${ACS_EMULATOR_BASE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/acs-emulator/base-images}"
# The recipe: anything that changes the image's content changes this hash.
recipe="$( { echo "$suite $packages"; cat "$0"; } | sha256sum | cut -c1-16)"
tarball="$cache_dir/${tag//[:\/]/_}-$recipe.tar.gz"
log() { echo "build-base-image: $*" >&2; }

if ! $force && [[ "$(docker image inspect -f '{{index .Config.Labels "dev.acsemulator.base.recipe"}}' "$tag" 2>/dev/null)" == "$recipe" ]]; then
  log "$tag is up to date (recipe $recipe)"
  echo "$tag"
  exit 0
fi

if $force || [[ ! -s "$tarball" ]]; then
  # The mirrors this machine's apt already uses, so that no other host is contacted.
  apt_uris() { # $1: suite to look for
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk -v s="$1" '{ sub(/\[[^]]*\] /, "") } $1=="deb" && $3==s {print $2}'
      for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] && awk -v s="$1" 'BEGIN{RS=""} $0 ~ "Suites:[^\n]*(^| )" s "( |\n|$)" {
          for (i = 1; i <= NF; i++) if ($i == "URIs:") print $(i+1) }' "$f"
      done; } | head -n1
  }
  mirror="${DEBIAN_MIRROR:-$(apt_uris "$suite")}"
  security="${DEBIAN_SECURITY_MIRROR:-$(apt_uris "$suite-security")}"
  [[ -n "$mirror" ]] || { log "no Debian mirror for $suite in the apt sources; set DEBIAN_MIRROR"; exit 1; }
  command -v debootstrap >/dev/null || { log "installing debootstrap"; apt-get install -y -q debootstrap >&2; }

  rootfs="$build_dir/base-$flavour/rootfs"
  rm -rf "$rootfs"; mkdir -p "$rootfs" "$cache_dir"
  cleanup() { umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"; }
  trap cleanup EXIT

  started=$SECONDS
  log "debootstrap $suite (minbase + $packages) from $mirror"
  debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" > "$build_dir/base-$flavour/debootstrap.log" 2>&1 \
    || { tail -20 "$build_dir/base-$flavour/debootstrap.log" >&2; exit 1; }
  log "debootstrap done in $((SECONDS - started)) s"

  { echo "deb $mirror $suite main"; echo "deb $mirror $suite-updates main"
    [[ -n "$security" ]] && echo "deb $security $suite-security main"; } > "$rootfs/etc/apt/sources.list"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"   # the JRE's postinst runs java, which finds its libraries through /proc
  chroot "$rootfs" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get upgrade -y -q && apt-get clean' \
    > "$build_dir/base-$flavour/upgrade.log" 2>&1 || { tail -20 "$build_dir/base-$flavour/upgrade.log" >&2; exit 1; }
  umount "$rootfs/proc"
  # Slim it the way Debian's own -slim images are: no package lists, caches, logs, docs, man pages or translations.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/tmp/* "$rootfs"/etc/resolv.conf
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  : > "$rootfs/etc/resolv.conf"
  log "root file system: $(du -sh "$rootfs" | cut -f1); packing $tarball"
  rm -f "$cache_dir/${tag//[:\/]/_}-"*.tar.gz   # older recipes of this tag
  tar -C "$rootfs" --numeric-owner -cf - . | gzip -1 > "$tarball.tmp" && mv "$tarball.tmp" "$tarball"
  cleanup; trap - EXIT
  log "base root file system built in $((SECONDS - started)) s"
else
  log "importing the cached root file system $tarball"
fi

started=$SECONDS
docker import \
  --change "LABEL dev.acsemulator.base.recipe=$recipe" \
  --change "LABEL org.opencontainers.image.description=\"Debian $suite minbase + $packages, built by docker/build-base-image.sh\"" \
  --change "ENV LANG=C.UTF-8" \
  --change 'CMD ["bash"]' \
  "$tarball" "$tag" >/dev/null
log "imported $tag in $((SECONDS - started)) s"
echo "$tag"
