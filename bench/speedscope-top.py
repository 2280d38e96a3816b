#!/usr/bin/env python3
"""Where a service's CPU goes, from a speedscope JSON of dotnet-trace thread-time samples (bench/parent-cpu.sh
TRACE=1): inclusive share per frame over the samples whose leaf is CPU_TIME (on a CPU, not blocked), then the
share per frame right above CPU_TIME (the self time).  python3 bench/speedscope-top.py FILE [TOP=60]"""
import json
import sys
from collections import Counter

doc = json.load(open(sys.argv[1]))
top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
frames = [f["name"] for f in doc["shared"]["frames"]]
cpu = frames.index("CPU_TIME") if "CPU_TIME" in frames else None
inclusive, leaf, total = Counter(), Counter(), 0.0
for profile in doc["profiles"]:  # evented: one per thread, open/close events
    stack, last = [], None
    for event in profile["events"]:
        if last is not None and stack and (cpu is None or stack[-1] == cpu):
            dt = event["at"] - last
            total += dt
            for i in set(stack):
                inclusive[frames[i]] += dt
            if len(stack) > 1:
                leaf[frames[stack[-2] if cpu is not None else stack[-1]]] += dt
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()
print(f"on-CPU ms sampled: {total:.0f}")
for title, counts in (("inclusive", inclusive), ("self (frame above CPU_TIME)", leaf)):
    print(f"== {title}")
    for name, weight in counts.most_common(top):
        print(f"{100 * weight / total:5.1f}%  {name[:160]}")
