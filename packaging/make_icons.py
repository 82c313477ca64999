"""Render the SVG master icon into every icon file the packages and the app need.

Run from anywhere: ``python packaging/make_icons.py``. Writes
- packaging/linux/icons/hicolor/<N>x<N>/apps/<app id>.png (48-512 px) for distribution packages,
- packaging/photodedup.ico (Windows) and packaging/photodedup.icns (macOS) for PyInstaller,
- photodedup/assets/: the SVG, the PNGs and the .desktop template, so a pip-installed app can
  install its own launcher (photodedup.desktop_entry).
Each size is rendered from the vector master rather than downscaled from one bitmap, so small
icons stay sharp.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

APP_ID = "io.github.photodedup.PhotoDedup"
ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "photodedup.svg"
LINUX = ROOT / "packaging" / "linux"
ASSETS = ROOT / "photodedup" / "assets"

PNG_SIZES = (48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int) -> bytes:
    """Rasterise the master SVG to a square PNG of ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot parse {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _pil(size: int):  # -> PIL.Image.Image
    from PIL import Image

    return Image.open(io.BytesIO(render_png(size))).convert("RGBA")


def write_pngs(base: Path) -> list[Path]:
    """Write the hicolor PNG tree under ``base`` and return the files written."""
    written = []
    for size in PNG_SIZES:
        dest = base / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(render_png(size))
        written.append(dest)
    return written


def write_ico(dest: Path) -> None:
    images = [_pil(size) for size in ICO_SIZES]
    largest = images[-1]
    largest.save(dest, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])


def write_icns(dest: Path) -> None:
    images = [_pil(size) for size in ICNS_SIZES]
    largest = images[-1]
    largest.save(dest, format="ICNS", append_images=images[:-1])


def copy_runtime_assets() -> list[Path]:
    """Mirror the SVG, PNG tree and .desktop template into the package's assets."""
    icons = ASSETS / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    svg_dest = icons / f"{APP_ID}.svg"
    shutil.copyfile(SVG, svg_dest)
    hicolor = icons / "hicolor"
    if hicolor.exists():
        shutil.rmtree(hicolor)
    shutil.copytree(LINUX / "icons" / "hicolor", hicolor)
    desktop_dir = ASSETS / "desktop"
    desktop_dir.mkdir(parents=True, exist_ok=True)
    desktop_dest = desktop_dir / f"{APP_ID}.desktop"
    shutil.copyfile(LINUX / f"{APP_ID}.desktop", desktop_dest)
    return [svg_dest, *sorted(hicolor.rglob("*.png")), desktop_dest]


def main() -> int:
    # Rendering needs a Qt platform, not a screen: offscreen works on headless build machines.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = write_pngs(LINUX / "icons" / "hicolor")
    ico = ROOT / "packaging" / "photodedup.ico"
    icns = ROOT / "packaging" / "photodedup.icns"
    write_ico(ico)
    write_icns(icns)
    written += [ico, icns, *copy_runtime_assets()]
    for path in written:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
