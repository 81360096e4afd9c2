#!/usr/bin/env python3
"""Where the emulator's event loop spent its time in a stretch of a JFR recording, by part of the big call's path.

Usage: benchmarks/jfr-loop-breakdown.py emulator.jfr HH:MM:SS.mmm HH:MM:SS.mmm
Each execution sample of an acs-loop thread between the two times (the recording's own clock, as `jfr print` shows
it) goes to the part of its innermost emulator frame; a sample with no emulator frame is Netty's own I/O. Record with
--emulator-jvm="-XX:StartFlightRecording=filename=...,settings=profile,jdk.ExecutionSample#period=1ms" and take the
window from the load benchmark's output (e.g. piped through a timestamping loop).
"""
import collections
import re
import subprocess
import sys

PARTS = [
    ("roster body: RosterJson (participants array)", ["RosterJson", "RosterPrefixes"]),
    ("event body: CloudEventWriter tree + Jackson", ["CloudEventWriter", "CallEventData", "EventFieldWriters",
                                                     "SpecVersionShaper"]),
    ("event time: EventTimes.format", ["EventTimes"]),
    ("callback JWT", ["CallbackTokenSigner"]),
    ("webhook POST: request, pool, encode, socket write, response", ["WebhookConnections", "WebhookClient"]),
    ("delivery bookkeeping: dispatcher, journal, log, faults", ["CallbackDispatcher", "DeliveryJournal",
                                                                 "DeliveryLog", "DeliveryFaults"]),
    ("Event Grid fan-out check", ["SystemTopic", "eventgrid"]),
    ("roster upkeep in the domain: rosterIndex, participantViews", ["Call.rosterIndex", "Call.participantViews"]),
    ("other domain: lanes, journal, audio, people", ["dev.acsemulator.call", "dev.acsemulator.world",
                                                     "dev.acsemulator.runtime"]),
    ("REST: the big call's requests (auth, parse, validate, handle, respond)", ["dev.acsemulator.api",
                                                                               "dev.acsemulator.http",
                                                                               "dev.acsemulator.logging",
                                                                               "dev.acsemulator.FrontDoor"]),
]


def main(path, start, end):
    text = subprocess.run(["jfr", "print", "--stack-depth", "100", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    parts = collections.Counter()
    for block in text.split("jdk.ExecutionSample {")[1:]:
        time = re.search(r"startTime = (\S+)", block).group(1)
        thread = re.search(r'sampledThread = "([^"]+)"', block).group(1)
        if not (start <= time <= end) or not thread.startswith("acs-loop"):
            continue
        frames = [line.strip() for line in block.split("stackTrace = [")[1].split("\n")[1:]]
        emulator = [frame for frame in frames if "dev.acsemulator" in frame]
        if not emulator:
            parts["Netty I/O with no emulator frame (select, socket reads/writes, task queue)"] += 1
            continue
        part = next((name for name, keys in PARTS if any(key in emulator[0] for key in keys)), None)
        parts[part or "other: " + emulator[0].split("(")[0]] += 1
    total = sum(parts.values())
    print(f"{total} event loop samples from {start} to {end}\n")
    print("| part | samples | share |\n|---|---|---|")
    for name, count in parts.most_common():
        print(f"| {name} | {count} | {100 * count / max(1, total):.0f} % |")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
