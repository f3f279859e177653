#!/usr/bin/env python3
"""Blind judging of chat replies on a probe, as RULE.md describes.

  python3 blind.py shuffle PROBE.tsv OUTDIR NAME=REPLIES.txt [NAME=REPLIES.txt ...]
      pools every (message, reply) of every system (REPLIES.txt: one reply per probe line), drops
      exact duplicates, shuffles them (seed 11) and writes OUTDIR/items.tsv (id, message, reply: what
      the judge sees) and OUTDIR/key.tsv (id, system, line: what the judge must not see).
  python3 blind.py score PROBE.tsv OUTDIR VERDICTS.tsv SYSTEMS.tsv
      VERDICTS.tsv: id TAB yes|no TAB reason. Prints per system the sensible count overall, on
      greeting + how-are-you + thanks + farewell, and per kind, the most frequent reply's share,
      and writes SYSTEMS.tsv: message, kind, then per system its reply, verdict and reason.
"""
import collections
import random
import sys

GREETING_KINDS = {"greeting", "how-are-you", "thanks", "farewell"}


def probe(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()]
    return rows[1:] if rows and rows[0][0] == "message" else rows


def shuffle(probe_path, outdir, systems):
    lines = probe(probe_path)
    items = {}
    for spec in systems:
        name, path = spec.split("=", 1)
        replies = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
        assert len(replies) == len(lines), f"{path}: {len(replies)} replies for {len(lines)} messages"
        for i, ((message, _kind), reply) in enumerate(zip(lines, replies)):
            items.setdefault((message, reply), []).append((name, i))
    keys = list(items)
    random.Random(11).shuffle(keys)
    with open(f"{outdir}/items.tsv", "w", encoding="utf-8") as f, open(f"{outdir}/key.tsv", "w", encoding="utf-8") as k:
        f.write("id\tmessage\treply\n")
        for n, (message, reply) in enumerate(keys, 1):
            f.write(f"{n}\t{message}\t{reply}\n")
            for name, i in items[(message, reply)]:
                k.write(f"{n}\t{name}\t{i}\n")
    print(f"{len(keys)} items for {len(systems)} systems")


def verdicts(path):
    """id -> (yes|no, reason) from a judge's VERDICTS.tsv (id TAB yes|no TAB reason; a header line is skipped)."""
    out = {}
    for l in open(path, encoding="utf-8"):
        cols = l.rstrip("\n").split("\t")
        if cols[0] == "id" or len(cols) < 2:
            continue
        out[int(cols[0])] = (cols[1].strip().lower(), cols[2] if len(cols) > 2 else "")
    return out


def score(probe_path, outdir, verdicts_path, systems_path):
    lines = probe(probe_path)
    verdict = verdicts(verdicts_path)
    replies = {l.rstrip("\n").split("\t")[0]: l.rstrip("\n").split("\t")[2]
               for l in open(f"{outdir}/items.tsv", encoding="utf-8")}
    table = collections.defaultdict(dict)   # system -> line -> (reply, verdict, reason)
    for l in open(f"{outdir}/key.tsv", encoding="utf-8"):
        n, name, i = l.rstrip("\n").split("\t")
        v, reason = verdict.get(int(n), ("?", "not judged"))
        table[name][int(i)] = (replies[n], v, reason)
    names = list(table)
    for name in names:
        rows = table[name]
        yes = sum(rows[i][1] == "yes" for i in rows)
        g = [i for i in rows if lines[i][1] in GREETING_KINDS]
        gy = sum(rows[i][1] == "yes" for i in g)
        top = collections.Counter(rows[i][0] for i in rows).most_common(1)[0]
        kinds = collections.defaultdict(lambda: [0, 0])
        for i in rows:
            kinds[lines[i][1]][0] += rows[i][1] == "yes"
            kinds[lines[i][1]][1] += 1
        print(f"{name}: {yes}/{len(rows)} sensible ({100 * yes / len(rows):.1f}%); greeting/how-are-you/thanks/farewell "
              f"{gy}/{len(g)} ({100 * gy / max(1, len(g)):.1f}%); top reply {100 * top[1] / len(rows):.1f}% ({top[0]})")
        print("   " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in kinds.items()))
    with open(systems_path, "w", encoding="utf-8") as f:
        f.write("message\tkind\t" + "\t".join(f"{n}\t{n} verdict\t{n} reason" for n in names) + "\n")
        for i, (message, kind) in enumerate(lines):
            f.write(f"{message}\t{kind}\t" + "\t".join("\t".join(table[n][i]) for n in names) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "shuffle":
        shuffle(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        score(*sys.argv[2:6])
