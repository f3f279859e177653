#!/usr/bin/env python3
"""Translates the everyday probe through a running service: everyday-en.txt to Korean (en-ko) and
everyday-ko.txt to English (ko-en), one POST /translate per sentence, as a user would send them.

  python3 bench/korean/translate.py [BASE_URL] OUT_DIR
writes OUT_DIR/en-ko.txt and OUT_DIR/ko-en.txt (one translation per probe line) and
OUT_DIR/probe.tsv (header `message	kind`, kind = direction: the probe in the form
models/ko-chat/probes/blind.py pools and shuffles for blind judging).
"""
import json
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
base = sys.argv[1] if len(sys.argv) > 2 else "http://localhost:8080"
out = sys.argv[-1]
os.makedirs(out, exist_ok=True)
rows = []
for direction, name in (("en-ko", "everyday-en.txt"), ("ko-en", "everyday-ko.txt")):
    source, target = direction.split("-")
    lines = [l.rstrip("\n") for l in open(os.path.join(HERE, name), encoding="utf-8") if l.strip()]
    outputs = []
    for line in lines:
        body = json.dumps({"q": line, "source": source, "target": target}).encode("utf-8")
        request = urllib.request.Request(base + "/translate", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            outputs.append(json.load(response)["translatedText"].replace("\n", " "))
        rows.append((line, direction))
    with open(os.path.join(out, direction + ".txt"), "w", encoding="utf-8") as f:
        f.writelines(o + "\n" for o in outputs)
    print(f"{direction}: {len(outputs)} sentences")
with open(os.path.join(out, "probe.tsv"), "w", encoding="utf-8") as f:
    f.write("message\tkind\n")
    f.writelines(f"{m}\t{k}\n" for m, k in rows)
