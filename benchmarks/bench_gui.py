"""The desktop app through a large scan: event-loop gaps, progress shown, memory of all processes.

  bench_gui.py DIR [--runs 2]     (the first run cold, the next ones warm)

Opens the real main window (offscreen unless QT_QPA_PLATFORM says otherwise) with settings,
cache and autosave in a fresh temporary home, adds DIR, presses Scan and waits for the end,
while a 5 ms timer records wall time and the GUI thread's own CPU time at every tick (as
tests/gui/test_responsiveness.py does on 1,200 photos) and the summed RSS of the app and its
decoder processes is sampled every 100 ms. Prints one row per run.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

import psutil


def _tree_rss() -> int:
    me = psutil.Process()
    total = 0
    for p in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total


def run(root: Path, runs: int) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from photodedup.core.models import Stage
    from photodedup.gui.autosave import Autosaver
    from photodedup.gui.main_window import MainWindow
    from photodedup.gui.settings import Settings

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # lives while the window does
    home = Path(os.environ["HOME"])
    settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, Autosaver(home / "autosave.json"))
    window.show()
    window.scan_panel.folders.add_folders([str(root)])
    print(
        "| run | seconds | groups | max GUI-thread busy ms | max tick gap ms | progress "
        "updates (discover/cache/hash/match) | rate+ETA shown | peak MB (all processes) |"
    )
    print("|---|---|---|---|---|---|---|---|", flush=True)
    for n in range(runs):
        ticks: list[tuple[float, float]] = []
        peak = [0]
        updates = dict.fromkeys(Stage, 0)
        eta_seen = [False]
        stage = ["start"]

        def tick(ticks=ticks, stage=stage) -> None:
            ticks.append((time.monotonic(), time.thread_time(), stage[0]))

        def sample(peak=peak) -> None:
            peak[0] = max(peak[0], _tree_rss())

        def progress(p, updates=updates, eta_seen=eta_seen, stage=stage) -> None:
            updates[p.stage] += 1
            stage[0] = p.stage.name.lower()
            rate = window.scan_panel.progress.rate_label
            eta_seen[0] |= p.stage == Stage.HASH and "left" in rate.text() and rate.isVisible()

        timer, sampler = QTimer(), QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        sampler.setInterval(100)
        sampler.timeout.connect(sample)
        window.scanner.progress.connect(progress)
        loop = QEventLoop()
        window.scanner.finished.connect(loop.quit)
        timer.start()
        sampler.start()
        start = time.monotonic()
        window.scan_panel.scan_button.click()
        loop.exec()
        end = time.monotonic()
        stage[0] = "results"
        # Let the results reach the views, still under the timer's watch.
        QTimer.singleShot(100, loop.quit)
        loop.exec()
        window.scanner.finished.disconnect(loop.quit)
        timer.stop()
        sampler.stop()
        window.scanner.progress.disconnect(progress)
        pairs = list(itertools.pairwise(ticks))
        busy, where = max((b[1] - a[1], b[2]) for a, b in pairs)
        gap, gap_where = max((b[0] - a[0], b[2]) for a, b in pairs)
        counts = "/".join(
            str(updates[s]) for s in (Stage.DISCOVER, Stage.CACHE, Stage.HASH, Stage.MATCH)
        )
        print(
            f"| {'cold' if n == 0 else 'warm'} | {end - start:.1f} | "
            f"{len(window.review().groups)} | {busy * 1000:.0f} ({where}) | "
            f"{gap * 1000:.0f} ({gap_where}) | {counts} | "
            f"{'yes' if eta_seen[0] else 'no'} | {peak[0] / 2**20:.0f} |",
            flush=True,
        )
    window.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--runs", type=int, default=2)
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
        run(a.dir.resolve(), a.runs)


if __name__ == "__main__":
    main()
