#!/usr/bin/env bash
# Builds the emulator image acs-emulator:<version> (also tagged :latest), and with --sample-app the compose
# example's app image acs-emulator-sample-app:latest.
#
#   docker/build-image.sh [--local-base] [--sample-app]
#
# --local-base  build the base images from Debian packages (docker/build-base-image.sh; needs root), for machines
#               that reach no image registry. Without it the Dockerfiles' defaults are pulled
#               (eclipse-temurin:17-jre, python:3.12-slim). ACS_EMULATOR_BASE_IMAGE / SAMPLE_APP_BASE_IMAGE override.
# Builds the emulator jar first if it is missing (mvn -pl emulator -am package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
local_base=false sample_app=false
for arg in "$@"; do
  case "$arg" in
    --local-base) local_base=true ;;
    --sample-app) sample_app=true ;;
    *) echo "usage: $0 [--local-base] [--sample-app]" >&2; exit 2 ;;
  esac
done
log() { echo "build-image: $*" >&2; }

jar="$(ls "$repo"/emulator/target/acs-emulator-*-all.jar 2>/dev/null | head -n1 || true)"
if [[ -z "$jar" ]]; then
  log "building the emulator jar"
  (cd "$repo" && mvn -B -q -pl emulator -am package -DskipTests)
  jar="$(ls "$repo"/emulator/target/acs-emulator-*-all.jar | head -n1)"
fi
version="$(basename "$jar" | sed -E 's/^acs-emulator-(.*)-all\.jar$/\1/')"

base_args=()
if [[ -n "${ACS_EMULATOR_BASE_IMAGE:-}" ]]; then
  base_args=(--build-arg "BASE_IMAGE=$ACS_EMULATOR_BASE_IMAGE")
elif $local_base; then
  base_args=(--build-arg "BASE_IMAGE=$("$here/build-base-image.sh" jre)")
fi

context="${ACS_EMULATOR_BUILD_DIR:-$repo/target/docker}/context"
rm -rf "$context" && mkdir -p "$context"
cp "$jar" "$context/acs-emulator.jar"
cp "$here/entrypoint.sh" "$here/healthcheck.sh" "$context/"
cp "$repo/emulator/jvm.options" "$context/"
chmod 0755 "$context"/*.sh

started=$SECONDS
docker build -q -f "$here/Dockerfile" "${base_args[@]}" --build-arg "VERSION=$version" \
  -t "acs-emulator:$version" -t acs-emulator:latest "$context" >/dev/null
log "built acs-emulator:$version (and :latest) in $((SECONDS - started)) s"

if $sample_app; then
  app_args=()
  if [[ -n "${SAMPLE_APP_BASE_IMAGE:-}" ]]; then
    app_args=(--build-arg "BASE_IMAGE=$SAMPLE_APP_BASE_IMAGE")
  elif $local_base; then
    app_args=(--build-arg "BASE_IMAGE=$("$here/build-base-image.sh" python)")
  fi
  started=$SECONDS
  docker build -q "${app_args[@]}" -t acs-emulator-sample-app:latest "$here/sample-app" >/dev/null
  log "built acs-emulator-sample-app:latest in $((SECONDS - started)) s"
fi
