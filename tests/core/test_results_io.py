"""Results files: JSON/CSV writing, and loading that refuses malformed or hostile files."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest_safety import group, make_library, make_photo, scan_result

from photodedup.core import results_io
from photodedup.core.models import Companion, CompanionKind, GroupKind, Relation
from photodedup.core.ranking import KEEP_SIZE
from photodedup.core.results_io import (
    ResultsError,
    json_pieces,
    load_results,
    write_csv,
    write_json,
    write_text,
)


@pytest.fixture
def result(tmp_path: Path):
    root, groups = make_library(tmp_path)
    ref_dir = tmp_path / "photos" / "archive"
    ref = group(
        3,
        [make_photo(ref_dir / "old.jpg", 8), make_photo(tmp_path / "photos" / "new.jpg", 9)],
        keep=(0,),
        reference=(0,),
        kind=GroupKind.IDENTICAL,
    )
    return scan_result([root], [*groups, ref])


@pytest.fixture
def doc(result) -> dict:
    return results_io.result_to_dict(result)


def test_json_has_the_documented_names(result, tmp_path: Path) -> None:
    dest = tmp_path / "out" / "results.json"
    dest.parent.mkdir()
    write_json(result, str(dest))
    data = json.loads(dest.read_text())
    assert set(data) == {"version", "roots", "groups", "errors", "stats", "warnings"}
    assert data["version"] == 2 and data["roots"] == list(result.roots)
    g = data["groups"][0]
    assert set(g) == {"id", "kind", "low_detail", "files"} and g["kind"] == "similar"
    f = g["files"][1]
    m = result.groups[0].members[1]
    assert f == {
        "path": m.path,
        "size": m.fingerprint.size,
        "mtime_ns": m.fingerprint.mtime_ns,
        "width": 48,
        "height": 32,
        "format": "JPEG",
        "keep": False,
        "reason": "smaller copy",
        "distance": 2,
        "relation": "resized",
        "reference": False,
        "digest": m.fingerprint.digest,
        "taken": "",
        "camera": "",
        "damaged": False,
    }
    assert data["errors"] == [{"path": result.problems[0].path, "error": "truncated file"}]
    assert (data["stats"]["files"], data["stats"]["hashed"], data["stats"]["seconds"]) == (
        10,
        9,
        1.25,
    )
    assert [p.name for p in dest.parent.iterdir()] == ["results.json"]  # no temp file left


def test_round_trip_keeps_marks_and_extras(result, tmp_path: Path) -> None:
    dest = tmp_path / "r.json"
    marked_keep = result.groups[0].members[2].path
    kept = {marked_keep, result.groups[0].members[0].path, result.groups[1].members[0].path}
    # The user keeps the second copy too, and marks the reference file (which must stay kept).
    write_json(result, str(dest), keep=lambda p: p in kept)
    loaded = load_results(str(dest))
    assert loaded.roots == result.roots
    assert [g.id for g in loaded.groups] == [1, 2, 3]
    keeps = {m.path: m.keep for g in loaded.groups for m in g.members}
    assert keeps[marked_keep] and keeps[result.groups[0].members[0].path]
    assert not keeps[result.groups[0].members[1].path]
    assert keeps[result.groups[2].members[0].path]  # reference, always kept
    orig = result.groups[2].members[0]
    back = loaded.groups[2].members[0]
    assert back.reference and back.relation is Relation.KEEPER
    assert not loaded.groups[0].low_detail
    assert loaded.groups[2].kind is GroupKind.IDENTICAL
    assert (back.fingerprint.digest, back.fingerprint.size, back.fingerprint.mtime_ns) == (
        orig.fingerprint.digest,
        orig.fingerprint.size,
        orig.fingerprint.mtime_ns,
    )
    assert loaded.problems == result.problems and loaded.warnings == result.warnings
    assert loaded.stats.files == 10 and loaded.stats.seconds == 1.25


def _with_template(result):
    """``result`` with its first keeper's reason given as a template, as the engine makes it."""
    keeper = replace(
        result.groups[0].members[0],
        reason="largest file: 24 kB",
        reason_template=KEEP_SIZE,
        reason_values=(("size", "24000"),),
    )
    first = replace(result.groups[0], members=(keeper, *result.groups[0].members[1:]))
    return replace(result, groups=(first, *result.groups[1:]))


def test_reason_templates_and_values_round_trip(result, tmp_path: Path) -> None:
    result = _with_template(result)
    dest = tmp_path / "r.json"
    write_json(result, str(dest))
    f = json.loads(dest.read_text())["groups"][0]["files"][0]
    assert f["reason"] == "largest file: 24 kB"  # the English text people and scripts read
    assert (f["reason_template"], f["reason_values"]) == (KEEP_SIZE, {"size": "24000"})
    back = load_results(str(dest)).groups[0].members[0]
    assert back.reason == "largest file: 24 kB"
    assert (back.reason_template, back.reason_values) == (KEEP_SIZE, (("size", "24000"),))
    # Members saved without a template (older files, hand-made ones) keep only the text.
    plain = load_results(str(dest)).groups[0].members[1]
    assert (plain.reason, plain.reason_template, plain.reason_values) == ("smaller copy", "", ())


@pytest.mark.parametrize(
    ("template", "values"),
    [
        ("largest file: {size}; {size.__class__}", {"size": "1"}),  # not a template we make
        (KEEP_SIZE, {}),  # a value missing
        (KEEP_SIZE, {"size": "1", "name": "x"}),  # a value the template does not use
    ],
)
def test_reason_templates_that_do_not_fit_are_dropped(
    doc, tmp_path: Path, template: str, values: dict
) -> None:
    first_file(doc).update(reason_template=template, reason_values=values)
    back = load_results(save(tmp_path, doc)).groups[0].members[0]
    assert (back.reason, back.reason_template, back.reason_values) == (
        first_file(doc)["reason"],
        "",
        (),
    )


def test_json_to_stdout(result, capsys) -> None:
    write_json(result, "-")
    assert json.loads(capsys.readouterr().out)["groups"][1]["id"] == 2


def test_csv_row_per_file(result, tmp_path: Path) -> None:
    dest = tmp_path / "r.csv"
    keeper = result.groups[1].members[0].path
    write_csv(result, str(dest), keep=lambda p: p != keeper)
    rows = list(csv.DictReader(io.StringIO(dest.read_text())))
    assert len(rows) == sum(len(g.members) for g in result.groups) == 7
    assert list(rows[0]) == list(results_io.CSV_FIELDS)
    by_path = {r["path"]: r for r in rows}
    assert by_path[keeper]["keep"] == "no"
    assert by_path[result.groups[1].members[1].path]["keep"] == "yes"
    assert by_path[result.groups[2].members[0].path]["reference"] == "yes"


def test_csv_never_hands_a_formula_to_a_spreadsheet(tmp_path: Path, capsys) -> None:
    photo = make_photo(tmp_path / "x.jpg", 1)
    other = make_photo(tmp_path / "y.jpg", 2)
    g = group(1, [photo, other])
    evil = replace(g.members[0].fingerprint, camera='=HYPERLINK("http://evil")')
    g = replace(g, members=(replace(g.members[0], fingerprint=evil), g.members[1]))
    r = scan_result([tmp_path], [g])
    write_csv(r, "-")
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["camera"] == '\'=HYPERLINK("http://evil")'


def save(tmp_path: Path, doc) -> str:
    path = tmp_path / "hostile.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return str(path)


def first_file(d: dict) -> dict:
    return d["groups"][0]["files"][0]


def set_path(d: dict, value) -> None:
    first_file(d)["path"] = value


HOSTILE = {
    "outside the roots": (lambda d: set_path(d, "/etc/passwd.jpg"), "outside the scanned"),
    "relative path": (lambda d: set_path(d, "photos/a/IMG_1.jpg"), "not an absolute path"),
    "dot-dot trick": (
        lambda d: set_path(d, d["roots"][0] + "/../../../etc/shadow.jpg"),
        "contains '..'",
    ),
    "root itself": (lambda d: set_path(d, d["roots"][0]), "outside the scanned"),
    "sibling prefix": (lambda d: set_path(d, d["roots"][0] + "-evil/x.jpg"), "outside"),
    "not a photo": (lambda d: set_path(d, d["roots"][0] + "/a/.bashrc"), "not a photo"),
    "NUL in path": (lambda d: set_path(d, d["roots"][0] + "/a\x00.jpg"), "NUL"),
    "path not a string": (lambda d: set_path(d, 42), "must be a string"),
    "size as string": (lambda d: first_file(d).update(size="123"), "size must be an integer"),
    "size as bool": (lambda d: first_file(d).update(size=True), "size must be an integer"),
    "negative size": (lambda d: first_file(d).update(size=-1), "out of range"),
    "huge size": (lambda d: first_file(d).update(size=10**30), "out of range"),
    "huge mtime": (lambda d: first_file(d).update(mtime_ns=2**70), "out of range"),
    "keep as int": (lambda d: first_file(d).update(keep=1), "true or false"),
    "missing keep": (lambda d: first_file(d).pop("keep"), "missing 'keep'"),
    "unknown relation": (lambda d: first_file(d).update(relation="cousin"), "relation"),
    "bad digest": (lambda d: first_file(d).update(digest="../../x"), "hex digest"),
    "group keeps nothing": (
        lambda d: [f.update(keep=False) for f in d["groups"][1]["files"]],
        "keeps no file",
    ),
    "same file twice": (
        lambda d: d["groups"][1]["files"].append(copy.deepcopy(first_file(d))),
        "more than once",
    ),
    "lonely group": (lambda d: d["groups"][1]["files"].pop(), "fewer than two"),
    "duplicate group id": (lambda d: d["groups"][1].update(id=1), "used by two"),
    "unknown kind": (lambda d: d["groups"][0].update(kind="vague"), "kind is unknown"),
    "groups not a list": (lambda d: d.update(groups={"a": 1}), "groups must be a list"),
    "group not an object": (lambda d: d["groups"].append("x"), "must be an object"),
    "relative root": (lambda d: d.update(roots=["photos"]), "not an absolute path"),
    "no roots": (lambda d: d.update(roots=[]), "roots is empty"),
    "wrong version": (lambda d: d.update(version=3), "unsupported results version"),
    "seconds as string": (lambda d: d["stats"].update(seconds="1"), "must be a number"),
    "negative stats": (lambda d: d["stats"].update(files=-3), "out of range"),
    "error entry not object": (lambda d: d.update(errors=[1]), "must be an object"),
    "low_detail as string": (lambda d: d["groups"][0].update(low_detail="no"), "true or false"),
    "warning not a string": (lambda d: d.update(warnings=[{"x": 1}]), "must be a string"),
    "overlong reason": (lambda d: first_file(d).update(reason="x" * 100_000), "too long"),
    "reason template not a string": (
        lambda d: first_file(d).update(reason_template=3, reason_values={}),
        "reason_template must be a string",
    ),
    "reason values not an object": (
        lambda d: first_file(d).update(reason_template=KEEP_SIZE, reason_values=["1"]),
        "reason_values must be an object",
    ),
    "reason values without template": (
        lambda d: first_file(d).update(reason_values={"size": "1"}),
        "missing 'reason_template'",
    ),
    "reason size not a number": (
        lambda d: first_file(d).update(reason_template=KEEP_SIZE, reason_values={"size": "1e99"}),
        "reason_values.size must be a whole number",
    ),
    "reason value not a string": (
        lambda d: first_file(d).update(reason_template=KEEP_SIZE, reason_values={"size": 24000}),
        "reason_values.size must be a string",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_results_are_refused(doc, tmp_path: Path, name: str) -> None:
    mutate, words = HOSTILE[name]
    bad = copy.deepcopy(doc)
    mutate(bad)
    path = save(tmp_path, bad)
    with pytest.raises(ResultsError, match=r"(?s)hostile\.json.*" + re.escape(words)):
        load_results(path)


def test_the_valid_document_loads(doc, tmp_path: Path) -> None:
    # The hostile cases above are refused for their mutation, not for the base document.
    assert len(load_results(save(tmp_path, doc)).groups) == 3


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("this is not json", "invalid JSON"),
        ("[1, 2, 3]", "must be an object"),
        ("", "invalid JSON"),
        ('{"version": 1, "roots": ["/a"], "groups": [], "stats": {"files": NaN}}', "NaN"),
        ('{"version": 1e999}', "unsupported results version"),
        ('{"version": ' + "9" * 5000 + "}", "not a results file"),
        ("[" * 100_000 + "]" * 100_000, "not a results file"),
    ],
)
def test_not_a_results_file(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(ResultsError, match=words):
        load_results(save(tmp_path, text))


def test_binary_and_missing_and_huge_files(tmp_path: Path, monkeypatch) -> None:
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    with pytest.raises(ResultsError, match="not UTF-8"):
        load_results(str(binary))
    with pytest.raises(ResultsError, match="cannot read"):
        load_results(str(tmp_path / "nope.json"))
    monkeypatch.setattr(results_io, "MAX_FILE_BYTES", 10)
    with pytest.raises(ResultsError, match="too large"):
        load_results(str(binary))


def test_unkept_groups_allowed_on_request(doc, tmp_path: Path) -> None:
    for f in doc["groups"][1]["files"]:
        f["keep"] = False
    loaded = load_results(save(tmp_path, doc), require_keeper=False)
    assert not any(m.keep for m in loaded.groups[1].members)


def test_issue_schema_without_extras_loads(doc, tmp_path: Path) -> None:
    for g in doc["groups"]:
        for f in g["files"]:
            for key in ("relation", "reference", "digest", "taken", "camera"):
                del f[key]
    loaded = load_results(save(tmp_path, doc))
    m = loaded.groups[0].members
    assert m[0].relation is Relation.KEEPER and m[1].relation is Relation.EDITED
    assert m[1].fingerprint.digest == "" and not m[1].reference


def test_low_detail_flag_round_trips(result, tmp_path: Path) -> None:
    flagged = replace(
        result, groups=(replace(result.groups[0], low_detail=True), *result.groups[1:])
    )
    dest = tmp_path / "r.json"
    write_json(flagged, str(dest))
    assert [g.low_detail for g in load_results(str(dest)).groups] == [True, False, False]


def test_burst_marks_round_trip_through_json(result, tmp_path: Path) -> None:
    root = tmp_path / "photos" / "shoot"
    shots = [make_photo(root / f"frame{n}.jpg", 20 + n) for n in range(3)]
    burst = group(9, shots, keep=(0, 1, 2), kind=GroupKind.BURST)
    with_burst = replace(result, bursts=(burst,))
    dest = tmp_path / "r.json"
    marked = str(shots[2])
    write_json(with_burst, str(dest), burst_keep=lambda p: p != marked)
    loaded = load_results(str(dest))
    keeps = {m.path: m.keep for g in loaded.bursts for m in g.members}
    assert keeps == {str(shots[0]): True, str(shots[1]): True, marked: False}


def test_json_pieces_join_into_the_same_document_on_one_line(result, tmp_path: Path) -> None:
    """The autosave's one-line form, a piece at a time, says exactly what the indented one says."""
    stem, _, ext = result.groups[0].members[1].path.rpartition(".")
    odd = replace(
        result.groups[0].members[1],
        fingerprint=replace(
            result.groups[0].members[1].fingerprint,
            path=f"{stem}-\udcff.{ext}",  # not UTF-8
        ),
    )
    group = replace(
        result.groups[0],
        members=(result.groups[0].members[0], odd, *result.groups[0].members[2:]),
    )
    result = replace(result, groups=(group, *result.groups[1:]))
    indented, compact = tmp_path / "indented.json", tmp_path / "compact.json"
    write_json(result, str(indented))
    pieces = list(json_pieces(result))
    assert len(pieces) > len(result.groups)  # a group at a time, not the whole document
    write_text("".join(pieces), str(compact))
    assert len(compact.read_text().splitlines()) == 1
    assert compact.read_text().isascii()  # escapes carry the name that is not UTF-8
    assert json.loads(compact.read_text()) == json.loads(indented.read_text())
    assert load_results(str(compact)) == load_results(str(indented))
    assert odd.path in {m.path for g in load_results(str(compact)).groups for m in g.members}


def _with_companion(result, tmp_path: Path):
    """The result with an XMP sidecar and a Live Photo video beside its first copy."""
    member = result.groups[0].members[1]
    folder = Path(member.path).parent
    xmp = folder / (Path(member.path).name + ".xmp")
    xmp.write_text("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")
    mov = folder / (Path(member.path).stem + ".MOV")
    mov.write_bytes(b"video")
    companions = (
        Companion(str(xmp), CompanionKind.XMP, 36, 1, rating=5, edits=True, keywords=("a",)),
        Companion(str(mov), CompanionKind.LIVE_VIDEO, 5, 2, shared_with=(member.path,)),
    )
    fp = replace(member.fingerprint, companions=companions)
    members = (result.groups[0].members[0], replace(member, fingerprint=fp))
    members += result.groups[0].members[2:]
    groups = (replace(result.groups[0], members=members), *result.groups[1:])
    return replace(result, groups=groups), companions


def test_companions_round_trip_through_json_and_have_csv_rows(result, tmp_path: Path) -> None:
    result, companions = _with_companion(result, tmp_path)
    dest = tmp_path / "r.json"
    write_json(result, str(dest))
    files = json.loads(dest.read_text())["groups"][0]["files"]
    assert files[1]["companions"][0] == {
        "path": companions[0].path,
        "kind": "xmp",
        "size": 36,
        "mtime_ns": 1,
        "rating": 5,
        "keywords": ["a"],
        "edits": True,
    }
    assert "companions" not in files[0]
    loaded = load_results(str(dest))
    assert loaded.groups[0].members[1].fingerprint.companions == companions
    csv_dest = tmp_path / "r.csv"
    write_csv(result, str(csv_dest))
    rows = list(csv.DictReader(io.StringIO(csv_dest.read_text())))
    photo = result.groups[0].members[1].path
    extra = [r for r in rows if r["companion_of"]]
    assert [(r["path"], r["companion_of"], r["companion_kind"], r["keep"]) for r in extra] == [
        (companions[0].path, photo, "xmp", "no"),
        (companions[1].path, photo, "live_video", "no"),
    ]
    assert len(rows) == sum(len(g.members) for g in result.groups) + 2


def test_a_version_1_results_file_still_loads(doc, tmp_path: Path) -> None:
    doc["version"] = 1
    dest = tmp_path / "old.json"
    dest.write_text(json.dumps(doc))
    assert len(load_results(str(dest)).groups) == len(doc["groups"])


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"path": "/etc/passwd.xmp"}, "not beside its photo"),
        ({"kind": "live_video"}, "not a live_video file"),
        ({"kind": "script"}, "kind is unknown"),
        ({"rating": 9}, "out of range"),
    ],
)
def test_hostile_companions_are_refused(doc, tmp_path: Path, change: dict, words: str) -> None:
    photo = doc["groups"][0]["files"][1]["path"]
    entry = {"path": photo + ".xmp", "kind": "xmp", "size": 1, "mtime_ns": 1, **change}
    doc["groups"][0]["files"][1]["companions"] = [entry]
    dest = tmp_path / "bad.json"
    dest.write_text(json.dumps(doc))
    with pytest.raises(ResultsError, match=words):
        load_results(str(dest))


def test_a_companion_not_named_after_its_photo_is_refused(doc, tmp_path: Path) -> None:
    photo = doc["groups"][0]["files"][1]["path"]
    other = os.path.join(os.path.dirname(photo), "tax return.json")
    entry = {"path": other, "kind": "takeout", "size": 1, "mtime_ns": 1}
    doc["groups"][0]["files"][1]["companions"] = [entry]
    dest = tmp_path / "bad.json"
    dest.write_text(json.dumps(doc))
    with pytest.raises(ResultsError, match="not named as a companion"):
        load_results(str(dest))
