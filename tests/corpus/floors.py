#!/usr/bin/env python3
"""Rewrites the floors of the family tests (tests/ParseJobs.Extraction.Tests/Corpus/CorpusFloors.cs) from a
measurement: the JSON lines the tests append to $PARSEJOBS_CORPUS_MEASURE (README.md, "Floors").
usage: floors.py MEASURE.jsonl CorpusFloors.cs
Per family: the documents whose name, e-mail or phone today's extractor misses, the largest error in the number of
experience entries, the smallest share of start dates found in one document and the share over the family
(both rounded down)."""
import collections
import json
import math
import re
import sys


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8') if line.strip()]
    fams = collections.defaultdict(dict)
    for r in rows:
        fams[r['document'].rsplit('_', 1)[0]][r['document']] = r  # the last measurement of a document wins
    lines = []
    for fam, docs in sorted(fams.items()):
        rs = [docs[k] for k in sorted(docs)]
        found, total = sum(r['found'] for r in rs), sum(r['total'] for r in rs)
        args = [f"StartDates: {math.floor(min(r['start_dates'] for r in rs) * 100 + 1e-9) / 100:.2f}",
                f"FamilyStartDates: {math.floor((found / total if total else 1.0) * 100 + 1e-9) / 100:.2f}",
                f"MaxCountDifference: {max(r['count_diff'] for r in rs)}"]
        for key, arg in (('name', 'NameGap'), ('email', 'EmailGap'), ('phone', 'PhoneGap')):
            gaps = [r['document'] for r in rs if not r[key]]
            if gaps:
                args.append(f'{arg}: [' + ', '.join(f'"{g}"' for g in gaps) + ']')
        lines.append(f'        ["{fam}"] = new({", ".join(args)}),\n')
    src = open(sys.argv[2], encoding='utf-8').read()
    pat = re.compile(r'(ByFamily = new Dictionary<string, FamilyFloor>\(StringComparer\.Ordinal\)\n    \{\n)(.*?)(    \};)', re.S)
    if not pat.search(src):
        sys.exit('floor table not found in ' + sys.argv[2])
    open(sys.argv[2], 'w', encoding='utf-8').write(pat.sub(lambda m: m.group(1) + ''.join(lines) + m.group(3), src))
    print(f'{len(lines)} families, {len(rows)} measurements')


if __name__ == '__main__':
    main()
