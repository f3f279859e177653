#!/usr/bin/env python3
"""Noisy copies of the small-talk supplement's messages, for training a model that is less thrown
by wording it has not seen.

    python3 perturb.py smalltalk.tsv smalltalk-noisy.tsv

For every line of the input (message TAB reply) it writes the message once more, changed in one of
five ways chosen at random (seeded, so the output is always the same): one word dropped (messages of
three words or more), a chat tail added (" lol", " :)", "!!", ...), a filler put in front ("oh ",
"well ", ...), lower-cased without punctuation, or two adjacent letters of a word swapped (a typo);
the reply is kept. Lines whose message would not change are skipped.
"""
import random
import re
import sys

TAILS = [" lol", " haha", " :)", " :D", "!!", " today", " tbh", " rn", " honestly", " ...", "?"]
HEADS = ["oh ", "well ", "hmm ", "so ", "ok ", "honestly ", "um ", "hey, "]


def perturb(message, rnd):
    words = message.split()
    op = rnd.randrange(5)
    if op == 0 and len(words) >= 3:
        del words[rnd.randrange(len(words))]
        return ' '.join(words)
    if op == 1:
        return message.rstrip('.!') + rnd.choice(TAILS)
    if op == 2:
        return rnd.choice(HEADS) + (message[0].lower() + message[1:] if message else message)
    if op == 3:
        return re.sub(r"[.,!?']", "", message.lower())
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if candidates:
        i = rnd.choice(candidates)
        w = words[i]
        j = rnd.randrange(len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        return ' '.join(words)
    return message.rstrip('.!') + rnd.choice(TAILS)


def main(argv):
    if len(argv) != 3 or argv[1].startswith('-'):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rnd = random.Random(11)
    out = []
    with open(argv[1], encoding='utf-8') as f:
        for line in f.read().splitlines():
            message, reply = line.split('\t', 1)
            noisy = perturb(message, rnd)
            if noisy.strip() and noisy != message:
                out.append(noisy + '\t' + reply)
    with open(argv[2], 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print(f"{len(out)} noisy lines from {argv[1]} in {argv[2]}")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
