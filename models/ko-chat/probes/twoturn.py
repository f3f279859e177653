#!/usr/bin/env python3
"""Blind judging of second-turn replies on the two-turn probe (PROBE4.md).

  python3 twoturn.py shuffle twoturn.tsv OUTDIR FIRST_REPLIES.txt NAME=REPLIES.txt [NAME=REPLIES.txt ...]
      FIRST_REPLIES.txt: the bot's reply to each first message (shown to the judge as context);
      REPLIES.txt: each system's reply to the second message. Pools (first, reply 1, second, reply 2),
      drops exact duplicates, shuffles (seed 11): OUTDIR/items.tsv (what the judge sees), OUTDIR/key.tsv.
  python3 twoturn.py score twoturn.tsv OUTDIR VERDICTS.tsv SYSTEMS.tsv
      VERDICTS.tsv: id TAB yes|no TAB reason. Prints each system's sensible count, overall and per
      kind, and writes every reply with its verdict to SYSTEMS.tsv.
"""
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind import verdicts  # noqa: E402  (the same verdict files as the single-turn probes)


def rows(path):
    out = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()]
    return out[1:] if out and out[0][0] == "first" else out


def shuffle(probe, outdir, first_replies, systems):
    lines = rows(probe)
    firsts = [l.rstrip("\n") for l in open(first_replies, encoding="utf-8")]
    assert len(firsts) == len(lines)
    items = {}
    for spec in systems:
        name, path = spec.split("=", 1)
        replies = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
        assert len(replies) == len(lines), f"{path}: {len(replies)} replies for {len(lines)} items"
        for i, ((first, second, _kind), reply) in enumerate(zip(lines, replies)):
            items.setdefault((first, firsts[i], second, reply), []).append((name, i))
    keys = list(items)
    random.Random(11).shuffle(keys)
    with open(f"{outdir}/items.tsv", "w", encoding="utf-8") as f, open(f"{outdir}/key.tsv", "w", encoding="utf-8") as k:
        f.write("id\tfirst message\tbot reply 1\tsecond message\tbot reply 2 (judge this)\n")
        for n, item in enumerate(keys, 1):
            f.write(f"{n}\t" + "\t".join(item) + "\n")
            for name, i in items[item]:
                k.write(f"{n}\t{name}\t{i}\n")
    print(f"{len(keys)} items for {len(systems)} systems")


def score(probe, outdir, verdicts_path, systems_path):
    lines = rows(probe)
    verdict = verdicts(verdicts_path)
    replies = {l.split("\t")[0]: l.rstrip("\n").split("\t")[4] for l in open(f"{outdir}/items.tsv", encoding="utf-8")}
    table = collections.defaultdict(dict)
    for l in open(f"{outdir}/key.tsv", encoding="utf-8"):
        n, name, i = l.rstrip("\n").split("\t")
        v, reason = verdict.get(int(n), ("?", "not judged"))
        table[name][int(i)] = (replies[n], v, reason)
    for name, by_line in table.items():
        yes = sum(v == "yes" for _, v, _ in by_line.values())
        kinds = collections.Counter()
        kinds_yes = collections.Counter()
        for i, (_, v, _) in by_line.items():
            kinds[lines[i][2]] += 1
            kinds_yes[lines[i][2]] += v == "yes"
        print(f"{name}: {yes}/{len(by_line)} sensible; " + ", ".join(f"{k} {kinds_yes[k]}/{kinds[k]}" for k in sorted(kinds)))
    with open(systems_path, "w", encoding="utf-8") as f:
        names = list(table)
        f.write("first\tsecond\tkind\t" + "\t".join(f"{n}\t{n} verdict\t{n} reason" for n in names) + "\n")
        for i, (first, second, kind) in enumerate(lines):
            f.write(f"{first}\t{second}\t{kind}\t" + "\t".join("\t".join(table[n][i]) for n in names) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "shuffle":
        shuffle(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    else:
        score(*sys.argv[2:6])
