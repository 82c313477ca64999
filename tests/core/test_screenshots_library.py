"""The screenshot script's demo library, and the pictures the README and metainfo show."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from photodedup.core.difference import Region, Verdict, compare_files
from photodedup.core.models import ScanOptions
from photodedup.core.pipeline import run_scan

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "packaging/screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_library_groups_the_edit_the_differences_picture_shows(tmp_path: Path):
    script = _script()
    library = tmp_path / "Pictures"
    script.make_library(library)
    result = run_scan(ScanOptions(roots=(str(library),), cache_dir=str(tmp_path / "cache")))
    edited = str(library / script.EDITED)
    group = next(g for g in result.groups if any(m.path == edited for m in g.members))
    assert group.keeper.path == str(library / "Camera" / "IMG_2041.jpg")
    assert len(result.groups) >= 6  # a review worth showing
    d = compare_files(group.keeper.path, edited)
    assert (d.verdict, d.region) == (Verdict.LOCAL, Region.TOP_RIGHT)


def test_every_screenshot_the_readme_and_metainfo_show_is_in_resources():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    metainfo = (ROOT / "packaging/linux/io.github.photodedup.PhotoDedup.metainfo.xml").read_text(
        encoding="utf-8"
    )
    shown = set(re.findall(r"\((resources/screenshot-[\w-]+\.png)\)", readme))
    shown |= set(re.findall(r"/main/(resources/screenshot-[\w-]+\.png)<", metainfo))
    assert shown == {"resources/screenshot-review.png", "resources/screenshot-differences.png"}
    for path in shown:
        assert (ROOT / path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
