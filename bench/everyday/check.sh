#!/usr/bin/env bash
# Translates bench/everyday/everyday.tsv through a running service (and, with --apertium, through
# the apertium command beside it) and prints each output and the share of the listed words it holds.
# Usage: [QUALITY=fast|best] bench/everyday/check.sh [--apertium] [BASE_URL] [OUT.tsv]
# QUALITY, when set, is sent as the request's "quality" (which bundle of a pair answers).
set -euo pipefail
cd "$(dirname "$0")"
APERTIUM=0
if [ "${1:-}" = --apertium ]; then APERTIUM=1; shift; fi
exec python3 - "$APERTIUM" "${1:-http://localhost:8080}" "${2:-}" "${QUALITY:-}" <<'PY'
import json, re, subprocess, sys, unicodedata, urllib.request
apertium, base, out_path, quality = sys.argv[1] == '1', sys.argv[2], sys.argv[3], sys.argv[4]
book = set()   # both sides of every phrasebook line the models were trained on
for name in ('greetings.tsv', 'more.tsv'):
    for line in open('../../models/es-en/phrasebook/' + name, encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            book.update(p.strip().lower() for p in line.rstrip('\n').split('\t'))
def norm(s):
    return unicodedata.normalize('NFC', s).lower()
def service(text, s, t):
    body = {'q': text, 'source': s, 'target': t}
    if quality:
        body['quality'] = quality
    req = urllib.request.Request(base + '/translate', json.dumps(body).encode(),
                                 {'Content-Type': 'application/json'})
    return json.load(urllib.request.urlopen(req, timeout=120))['translatedText']
def apertium_of(text, s, t):
    code = {'es-en': 'spa-eng', 'en-es': 'eng-spa'}[f'{s}-{t}']
    r = subprocess.run(['apertium', '-u', code], input=text, capture_output=True, text=True, check=True)
    return r.stdout.strip()
def has(out, a):   # the word as a whole word ("Hi" not in "this", "10" not in "100"); "marr*": any word that begins so
    a = norm(a)
    tail = '' if a.endswith('*') else r'(?!\w)'
    return re.search(r'(?<!\w)' + re.escape(a.rstrip('*')) + tail, norm(out)) is not None
def held(out, groups):   # how many word groups the output holds (any alternative, case-insensitive)
    return sum(any(has(out, a) for a in g.split('|')) for g in groups)
systems = [('service', service)] + ([('apertium', apertium_of)] if apertium else [])
score = {}
rows = []
for line in open('everyday.tsv', encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    direction, source, reference, words = line.rstrip('\n').split('\t')
    if source.lower() in book:
        sys.exit(f'held-out line is in the phrasebook: {source}')
    s, t = direction.split('-')
    groups = [g.strip() for g in words.split(' ; ')]
    outs = []
    for name, fn in systems:
        out = fn(source, s, t)
        h = held(out, groups)
        k = score.setdefault((direction, name), [0, 0, 0, 0])
        k[0] += h; k[1] += len(groups); k[2] += h == len(groups); k[3] += 1
        outs.append(out)
        print(f"{'ok ' if h == len(groups) else '-- '} {direction} {name:8s} {source}  ->  {out}")
    rows.append([direction, source, reference] + outs)
for (direction, name), (h, n, full, lines) in score.items():
    print(f'{direction} {name}: words kept {h}/{n} ({100 * h / n:.1f}%), sentences with every word {full}/{lines}')
if out_path:
    with open(out_path, 'w', encoding='utf-8') as f:
        f.write('\t'.join(['direction', 'source', 'reference'] + [n for n, _ in systems]) + '\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
PY
