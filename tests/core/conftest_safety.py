"""Helpers for the trash, journal and results-file tests: real photos and a private trash."""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest
from PIL import Image

from photodedup.core.models import (
    DuplicateGroup,
    Fingerprint,
    GroupKind,
    GroupMember,
    Problem,
    Relation,
    ScanResult,
    ScanStats,
)


@dataclass
class TrashEnv:
    """A private XDG trash and journal location for one test."""

    data_home: Path

    @property
    def trash(self) -> Path:
        return self.data_home / "Trash"

    def trashed(self) -> dict[str, Path]:
        """Original path -> file in trash/files, read from trash/info/*.trashinfo."""
        found: dict[str, Path] = {}
        info_dir = self.trash / "info"
        if not info_dir.is_dir():
            return found
        for info in info_dir.glob("*.trashinfo"):
            for line in info.read_text().splitlines():
                if line.startswith("Path="):
                    original = unquote(line[5:])
                    if not os.path.isabs(original):
                        original = str(self.data_home / original)
                    found[original] = self.trash / "files" / info.name[: -len(".trashinfo")]
        return found


def private_trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrashEnv:
    """Point XDG_DATA_HOME, HOME and send2trash at folders under ``tmp_path``."""
    data_home = tmp_path / "xdg-data"
    home = tmp_path / "home"
    data_home.mkdir()
    home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("HOME", str(home))
    # send2trash's freedesktop module reads XDG_DATA_HOME once, at import: point it here too,
    # or a test run would fill the developer's real trash.
    from send2trash import plat_other

    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(data_home))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(data_home / "Trash"))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(data_home / "Trash"))
    return TrashEnv(data_home)


def make_photo(path: Path, seed: int, size: tuple[int, int] = (48, 32)) -> Path:
    """A small noisy photo whose bytes depend on ``seed``."""
    rng = random.Random(seed)
    img = Image.new("RGB", size)
    img.putdata(
        [
            (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            for _ in range(size[0] * size[1])
        ]
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format="PNG" if path.suffix.lower() == ".png" else "JPEG", quality=90)
    return path


def digest_of(path: Path | str) -> str:
    return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()


def fingerprint(path: Path, camera: str = "", taken: str = "") -> Fingerprint:
    st = path.stat()
    with Image.open(path) as img:
        width, height, fmt = img.width, img.height, img.format or ""
    return Fingerprint(
        path=str(path),
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        digest=digest_of(path),
        pixel_digest="",
        width=width,
        height=height,
        format=fmt,
        phashes=(0,),
        dhashes=(),
        thumb=b"",
        flat=False,
        taken=taken,
        camera=camera,
    )


def group(
    group_id: int,
    paths: list[Path],
    keep: tuple[int, ...] = (0,),
    reference: tuple[int, ...] = (),
    kind: GroupKind = GroupKind.SIMILAR,
) -> DuplicateGroup:
    """A group of real files; members at ``keep`` are kept, the first is the keeper."""
    members = []
    for i, p in enumerate(paths):
        kept = i in keep
        members.append(
            GroupMember(
                fingerprint=fingerprint(p),
                keep=kept,
                reason="largest resolution: 48x32" if kept else "smaller copy",
                distance=0 if kept else 2,
                relation=Relation.KEEPER if kept else Relation.RESIZED,
                reference=i in reference,
            )
        )
    return DuplicateGroup(id=group_id, kind=kind, members=tuple(members))


def scan_result(roots: list[Path], groups: list[DuplicateGroup]) -> ScanResult:
    return ScanResult(
        roots=tuple(str(r) for r in roots),
        groups=tuple(groups),
        problems=(Problem(str(roots[0] / "broken.jpg"), "truncated file"),),
        stats=ScanStats(files=10, hashed=9, decoded=9, seconds=1.25),
        warnings=("the cache was read-only: fingerprints were not saved",),
    )


def make_library(tmp_path: Path) -> tuple[Path, list[DuplicateGroup]]:
    """Two groups of real photos under one root: (keeper, copy, copy) and (keeper, copy)."""
    root = tmp_path / "photos"
    a = [
        make_photo(root / "a" / "IMG_1.jpg", 1),
        make_photo(root / "b" / "IMG_1 copy.jpg", 2),
        make_photo(root / "c" / "IMG_1 (2).jpg", 3),
    ]
    b = [make_photo(root / "a" / "IMG_2.png", 4), make_photo(root / "b" / "IMG_2.png", 5)]
    return root, [group(1, a), group(2, b)]
