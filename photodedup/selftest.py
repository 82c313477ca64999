"""`photodedup --self-test`: prove an installation or a frozen bundle has its assets and engine."""

from __future__ import annotations

import multiprocessing
import os
import platform
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw

from . import __version__
from .desktop_entry import APP_ID, ICON_SIZES, assets, icon_svg

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
#: Generous: a cold frozen worker on a slow disk unpacks Python, numpy and scipy first.
WORKER_TIMEOUT = 120.0


def check_assets() -> str:
    """The icon, launcher template and compiled translations are packaged and readable."""
    root = ET.fromstring(icon_svg().read_bytes())
    if not root.tag.endswith("svg"):
        raise ValueError(f"{APP_ID}.svg is not an SVG document")
    for size in ICON_SIZES:
        png = assets() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if not png.read_bytes().startswith(PNG_MAGIC):
            raise ValueError(f"{size}px icon is not a PNG")
    template = (assets() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    if "\nExec=" not in template:
        raise ValueError("desktop template has no Exec line")
    translations = assets() / "translations"
    qm_files = (
        [f for f in translations.iterdir() if f.name.endswith(".qm")]
        if translations.is_dir()
        else []
    )
    for qm in qm_files:
        if not qm.read_bytes().startswith(QM_MAGIC):
            raise ValueError(f"{qm.name} is not a compiled Qt translation")
    names = ", ".join(sorted(f.name for f in qm_files)) or "none"
    return f"icon SVG, {len(ICON_SIZES)} PNG icons, desktop template, translations: {names}"


def make_photo(path: Path, size: tuple[int, int] = (640, 480)) -> None:
    """Write a detailed synthetic photo (a flat one would only match identical pixels)."""
    width, height = size
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(img)
    draw.ellipse((width // 8, height // 6, width // 2, height * 2 // 3), fill=(220, 60, 40))
    draw.rectangle(
        (width * 5 // 8, height // 4, width * 7 // 8, height * 7 // 8), fill=(30, 90, 200)
    )
    draw.polygon(
        [(0, height), (width // 3, height // 2), (width * 2 // 3, height)], fill=(40, 160, 70)
    )
    img.save(path, quality=92)


def check_process_pool(photo: Path) -> str:
    """Fingerprint in a spawned worker: fails in a bundle built without freeze_support()."""
    from .core.fingerprint import fingerprint_path
    from .core.models import Fingerprint

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        worker_pid = pool.submit(os.getpid).result(timeout=WORKER_TIMEOUT)
        result = pool.submit(fingerprint_path, str(photo)).result(timeout=WORKER_TIMEOUT)
    if worker_pid == os.getpid():
        raise RuntimeError("the pool ran in this process")
    if not isinstance(result, Fingerprint):
        raise RuntimeError(f"fingerprinting failed: {result}")
    return f"worker process {worker_pid} hashed {photo.name} (pHash {result.phash:016x})"


def check_scan(folder: Path, expected: set[str]) -> str:
    """A full scan with two workers groups the photo with its resized copy."""
    from .core.models import ScanOptions
    from .core.pipeline import run_scan

    result = run_scan(ScanOptions(roots=(str(folder),), workers=2, use_cache=False))
    if result.problems:
        raise RuntimeError(f"problems: {result.problems}")
    if len(result.groups) != 1:
        raise RuntimeError(f"expected 1 group, found {len(result.groups)}")
    found = {m.path for m in result.groups[0].members}
    if found != expected:
        raise RuntimeError(f"group holds {sorted(found)}")
    relations = ", ".join(f"{Path(m.path).name}: {m.relation}" for m in result.groups[0].members)
    return f"1 group of {len(found)} in {result.stats.seconds:.2f}s ({relations})"


def run() -> int:
    """Run every check, print one OK/FAIL line each, and return a process exit code."""
    frozen = "frozen bundle" if getattr(sys, "frozen", False) else "Python package"
    print(f"PhotoDedup {__version__} self-test ({frozen}, Python {platform.python_version()})")
    with tempfile.TemporaryDirectory(prefix="photodedup-selftest-") as tmp:
        folder = Path(tmp)
        photo = folder / "photo.jpg"
        make_photo(photo)
        with Image.open(photo) as img:
            img.resize((320, 240)).save(folder / "photo-small.jpg", quality=85)
        expected = {str(photo), str(folder / "photo-small.jpg")}
        checks: list[tuple[str, Callable[[], str]]] = [
            ("assets", check_assets),
            ("process pool", lambda: check_process_pool(photo)),
            ("scan", lambda: check_scan(folder, expected)),
        ]
        failures = 0
        for name, check in checks:
            try:
                detail = check()
            except Exception as exc:  # a self-test reports every failure instead of stopping
                failures += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}")
            else:
                print(f"OK {name}: {detail}")
    print("self-test passed" if failures == 0 else f"self-test FAILED ({failures} checks)")
    if sys.stdout is not None:  # None in a windowed Windows bundle, where print() is a no-op
        sys.stdout.flush()
    return 0 if failures == 0 else 1
