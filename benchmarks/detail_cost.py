"""What the pixel comparison of graphics (core/detail.py) costs a scan, cold and warm.

  detail_cost.py DIR [--workers 2] [--off]

Scans DIR twice in this process with a fresh private cache (cold, then warm) and prints each
scan's seconds, its groups, and what the comparison did: the pictures its stages had the
workers decode (files, seconds) and the pairs compared here (count, seconds). ``--off``
scans without the comparison (graphics then fall back to their 32x32 check), for the
difference.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from photodedup.core import pipeline
from photodedup.core.detail import preview_job
from photodedup.core.models import ScanOptions
from photodedup.core.pool import FingerprintPool

_decoded: list[tuple[int, float]] = []
_compared = [0, 0.0]


def _timed_run(run):  # wraps FingerprintPool.run
    def wrapped(self, items, on_result, cancel=None):
        start = time.perf_counter()
        try:
            return run(self, items, on_result, cancel)
        finally:
            if self.work is preview_job:
                _decoded.append((len(items), time.perf_counter() - start))

    return wrapped


def _timed_share(share):  # wraps pipeline.difference_share
    def wrapped(a, b):
        start = time.perf_counter()
        try:
            return share(a, b)
        finally:
            _compared[0] += 1
            _compared[1] += time.perf_counter() - start

    return wrapped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--off", action="store_true", help="scan without the pixel comparison")
    args = ap.parse_args()
    FingerprintPool.run = _timed_run(FingerprintPool.run)
    pipeline.difference_share = _timed_share(pipeline.difference_share)
    if args.off:
        pipeline.detail_check = lambda *_args, **_kwargs: None
    with tempfile.TemporaryDirectory() as cache:
        options = ScanOptions(roots=(args.dir,), cache_dir=cache, workers=args.workers)
        for name in ("cold", "warm"):
            _decoded.clear()
            _compared[:] = [0, 0.0]
            start = time.perf_counter()
            result = pipeline.run_scan(options)
            seconds = time.perf_counter() - start
            stages = ", ".join(f"{n} files in {s:.2f} s" for n, s in _decoded) or "none"
            print(
                f"{name}: {seconds:.2f} s, {len(result.groups)} groups; pictures decoded per "
                f"stage: {stages}; {_compared[0]} pairs compared in {_compared[1]:.2f} s"
            )


if __name__ == "__main__":
    main()
