"""The trash, journal and restore subcommands, run through a parser like the lead's CLI."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path

import pytest
from conftest_safety import TrashEnv, make_library, private_trash, scan_result

from photodedup import cli_trash
from photodedup.core import journal, trash
from photodedup.core.models import CancelToken
from photodedup.core.results_io import write_json


@pytest.fixture
def trash_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrashEnv:
    return private_trash(tmp_path, monkeypatch)


@pytest.fixture
def results(tmp_path: Path):
    root, groups = make_library(tmp_path)
    path = tmp_path / "results.json"
    write_json(scan_result([root], groups), str(path))
    return path, groups


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="photodedup-cli")
    cli_trash.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_dry_run_prints_the_plan_and_moves_nothing(trash_env, results, capsys) -> None:
    path, groups = results
    assert run("trash", str(path)) == 0
    out = capsys.readouterr().out
    keeper = groups[0].members[0].path
    assert f"Group 1: keep {keeper} (largest resolution: 48x32)" in out
    for m in groups[0].members[1:]:
        assert f"trash {m.path} (" in out
        assert os.path.exists(m.path)
    assert "3 file(s)" in out and "--yes" in out
    assert trash_env.trashed() == {} and journal.list_batches() == []


def test_dry_run_shows_refused_groups(trash_env, results, capsys) -> None:
    path, groups = results
    doc = json.loads(path.read_text())
    for f in doc["groups"][1]["files"]:
        f["keep"] = False
    path.write_text(json.dumps(doc))
    assert run("trash", str(path)) == 0
    out = capsys.readouterr().out
    assert "Refused group 2: no file of this group is kept" in out
    assert f"untouched {groups[1].members[0].path}" in out


def test_yes_moves_and_counts(trash_env, results, capsys) -> None:
    path, groups = results
    # One file changed after the scan: it must be skipped, the others moved.
    changed = Path(groups[1].members[1].path)
    changed.write_bytes(changed.read_bytes() + b"more")
    assert run("trash", str(path), "--yes") == 0
    out = capsys.readouterr().out
    assert "Moved 2 file(s) to the trash, skipped 1." in out
    assert f"skipped {changed}: changed since the scan" in out
    assert set(trash_env.trashed()) == {m.path for m in groups[0].members[1:]}
    assert changed.exists()


def test_refused_results_file_exits_2(trash_env, results, capsys) -> None:
    path, _ = results
    doc = json.loads(path.read_text())
    doc["groups"][0]["files"][1]["path"] = "/etc/passwd.jpg"
    path.write_text(json.dumps(doc))
    assert run("trash", str(path), "--yes") == 2
    err = capsys.readouterr().err
    assert "refused" in err and "outside the scanned folders" in err
    assert trash_env.trashed() == {}


def test_journal_and_restore(trash_env, results, capsys) -> None:
    path, groups = results
    assert run("journal") == 0
    assert "No trash batches yet." in capsys.readouterr().out
    data = {m.path: Path(m.path).read_bytes() for g in groups for m in g.members[1:]}
    run("trash", str(path), "--yes")
    [batch] = journal.list_batches()
    capsys.readouterr()
    assert run("journal") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(batch.id) and "moved 3  skipped 0" in line
    assert run("restore", "--last") == 0
    out = capsys.readouterr().out
    assert f"Batch {batch.id}: 3 restored, 0 not." in out
    for p, content in data.items():
        assert Path(p).read_bytes() == content
    run("journal")
    assert "restored 3" in capsys.readouterr().out


def test_restore_by_id_and_unknown_id(trash_env, results, capsys) -> None:
    path, groups = results
    run("trash", str(path), "--yes")
    [batch] = journal.list_batches()
    assert run("restore", "does-not-exist") == 2
    assert "no trash batch" in capsys.readouterr().err
    assert run("restore", batch.id) == 0
    assert all(os.path.exists(m.path) for g in groups for m in g.members)


def test_restore_needs_a_batch(trash_env) -> None:
    with pytest.raises(SystemExit) as exc:
        run("restore")
    assert exc.value.code == 2


def test_progress_line_on_a_terminal(trash_env, results, capsys, monkeypatch) -> None:
    path, _ = results
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert run("trash", str(path), "--yes") == 0
    err = capsys.readouterr().err
    assert "Moving to the trash: 0/3 IMG_1 copy.jpg" in err
    assert err.endswith("Moving to the trash: 3/3 \n")


def test_no_progress_line_when_not_a_terminal(trash_env, results, capsys, monkeypatch) -> None:
    path, _ = results
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert run("trash", str(path), "--yes") == 0
    assert capsys.readouterr().err == ""


def test_ctrl_c_stops_between_files_and_reports(trash_env, results, capsys, monkeypatch) -> None:
    path, groups = results
    cancelled = threading.Event()

    class Token(CancelToken):
        def cancel(self) -> None:
            super().cancel()
            cancelled.set()

    monkeypatch.setattr(cli_trash, "CancelToken", Token, raising=False)
    real = trash.send2trash
    moved = []

    def ctrl_c_after_first_move(p: str) -> None:
        real(p)
        moved.append(p)
        signal.raise_signal(signal.SIGINT)
        # The user's Ctrl-C must turn into a cancel before the next file is looked at.
        assert cancelled.wait(10)

    monkeypatch.setattr(trash, "send2trash", ctrl_c_after_first_move)
    # Python's own Ctrl-C handler, whatever the runner inherited: a shell's background job
    # starts with SIGINT ignored, and Python then leaves it ignored.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        assert run("trash", str(path), "--yes") == 130
    finally:
        signal.signal(signal.SIGINT, previous)
    out = capsys.readouterr().out
    assert "Moved 1 file(s) to the trash, skipped 2." in out
    left = [groups[0].members[2].path, groups[1].members[1].path]
    assert all(f"skipped {p}: cancelled" in out for p in left) and "restore" in out
    assert all(os.path.exists(p) for p in left)
    assert set(trash_env.trashed()) == set(moved)
    [batch] = journal.list_batches()
    assert (batch.moved, batch.skipped, batch.finished) == (1, 2, True)
