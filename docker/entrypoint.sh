#!/bin/sh
# Starts the emulator. A config file mounted at /data/config.json is used unless ACS_EMULATOR_CONFIG names another.
# Arguments are emulator flags (--name=value); JAVA_OPTS are JVM options, added to those of jvm.options.
if [ -z "${ACS_EMULATOR_CONFIG:-}" ] && [ -f /data/config.json ]; then
  export ACS_EMULATOR_CONFIG=/data/config.json
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java @/opt/acs-emulator/jvm.options ${JAVA_OPTS:-} -jar /opt/acs-emulator/acs-emulator.jar "$@"
