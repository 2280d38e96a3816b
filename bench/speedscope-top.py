#!/usr/bin/env python3
"""Inclusive and self share per frame of a speedscope JSON (dotnet-trace convert --format speedscope), over all
threads' sampled profiles: python3 bench/speedscope-top.py FILE [TOP=40] [FILTER]."""
import json, sys
from collections import Counter

doc = json.load(open(sys.argv[1]))
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
flt = sys.argv[3] if len(sys.argv) > 3 else None
frames = [f["name"] for f in doc["shared"]["frames"]]
inclusive, self_, total = Counter(), Counter(), 0.0
for p in doc["profiles"]:
    if p.get("type") == "sampled":
        for stack, w in zip(p["samples"], p["weights"]):
            total += w
            for i in set(stack):
                inclusive[frames[i]] += w
            if stack:
                self_[frames[stack[-1]]] += w
    else:  # evented: open/close events, time per frame
        opened = {}
        depth = []
        last = None
        for e in p["events"]:
            if last is not None and depth:
                dt = e["at"] - last
                total += dt
                for i in set(depth):
                    inclusive[frames[i]] += dt
                self_[frames[depth[-1]]] += dt
            last = e["at"]
            if e["type"] == "O":
                depth.append(e["frame"])
            elif depth:
                depth.pop()
print(f"total weight {total:.0f}")
for title, c in (("inclusive", inclusive), ("self", self_)):
    print(f"== {title}")
    shown = 0
    for name, w in c.most_common():
        if shown >= top:
            break
        if flt and flt not in name:
            continue
        shown += 1
        print(f"{100 * w / total:6.1f}%  {name[:160]}")
    print()
