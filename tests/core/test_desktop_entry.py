"""Tests for installing and removing the per-user launcher and icons."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from photodedup import desktop_entry
from photodedup.desktop_entry import APP_ID, ICON_SIZES


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def launcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake installation: an interpreter path with the photodedup script beside it."""
    bin_dir = tmp_path / "my env" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "photodedup"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    return script


def _desktop_values(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_install_writes_launcher_and_every_icon(data_home: Path, launcher: Path) -> None:
    assert desktop_entry.install() == 0

    desktop = data_home / "applications" / f"{APP_ID}.desktop"
    values = _desktop_values(desktop.read_text(encoding="utf-8"))
    # The path holds a space, so the spec requires it quoted.
    assert values["Exec"] == f'"{launcher}" %F'
    assert values["TryExec"] == str(launcher)
    assert values["Icon"] == APP_ID
    assert values["StartupWMClass"] == APP_ID
    assert "Photography" in values["Categories"].split(";")

    hicolor = data_home / "icons" / "hicolor"
    for size in ICON_SIZES:
        with Image.open(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"
    svg = (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_text(encoding="utf-8")
    assert "<svg" in svg


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)
def test_installed_desktop_file_is_valid(data_home: Path, launcher: Path) -> None:
    assert desktop_entry.install() == 0
    desktop = data_home / "applications" / f"{APP_ID}.desktop"
    check = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "error" not in check.stdout.lower()


def test_uninstall_removes_exactly_what_install_wrote(
    data_home: Path, launcher: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other_desktop = data_home / "applications" / "org.example.Other.desktop"
    other_icon = data_home / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    for path in (other_desktop, other_icon):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not ours")
    before = {p for p in data_home.rglob("*") if p.is_file()}

    assert desktop_entry.install() == 0
    written = {p for p in data_home.rglob("*") if p.is_file()} - before
    assert set(desktop_entry.installed_files()) <= written
    capsys.readouterr()

    assert desktop_entry.uninstall() == 0
    out = capsys.readouterr().out
    for path in desktop_entry.installed_files():
        assert not path.exists()
        assert f"removed {path}" in out
    assert other_desktop.read_text() == "not ours"
    assert other_icon.read_text() == "not ours"


def test_uninstall_without_install_says_so(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert desktop_entry.uninstall() == 0
    assert "No PhotoDedup desktop entry" in capsys.readouterr().out
    assert not data_home.exists()


def test_install_refuses_without_a_launcher(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "nowhere" / "python"))
    monkeypatch.setattr(sys, "argv", ["pytest"])
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert desktop_entry.install() == 1
    assert not data_home.exists()


def test_frozen_bundle_launches_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = tmp_path / "PhotoDedup" / "PhotoDedup"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle))
    assert desktop_entry.find_launcher() == str(bundle)


def test_relative_xdg_data_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/usr/bin/photodedup", "/usr/bin/photodedup"),
        ("/opt/my apps/photodedup", '"/opt/my apps/photodedup"'),
        # Quoting escapes $ with a backslash, which the string rules then double.
        ("/opt/a$b/photodedup", '"/opt/a\\\\$b/photodedup"'),
        ("/opt/100%/photodedup", "/opt/100%%/photodedup"),
    ],
)
def test_exec_argument_quoting(path: str, expected: str) -> None:
    assert desktop_entry.quote_exec_argument(path) == expected


def test_render_keeps_the_templates_field_codes() -> None:
    template = "[Desktop Entry]\nName=X\nExec=photodedup %F\nTryExec=photodedup\n"
    rendered = desktop_entry.render_desktop_file(template, "/usr/bin/photodedup")
    assert rendered.splitlines() == [
        "[Desktop Entry]",
        "Name=X",
        "Exec=/usr/bin/photodedup %F",
        "TryExec=/usr/bin/photodedup",
    ]


def test_runtime_assets_match_the_packaging_sources() -> None:
    """packaging/make_icons.py copies these; a stale copy would install an old launcher."""
    repo = Path(__file__).resolve().parents[2]
    linux = repo / "packaging" / "linux"
    if not linux.is_dir():
        pytest.skip("not running from a source checkout")
    assets = desktop_entry.assets()
    template = (assets / "desktop" / f"{APP_ID}.desktop").read_bytes()
    assert template == (linux / f"{APP_ID}.desktop").read_bytes()
    svg = (repo / "resources" / "photodedup.svg").read_bytes()
    assert desktop_entry.icon_svg().read_bytes() == svg
    for size in ICON_SIZES:
        rel = Path("hicolor") / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        packaged = (assets / "icons" / str(rel)).read_bytes()
        assert packaged == (linux / "icons" / rel).read_bytes()


def test_the_launcher_opens_the_folders_a_file_manager_hands_it(
    data_home: Path, launcher: Path
) -> None:
    assert desktop_entry.install() == 0
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = entry.splitlines()
    (exec_line,) = [line for line in lines if line.startswith("Exec=")]
    assert exec_line.endswith(" %F")  # any number of folders and review files
    assert "MimeType=inode/directory;" in lines  # "Open with PhotoDedup" on a folder
