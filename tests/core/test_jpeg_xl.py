"""JPEG XL photos are read like HEIC and AVIF, and grouped with their other copies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from photodedup.core.models import ScanOptions
from photodedup.core.pipeline import run_scan


def test_a_jpeg_xl_copy_is_grouped_with_its_photo(tmp_path: Path, new_photo) -> None:
    pytest.importorskip("pillow_jxl")
    root = tmp_path / "Photos"
    root.mkdir()
    picture = new_photo(9, (320, 240))
    picture.save(root / "IMG_0500.jpg", quality=92)
    picture.save(root / "IMG_0500.jxl", quality=90)
    new_photo(10, (320, 240)).save(root / "other.jpg", quality=92)
    result = run_scan(ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=1))
    assert result.problems == ()
    (group,) = result.groups
    assert {os.path.basename(m.path) for m in group.members} == {"IMG_0500.jpg", "IMG_0500.jxl"}
    jxl = next(m for m in group.members if m.path.endswith(".jxl"))
    assert jxl.fingerprint.format == "JXL"
