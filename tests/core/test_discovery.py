"""Discovery: which files are candidates, each once, without hanging or looping."""

from __future__ import annotations

import os
from pathlib import Path

from photodedup.core.discovery import discover, is_under


def _touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _names(found) -> list[str]:
    return sorted(os.path.basename(f.path) for f in found.files)


def test_extensions_in_any_case_and_nothing_else(tmp_path):
    photos = ["a.JPG", "b.jpeg", "c.Png", "d.webp", "e.gif", "f.BMP", "g.tif", "h.TIFF"]
    photos += ["i.heic", "j.HEIF", "k.avif"]
    for name in [*photos, "notes.txt", "movie.mp4", "noext"]:
        _touch(tmp_path / name)
    assert _names(discover([str(tmp_path)])) == photos


def test_excludes_match_names_and_paths(tmp_path):
    _touch(tmp_path / "keep/a.jpg")
    _touch(tmp_path / "Thumbnails/b.jpg")
    _touch(tmp_path / "keep/c_thumb.jpg")
    found = discover([str(tmp_path)], excludes=["Thumbnails", "*_thumb.jpg"])
    assert _names(found) == ["a.jpg"]


def test_hidden_folders_and_files_only_on_request(tmp_path):
    _touch(tmp_path / ".cache/a.jpg")
    _touch(tmp_path / "._b.jpg")
    _touch(tmp_path / "c.jpg")
    assert _names(discover([str(tmp_path)])) == ["c.jpg"]
    assert _names(discover([str(tmp_path)], hidden=True)) == ["._b.jpg", "a.jpg", "c.jpg"]


def test_symlink_loops_are_not_followed_forever(tmp_path):
    _touch(tmp_path / "photos/a.jpg")
    os.symlink(tmp_path, tmp_path / "photos/loop")
    os.symlink(tmp_path / "photos", tmp_path / "photos/self")
    assert _names(discover([str(tmp_path)])) == ["a.jpg"]


def test_same_file_reached_twice_is_listed_once(tmp_path):
    a = _touch(tmp_path / "lib/a.jpg")
    os.link(a, tmp_path / "lib/hardlink.jpg")
    os.symlink(a, tmp_path / "lib/symlink.jpg")
    found = discover([str(tmp_path), str(tmp_path / "lib")])  # overlapping roots
    assert len(found.files) == 1


def test_fifos_and_devices_behind_links_are_reported_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.jpg")
    os.symlink("/dev/zero", tmp_path / "zero.jpg")
    _touch(tmp_path / "ok.jpg")
    found = discover([str(tmp_path)])
    assert _names(found) == ["ok.jpg"]
    assert sorted(os.path.basename(p.path) for p in found.problems) == ["pipe.jpg", "zero.jpg"]
    assert found.rejected == 2


def test_missing_root_and_file_root_are_problems(tmp_path):
    f = _touch(tmp_path / "file.jpg")
    found = discover([str(tmp_path / "missing"), str(f)])
    assert [p.error for p in found.problems] == [
        "folder not found or unreadable: No such file or directory",
        "not a folder",
    ]


def test_is_under_is_not_fooled_by_name_prefixes(tmp_path):
    assert is_under(str(tmp_path / "ref/a.jpg"), str(tmp_path / "ref"))
    assert not is_under(str(tmp_path / "ref2/a.jpg"), str(tmp_path / "ref"))
