"""What the differences view says about each kind of copy, and how long a comparison takes.

  python benchmarks/differences.py CORPUS [--limit N]

CORPUS has a truth.json as ``shared/tools/make_corpus.py`` writes it. Every copy is compared
with its original by ``core.difference.compare_files`` (no hint from the matcher: the
orientation comes from the pictures). Per kind of copy it prints how often each verdict was
given, the mean difference left after lining up (levels of 255; a copy that did not line up
shows tens), and per pair the median time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter, defaultdict

import numpy as np

from photodedup.core.difference import UnreadablePicture, compare_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=0, help="at most this many copies per kind")
    args = parser.parse_args()
    with open(os.path.join(args.corpus, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    originals = {v["id"]: path for path, v in truth.items() if v["kind"] == "original"}
    verdicts: dict[str, Counter] = defaultdict(Counter)
    errors: dict[str, list[float]] = defaultdict(list)
    seconds: list[float] = []
    for path, v in sorted(truth.items()):
        kind = v["kind"]
        if kind == "original" or v["id"] not in originals:
            continue
        if args.limit and sum(verdicts[kind].values()) >= args.limit:
            continue
        start = time.perf_counter()
        try:
            d = compare_files(
                os.path.join(args.corpus, originals[v["id"]]), os.path.join(args.corpus, path)
            )
        except UnreadablePicture:
            verdicts[kind]["unreadable"] += 1
            continue
        seconds.append(time.perf_counter() - start)
        verdicts[kind][str(d.verdict)] += 1
        errors[kind].append(float(np.abs(d.keeper.astype(np.int16) - d.copy).mean()))
    print(f"{'kind':14s} {'mean diff':>9s}  verdicts")
    for kind in sorted(verdicts):
        mean = statistics.mean(errors[kind]) if errors[kind] else float("nan")
        counts = ", ".join(f"{name} {n}" for name, n in verdicts[kind].most_common())
        print(f"{kind:14s} {mean:9.1f}  {counts}")
    if seconds:
        print(f"\n{len(seconds)} pairs, median {statistics.median(seconds):.2f} s per pair")


if __name__ == "__main__":
    main()
