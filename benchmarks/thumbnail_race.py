"""The cold-scan crash, reproduced: the thumbnail loader as the first user of Qt image types.

  thumbnail_race.py [--runs 30] [--loader FILE]

Each run is a fresh process with the app's 0.5 ms GIL switch interval: it makes a
ThumbnailLoader (two decoder threads) and asks for four thumbnails at once, as the first paint of
a cold scan's results does. Prints how many runs ended cleanly, died of SIGSEGV or hung (20 s).
``--loader FILE`` runs another version of gui/thumbnails.py instead (for example
``git show 1405f61:photodedup/gui/thumbnails.py > old.py``): the cause is in
docs/threads.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import importlib.util, os, sys
sys.setswitchinterval(0.0005)
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
if sys.argv[2]:
    spec = importlib.util.spec_from_file_location("thumbs", sys.argv[2])
    thumbs = sys.modules["thumbs"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(thumbs)
else:
    from photodedup.gui import thumbnails as thumbs
app = QApplication(sys.argv[:1])
paths = [os.path.join(sys.argv[1], name) for name in sorted(os.listdir(sys.argv[1]))]
loader = thumbs.ThumbnailLoader(threads=2)
done = set()
loop = QEventLoop()
def ready(path):
    done.add(path)
    if len(done) == len(paths):
        loop.quit()
loader.thumbnailReady.connect(ready)
for p in paths:
    st = os.stat(p)
    loader.request(p, st.st_mtime_ns, st.st_size, 220)
QTimer.singleShot(15000, loop.quit)
loop.exec()
sys.exit(0 if len(done) == len(paths) else 3)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--loader", type=Path, help="another thumbnails.py to run instead")
    a = ap.parse_args()
    from PIL import Image

    counts = {"ok": 0, "SIGSEGV": 0, "hang": 0, "other": 0}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="pd-race-") as tmp:
        photos = Path(tmp) / "photos"
        photos.mkdir()
        Image.effect_noise((1200, 900), 60).convert("RGB").save(photos / "0.jpg", quality=90)
        for n in range(1, 4):
            shutil.copy(photos / "0.jpg", photos / f"{n}.jpg")
        loader = str(a.loader.resolve()) if a.loader else ""
        for _ in range(a.runs):
            try:
                code = subprocess.run(
                    [sys.executable, "-c", CHILD, str(photos), loader],
                    env=env,
                    timeout=20,
                    capture_output=True,
                ).returncode
            except subprocess.TimeoutExpired:
                counts["hang"] += 1
                continue
            key = {0: "ok", -signal.SIGSEGV: "SIGSEGV"}.get(code, "other")
            counts[key] += 1
    print(", ".join(f"{name} {n}" for name, n in counts.items()), f"(of {a.runs} runs)")


if __name__ == "__main__":
    main()
