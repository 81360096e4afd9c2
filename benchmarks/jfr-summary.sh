#!/usr/bin/env bash
# Summarises a JFR recording of the emulator (made with the load benchmark's --emulator-jvm option):
# CPU by thread, threads started, hottest top frames and the emulator frames nearest the top of each sample.
# Usage: benchmarks/jfr-summary.sh emulator.jfr
set -euo pipefail
file="$1"
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
jfr print --events jdk.ExecutionSample "$file" > "$samples"
echo "Recording: $(basename "$file")"
echo
echo "== Execution samples: $(grep -c 'jdk.ExecutionSample' "$samples")"
echo
echo "== CPU by thread (user+system, mean of the periodic samples, % of one core)"
jfr print --events jdk.ThreadCPULoad "$file" | grep -E "user|system|eventThread" | paste - - - \
  | awk '{name=$0; sub(/.*eventThread = /,"",name); sub(/ \(javaThreadId.*/,"",name); u=$3; gsub(/%/,"",u);
          s=$6; gsub(/%/,"",s); t[name]+=u+s; n[name]++} END {for (k in t) printf "%8.1f  %s\n", t[k]/n[k], k}' \
  | sort -rn | head -12
echo
echo "== Threads started, by parent thread"
jfr print --events jdk.ThreadStart "$file" | grep "parentThread" | sed 's/(javaThreadId.*//; s/[0-9]\+"/N"/' \
  | sort | uniq -c | sort -rn | head -5
echo
echo "== Top frames (self time)"
grep -A1 "stackTrace = \[" "$samples" | grep -v "stackTrace\|^--" | sed 's/line:.*//' | sort | uniq -c \
  | sort -rn | head -25
echo
echo "== Emulator frames within the top 12 of a sample (inclusive time)"
grep -A12 "stackTrace = \[" "$samples" | grep "dev.acsemulator" | sed 's/line:.*//' | sort | uniq -c \
  | sort -rn | head -25
