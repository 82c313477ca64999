"""The "not a duplicate" memory: stored by digest, honoured by every scan and by the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from PIL import Image

from photodedup import cli
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.ignore import IgnoreList, IgnoreListError, default_path
from photodedup.core.matching import group_indices
from photodedup.core.models import ScanOptions
from photodedup.core.pipeline import run_scan


def _scan(root, tmp_path, **kw):
    return run_scan(
        ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=1, **kw)
    )


def _names(result):
    return [sorted(m.path.rsplit("/", 1)[1] for m in g.members) for g in result.groups]


@pytest.fixture
def trio(tmp_path, new_photo):
    """a.jpg, its resized copy and its re-encoded copy: one group of three different files."""
    root = tmp_path / "lib"
    root.mkdir()
    a = new_photo(21, (800, 600))
    a.save(root / "a.jpg", quality=92)
    a.resize((400, 300), Image.Resampling.LANCZOS).save(root / "a_small.jpg", quality=85)
    a.save(root / "a_q50.jpg", quality=50)
    new_photo(22).save(root / "b.jpg")
    return root


def _fp(path):
    return fingerprint_path(str(path))


def test_decisions_persist_and_reload(tmp_path, trio):
    store = tmp_path / "data" / "decisions.json"
    ignore = IgnoreList.load(str(store))
    assert len(ignore) == 0
    a, small = _fp(trio / "a.jpg"), _fp(trio / "a_small.jpg")
    decision = ignore.add([a, small])
    assert decision.digests == (a.digest, small.digest)
    assert decision.paths == (a.path, small.path)
    again = IgnoreList.load(str(store))
    assert again.is_ignored(a.digest, small.digest)
    assert again.is_ignored(small.digest, a.digest)
    assert not again.is_ignored(a.digest, _fp(trio / "b.jpg").digest)
    assert again.decisions == [decision]
    assert again.remove(decision.id)
    assert not again.remove(decision.id)
    assert len(IgnoreList.load(str(store))) == 0


def test_a_group_decision_ignores_every_pair(tmp_path, trio):
    ignore = IgnoreList(str(tmp_path / "d.json"))
    fps = [_fp(trio / n) for n in ("a.jpg", "a_small.jpg", "a_q50.jpg")]
    ignore.add(fps)
    assert ignore.pairs() == {
        tuple(sorted((x.digest, y.digest)))
        for x, y in ((fps[0], fps[1]), (fps[0], fps[2]), (fps[1], fps[2]))
    }


def test_byte_identical_files_cannot_be_called_different(tmp_path, trio):
    shutil.copyfile(trio / "a.jpg", trio / "a_copy.jpg")
    ignore = IgnoreList(str(tmp_path / "d.json"))
    with pytest.raises(IgnoreListError, match="byte-identical"):
        ignore.add([_fp(trio / "a.jpg"), _fp(trio / "a_copy.jpg")])
    assert not (tmp_path / "d.json").exists()


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 1, "decisions": [{"id": "x", "digests": ["zz", "aa"], "added": ""}]}',
        '{"version": 9, "decisions": []}',
        "not json",
        '{"version": 1, "decisions": {}}',
    ],
)
def test_malformed_files_are_refused(tmp_path, content):
    path = tmp_path / "d.json"
    path.write_text(content)
    with pytest.raises(IgnoreListError, match="decisions file"):
        IgnoreList.load(str(path))


def test_default_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == str(tmp_path / "xdg" / "photodedup" / "not_duplicates.json")


def test_a_scan_never_groups_a_group_marked_different(tmp_path, trio):
    assert _names(_scan(trio, tmp_path)) == [["a.jpg", "a_q50.jpg", "a_small.jpg"]]
    store = str(tmp_path / "d.json")
    IgnoreList(store).add([_fp(trio / n) for n in ("a.jpg", "a_small.jpg", "a_q50.jpg")])
    assert _scan(trio, tmp_path, ignore_list=store).groups == ()


def test_a_pair_decision_holds_even_through_a_third_file(tmp_path, trio):
    # a_q50 looks like both others: without the constraint it would chain them together.
    store = str(tmp_path / "d.json")
    IgnoreList(store).add([_fp(trio / "a.jpg"), _fp(trio / "a_small.jpg")])
    groups = _names(_scan(trio, tmp_path, ignore_list=store))
    assert len(groups) == 1 and len(groups[0]) == 2
    assert groups[0] != ["a.jpg", "a_small.jpg"]
    assert "a_q50.jpg" in groups[0]


def test_the_decision_follows_the_content_not_the_name(tmp_path, trio):
    store = str(tmp_path / "d.json")
    IgnoreList(store).add([_fp(trio / "a.jpg"), _fp(trio / "a_small.jpg")])
    (trio / "a_q50.jpg").unlink()
    moved = trio / "elsewhere"
    moved.mkdir()
    shutil.move(trio / "a.jpg", moved / "renamed.jpg")
    assert _scan(trio, tmp_path, ignore_list=store).groups == ()
    # Without the list they are a pair again.
    assert _names(_scan(trio, tmp_path)) == [["a_small.jpg", "renamed.jpg"]]


def test_identical_copies_of_ignored_files_stay_grouped(tmp_path, trio):
    store = str(tmp_path / "d.json")
    IgnoreList(store).add([_fp(trio / "a.jpg"), _fp(trio / "a_small.jpg")])
    (trio / "a_q50.jpg").unlink()
    shutil.copyfile(trio / "a.jpg", trio / "a_backup.jpg")
    assert _names(_scan(trio, tmp_path, ignore_list=store)) == [["a.jpg", "a_backup.jpg"]]


def test_group_indices_refuses_the_link_not_the_whole_component(trio):
    fps = sorted((_fp(p) for p in trio.glob("*.jpg")), key=lambda fp: fp.path)
    names = [fp.path.rsplit("/", 1)[1] for fp in fps]
    a, small = fps[names.index("a.jpg")], fps[names.index("a_small.jpg")]
    partners = {a.digest: {small.digest}, small.digest: {a.digest}}
    groups, links = group_indices(fps, 10, False, lambda d: partners.get(d, ()))
    assert len(groups) == 1
    assert {names[i] for i in groups[0]} in ({"a.jpg", "a_q50.jpg"}, {"a_small.jpg", "a_q50.jpg"})
    assert all({names[k.a], names[k.b]} != {"a.jpg", "a_small.jpg"} for k in links)


def test_a_damaged_list_is_a_warning_not_a_failure(tmp_path, trio):
    store = tmp_path / "d.json"
    store.write_text("{broken")
    result = _scan(trio, tmp_path, ignore_list=str(store))
    assert len(result.groups) == 1
    assert any("marked as different was not used" in w for w in result.warnings)


def test_cli_ignore_list_options(tmp_path, trio, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    out = tmp_path / "r.json"
    base = ["scan", str(trio), "--no-cache", "--workers", "1", "--json", str(out)]

    def groups() -> int:
        return len(json.loads(out.read_text())["groups"])

    explicit = tmp_path / "mine.json"
    IgnoreList(str(explicit)).add([_fp(trio / n) for n in ("a.jpg", "a_small.jpg", "a_q50.jpg")])
    assert cli.main([*base, "--ignore-list", str(explicit)]) == 0
    assert groups() == 0
    assert cli.main(base) == 0  # the default list (empty here) is used
    assert groups() == 1
    IgnoreList(default_path()).add([_fp(trio / "a.jpg"), _fp(trio / "a_small.jpg")])
    IgnoreList(default_path()).add([_fp(trio / "a.jpg"), _fp(trio / "a_q50.jpg")])
    IgnoreList(default_path()).add([_fp(trio / "a_small.jpg"), _fp(trio / "a_q50.jpg")])
    assert cli.main(base) == 0
    assert groups() == 0
    assert cli.main([*base, "--no-ignore-list"]) == 0
    assert groups() == 1


def test_cli_refuses_a_damaged_explicit_list(tmp_path, trio, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    code = cli.main(["scan", str(trio), "--no-cache", "--ignore-list", str(bad)])
    assert code == 2
    assert "decisions file" in capsys.readouterr().err
