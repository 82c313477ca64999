"""The user's marks outlive a rescan, and the words follow the keeper the user picks."""

from __future__ import annotations

import csv
import dataclasses
import os
import shutil

from photodedup.core import results_io
from photodedup.core.models import Relation, ScanOptions
from photodedup.core.pipeline import run_scan
from photodedup.core.review import Review


def _scan(root, tmp_path):
    return run_scan(ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=2))


def _by_name(root, group):
    return {os.path.relpath(m.path, root): m for m in group.members}


def test_a_keeper_chosen_by_the_user_survives_a_rescan(library, tmp_path):
    shutil.rmtree(library / "Edited")
    first = _scan(library, tmp_path)
    review = Review(first.groups)
    group = review.groups[0]
    png = str(library / "Export/a.png")
    assert group.members[0].path == str(library / "Camera/a.jpg")
    assert review.keep_only(group.id, png)
    # The words follow the user's keeper at once.
    shown = review.group(group.id)
    assert shown.members[0].path == png and shown.members[0].reason == "chosen by you"
    words = _by_name(library, shown)
    assert words["Camera/a.jpg"].reason == "JPEG conversion of a.png"
    assert words["Camera/a.jpg"].relation == Relation.CONVERTED

    second = Review(_scan(library, tmp_path).groups, previous=review.marks())
    again = second.groups[0]
    assert [m.path for m in again.members if second.is_kept(m.path)] == [png]
    assert again.members[0].reason == "chosen by you"
    assert second.changed == {}


def test_a_file_changed_since_it_was_marked_loses_its_mark(library, tmp_path):
    shutil.rmtree(library / "Edited")
    review = Review(_scan(library, tmp_path).groups)
    gid = review.groups[0].id
    q40 = str(library / "Export/a_q40.jpg")
    heic = str(library / "Phone/a.heic")
    review.keep_only(gid, q40)
    assert review.set_keep(gid, heic, True)
    # The HEIC is edited after the review: its "keep" mark no longer speaks for it.
    os.utime(heic, ns=(1, 1))
    second = Review(_scan(library, tmp_path).groups, previous=review.marks())
    assert second.is_kept(q40)
    assert not second.is_kept(heic)  # back to the engine's suggestion
    assert second.changed == {second.groups[0].id: (heic,)}


def test_a_moved_file_keeps_its_mark_by_content(library, tmp_path):
    shutil.rmtree(library / "Edited")
    review = Review(_scan(library, tmp_path).groups)
    gid = review.groups[0].id
    review.keep_only(gid, str(library / "Export/a.webp"))
    (library / "Sorted").mkdir()
    moved = library / "Sorted/a.webp"
    shutil.move(library / "Export/a.webp", moved)
    second = Review(_scan(library, tmp_path).groups, previous=review.marks())
    kept = [m.path for m in second.groups[0].members if second.is_kept(m.path)]
    assert kept == [str(moved)]


def test_earlier_marks_never_trash_every_copy(library, tmp_path):
    shutil.rmtree(library / "Edited")
    review = Review(_scan(library, tmp_path).groups)
    marks = review.marks()
    kept = [p for p, m in marks.items() if m.keep]
    assert len(kept) == 1
    # A file kept before is gone; the others were all marked for trash.
    os.remove(kept[0])
    second = Review(_scan(library, tmp_path).groups, previous=marks)
    group = second.groups[0]
    assert any(second.is_kept(m.path) for m in group.members)
    assert second.is_kept(group.members[0].path)


def test_auto_select_gives_back_the_engine_words(library, tmp_path):
    shutil.rmtree(library / "Edited")
    review = Review(_scan(library, tmp_path).groups)
    gid = review.groups[0].id
    engine = review.group(gid)
    review.keep_only(gid, str(library / "Export/a.png"))
    assert review.group(gid) != engine
    review.auto_select()
    assert review.group(gid) == engine


def test_the_json_and_csv_carry_the_words_of_the_users_keeper(library, tmp_path):
    shutil.rmtree(library / "Edited")
    result = _scan(library, tmp_path)
    review = Review(result.groups)
    png = str(library / "Export/a.png")
    review.keep_only(review.groups[0].id, png)
    shown = dataclasses.replace(result, groups=tuple(review.groups))
    files = results_io.result_to_dict(shown, review.keep_fn())["groups"][0]["files"]
    assert (files[0]["path"], files[0]["keep"], files[0]["reason"]) == (png, True, "chosen by you")
    camera = next(f for f in files if f["path"].endswith("Camera/a.jpg"))
    assert (camera["keep"], camera["reason"]) == (False, "JPEG conversion of a.png")
    results_io.write_csv(shown, str(tmp_path / "r.csv"), review.keep_fn())
    rows = list(csv.reader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert "chosen by you" in rows[1]


def test_a_new_identical_copy_never_inherits_another_files_mark(library, tmp_path):
    shutil.rmtree(library / "Edited")
    review = Review(_scan(library, tmp_path).groups)
    trashed = str(library / "Backup/a.jpg")  # a byte copy of Camera/a.jpg, marked for trash
    assert not review.is_kept(trashed)
    review.keep_only(review.groups[0].id, str(library / "Camera/a.jpg"))
    # A third identical copy appears: it was never marked, so it gets the engine's word only.
    newcomer = library / "Phone/a copy.jpg"
    shutil.copyfile(library / "Camera/a.jpg", newcomer)
    second = Review(_scan(library, tmp_path).groups, previous=review.marks())
    assert second.is_kept(str(library / "Camera/a.jpg")) and not second.is_kept(trashed)
    engine = {m.path: m.keep for m in second.groups[0].members}
    assert second.is_kept(str(newcomer)) == engine[str(newcomer)]
