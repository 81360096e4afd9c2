#!/usr/bin/env bash
# A Docker engine of the build's own, for CI and for machines with none running:
#   eval "$(docker/ci-engine.sh start DIR)"   installs docker.io (and docker-compose, debootstrap) if missing,
#                                            starts dockerd with its data, state and socket under DIR and prints
#                                            the DOCKER_HOST=... line to eval; exits non-zero, saying why on stderr,
#                                            where no engine can be had.
#   docker/ci-engine.sh stop DIR             stops it.
# The engine has no bridge network and touches no iptables: its containers use the host's network (loopback) only.
set -euo pipefail
command="${1:-}" dir="${2:-}"
[[ -n "$command" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
mkdir -p "$dir" && dir="$(cd "$dir" && pwd)"
log() { echo "ci-engine: $*" >&2; }
pidfile="$dir/dockerd.pid"

case "$command" in
  stop)
    if [[ -s "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      pid="$(cat "$pidfile")"
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      log "stopped dockerd ($pid)"
    fi
    # dockerd leaves its network namespace mount behind; unmount whatever is still mounted under DIR
    awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | while read -r mount; do
      umount -l "$mount" 2>/dev/null || true
    done
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if (( ${#missing[@]} )); then
  if [[ "$(id -u)" != 0 ]]; then log "not root, cannot install ${missing[*]}"; exit 1; fi
  log "installing ${missing[*]}"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } > "$dir/apt.log" 2>&1 \
    || { tail -5 "$dir/apt.log" >&2; log "could not install ${missing[*]}"; exit 1; }
fi
command -v dockerd >/dev/null || { log "dockerd is not installed"; exit 1; }

socket="$dir/docker.sock"
(( ${#socket} < 100 )) || socket="/run/acs-emulator-ci-$(echo "$dir" | sha256sum | cut -c1-12).sock"
if [[ -s "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  log "dockerd already running ($(cat "$pidfile"))"
  pid="$(cat "$pidfile")"
else
  rm -f "$socket"
  # setsid: a Ctrl-C in the terminal that started it does not reach it; 'stop' does.
  setsid dockerd --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$pidfile" -H "unix://$socket" \
    --bridge=none --iptables=false --ip-forward=false --ip-masq=false --userland-proxy=false \
    > "$dir/dockerd.log" 2>&1 < /dev/null &
  pid=$!
fi
for _ in $(seq 1 30); do
  if DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1; then
    log "dockerd $(DOCKER_HOST="unix://$socket" docker version -f '{{.Server.Version}}') is up; data under $dir"
    echo "export DOCKER_HOST=unix://$socket"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
kill "$pid" 2>/dev/null || true
grep -E 'level=(error|fatal)' "$dir/dockerd.log" | tail -5 >&2 || tail -5 "$dir/dockerd.log" >&2
log "dockerd did not start (log: $dir/dockerd.log)"
exit 1
