#!/usr/bin/env python3
"""Prints the per-field F1 by language and by format from score.py's --json output, as a markdown table.

usage: python3 scripts/quality_table.py score.json [--renderer]
       --renderer adds a column per layout family (renderer=…), for the per-family tables.
"""
import json
import sys

score = json.load(open(sys.argv[1]))
prefixes = ("lang=", "format=", "renderer=") if "--renderer" in sys.argv[2:] else ("lang=", "format=")
groups = [g for g in score["groups"] if g.startswith(prefixes)]
fields = list(score["core_fields"])
print("| field | all | " + " | ".join(g.split("=")[1] for g in groups) + " |")
print("| --- | --- | " + " | ".join("---" for _ in groups) + " |")
for field in fields:
    row = [f"{score['core_fields'][field]['f1']:.3f}"]
    for g in groups:
        value = score["groups"][g]["fields"].get(field)
        row.append("–" if value is None else f"{value:.3f}")
    print(f"| {field} | " + " | ".join(row) + " |")
docs = [str(score["groups"][g]["docs"]) for g in groups]
means = [f"{score['groups'][g]['f1']:.3f}" for g in groups]
print(f"| **mean of core fields** | **{score['overall_f1']:.3f}** | " + " | ".join(means) + " |")
print(f"| documents | {score['docs']} | " + " | ".join(docs) + " |")
