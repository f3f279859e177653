#!/usr/bin/env bash
# Translates bench/greetings/greetings.tsv through a running service and prints each output and the
# share that matches an acceptable translation. Usage: bench/greetings/check.sh [BASE_URL]
set -euo pipefail
cd "$(dirname "$0")"
exec python3 - "${1:-http://localhost:8080}" <<'PY'
import json, re, sys, unicodedata, urllib.request
base = sys.argv[1]
book = set()   # both sides of every phrasebook line the models were trained on
for name in ('greetings.tsv', 'more.tsv'):
    for line in open('../../models/es-en/phrasebook/' + name, encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            book.update(p.strip() for p in line.rstrip('\n').split('\t'))
def norm(s):
    s = unicodedata.normalize('NFC', s.lower())
    return ' '.join(re.sub(r"[^\w\s']", ' ', s).split())
right, total = {}, {}
for line in open('greetings.tsv', encoding='utf-8'):
    direction, source, answers = line.rstrip('\n').split('\t')
    if source in book:
        sys.exit(f'held-out line is in the phrasebook: {source}')
    s, t = direction.split('-')
    req = urllib.request.Request(base + '/translate', json.dumps({'q': source, 'source': s, 'target': t}).encode(),
                                 {'Content-Type': 'application/json'})
    out = json.load(urllib.request.urlopen(req))['translatedText']
    ok = norm(out) in {norm(a) for a in answers.split(' | ')}
    right[direction] = right.get(direction, 0) + ok
    total[direction] = total.get(direction, 0) + 1
    print(f"{'ok ' if ok else '-- '} {direction}  {source}  ->  {out}")
for d in total:
    print(f'{d}: {right[d]}/{total[d]} match an acceptable translation')
PY
