"""Regenerate the screenshots in resources/ from the real app, on a generated demo library.

One command (it starts itself under Xvfb when ``xvfb-run`` is there and no display is asked
for): ``.venv/bin/python packaging/screenshots.py``. It draws a small library of generated
scenes with typical copies (a backup, a WhatsApp-sized copy, a PNG export, a photo turned by
its EXIF tag, a framed print, an edit), scans it with the real window at 1600x1000, and saves

- ``resources/screenshot-review.png``: the review, the edited copy's group selected;
- ``resources/screenshot-differences.png``: the differences view of that edit.

The README and the AppStream metainfo (packaging/linux) show these files. ``--lang ja`` or
``--lang zh_CN`` takes them in another language (into ``--out``, resources/ by default).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1600, 1000)
#: The copy whose group the review shows and whose differences the second picture shows.
EDITED = "Edits/IMG_2041-edited.jpg"


# -- the demo library -----------------------------------------------------------------------


def _gradient(size: tuple[int, int], top: tuple[int, ...], bottom: tuple[int, ...]) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, h)[:, None, None]
    rows = np.array(top, float) * (1 - t) + np.array(bottom, float) * t
    return Image.fromarray(np.repeat(rows, w, axis=1).astype(np.uint8), "RGB")


def _ridge(rng: np.random.Generator, w: int, base: float, height: float) -> list[tuple[int, int]]:
    """A mountain ridge line from left to right, as polygon points."""
    xs = np.linspace(0, w, 60)
    y = np.full_like(xs, base)
    for _ in range(4):
        f, p = rng.uniform(1, 6) * 2 * math.pi / w, rng.uniform(0, 2 * math.pi)
        y -= height * rng.uniform(0.2, 0.6) * (0.5 + 0.5 * np.sin(xs * f + p))
    return [(int(x), int(v)) for x, v in zip(xs, y, strict=True)]


def landscape(seed: int, size: tuple[int, int] = (1200, 800)) -> Image.Image:
    """A generated scene: sky, sun, mountain ranges, a lake with its reflection, trees."""
    rng = np.random.default_rng(seed)
    w, h = size
    hue = rng.uniform(0, 1)
    sky_top = tuple(int(v) for v in (40 + 60 * hue, 90 + 40 * hue, 170 - 40 * hue))
    sky_low = tuple(int(v) for v in (250, 190 - 60 * hue, 140 + 40 * hue))
    img = _gradient(size, sky_top, sky_low)
    draw = ImageDraw.Draw(img)
    sx, sy, r = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, 0.35) * h, 0.06 * h
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=(255, 236, 180))
    horizon = int(h * rng.uniform(0.58, 0.68))
    for layer in range(3):  # far ranges paler and bluer, the near one dark and green
        far = (2 - layer) / 2
        colour = tuple(
            int(near * (1 - far) + haze * far)
            for near, haze in zip((34, 62 + 30 * hue, 44), (120, 130, 170), strict=True)
        )
        ridge = _ridge(rng, w, horizon - 10 + 12 * layer, h * (0.35 - 0.08 * layer))
        draw.polygon([(0, horizon), *ridge, (w, horizon)], fill=colour)
    land = img.crop((0, 0, w, horizon))
    water = ImageOps.flip(land).resize((w, h - horizon)).filter(ImageFilter.GaussianBlur(3))
    water = Image.blend(water, Image.new("RGB", water.size, (20, 50, 80)), 0.35)
    img.paste(water, (0, horizon))
    for _ in range(int(rng.integers(6, 12))):  # pines on the shore
        x = rng.uniform(0, w)
        tall = rng.uniform(0.08, 0.18) * h
        base = horizon + rng.uniform(0.02, 0.06) * h
        draw.polygon(
            [(x, base - tall), (x - tall * 0.25, base), (x + tall * 0.25, base)],
            fill=(20, int(60 + 30 * hue), 35),
        )
    # Clouds, haze and grain: texture at every scale, as in a photo.
    texture = np.zeros((h, w))
    for cells in (6, 12, 24, 48):
        grid = rng.normal(0, 1, (cells * h // w + 1, cells + 1))
        layer = Image.fromarray(grid.astype(np.float32)).resize((w, h), Image.Resampling.BICUBIC)
        texture += np.asarray(layer) * 26 / math.sqrt(cells)
    noise = texture[..., None] + rng.normal(0, 3, (h, w, 3))
    return Image.fromarray(np.clip(np.asarray(img, float) + noise, 0, 255).astype(np.uint8))


def _exif(taken: str, orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Fujifilm"
    exif[0x0110] = "X-T30"
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x9003] = taken
    return exif.tobytes()


def _balloon(img: Image.Image) -> Image.Image:
    """The edit the differences view shows: a hot-air balloon painted into the sky."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    cx, cy, r = int(w * 0.8), int(h * 0.16), int(h * 0.045)
    draw.ellipse((cx - r, cy - r, cx + r, cy + int(r * 1.1)), fill=(210, 40, 50))
    draw.polygon(
        [(cx - r // 2, cy + r), (cx + r // 2, cy + r), (cx, cy + int(r * 1.6))], (210, 40, 50)
    )
    draw.rectangle((cx - r // 5, cy + int(r * 1.7), cx + r // 5, cy + 2 * r), fill=(120, 80, 40))
    return out


def make_library(root: Path) -> None:
    """Eight photos, most with copies of the kinds people collect, and a few unique ones."""
    for seed in range(8):
        name = f"IMG_{2037 + seed:04d}.jpg"
        taken = f"2024:07:{10 + seed:02d} 18:{10 + 3 * seed:02d}:00"
        img = landscape(seed)
        camera = root / "Camera" / name
        camera.parent.mkdir(parents=True, exist_ok=True)
        img.save(camera, quality=93, exif=_exif(taken))
        kinds = seed % 4
        if kinds >= 0:
            backup = root / "Backup 2024" / name
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(camera, backup)
        if kinds >= 1:
            wa = root / "WhatsApp Images" / f"IMG-202407{10 + seed:02d}-WA00{seed:02d}.jpg"
            wa.parent.mkdir(parents=True, exist_ok=True)
            img.resize((600, 400), Image.Resampling.LANCZOS).save(wa, quality=70)
        if kinds >= 2:
            png = root / "Exports" / name.replace(".jpg", ".png")
            png.parent.mkdir(parents=True, exist_ok=True)
            img.save(png)
        if kinds >= 3:
            side = root / "Phone" / name
            side.parent.mkdir(parents=True, exist_ok=True)
            img.transpose(Image.Transpose.ROTATE_90).save(side, quality=90, exif=_exif(taken, 6))
    keeper = landscape(4)
    edits = root / EDITED
    edits.parent.mkdir(parents=True, exist_ok=True)
    _balloon(keeper).save(edits, quality=90)
    ImageOps.expand(keeper, border=48, fill=(250, 250, 250)).save(
        root / "Edits" / "IMG_2041-print.jpg", quality=90
    )
    for seed in range(100, 104):
        landscape(seed).save(root / "Camera" / f"IMG_{3000 + seed}.jpg", quality=92)
    # Fixed modification times (a copy made after its photo), so the pictures never change.
    start = datetime(2024, 8, 1, 12, 0).timestamp()
    for n, path in enumerate(sorted(p for p in root.rglob("*") if p.is_file())):
        os.utime(path, (start + 60 * n, start + 60 * n))


# -- driving the app ------------------------------------------------------------------------


def _wait(app: object, until: Callable[[], bool], timeout: float, settle: float = 0.0) -> None:
    """Run the event loop until ``until()`` holds (then ``settle`` more seconds)."""
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise SystemExit("screenshots: timed out waiting for the app")
        QCoreApplication.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + settle
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def take(out: Path, lang: str) -> list[Path]:
    """Drive the window over a fresh demo library; returns the PNGs written."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from photodedup.gui.autosave import Autosaver
    from photodedup.gui.group_model import GroupRole
    from photodedup.gui.i18n import Translations
    from photodedup.gui.main_window import MainWindow
    from photodedup.gui.settings import Language, Settings

    # A fixed, short place: its path shows in the pictures (the folder list, the cards).
    work = Path(tempfile.gettempdir()) / "photodedup-demo"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(work / name.lower())
    library = work / "Pictures"
    make_library(library)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if lang != "en":
        Translations(app).install(Language(lang))
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, Autosaver(str(work / "autosave.json")))
    window.resize(*SCREEN)
    window.move(0, 0)
    window.show()
    window.scan_panel.folders.add_folders([str(library)])
    results = []
    window.controller.scanFinished.connect(results.append)
    window.scan_panel.scan_button.click()
    _wait(app, lambda: bool(results), 120)
    panel = window.review_panel
    edited = str(library / EDITED)
    review = panel.review()
    for row in range(panel.proxy.rowCount()):
        group = review.group(panel.proxy.index(row, 0).data(GroupRole.GROUP_ID))
        if any(m.path == edited for m in group.members):
            panel.list_view.setCurrentIndex(panel.proxy.index(row, 0))
            break
    else:
        raise SystemExit("screenshots: the edited copy was not grouped")
    cards = panel.compare.cards()
    panel.compare.set_current(next(i for i, c in enumerate(cards) if c.member.path == edited))
    loader = panel._loader  # the thumbnails: wait until every card shows its photo
    _wait(app, lambda: loader.pending_count() == 0, 30, settle=1.0)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    review_png = out / f"screenshot-review{suffix}.png"
    window.grab().save(str(review_png))
    dialog = window.differences.open_for(panel, edited)
    dialog.resize(*SCREEN)
    dialog.move(0, 0)
    _wait(app, lambda: dialog.difference() is not None, 60, settle=0.5)
    dialog.fit()
    _wait(app, lambda: True, 1, settle=0.3)
    differences_png = out / f"screenshot-differences{suffix}.png"
    dialog.grab().save(str(differences_png))
    dialog.close()
    window.close()
    _wait(app, lambda: window.controller.job is None, 30)
    shutil.rmtree(work, ignore_errors=True)
    return [review_png, differences_png]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources")
    parser.add_argument("--lang", default="en", choices=("en", "ja", "zh_CN"))
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.inner and shutil.which("xvfb-run"):
        screen = f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24"
        command = [sys.executable, __file__, "--inner", "--out", str(args.out), "--lang", args.lang]
        return subprocess.call(["xvfb-run", "-a", "-s", screen, *command])
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    for path in take(args.out, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
