"""A Live Photo's video travels with its photo only when their content identifiers agree."""

from __future__ import annotations

import os
import struct
from dataclasses import replace
from pathlib import Path

import pytest
from conftest_safety import group, make_photo, private_trash
from PIL import Image

from photodedup.core import journal
from photodedup.core.discovery import discover
from photodedup.core.live_photo import VIDEO_KEY, photo_content_id, video_content_id
from photodedup.core.trash import execute_plan, plan_trash

PHOTO_ID = "6F2A1C3B-1111-4E2B-9D1A-0123456789AB"


def apple_note(content_id: str) -> bytes:
    """An iPhone's EXIF maker note holding only the content identifier (tag 0x11)."""
    value = content_id.encode() + b"\x00"
    entry = struct.pack(">HHII", 0x0011, 2, len(value), 14 + 2 + 12 + 4)
    return b"Apple iOS\x00\x00\x01MM" + struct.pack(">H", 1) + entry + b"\x00" * 4 + value


def atom(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def live_video(content_id: str) -> bytes:
    """A QuickTime movie whose metadata holds the content identifier, after its media data."""
    key = VIDEO_KEY.encode()
    keys = atom(b"keys", struct.pack(">II", 0, 1) + struct.pack(">I", 8 + len(key)) + b"mdta" + key)
    value = atom(b"data", struct.pack(">II", 1, 0) + content_id.encode())
    items = atom(b"ilst", atom(struct.pack(">I", 1), value))
    meta = atom(b"meta", atom(b"hdlr", bytes(8) + b"mdta" + bytes(12)) + keys + items)
    return (
        atom(b"ftyp", b"qt  \x00\x00\x00\x00qt  ") + atom(b"mdat", bytes(700)) + atom(b"moov", meta)
    )


def live_photo(folder: Path, seed: int, photo_id: str, video_id: str) -> tuple[Path, Path]:
    photo = make_photo(folder / "IMG_0042.JPG", seed)
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x927C] = apple_note(photo_id)
    with Image.open(photo) as img:
        img.load()
        img.save(photo, quality=90, exif=exif.tobytes())
    video = folder / "IMG_0042.MOV"
    video.write_bytes(live_video(video_id))
    return photo, video


def test_both_identifiers_are_read(tmp_path: Path) -> None:
    photo, video = live_photo(tmp_path, 1, PHOTO_ID, "OTHER-ID")
    assert photo_content_id(str(photo)) == PHOTO_ID
    assert video_content_id(str(video)) == "OTHER-ID"
    assert photo_content_id(str(make_photo(tmp_path / "plain.jpg", 2))) == ""
    (tmp_path / "clip.mov").write_bytes(atom(b"ftyp", b"qt  ") + atom(b"moov", b""))
    assert video_content_id(str(tmp_path / "clip.mov")) == ""


@pytest.mark.parametrize(("video_id", "moves"), [(PHOTO_ID, True), ("ANOTHER-PHOTO", False)])
def test_the_video_moves_only_when_its_identifier_is_the_photos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, video_id: str, moves: bool
) -> None:
    private_trash(tmp_path, monkeypatch)
    root = tmp_path / "lib"
    photo, video = live_photo(root / "copies", 3, PHOTO_ID, video_id)
    keeper = make_photo(root / "kept" / "IMG_0042.JPG", 3)
    found = discover([str(root)]).companions
    g = group(1, [keeper, photo])
    members = tuple(
        replace(m, fingerprint=replace(m.fingerprint, companions=found.get(m.path, ())))
        for m in g.members
    )
    plan = plan_trash([replace(g, members=members)])
    assert [i.path for i in plan.items] == [str(photo), str(video)]
    report = execute_plan(plan)
    assert video.exists() is not moves
    if not moves:
        assert report.skipped == [
            (str(video), "its Live Photo content identifier is another photo's")
        ]
    journal.restore(report.batch_id)
    assert photo.exists() and video.exists()
    assert set(os.listdir(root / "copies")) == {"IMG_0042.JPG", "IMG_0042.MOV"}
