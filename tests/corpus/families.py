#!/usr/bin/env python3
"""Per-family report of the widened corpus: runs the development corpus' scorer (score.py) over the truth of
the chosen documents and prints, per layout family, documents, formats, languages, the mean per-document F1,
the family's field-micro F1 and its worst fields; then the worst family, per-field F1 and the overall.

usage: families.py SCORE_PY TRUTH_DIR PRED_DIR [--family F ...] [--exclude F ...] [--json OUT] [--markdown]
  --family F   score only these families (leave-one-out: the figure of a family left out of tuning)
  --exclude F  score every family but these (the figure of the families a change was tuned on)
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('score_py')
    ap.add_argument('truth_dir')
    ap.add_argument('pred_dir')
    ap.add_argument('--family', action='append', default=[])
    ap.add_argument('--exclude', action='append', default=[])
    ap.add_argument('--json', dest='json_out')
    ap.add_argument('--markdown', action='store_true', help='print the family table as markdown')
    a = ap.parse_args()

    metas = {}
    for f in sorted(os.listdir(a.truth_dir)):
        if f.endswith('.json'):
            with open(os.path.join(a.truth_dir, f), encoding='utf-8') as fh:
                metas[f[:-5]] = json.load(fh)['_meta']
    chosen = [n for n, m in metas.items() if (not a.family or m['renderer'] in a.family) and m['renderer'] not in a.exclude]
    if not chosen:
        sys.exit('no documents match --family/--exclude')
    tmp = tempfile.mkdtemp(prefix='corpus-score-')
    try:
        tdir = os.path.join(tmp, 'truth')
        os.mkdir(tdir)
        for n in chosen:
            shutil.copy(os.path.join(a.truth_dir, n + '.json'), tdir)
        out = os.path.join(tmp, 'score.json')
        r = subprocess.run([sys.executable, a.score_py, tdir, a.pred_dir, '--json', out], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(r.stderr)
        with open(out, encoding='utf-8') as fh:
            S = json.load(fh)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    fams = defaultdict(list)
    for n, d in S['per_doc'].items():
        fams[d['renderer']].append((n, d))
    rows = []
    for fam, docs in sorted(fams.items()):
        g = S['groups'].get('renderer=' + fam, {})
        fields = g.get('fields', {})
        worst = sorted(fields.items(), key=lambda kv: kv[1])[:3]
        fmts = defaultdict(int)
        langs = defaultdict(int)
        for n, _ in docs:
            fmts[metas[n]['converter']] += 1
            langs[metas[n]['lang']] += 1
        per_doc = [d['f1'] for _, d in docs]
        rows.append({'family': fam, 'docs': len(docs), 'formats': dict(fmts), 'languages': dict(langs),
                     'mean_doc_f1': sum(per_doc) / len(per_doc), 'min_doc_f1': min(per_doc), 'family_f1': g.get('f1', 0.0),
                     'worst_fields': [(k, round(v, 3)) for k, v in worst], 'missing': sum(1 for _, d in docs if d['missing'])})

    mix = lambda d: ' '.join(f'{k} {v}' for k, v in sorted(d.items()))
    if a.markdown:
        print('| family | docs | formats | languages | mean F1 | min doc | worst fields |')
        print('|---|---|---|---|---|---|---|')
        for r in rows:
            print(f"| {r['family']} | {r['docs']} | {mix(r['formats'])} | {mix(r['languages'])} | {r['mean_doc_f1']:.3f} | {r['min_doc_f1']:.3f} | "
                  + ', '.join(f'{k} {v:.2f}' for k, v in r['worst_fields']) + ' |')
    else:
        print(f"{'family':28s} {'docs':>4s} {'mean F1':>8s} {'min doc':>8s} {'fam F1':>7s}  formats / languages / worst fields")
        for r in rows:
            print(f"{r['family']:28s} {r['docs']:4d} {r['mean_doc_f1']:8.3f} {r['min_doc_f1']:8.3f} {r['family_f1']:7.3f}  "
                  f"{mix(r['formats'])} / {mix(r['languages'])} / " + ', '.join(f'{k} {v:.2f}' for k, v in r['worst_fields'])
                  + (f" MISSING {r['missing']}" if r['missing'] else ''))
    print('\nper-field F1 (micro over the chosen documents):')
    for k, v in S['core_fields'].items():
        print(f"  {k:34s} {v['f1']:.3f}  (P {v['precision']:.3f} R {v['recall']:.3f})")
    for k in ('experience.count_exact', 'education.count_exact', 'education.field_of_study'):
        if k in S['extra_fields']:
            print(f"  {k:34s} {S['extra_fields'][k]['f1']:.3f}  (extra, not in overall)")
    print('\nby language and format (field-micro F1 of the group, documents):')
    for key, g in sorted(S['groups'].items()):
        if key.startswith(('lang=', 'format=')):
            print(f"  {key:20s} f1={g['f1']:.3f} docs={g['docs']}")
    worst = min(rows, key=lambda r: r['mean_doc_f1'])
    mean_fam = sum(r['mean_doc_f1'] for r in rows) / len(rows)
    print(f"\nworst_family={worst['family']} mean_doc_f1={worst['mean_doc_f1']:.3f}")
    print(f"families={len(rows)} mean_of_family_means={mean_fam:.3f}")
    print(f"overall_f1={S['overall_f1']:.3f} docs={S['docs']} missing={S['missing']}")
    if a.json_out:
        with open(a.json_out, 'w', encoding='utf-8') as fh:
            json.dump({'overall_f1': S['overall_f1'], 'docs': S['docs'], 'missing': S['missing'], 'families': rows, 'worst_family': worst['family'],
                       'core_fields': S['core_fields'], 'per_doc': S['per_doc']}, fh, indent=2, ensure_ascii=False)


if __name__ == '__main__':
    main()
