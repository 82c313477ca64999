"""The desktop app through a large scan: event-loop gaps, progress shown, memory of all processes.

  bench_gui.py DIR [--runs 2] [--stacks]   (the first run cold, the next ones warm)

Opens the real main window (offscreen unless QT_QPA_PLATFORM says otherwise) with settings,
cache and autosave in a fresh temporary home, adds DIR, presses Scan and waits for the end,
while a 5 ms timer records wall time and the GUI thread's own CPU time at every tick (as
tests/gui/test_responsiveness.py does on 1,200 photos). A separate monitor process samples the
summed RSS of the app and its decoder processes every 100 ms: sampled from the app's own GUI
thread, walking /proc took the GIL and the event loop's time, and showed up as gaps.
Prints one row per run, with the longest gap of each stage. ``--stacks``: a watchdog thread
samples every thread's stack whenever the timer is more than 30 ms late and prints the most
common ones at the end (who held the GIL, or whether every thread was waiting for a core).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

#: How long the timer keeps watching after a scan ends (the hand-over, and the autosave 2 s later).
RESULTS_WATCH_MS = 4000

# Run by the monitor process: on each line read, print the peak summed RSS (bytes) of the
# process tree under PID since the last line, sampling every 100 ms in between.
MONITOR = """
import contextlib, select, sys, psutil
root = psutil.Process(int(sys.argv[1]))
peak = 0
while True:
    total = 0
    for p in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    peak = max(peak, total)
    if select.select([sys.stdin], [], [], 0.1)[0]:
        if not sys.stdin.readline():
            break
        print(peak, flush=True)
        peak = 0
"""


class MemoryMonitor:
    """Peak RSS of this process and its children, sampled by another process."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", MONITOR, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def peak(self) -> int:
        """The peak since the previous call (or since the monitor started)."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write("\n")
        self._proc.stdin.flush()
        return int(self._proc.stdout.readline())

    def close(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait()


class GapWatchdog:
    """Samples every thread's stack while the GUI thread's timer is more than LATE_S late."""

    LATE_S = 0.03

    def __init__(self) -> None:
        self.last_tick = time.monotonic()
        self.watching = False
        self.samples: collections.Counter[str] = collections.Counter()
        threading.Thread(target=self._watch, name="gap-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while True:
            time.sleep(0.004)
            if not self.watching or time.monotonic() - self.last_tick <= self.LATE_S:
                continue
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                where = " <- ".join(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}"
                    for f in reversed(traceback.extract_stack(frame)[-6:])
                )
                self.samples[f"{names.get(ident, ident)}: {where}"] += 1

    def report(self) -> None:
        print("\nStacks sampled while the timer was late (count, thread: innermost first):")
        for stack, count in self.samples.most_common(25):
            print(f"{count:6d}  {stack}")


def run(root: Path, runs: int, watchdog: GapWatchdog | None = None) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from photodedup.core.models import Stage
    from photodedup.gui.app import install_process_policy
    from photodedup.gui.autosave import Autosaver
    from photodedup.gui.main_window import MainWindow
    from photodedup.gui.settings import Settings

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # lives while the window does
    home = Path(os.environ["HOME"])
    settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, Autosaver(home / "autosave.json"))
    install_process_policy(window)  # as the app's entry point does
    window.show()
    window.scan_panel.folders.add_folders([str(root)])
    print(
        "| run | seconds | groups | max GUI-thread busy ms | max tick gap ms | longest gap per "
        "stage ms | progress updates (discover/cache/hash/match) | rate+ETA shown | "
        "peak MB (all processes) |"
    )
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    monitor = MemoryMonitor()
    for n in range(runs):
        ticks: list[tuple[float, float, str]] = []
        updates = dict.fromkeys(Stage, 0)
        eta_seen = [False]
        stage = ["start"]

        def tick(ticks=ticks, stage=stage) -> None:
            ticks.append((time.monotonic(), time.thread_time(), stage[0]))
            if watchdog is not None:
                watchdog.last_tick = ticks[-1][0]

        def progress(p, updates=updates, eta_seen=eta_seen, stage=stage) -> None:
            updates[p.stage] += 1
            stage[0] = p.stage.name.lower()
            rate = window.scan_panel.progress.rate_label
            eta_seen[0] |= p.stage == Stage.HASH and "left" in rate.text() and rate.isVisible()

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        window.controller.scanProgress.connect(progress)
        loop = QEventLoop()
        window.controller.scanFinished.connect(loop.quit)
        monitor.peak()  # starts this run's peak
        timer.start()
        if watchdog is not None:
            watchdog.last_tick, watchdog.watching = time.monotonic(), True
        start = time.monotonic()
        window.scan_panel.scan_button.click()
        loop.exec()
        end = time.monotonic()
        stage[0] = "results"
        # The results reach the views and the autosave writes them, under the timer's watch.
        QTimer.singleShot(RESULTS_WATCH_MS, loop.quit)
        loop.exec()
        if watchdog is not None:
            watchdog.watching = False
        window.controller.scanFinished.disconnect(loop.quit)
        timer.stop()
        window.controller.scanProgress.disconnect(progress)
        peak = monitor.peak()
        pairs = list(itertools.pairwise(ticks))
        busy, where = max((b[1] - a[1], b[2]) for a, b in pairs)
        gap, gap_where = max((b[0] - a[0], b[2]) for a, b in pairs)
        per_stage: dict[str, float] = {}
        for a, b in pairs:
            per_stage[b[2]] = max(per_stage.get(b[2], 0.0), b[0] - a[0])
        gaps = ", ".join(f"{name} {ms * 1000:.0f}" for name, ms in per_stage.items())
        counts = "/".join(
            str(updates[s]) for s in (Stage.DISCOVER, Stage.CACHE, Stage.HASH, Stage.MATCH)
        )
        print(
            f"| {'cold' if n == 0 else 'warm'} | {end - start:.1f} | "
            f"{len(window.review().groups)} | {busy * 1000:.0f} ({where}) | "
            f"{gap * 1000:.0f} ({gap_where}) | {gaps} | {counts} | "
            f"{'yes' if eta_seen[0] else 'no'} | {peak / 2**20:.0f} |",
            flush=True,
        )
    monitor.close()
    window.close()
    if watchdog is not None:
        watchdog.report()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--stacks", action="store_true", help="sample stacks in late ticks")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pd-gui-") as home:
        for name, sub in (
            ("HOME", ""),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_STATE_HOME", "state"),
        ):
            os.environ[name] = str(Path(home) / sub)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        run(a.dir.resolve(), a.runs, GapWatchdog() if a.stacks else None)


if __name__ == "__main__":
    main()
