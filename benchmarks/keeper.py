"""Keeper figures per kind of copy: how often a copy is kept over its original.

  python benchmarks/keeper.py CORPUS RESULTS.json [CORPUS RESULTS.json ...]

CORPUS has a truth.json as ``shared/tools/make_corpus.py`` writes it; RESULTS.json is a
``photodedup-cli scan --json`` result of it. For every copy grouped with its original, the
copy "wins" when it is kept and the original is not; a byte-identical copy and one stored
sideways with an EXIF orientation tag show the original itself, so they never count against.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter

SAME_PHOTO = {"exact", "exif_orient"}


def keeper_by_kind(corpus: str, results: str) -> tuple[Counter, Counter]:
    """(grouped, won) per kind of copy: copies grouped with their original, and kept over it."""
    with open(os.path.join(corpus, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    with open(results, encoding="utf-8") as f:
        groups = json.load(f)["groups"]
    grouped: Counter = Counter()
    won: Counter = Counter()
    for group in groups:
        files = {os.path.relpath(f["path"], corpus): f["keep"] for f in group["files"]}
        originals = {truth[p]["id"]: p for p in files if truth.get(p, {}).get("kind") == "original"}
        for path, keep in files.items():
            t = truth.get(path)
            if t is None or t["kind"] == "original" or t["id"] not in originals:
                continue
            grouped[t["kind"]] += 1
            same = t["kind"] in SAME_PHOTO
            won[t["kind"]] += keep and not files[originals[t["id"]]] and not same
    return grouped, won


def main() -> None:
    args = sys.argv[1:]
    if not args or len(args) % 2:
        raise SystemExit(__doc__)
    grouped: Counter = Counter()
    won: Counter = Counter()
    for corpus, results in zip(args[::2], args[1::2], strict=True):
        g, w = keeper_by_kind(corpus, results)
        grouped.update(g)
        won.update(w)
    print("| kind of copy | grouped with its original | kept over the original |")
    print("|---|---|---|")
    for kind in sorted(grouped):
        print(f"| {kind} | {grouped[kind]} | {won[kind]} |")
    print(f"| all | {sum(grouped.values())} | {sum(won.values())} |")


if __name__ == "__main__":
    main()
