#!/usr/bin/env python3
"""Builds the Korean small-talk supplement of the ko-chat bundle from the hand-written intents.

smalltalk/part-*.tsv hold the intents, written for this project: one line per message (M) or
reply (R) of an intent, `intent TAB M|R TAB text`. This script writes
  smalltalk.tsv        every message paired with two of its intent's replies (by rotation, so every
                       reply is used): the supplement's training pairs and the bundle's reply memory;
  smalltalk-noisy.tsv  a noisy copy of each pair, the message changed as people type (a dropped final
                       mark, a space removed, a chat tail added, a polite ending made casual or the
                       reverse, or the vowel slip ㅐ/ㅔ), the reply unchanged; a pair no rule changes is skipped;
  smalltalk-dev.tsv    one message of every intent in five, held out of both (for choosing on dev).
Deterministic: run it again and the files are the same.  Usage: python3 smalltalk.py
"""
import glob
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def read_intents():
    intents = {}
    for path in sorted(glob.glob(os.path.join(HERE, "smalltalk", "part-*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                cols = line.split("\t")
                if len(cols) != 3 or cols[1] not in ("M", "R") or not cols[2].strip():
                    raise SystemExit(f"{path}:{number}: not 'intent TAB M|R TAB text': {line!r}")
                messages, replies = intents.setdefault(cols[0], ([], []))
                (messages if cols[1] == "M" else replies).append(cols[2].strip())
    for name, (messages, replies) in intents.items():
        if not messages or not replies:
            raise SystemExit(f"intent {name} needs messages and replies")
    return intents


def key(text):
    """A message as two that differ only in spacing, marks or a laughing/crying tail share it."""
    bare = re.sub(r"[\s.!~,]+", "", text)
    return re.sub(r"(ㅋㅋ+|ㅎㅎ+|ㅠㅠ+|ㅜㅜ+)$", "", bare) or bare


# --- noise: what people do to a message when they type it -------------------------------------

TAILS = [" ㅋㅋ", "ㅋㅋㅋ", " ㅠㅠ", "~", "..", " ㅎㅎ"]
CASUAL = [("해요", "해"), ("워요", "워"), ("어요", "어"), ("아요", "아"), ("예요", "야"), ("네요", "네"), ("죠", "지")]


def swap_vowel(syllable):
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    lead, vowel, tail = code // 588, (code % 588) // 28, code % 28
    if vowel not in (1, 5):   # ㅐ <-> ㅔ, the usual slip
        return None
    return chr(0xAC00 + lead * 588 + (6 - vowel) * 28 + tail)


def perturb(message, rng):
    rules = list(range(5))
    rng.shuffle(rules)
    for rule in rules:
        out = None
        if rule == 0 and re.search(r"[.!?~]+$", message):
            out = re.sub(r"[.!?~]+$", "", message)
        elif rule == 1 and " " in message:
            spaces = [i for i, c in enumerate(message) if c == " "]
            i = rng.choice(spaces)
            out = message[:i] + message[i + 1:]
        elif rule == 2:
            out = re.sub(r"[.!]+$", "", message) + rng.choice(TAILS)
        elif rule == 3:
            stem = re.sub(r"[.!?~]+$", "", message)
            end = message[len(stem):]
            for polite, casual in CASUAL:
                if stem.endswith(polite):
                    out = stem[: -len(polite)] + casual + end
                    break
                if stem.endswith(casual) and casual in ("해", "워"):
                    out = stem[: -len(casual)] + polite + end
                    break
        elif rule == 4:
            positions = [i for i, c in enumerate(message) if swap_vowel(c)]
            if positions:
                i = rng.choice(positions)
                out = message[:i] + swap_vowel(message[i]) + message[i + 1:]
        if out and out.strip() and out != message:
            return out.strip()
    return None


def main():
    intents = read_intents()
    owner = {}
    for name, (messages, _) in intents.items():   # a message written for two intents would teach two answers
        for m in messages:
            if owner.setdefault(key(m), name) != name:
                print(f"warning: {m!r} is in {owner[key(m)]} and {name}; kept in the first")
    train, noisy, dev = [], [], []
    rng = random.Random(7)
    for name, (messages, replies) in intents.items():
        kept = [m for m in dict.fromkeys(messages) if owner[key(m)] == name]
        for i, message in enumerate(kept):
            pairs = [(message, replies[(i + j) % len(replies)]) for j in range(min(2, len(replies)))]
            if i % 5 == 4:
                dev.append(pairs[0])
                continue
            train.extend(pairs)
            for m, r in pairs:
                changed = perturb(m, rng)
                if changed and key(changed) != "" and changed != m:
                    noisy.append((changed, r))
    for file, rows in (("smalltalk.tsv", train), ("smalltalk-noisy.tsv", noisy), ("smalltalk-dev.tsv", dev)):
        rows = list(dict.fromkeys(rows))
        with open(os.path.join(HERE, file), "w", encoding="utf-8") as f:
            for m, r in rows:
                f.write(f"{m}\t{r}\n")
        print(f"{file}: {len(rows)} pairs")
    print(f"{len(intents)} intents, {sum(len(m) for m, _ in intents.values())} messages, "
          f"{sum(len(r) for _, r in intents.values())} replies")


if __name__ == "__main__":
    main()
