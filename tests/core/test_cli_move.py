"""The move subcommand, and the trash refusing a volume without a trash, on real files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest_safety import TrashEnv, make_library, private_trash, scan_result
from test_cli_trash import run
from test_move_to_folder import read_only, snapshot

from photodedup.core import journal, xdg_trash
from photodedup.core.results_io import write_json


@pytest.fixture
def trash_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrashEnv:
    return private_trash(tmp_path, monkeypatch)


@pytest.fixture
def results(tmp_path: Path):
    root, groups = make_library(tmp_path)
    path = tmp_path / "results.json"
    write_json(scan_result([root], groups), str(path))
    return path, root, groups


def test_dry_run_prints_the_plan_and_creates_nothing(trash_env, results, tmp_path, capsys):
    path, root, groups = results
    before = snapshot(root)
    dest = tmp_path / "extras"
    assert run("move", str(path), str(dest)) == 0
    out = capsys.readouterr().out
    assert f"  move {groups[0].members[1].path} (" in out
    assert "3 file(s)" in out and f"would move to {dest}" in out and "--yes" in out
    assert snapshot(root) == before and not dest.exists()
    assert journal.list_batches() == []


def test_yes_moves_and_restore_puts_back(trash_env, results, tmp_path, capsys):
    path, root, groups = results
    before = snapshot(root)
    dest = tmp_path / "extras"
    assert run("move", str(path), str(dest), "--yes") == 0
    out = capsys.readouterr().out
    assert f"Moved 3 file(s) to {dest}, skipped 0." in out
    [batch] = journal.list_batches()
    assert f"photodedup-cli restore {batch.id}" in out
    assert (dest / "photos" / "b" / "IMG_2.png").exists()
    assert not os.path.exists(groups[1].members[1].path)
    assert trash_env.trashed() == {}
    assert run("journal") == 0
    assert "to a folder" in capsys.readouterr().out
    assert run("restore", "--last") == 0
    assert f"Batch {batch.id}: 3 restored, 0 not." in capsys.readouterr().out
    assert snapshot(root) == before


def test_destination_inside_the_scanned_folder_is_refused(trash_env, results, capsys):
    path, root, _groups = results
    before = snapshot(root)
    assert run("move", str(path), str(root / "extras"), "--yes") == 2
    assert "inside the scanned folder" in capsys.readouterr().err
    assert snapshot(root) == before and journal.list_batches() == []


def test_unwritable_destination_is_refused_before_anything_moves(
    trash_env, results, tmp_path, capsys, request
):
    path, root, _groups = results
    before = snapshot(root)
    locked = tmp_path / "locked"
    read_only(locked, request)
    assert run("move", str(path), str(locked / "extras"), "--yes") == 2
    assert "not writable" in capsys.readouterr().err
    assert snapshot(root) == before and journal.list_batches() == []


def test_trash_on_a_volume_without_a_trash_names_the_move(trash_env, results, monkeypatch, capsys):
    path, root, _groups = results
    before = snapshot(root)
    asked = []

    def no_trash(paths):
        asked.extend(paths)
        return [str(root)]

    monkeypatch.setattr(xdg_trash, "volumes_without_trash", no_trash)
    assert run("trash", str(path), "--yes") == 2
    err = capsys.readouterr().err
    assert f"no usable trash on {root}" in err
    assert f"photodedup-cli move {path} DEST --yes" in err
    assert len(asked) == 3  # asked once, for the whole batch, before it started
    assert snapshot(root) == before and trash_env.trashed() == {}
    assert journal.list_batches() == []
