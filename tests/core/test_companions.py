"""A photo's companions found by discovery: each app's naming rules, and what sidecars hold."""

from __future__ import annotations

import os
from pathlib import Path

from sidecar_files import takeout_json, write, xmp

from photodedup.core.companions import match_folder, with_facts
from photodedup.core.discovery import discover
from photodedup.core.models import CompanionKind


def _owners(photos: list[str], others: list[str]) -> dict[str, set[str]]:
    found = match_folder("/p", photos, {name: (1, 1) for name in others})
    return {os.path.basename(k): {os.path.basename(c.path) for c in v} for k, v in found.items()}


def test_takeout_json_in_both_namings_with_numbers_and_cut_names() -> None:
    long_photo = "Screenshot_20210601-120000_Some Very Long Application.jpg"
    cut = (long_photo + ".supplemental-metadata")[:46] + ".json"
    assert len(cut) == 51
    photos = ["IMG_1.jpg", "IMG_1(1).jpg", "PXL_2.jpg", "PXL_2(2).jpg", long_photo]
    others = [
        "IMG_1.jpg.json",
        "IMG_1.jpg(1).json",
        "PXL_2.jpg.supplemental-metadata.json",
        "PXL_2.jpg.supplemental-metadata(2).json",
        cut,
        "metadata.json",  # the album's, nobody's sidecar
    ]
    assert _owners(photos, others) == {
        "IMG_1.jpg": {"IMG_1.jpg.json"},
        "IMG_1(1).jpg": {"IMG_1.jpg(1).json"},
        "PXL_2.jpg": {"PXL_2.jpg.supplemental-metadata.json"},
        "PXL_2(2).jpg": {"PXL_2.jpg.supplemental-metadata(2).json"},
        long_photo: {cut},
    }


def test_xmp_both_namings_aae_and_live_photo_video() -> None:
    photos = ["DSC_1.NEF", "DSC_1.jpg", "DSC_2.jpg", "IMG_3.HEIC", "IMG_0004.HEIC"]
    others = ["DSC_1.xmp", "DSC_1.NEF.xmp", "DSC_2.jpg.xmp", "IMG_3.MOV", "IMG_3.AAE"]
    others += ["IMG_O0004.AAE", "IMG_0004.mp4", "notes.txt", "DSC_9.xmp"]
    found = match_folder("/p", photos, {name: (1, 1) for name in others})
    assert _owners(photos, others) == {
        "DSC_1.NEF": {"DSC_1.xmp", "DSC_1.NEF.xmp"},
        "DSC_1.jpg": {"DSC_1.xmp"},
        "DSC_2.jpg": {"DSC_2.jpg.xmp"},
        "IMG_3.HEIC": {"IMG_3.MOV", "IMG_3.AAE"},
        "IMG_0004.HEIC": {"IMG_O0004.AAE", "IMG_0004.mp4"},
    }
    shared = {(k, c.path): c.shared_with for k, cs in found.items() for c in cs}
    assert shared["/p/DSC_1.NEF", "/p/DSC_1.xmp"] == ("/p/DSC_1.jpg",)
    assert shared["/p/DSC_1.jpg", "/p/DSC_1.xmp"] == ("/p/DSC_1.NEF",)
    assert shared["/p/DSC_1.NEF", "/p/DSC_1.NEF.xmp"] == ()


def test_sidecar_facts_are_read(tmp_path: Path) -> None:
    write(tmp_path / "a.jpg", b"x")
    write(tmp_path / "a.xmp", xmp(rating=4, edits=True, keywords=("beach", "sun")))
    write(tmp_path / "b.jpg", b"x")
    write(tmp_path / "b.jpg.json", takeout_json("b.jpg"))
    found = discover([str(tmp_path)])
    (a,) = found.companions[str(tmp_path / "a.jpg")]
    assert (a.kind, a.rating, a.holds_work) == (CompanionKind.XMP, 0, False)  # only named here
    (a,) = with_facts(found.companions[str(tmp_path / "a.jpg")])
    assert (a.kind, a.rating, a.edits, a.keywords) == (CompanionKind.XMP, 4, True, ("beach", "sun"))
    (b,) = with_facts(found.companions[str(tmp_path / "b.jpg")])
    assert b.kind is CompanionKind.TAKEOUT and b.taken == "2021:06:01 12:00:00Z"
    assert b.gps == (48.8584, 2.2945) and not b.holds_work
