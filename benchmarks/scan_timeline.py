"""When each part of a command-line scan starts and ends, in seconds from the process's start.

  scan_timeline.py scan DIR [photodedup-cli options]   (run with the app's .venv python)

Runs ``photodedup-cli`` in this process with marks around the worker pool: when its workers
began and finished starting, and each run of a job (the fingerprints, then the pixel
comparison's stages) with its first answer. The gaps between them are the rest: the
engine's imports, discovery, the matching, the groups and the JSON.
"""

from __future__ import annotations

import sys
import time

START = time.perf_counter()
marks: list[tuple[float, str]] = []


def mark(what: str) -> None:
    marks.append((time.perf_counter() - START, what))


def main() -> int:
    from photodedup import cli
    from photodedup.core import pool

    run, start_all = pool.FingerprintPool.run, pool.FingerprintPool._start_all

    def timed_run(self, items, on_result, cancel=None):  # type: ignore[no-untyped-def]
        job = getattr(self.work, "__name__", "scan_file")
        first = [True]

        def answered(result):  # type: ignore[no-untyped-def]
            if first[0]:
                first[0] = False
                mark(f"  first answer ({job})")
            on_result(result)

        mark(f"{job}: {len(items)} items")
        try:
            return run(self, items, answered, cancel)
        finally:
            mark(f"{job}: done")

    def timed_start(self):  # type: ignore[no-untyped-def]
        mark("workers starting")
        start_all(self)
        mark("workers started")

    pool.FingerprintPool.run = timed_run  # type: ignore[method-assign]
    pool.FingerprintPool._start_all = timed_start  # type: ignore[method-assign]
    mark("command line imported")
    code = cli.main(sys.argv[1:])
    mark("done")
    for seconds, what in marks:
        print(f"{seconds:7.3f}  {what}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
