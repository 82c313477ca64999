"""photodedup-cli scan and find, end to end through main()."""

from __future__ import annotations

import csv
import json
import os

import pytest

from photodedup import __version__
from photodedup.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_scan_writes_the_documented_json_and_csv(library, library_copies, tmp_path, capsys):
    out, table = tmp_path / "r.json", tmp_path / "r.csv"
    code = main(
        [
            "scan",
            str(library),
            "--json",
            str(out),
            "--csv",
            str(table),
            "--cache-dir",
            str(tmp_path / "c"),
            "--workers",
            "2",
        ]
    )
    assert code == 0
    summary = capsys.readouterr().out
    assert "16 photos found" in summary
    assert "1 group of duplicates: 13 extra copies" in summary
    doc = json.loads(out.read_text())
    assert doc["version"] == 2
    assert doc["roots"] == [str(library)]
    assert doc["stats"]["files"] == 16 and doc["stats"]["hashed"] == 16
    assert doc["errors"] == []
    (group,) = doc["groups"]
    assert group["kind"] == "similar" and group["id"] == 1
    for f in group["files"]:
        assert os.path.isabs(f["path"])
        for key, typ in (
            ("size", int),
            ("mtime_ns", int),
            ("width", int),
            ("height", int),
            ("format", str),
            ("keep", bool),
            ("reason", str),
            ("distance", int),
            ("relation", str),
        ):
            assert isinstance(f[key], typ), key
    assert sum(f["keep"] for f in group["files"]) == 1
    rows = list(csv.DictReader(table.open()))
    assert len(rows) == 14


def test_scan_json_to_stdout_keeps_stdout_clean(library, tmp_path, capsys):
    assert main(["scan", str(library), "--json", "-", "--no-cache"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["stats"]["files"] == 16
    assert "photos found" in out.err


def test_scan_of_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["scan", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_scan_then_trash_dry_run_then_trash(library, tmp_path, capsys, monkeypatch):
    from conftest_safety import private_trash

    env = private_trash(tmp_path, monkeypatch)
    out = tmp_path / "r.json"
    main(["scan", str(library), "--json", str(out), "--no-cache"])
    doomed = [
        f["path"]
        for g in json.loads(out.read_text())["groups"]
        for f in g["files"]
        if not f["keep"]
    ]
    capsys.readouterr()
    assert main(["trash", str(out)]) == 0
    assert all(os.path.exists(p) for p in doomed)  # a dry run moves nothing
    assert main(["trash", str(out), "--yes"]) == 0
    assert not any(os.path.exists(p) for p in doomed)
    assert set(env.trashed()) == set(doomed)


def test_find_lists_copies(library, tmp_path, capsys):
    code = main(["find", str(library / "Camera/a.jpg"), str(library), "--no-cache"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 13  # every copy but the query itself
    assert lines[0].split()[0] == "0"


def test_prefer_rules_choose_the_keeper(library, tmp_path, capsys):
    out = tmp_path / "r.json"
    args = ["scan", str(library), "--json", str(out), "--no-cache"]
    assert main([*args, "--prefer", "format:png"]) == 0
    keeper = json.loads(out.read_text())["groups"][0]["files"][0]
    assert (os.path.relpath(keeper["path"], library), keeper["reason"]) == (
        "Export/a.png",
        "preferred format: PNG",
    )
    assert main([*args, "--prefer", "folder:" + str(library / "Phone"), "--prefer", "size"]) == 0
    keeper = json.loads(out.read_text())["groups"][0]["files"][0]
    phone = [library / "Phone/a.heic", library / "Phone/a_sideways.jpg"]
    assert keeper["path"] == str(max(phone, key=lambda p: p.stat().st_size))
    assert keeper["reason"].startswith("largest file: ")  # against the other file in Phone
    with pytest.raises(SystemExit):
        main([*args, "--prefer", "prettiest"])
    assert "unknown keeper rule 'prettiest'" in capsys.readouterr().err


def test_scan_of_a_folder_without_photos_says_so_and_counts_what_it_skipped(tmp_path, capsys):
    for n in range(2):
        (tmp_path / f"art{n}.psd").write_bytes(b"8BPS")
    (tmp_path / "a.tga").write_bytes(b"\0" * 18)
    code = main(["scan", str(tmp_path), "--no-cache", "--workers", "1"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "No photos found in these folders."
    assert "Skipped, not photos: 3 files (.psd 2, .tga 1)" in out
    assert "groups" not in out and "0 fingerprinted" not in out


def test_scan_lists_the_first_unreadable_files_without_json(tmp_path, make_photo, capsys):
    make_photo(tmp_path / "good.jpg", seed=1)
    for n in range(23):
        (tmp_path / f"broken{n:02}.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    code = main(["scan", str(tmp_path), "--no-cache", "--workers", "1"])
    assert code == 0
    out = capsys.readouterr().out
    assert "24 photos found, 1 fingerprinted in" in out
    assert "0 groups of duplicates: 0 extra copies" in out
    assert "23 files could not be read:" in out
    listed = [line for line in out.splitlines() if line.startswith("  " + str(tmp_path))]
    assert len(listed) == 20
    assert "broken00.jpg: The file is damaged or cut short (" in listed[0]
    assert "  ... and 3 more (see the JSON 'errors')" in out
