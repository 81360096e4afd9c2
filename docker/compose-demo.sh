#!/usr/bin/env bash
# Runs compose.with-app.yaml (on the host's network: compose.host-network.yaml) and checks that the sample app got
# its callbacks: the Event Grid handshake, IncomingCall, and CallConnected / ParticipantsUpdated / CallDisconnected
# for the calls it placed and answered. Prints the app's log; exits non-zero if a callback is missing.
# Needs the images of docker/build-image.sh --sample-app. Exits 0 with a note, checking nothing, if host port 3000
# (named by sample-app/emulator-config.json) is taken.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
compose+=(-p acs-emulator-compose-demo -f "$here/compose.with-app.yaml" -f "$here/compose.host-network.yaml")
log() { echo "compose-demo: $*" >&2; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local port; for port in "$@"; do port_free "$port" && { echo "$port"; return; }; done; return 1; }
if ! port_free 3000; then log "host port 3000 is taken: compose demo not run"; exit 0; fi
EMULATOR_HTTPS_PORT="$(free_port 8443 18443 28443)" EMULATOR_HTTP_PORT="$(free_port 8080 18080 28080)"
export EMULATOR_HTTPS_PORT EMULATOR_HTTP_PORT

cleanup() { "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT
started=$SECONDS
"${compose[@]}" up -d --no-build >/dev/null 2>&1 || { "${compose[@]}" up -d --no-build; exit 1; }

expected=("Event Grid subscription .* validated" "IncomingCall from 4:\+18005550100" "inbound: CallConnected"
          "inbound: CallDisconnected" "outbound: CallConnected" "outbound: ParticipantsUpdated"
          "outbound: CallDisconnected")
missing=("${expected[@]}")
while (( SECONDS - started < 90 )) && (( ${#missing[@]} )); do
  sleep 2
  app_log="$("${compose[@]}" logs --no-color app 2>/dev/null || true)"
  still=()
  for pattern in "${missing[@]}"; do grep -Eq "$pattern" <<<"$app_log" || still+=("$pattern"); done
  missing=("${still[@]+"${still[@]}"}")
done
"${compose[@]}" logs --no-color app
if (( ${#missing[@]} )); then
  "${compose[@]}" logs --no-color emulator | tail -30
  log "the app did not get: ${missing[*]}"
  exit 1
fi
log "the app container got its callbacks and IncomingCall ($((SECONDS - started)) s)"
