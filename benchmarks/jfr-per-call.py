#!/usr/bin/env python3
"""What one call costs the emulator, per package and per method, from a JFR recording of a --lifecycle-at run.

Usage:
  benchmarks/jfr-per-call.py summarise emulator.jfr CALLS [HH:MM:SS.mmm HH:MM:SS.mmm] > profile.json
  benchmarks/jfr-per-call.py compare before.json after.json [more.json ...]

`summarise` reads the execution samples (between the two UTC times of the recording's clock, e.g. the measured step
taken from the load benchmark's output piped through a timestamping loop) and counts, per thread kind (event loop or
other), the samples whose top frame is each method (self) and the samples with each method anywhere on the stack,
counted once per sample (total); each sample is also filed under its innermost emulator frame's package and class
(`dev/acsemulator/...`, passing over frames that only hand work on, PASS_THROUGH; a sample with no emulator frame is
Netty's, the JDK's or a library's own work). CALLS is the
number of calls the window served, so counts become samples per 1,000 calls. `compare` prints the summaries side by
side as Markdown: each line's share of the event loop's samples, and its samples per 1,000 calls.

Record with --emulator-jvm="... -XX:StartFlightRecording=filename=F,settings=profile,jdk.ExecutionSample#period=1ms
-XX:FlightRecorderOptions=stackdepth=256" so that the stacks reach the event loop's run method.
"""
import collections
import datetime
import json
import subprocess
import sys

EMULATOR = "dev/acsemulator/"
# Emulator frames that only pass a request or an event on (HTTP timeouts around the codec, the causing request around
# a lane task, the stream starter around the event sink): the work under them is filed under the frame they call.
PASS_THROUGH = ("dev/acsemulator/http/RequestTimeouts", "dev/acsemulator/call/CausingRequest",
                "dev/acsemulator/call/streaming/StartStreamsOnConnect")


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"] + "." + method["name"]


def package_of(type_name):
    return type_name.rsplit("/", 1)[0] if "/" in type_name else type_name


def clock(text):
    return datetime.time.fromisoformat(text[:12]) if text else None


def sample_time(text):
    # jfr prints e.g. 2026-12-08T00:31:02.123456789Z or ...+00:00: keep the time of day to the microsecond
    moment = text.split("T", 1)[1]
    for end in ("Z", "+", "-"):
        moment = moment.split(end, 1)[0]
    return datetime.time.fromisoformat(moment[:15])


def summarise(path, calls, start=None, end=None):
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample",
                           path], capture_output=True, text=True, check=True).stdout
    events = json.loads(text)["recording"]["events"]
    start, end = clock(start), clock(end)
    kinds = {}
    truncated = 0
    for event in events:
        values = event["values"]
        when = sample_time(values["startTime"])
        if start and not start <= when <= end:
            continue
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        kind = "loop" if thread.startswith("acs-loop") else "other"
        stats = kinds.setdefault(kind, {"samples": 0, "self": collections.Counter(), "total": collections.Counter(),
                                        "owner": collections.Counter(), "ownerClass": collections.Counter(),
                                        "emulatorTotal": collections.Counter(),
                                        "threads": collections.Counter()})
        trace = values.get("stackTrace") or {"frames": []}
        truncated += bool(trace.get("truncated"))
        frames = [frame_name(frame) for frame in trace["frames"]]
        stats["samples"] += 1
        stats["threads"][thread] += 1
        if not frames:
            continue
        stats["self"][frames[0]] += 1
        for name in set(frames):
            stats["total"][name] += 1
            if name.startswith(EMULATOR):
                stats["emulatorTotal"][name] += 1
        own = next((name for name in frames if name.startswith(EMULATOR) and not name.startswith(PASS_THROUGH)),
                   None)
        if own is None:
            stats["owner"]["(no emulator frame: Netty I/O, JDK, JIT'd library code)"] += 1
            stats["ownerClass"]["(no emulator frame)"] += 1
        else:
            type_name = own.rsplit(".", 1)[0]
            stats["owner"][package_of(type_name)] += 1
            stats["ownerClass"][type_name.split("$", 1)[0]] += 1
    return {"file": path, "calls": calls, "window": [str(start), str(end)], "truncated": truncated,
            "kinds": {kind: {key: (dict(value) if isinstance(value, collections.Counter) else value)
                             for key, value in stats.items()} for kind, stats in kinds.items()}}


def compare(summaries, kind="loop", rows=40):
    names = [s["file"].rsplit("/", 1)[-1] for s in summaries]
    print(f"## {kind} threads\n")
    for s, name in zip(summaries, names):
        stats = s["kinds"].get(kind, {"samples": 0})
        print(f"- {name}: {stats['samples']} samples, {s['calls']} calls, "
              f"{1000 * stats['samples'] / max(1, s['calls']):.0f} samples per 1,000 calls, "
              f"{s['truncated']} truncated stacks (all threads)")
    for table, title in (("owner", "innermost emulator package"), ("ownerClass", "innermost emulator class"),
                         ("self", "self (top frame)"), ("emulatorTotal", "emulator method, total (anywhere on the stack)")):
        keys = collections.Counter()
        for s in summaries:
            stats = s["kinds"].get(kind)
            if stats:
                for key, count in stats[table].items():
                    keys[key] += count / max(1, stats["samples"])
        print(f"\n### {title}: share of the samples, and samples per 1,000 calls\n")
        print("| " + title + " | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for key, _ in keys.most_common(rows):
            cells = []
            for s in summaries:
                stats = s["kinds"].get(kind) or {"samples": 0, table: {}}
                count = stats[table].get(key, 0)
                cells.append(f"{100 * count / max(1, stats['samples']):.1f} % ({1000 * count / max(1, s['calls']):.0f})")
            print(f"| `{key.replace(EMULATOR, '')}` | " + " | ".join(cells) + " |")
    print()


def main(args):
    if len(args) >= 3 and args[0] == "summarise":
        json.dump(summarise(args[1], int(args[2]), *args[3:5]), sys.stdout)
    elif len(args) >= 3 and args[0] == "compare":
        summaries = [json.load(open(path)) for path in args[1:]]
        for kind in ("loop", "other"):
            compare(summaries, kind, 40 if kind == "loop" else 15)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
