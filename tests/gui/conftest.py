"""Shared GUI test set-up: offscreen Qt and duplicate groups built from real image files."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from photodedup.core.models import (
    DuplicateGroup,
    Fingerprint,
    GroupKind,
    GroupMember,
    Relation,
)
from photodedup.core.review import Review


def draw_photo(path: Path, size: tuple[int, int], seed: int, fmt: str | None = None) -> Path:
    """Write a small picture with shapes that differ by seed."""
    img = Image.new("RGB", size, (20 * seed % 255, 90, 160))
    d = ImageDraw.Draw(img)
    w, h = size
    d.ellipse((w // 8, h // 8, w // 2, h // 2), fill=(250, 200, 30 * seed % 255))
    d.rectangle((w // 2, h // 2, w - w // 8, h - h // 8), fill=(30, 200 - seed, 90))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, fmt)
    return path


def fingerprint(path: Path, taken: str = "", camera: str = "") -> Fingerprint:
    st = path.stat()
    with Image.open(path) as img:
        width, height, fmt = img.width, img.height, img.format or "UNKNOWN"
    return Fingerprint(
        str(path),
        st.st_size,
        st.st_mtime_ns,
        "d" + path.name,
        "p" + path.name,
        width,
        height,
        fmt,
        (0,) * 8,  # phashes
        (0,) * 8,  # dhashes
        bytes(256),  # thumb
        False,  # flat
        taken=taken,
        camera=camera,
    )


def member(
    path: Path,
    keep: bool,
    relation: Relation,
    reason: str,
    distance: int = 0,
    reference: bool = False,
    taken: str = "",
) -> GroupMember:
    return GroupMember(
        fingerprint(path, taken=taken, camera="Pixel 7"),
        keep,
        reason,
        distance,
        relation,
        reference,
    )


def make_photo_groups(tmp_path: Path) -> list[DuplicateGroup]:
    """Three groups of real files: similar (resized + converted), identical, with a reference."""
    a = draw_photo(tmp_path / "phone" / "beach.jpg", (640, 480), 1)
    a_small = draw_photo(tmp_path / "whatsapp" / "beach-small.jpg", (320, 240), 1)
    a_png = draw_photo(tmp_path / "export" / "beach.png", (640, 480), 1)
    b = draw_photo(tmp_path / "phone" / "cat.jpg", (300, 400), 2)
    b_copy = tmp_path / "backup" / "cat.jpg"
    b_copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(b, b_copy)
    ref = draw_photo(tmp_path / "archive" / "tree.jpg", (500, 500), 3)
    c = draw_photo(tmp_path / "phone" / "tree.jpg", (500, 500), 3)
    return [
        DuplicateGroup(
            1,
            GroupKind.SIMILAR,
            (
                member(
                    a,
                    True,
                    Relation.KEEPER,
                    "largest resolution 640x480",
                    0,
                    taken="2021:06:01 10:00:00",
                ),
                member(
                    a_small,
                    False,
                    Relation.RESIZED,
                    "smaller resolution",
                    2,
                    taken="2021:06:03 09:00:00",
                ),
                member(
                    a_png,
                    False,
                    Relation.CONVERTED,
                    "converted copy",
                    1,
                    taken="2021:06:01 10:00:00",
                ),
            ),
        ),
        DuplicateGroup(
            2,
            GroupKind.IDENTICAL,
            (
                member(b, True, Relation.KEEPER, "oldest copy"),
                member(b_copy, False, Relation.IDENTICAL, "identical file"),
            ),
        ),
        DuplicateGroup(
            3,
            GroupKind.IDENTICAL,
            (
                member(ref, True, Relation.KEEPER, "reference folder", reference=True),
                member(c, False, Relation.SAME_PIXELS, "same pixels"),
            ),
        ),
    ]


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread():
    """Garbage is collected on the GUI thread only, as in the app (gui/gc_policy.py).

    With automatic collection on, a collection can start on a job's thread and finalise a
    Qt wrapper left in a reference cycle by an earlier test there; its timers, still listed
    on the GUI thread, then fire at a deleted object (a SIGSEGV seen after the move-flow
    tests). The test's own cycles are collected here, after pytest-qt closed its widgets.
    """
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    gc.collect()
    if enabled:
        gc.enable()


@pytest.fixture
def photo_groups(tmp_path: Path) -> list[DuplicateGroup]:
    return make_photo_groups(tmp_path)


@pytest.fixture
def review(photo_groups: list[DuplicateGroup]) -> Review:
    return Review(photo_groups)


def synthetic_groups(count: int, root: str = "/photos") -> list[DuplicateGroup]:
    """Many groups of files that need not exist (the model never reads them)."""
    groups = []
    for gid in range(count):
        members = []
        for i in range(2 + gid % 4):
            fp = Fingerprint(
                f"{root}/folder{gid % 50}/img{gid}_{i}.jpg",
                1000 + 37 * gid + i,
                1,
                f"{gid}",
                f"{gid}",
                100,
                100,
                "JPEG",
                (0,) * 8,  # phashes
                (0,) * 8,  # dhashes
                bytes(256),  # thumb
                False,  # flat
            )
            relation = Relation.KEEPER if i == 0 else Relation.RESIZED
            members.append(GroupMember(fp, i == 0, "", (gid + i) % 11 if i else 0, relation))
        kind = GroupKind.IDENTICAL if gid % 3 == 0 else GroupKind.SIMILAR
        groups.append(DuplicateGroup(gid, kind, tuple(members)))
    return groups


@pytest.fixture
def draw() -> Callable[..., Path]:
    """draw(path, size, seed, fmt=None) writes a picture made by Pillow."""
    return draw_photo


@pytest.fixture
def synthetic() -> Callable[..., list[DuplicateGroup]]:
    """synthetic(count, root) builds many groups of files that need not exist."""
    return synthetic_groups
