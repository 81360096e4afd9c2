#!/bin/bash
# Docker HEALTHCHECK: GET /health on the plain HTTP port must answer 200 {"status":"healthy"}. With the HTTP port
# off (-1) it only checks that the HTTPS port accepts connections (the image has no TLS client to spare).
http_port="${ACS_EMULATOR_HTTP_PORT:-8080}"
if [ "$http_port" -gt 0 ] 2>/dev/null; then
  exec 3<>"/dev/tcp/127.0.0.1/$http_port" || exit 1
  printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  response="$(timeout 2 cat <&3)"
  [[ "$response" == "HTTP/1.1 200"* && "$response" == *'"healthy"'* ]]
else
  exec 3<>"/dev/tcp/127.0.0.1/${ACS_EMULATOR_HTTPS_PORT:-8443}"
fi
