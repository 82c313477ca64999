"""Fixtures for the main-window tests: private user dirs and trash, a small photo library."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSettings

from photodedup.core.models import ScanResult
from photodedup.gui.autosave import Autosaver
from photodedup.gui.main_window import MainWindow
from photodedup.gui.settings import Settings


@dataclass
class UserDirs:
    """Where settings, data (journal, trash, autosave), cache and logs go during one test."""

    root: Path

    @property
    def data_home(self) -> Path:
        return self.root / "data"

    @property
    def trash(self) -> Path:
        return self.data_home / "Trash"

    @property
    def settings_file(self) -> Path:
        return self.root / "config" / "photodedup.ini"

    def settings(self) -> Settings:
        return Settings(QSettings(str(self.settings_file), QSettings.Format.IniFormat))

    def trashed(self) -> dict[str, Path]:
        """Original path -> the file in Trash/files, read from Trash/info/*.trashinfo."""
        found: dict[str, Path] = {}
        for info in sorted((self.trash / "info").glob("*.trashinfo")):
            for line in info.read_text().splitlines():
                if line.startswith("Path="):
                    original = unquote(line[5:])
                    found[original] = self.trash / "files" / info.name[: -len(".trashinfo")]
        return found


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UserDirs:
    """Point every user directory (XDG, HOME, send2trash's trash) into tmp_path."""
    dirs = UserDirs(tmp_path / "user")
    for name, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("HOME", "home"),
    ):
        (dirs.root / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(dirs.root / sub))
    # send2trash reads XDG_DATA_HOME once at import: without this the real trash would fill up.
    from send2trash import plat_other

    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(dirs.data_home))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(dirs.trash))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(dirs.trash))
    return dirs


def textured_photo(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A smooth random picture: structured enough for perceptual hashes, different per seed."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, size=(6, 8, 3), dtype=np.uint8)
    return Image.fromarray(coarse, "RGB").resize(size, Image.Resampling.BICUBIC)


@dataclass
class Library:
    """A folder of photos with known copies: ``groups`` lists the expected sets of paths."""

    root: Path
    groups: list[set[str]]
    unique: list[str]
    broken: list[str]


def make_library(root: Path, originals: int = 3, extra_unique: int = 1) -> Library:
    """Originals in camera/, each with an identical copy and a smaller re-encoded copy."""
    groups: list[set[str]] = []
    for seed in range(originals):
        photo = textured_photo(seed)
        original = root / "camera" / f"IMG_{seed:04d}.jpg"
        original.parent.mkdir(parents=True, exist_ok=True)
        photo.save(original, quality=95)
        backup = root / "backup" / f"IMG_{seed:04d}.jpg"
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, backup)
        small = root / "whatsapp" / f"IMG-{seed:04d}-WA.jpg"
        small.parent.mkdir(parents=True, exist_ok=True)
        photo.resize((160, 120), Image.Resampling.LANCZOS).save(small, quality=70)
        groups.append({str(original), str(backup), str(small)})
    unique = []
    for seed in range(1000, 1000 + extra_unique):
        path = root / "camera" / f"UNIQUE_{seed}.png"
        textured_photo(seed).save(path)
        unique.append(str(path))
    broken = root / "camera" / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG")
    return Library(root, groups, unique, [str(broken)])


def add_copies(root: Path, copies: int, seed: int = 77) -> set[str]:
    """One photo in ``copies`` sizes and qualities, each in a folder of its own: one group."""
    photo = textured_photo(seed, (800, 600))
    paths = set()
    for i in range(copies):
        path = root / f"album{seed}_{i}" / f"party_{i}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        size = (800 - 40 * (i % 12), 600 - 30 * (i % 12))
        photo.resize(size, Image.Resampling.LANCZOS).save(path, quality=92 - i)
        paths.add(str(path))
    return paths


@pytest.fixture
def shell_library(tmp_path: Path) -> Library:
    return make_library(tmp_path / "photos")


#: The tests' autosave delay: the app waits 2 s after a change, which tests need not sit out.
SAVE_DELAY_MS = 50


@pytest.fixture
def window(qtbot, user_dirs: UserDirs) -> Iterator[MainWindow]:
    """A shown main window whose settings and autosave live in the test's user dirs."""
    win = MainWindow(
        user_dirs.settings(),
        Autosaver(user_dirs.data_home / "autosave.json", delay_ms=SAVE_DELAY_MS),
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    assert not win.controller.shutdown(), "a job was still running after 10 s"


@pytest.fixture
def big_library(tmp_path: Path) -> Library:
    """Enough photos that a cancel from the first progress report lands mid-scan."""
    return make_library(tmp_path / "big", originals=25, extra_unique=10)


@pytest.fixture
def scan(qtbot) -> Callable[[MainWindow], ScanResult]:
    """scan(window): press Scan and wait for the ScanResult."""

    def run(win: MainWindow) -> ScanResult:
        with qtbot.waitSignal(win.controller.scanFinished, timeout=60_000) as blocker:
            win.scan_panel.scan_button.click()
        return blocker.args[0]

    return run
