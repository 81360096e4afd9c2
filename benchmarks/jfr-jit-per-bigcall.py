#!/usr/bin/env python3
"""What the JIT compiled during each big call alone of a load benchmark run (issue #14).

Usage: benchmarks/jfr-jit-per-bigcall.py emulator.jfr run.log
run.log is the load benchmark's output with each line prefixed by its wall-clock time (HH:MM:SS.mmm, e.g. piped
through `while IFS= read -r l; do echo "$(date -u +%H:%M:%S.%N | cut -c1-12) $l"; done`); each big call's window runs
from the previous big call's "big call alone:" line (the set-up's line for the first) to its own. Record with
--emulator-jvm="-XX:StartFlightRecording=filename=emulator.jfr,+jdk.Compilation#enabled=true,+jdk.Compilation#threshold=0ms,+jdk.Deoptimization#enabled=true"
(the recording's clock must be the same as the log's: run both in UTC). Prints, per big call, the C1 and C2 compiles,
the C2 compiles' wall time (the compiler thread's CPU is the load benchmark's "JIT compilers"), the C2 compiles by
library, the C2 units of more than 20 KB of code, the C2 compiles of methods C2 had compiled before in the recording
(recompiles), and the deoptimisations.
"""
import json, subprocess, sys, collections, re
jfr, log = sys.argv[1], sys.argv[2]
ends = [l[:12] for l in open(log) if "big call alone:" in l]
starts = [next(l[:12] for l in open(log) if "bigcall-setup" in l)] + ends[:-1]
def load(ev):
    out = subprocess.run(["jfr", "print", "--json", "--events", ev, jfr], capture_output=True, text=True).stdout
    return [e["values"] for e in json.loads(out)["recording"]["events"]]
def dur_ms(s):
    s = s[2:]; total = 0.0; num = ''
    for ch in s:
        if ch.isdigit() or ch == '.': num += ch
        else: total += float(num) * {'H':3600000,'M':60000,'S':1000}[ch]; num = ''
    return total
def lib(name):
    for p, l in [("dev/acsemulator", "emulator"), ("io/netty", "netty"), ("com/fasterxml", "jackson"),
                 ("com/networknt", "json-schema"), ("jdk/jfr", "jfr"), ("jdk/internal/org/objectweb", "jfr")]:
        if name.startswith(p) or name.startswith(p.replace('/', '.')): return l
    return "jdk" if name.startswith(("java", "sun", "jdk")) else "other"
comps = load("jdk.Compilation"); deopts = load("jdk.Deoptimization")
print("| big call | C1 compiles | C2 compiles (OSR) | C2 ms | C2 by library: emulator / netty / jackson / jdk / other | C2 code KB | C2 units > 20 KB code | C2 recompiles | deopts |")
print("|---|---|---|---|---|---|---|---|---|")
seen=set()
for c in sorted(comps,key=lambda c:c["startTime"]):
    c["_again"] = c["compiler"]=="c2" and (c["method"]["type"]["name"],c["method"]["name"],c["method"]["descriptor"],c["isOsr"]) in seen
    if c["compiler"]=="c2": seen.add((c["method"]["type"]["name"],c["method"]["name"],c["method"]["descriptor"],c["isOsr"]))
for i, (s, e) in enumerate(zip(starts, ends)):
    w = [c for c in comps if s <= c["startTime"][11:23] <= e]
    c1 = [c for c in w if c["compiler"] == "c1"]; c2 = [c for c in w if c["compiler"] == "c2"]
    libs = collections.Counter(lib(c["method"]["type"]["name"]) for c in c2)
    big = sum(1 for c in c2 if c["codeSize"] > 20000)
    d = [x for x in deopts if s <= x["startTime"][11:23] <= e]
    print(f"| {i+1} | {len(c1)} | {len(c2)} ({sum(1 for c in c2 if c['isOsr'])}) | {sum(dur_ms(c['duration']) for c in c2):.0f} | "
          f"{libs['emulator']} / {libs['netty']} / {libs['jackson']} / {libs['jdk']} / {libs['other']+libs['json-schema']+libs['jfr']} | {sum(c['codeSize'] for c in c2)/1024:.0f} | {big} | {sum(1 for c in c2 if c['_again'])} | {len(d)} |")
