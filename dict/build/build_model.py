#!/usr/bin/env python3
"""Builds dict/news.lm, the checker's language model, from the shared news corpus.

    python3 dict/build/build_model.py CORPUS_DIR [--out dict/news.lm] [--heldout DIR]
        [--min 3] [--lm-build build/plain/tools/lm_build] [--split-only]

CORPUS_DIR is the unpacked vi-news.tar.xz (see dict/README.md). The steps:

1. Every article file is grouped by its name (the same article appears in several folders
   of the archive, sometimes in two versions); one group is one document.
2. A document is held out when a hash of its name says so (1 in 20 of the news articles,
   never the laws). Held-out documents are written whole to --heldout (outside the
   repository: they are not ours to ship) for the evaluation, split into dev/ (to tune the
   margin on) and test/ (to report). A held-out document sharing more than a fifth of its
   lines with the training text is trained on instead (agencies reprint each other).
3. The training text is every distinct line of the other documents (duplicates counted once),
   with the article metadata lines of one folder dropped.
4. lm_build (tests/tools/lm_build.c) counts syllables and syllable pairs with the checker's own
   tokenizer, prunes everything seen fewer than --min times and writes the binary model.

Nothing of the corpus but counts reaches the model; the script and lm_build are deterministic,
so the same corpus gives the same file.
"""
import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import unicodedata


def documents(root):
    """(group name, source, path) for every article file under root."""
    for dirpath, _, files in os.walk(root):
        if "/scripts" in dirpath:
            continue
        for f in sorted(files):
            if not f.endswith(".txt") or f.upper().startswith("README"):
                continue
            path = os.path.join(dirpath, f)
            source = "law" if "VLC" in path else "news"
            yield (source + ":" + f, source, path)


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as fp:
        text = unicodedata.normalize("NFC", fp.read())
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or line.startswith("# "):  # metadata of the UNC folder
            continue
        out.append(line)
    return out


def held_out(name, source):
    if source != "news":
        return False
    return hashlib.md5(name.encode()).digest()[0] % 20 == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--out", default="dict/news.lm")
    ap.add_argument("--heldout")
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--lm-build", default="build/plain/tools/lm_build")
    ap.add_argument("--split-only", action="store_true",
                    help="only write the held-out articles (for the evaluation and the bench)")
    a = ap.parse_args()

    groups = {}
    for name, source, path in documents(a.corpus):
        groups.setdefault(name, (source, []))[1].append(path)
    train_lines, held = set(), {}
    for name in sorted(groups):
        source, paths = groups[name]
        versions = [read_lines(p) for p in paths]
        if held_out(name, source):
            held[name] = max(versions, key=lambda v: sum(map(len, v)))
        else:
            for v in versions:
                train_lines.update(v)
    moved = 0
    for name in sorted(held):
        lines = [l for l in held[name] if len(l) > 40]
        shared = sum(l in train_lines for l in lines)
        if lines and shared * 5 > len(lines):
            train_lines.update(held.pop(name))
            moved += 1
    print(f"{len(groups)} documents, {len(held)} held out ({moved} more were reprints: trained on),"
          f" {len(train_lines)} distinct training lines", file=sys.stderr)
    if a.heldout:
        for part in ("dev", "test"):
            os.makedirs(os.path.join(a.heldout, part), exist_ok=True)
        for i, name in enumerate(sorted(held)):
            part = "dev" if hashlib.md5(name.encode()).digest()[1] % 2 == 0 else "test"
            with open(os.path.join(a.heldout, part, f"{i:05d}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(held[name]) + "\n")
    if a.split_only:
        return
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as tmp:
        for line in sorted(train_lines):
            tmp.write(line + "\n")
    try:
        subprocess.run([a.lm_build, "--min", str(a.min), "-o", a.out, tmp.name], check=True)
    finally:
        os.unlink(tmp.name)


if __name__ == "__main__":
    main()
