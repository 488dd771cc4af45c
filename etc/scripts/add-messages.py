#!/usr/bin/env python3
"""Usage: addmsg.py <dir-with-messages.vi.json> <tsv file: code \t vi \t en> — adds/overwrites codes, keeps order."""
import json, sys, os, collections
d, tsv = sys.argv[1], sys.argv[2]
files = {c: os.path.join(d, f"messages.{c}.json") for c in ("vi", "en")}
data = {c: (json.load(open(p), object_pairs_hook=collections.OrderedDict) if os.path.exists(p) else collections.OrderedDict()) for c, p in files.items()}
for line in open(tsv, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"): continue
    code, vi, en = line.split("\t")
    data["vi"][code] = vi; data["en"][code] = en
for c, p in files.items():
    with open(p, "w", encoding="utf-8") as f:
        json.dump(data[c], f, ensure_ascii=False, indent=2); f.write("\n")
