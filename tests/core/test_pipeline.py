"""Whole scans on a fixture library: copies found, different photos kept apart, ranking."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from PIL import Image, ImageOps

from photodedup.core import pipeline
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.models import CancelToken, GroupKind, Progress, Relation, ScanOptions, Stage
from photodedup.core.pipeline import find_copies, run_scan
from photodedup.core.pool import FingerprintPool
from photodedup.core.provenance import KEEP_QUALITY
from photodedup.core.ranking import COPY_TEMPLATES, KEEP_OLDEST_MODIFIED


def _scan(root, tmp_path, **kw):
    kw.setdefault("workers", 2)
    return run_scan(ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), **kw))


def _rel(root, group):
    return {os.path.relpath(m.path, root): m for m in group.members}


def test_every_kind_of_copy_is_grouped_and_different_photos_are_not(
    library, library_copies, tmp_path
):
    result = _scan(library, tmp_path)
    assert result.stats.files == result.stats.hashed == 16
    assert result.problems == ()
    assert len(result.groups) == 1
    members = _rel(library, result.groups[0])
    assert set(members) == {"Camera/a.jpg", *library_copies}
    assert result.groups[0].kind == GroupKind.SIMILAR
    assert sum(m.keep for m in result.groups[0].members) == 1


def test_keeper_ranking_and_reasons(library, tmp_path):
    shutil.rmtree(library / "Edited")
    group = _scan(library, tmp_path).groups[0]
    keeper = group.members[0]
    assert keeper.keep and keeper.relation == Relation.KEEPER
    # The camera's JPEG, not its larger PNG conversion nor the byte copy in Backup/.
    assert os.path.relpath(keeper.path, library) == "Camera/a.jpg"
    # The closest contender is the camera's own sideways copy (quality 90): quality decides.
    assert keeper.reason == "highest JPEG quality: 92"
    # The same reason as a template with raw values, for the app to translate and localise.
    assert keeper.reason_template == KEEP_QUALITY
    assert keeper.reason_values == (("quality", "92"),)
    rel = {os.path.relpath(m.path, library): m for m in group.members[1:]}
    small = rel["Backup/a_small.jpg"]
    assert small.relation == Relation.RESIZED
    assert small.reason == "resized copy (600x450) of a.jpg"
    assert small.reason_template == COPY_TEMPLATES["resized", False]
    assert small.reason_values == (("width", "600"), ("height", "450"), ("name", "a.jpg"))
    assert rel["Backup/a.jpg"].relation == Relation.IDENTICAL
    assert rel["Export/a.png"].reason == "PNG conversion of a.jpg"
    assert rel["Phone/a.heic"].reason == "HEIF conversion of a.jpg"
    assert rel["Export/a_q40.jpg"].reason == "re-encoded copy (JPEG quality 40) of a.jpg"
    assert rel["Phone/a_sideways.jpg"].relation == Relation.CONVERTED  # shown upright
    assert all(not m.keep for m in group.members[1:])


def test_a_copy_whose_tones_or_colours_changed_is_called_edited_not_re_encoded(library, tmp_path):
    (group,) = [g for g in _scan(library, tmp_path).groups if len(g.members) > 3]
    rel = _rel(library, group)
    for name in ("Edited/a_bright.jpg", "Edited/a_gray.jpg", "Edited/a_watermark.jpg"):
        assert rel[name].relation == Relation.EDITED, name
        assert rel[name].reason == "edited copy (1200x900) of a.jpg"
    # Same size, same format, only compressed harder: still said so.
    assert rel["Export/a_q40.jpg"].reason == "re-encoded copy (JPEG quality 40) of a.jpg"
    assert rel["Export/a.png"].reason == "PNG conversion of a.jpg"


def test_most_pixels_wins_and_says_so(tmp_path, new_photo):
    big = new_photo(3, (1600, 1200))
    big.save(tmp_path / "small_name.jpg", quality=90)
    big.resize((800, 600)).save(tmp_path / "a.jpg", quality=95)
    group = _scan(tmp_path, tmp_path).groups[0]
    assert os.path.basename(group.members[0].path) == "small_name.jpg"
    assert group.members[0].reason == "largest resolution: 1600x1200"


def test_oldest_copy_wins_a_tie_and_its_time_is_a_raw_value(tmp_path, new_photo):
    photo = new_photo(4, (320, 240))
    for name in ("b.jpg", "a.jpg"):
        photo.save(tmp_path / name, quality=90)
    old = time.mktime((2021, 6, 1, 12, 0, 30, 0, 0, -1))
    os.utime(tmp_path / "b.jpg", (old, old))
    keeper = _scan(tmp_path, tmp_path).groups[0].members[0]
    assert os.path.basename(keeper.path) == "b.jpg"
    assert keeper.reason == "oldest: modified 2021-06-01 12:00"
    assert keeper.reason_template == KEEP_OLDEST_MODIFIED
    assert keeper.reason_values == (("time", str(int(old))),)


def test_reference_folder_files_are_always_kept(library, tmp_path):
    result = _scan(library, tmp_path, references=(str(library / "Export"),))
    group = result.groups[0]
    for m in group.members:
        under_ref = os.path.relpath(m.path, library).startswith("Export/")
        assert m.reference == under_ref
        assert m.keep == under_ref  # the reference copies are the keepers, all others go
    assert group.members[0].reference


def test_rotated_copies_only_with_rotations(tmp_path, new_photo):
    img = new_photo(21, (800, 600))
    img.save(tmp_path / "a.jpg", quality=92)
    img.transpose(Image.Transpose.ROTATE_90).save(tmp_path / "a_rot90.jpg", quality=92)
    ImageOps.mirror(img).save(tmp_path / "a_mirror.jpg", quality=92)
    assert _scan(tmp_path, tmp_path).groups == ()
    groups = _scan(tmp_path, tmp_path, rotations=True).groups
    assert len(groups) == 1
    relations = sorted(m.relation for m in groups[0].members)
    assert relations == [Relation.KEEPER, Relation.ROTATED, Relation.ROTATED]


def test_threshold_zero_means_identical_files_only(library, tmp_path):
    groups = _scan(library, tmp_path, threshold=0).groups
    assert len(groups) == 1
    assert groups[0].kind == GroupKind.IDENTICAL
    assert {os.path.relpath(m.path, library) for m in groups[0].members} == {
        "Camera/a.jpg",
        "Backup/a.jpg",
    }


def test_hard_negatives_stay_apart(tmp_path, new_photo):
    scene = new_photo(30, (1600, 900))
    # Two shots of one scene, shifted: different photos to a person.
    scene.crop((0, 0, 1000, 900)).save(tmp_path / "left.jpg", quality=90)
    scene.crop((600, 0, 1600, 900)).save(tmp_path / "right.jpg", quality=90)
    # Near-uniform frames: a black frame, a blank page, a sky gradient.
    Image.new("RGB", (800, 600), (3, 3, 3)).save(tmp_path / "black.jpg", quality=90)
    Image.new("RGB", (800, 600), (245, 245, 240)).save(tmp_path / "page.jpg", quality=90)
    sky = Image.linear_gradient("L").resize((800, 600)).convert("RGB")
    sky.save(tmp_path / "sky.jpg", quality=90)
    Image.new("RGB", (800, 600), (8, 8, 8)).save(tmp_path / "black2.jpg", quality=70)
    result = _scan(tmp_path, tmp_path)
    assert result.groups == ()


def test_flat_photos_group_only_on_identical_pixels(tmp_path):
    black = Image.new("RGB", (640, 480), (0, 0, 0))
    black.save(tmp_path / "black.png")
    black.save(tmp_path / "black.bmp")  # same pixels, other format
    black.save(tmp_path / "black.jpg", quality=50)  # other pixels: JPEG of black is black...
    Image.new("RGB", (640, 480), (12, 12, 12)).save(tmp_path / "dark.png")
    groups = _scan(tmp_path, tmp_path).groups
    assert len(groups) == 1
    names = {os.path.basename(m.path) for m in groups[0].members}
    assert {"black.png", "black.bmp"} <= names
    assert "dark.png" not in names
    assert groups[0].low_detail


def test_second_scan_is_served_from_the_cache(library, tmp_path):
    first = _scan(library, tmp_path)
    second = _scan(library, tmp_path)
    assert first.stats.decoded == 16
    assert second.stats.decoded == 0
    assert [g.members for g in first.groups] == [g.members for g in second.groups]
    (library / "Camera/b.jpg").write_bytes((library / "Camera/c.png").read_bytes())
    assert _scan(library, tmp_path).stats.decoded == 1


def test_workers_start_before_discovery_only_on_a_first_scan(library, tmp_path, monkeypatch):
    events: list[str] = []
    start, discover = pipeline.FingerprintPool.start, pipeline.discover
    monkeypatch.setattr(
        pipeline.FingerprintPool, "start", lambda pool: events.append("start") or start(pool)
    )
    monkeypatch.setattr(
        pipeline, "discover", lambda *a, **kw: events.append("discover") or discover(*a, **kw)
    )
    assert _scan(library, tmp_path).stats.decoded == 16
    assert events == ["start", "discover"]  # the workers' start-up overlaps the walk
    events.clear()
    assert _scan(library, tmp_path).stats.decoded == 0
    assert events == ["discover"]  # a rescan served from the cache starts no worker


def test_bad_files_are_problems_and_the_scan_goes_on(library, tmp_path):
    (library / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (library / "empty.png").write_bytes(b"")
    result = _scan(library, tmp_path)
    assert result.stats.files == 18
    assert result.stats.hashed == 16
    assert sorted(os.path.basename(p.path) for p in result.problems) == ["broken.jpg", "empty.png"]
    assert len(result.groups) == 1


def test_progress_is_reported_and_cancel_stops_the_scan(library, tmp_path):
    seen = []
    cancel = CancelToken()

    def progress(p):
        seen.append(p.stage)
        if p.stage == Stage.HASH:
            cancel.cancel()

    result = run_scan(
        ScanOptions(roots=(str(library),), use_cache=False, workers=1), progress, cancel
    )
    assert result.stats.cancelled
    assert result.groups == ()
    assert Stage.DISCOVER in seen and Stage.HASH in seen


def test_reading_reports_count_against_every_photo_found(library, tmp_path, make_photo):
    """The bar and the time left need the whole count, cold and with most photos cached."""
    options = ScanOptions(roots=(str(library),), cache_dir=str(tmp_path / "cache"), workers=1)
    for scan in ("cold", "warm"):
        seen: list[Progress] = []
        result = run_scan(options, seen.append)
        reading = [p for p in seen if p.stage == Stage.HASH]
        assert reading, scan
        assert {p.total for p in reading} == {result.stats.files}, scan
        assert reading[-1].done == result.stats.files, scan
        make_photo(library / "new.jpg", 99)  # the warm scan reads this one only
    assert reading[0].done == result.stats.files - 1


def stuck_on_one_file(path: str) -> object:
    """A pool job (imported by the workers): a decoder that never returns on "stuck" files."""
    if "stuck" in os.path.basename(path):
        time.sleep(3600)
    return fingerprint_path(path)


def test_a_file_over_the_time_limit_is_given_up_and_reported(tmp_path, make_photo):
    make_photo(tmp_path / "a.jpg", 1)
    make_photo(tmp_path / "stuck.jpg", 2)
    options = ScanOptions(roots=(str(tmp_path),), file_timeout=1.0, use_cache=False, workers=1)
    pool = FingerprintPool(1, options.file_timeout, stuck_on_one_file)
    result = run_scan(options, pool=pool)
    assert result.stats.hashed == 1
    (problem,) = result.problems
    assert problem.path == str(tmp_path / "stuck.jpg")
    assert problem.error.startswith("gave up after 1 s")


def test_find_copies_of_one_photo(library, library_copies, tmp_path):
    query = tmp_path / "query.jpg"
    Image.open(library / "Camera/a.jpg").resize((300, 225)).save(query, quality=80)
    options = ScanOptions(roots=(str(library),), cache_dir=str(tmp_path / "cache"), workers=2)
    hits = find_copies(str(query), options)
    names = {os.path.relpath(fp.path, library) for fp, _d in hits}
    assert names == {"Camera/a.jpg", *library_copies}
    distances = [d for _fp, d in hits]
    assert distances == sorted(distances)


def test_find_copies_refuses_an_unreadable_query(tmp_path):
    bad = tmp_path / "q.jpg"
    bad.write_bytes(b"nope")
    with pytest.raises(ValueError, match="not an image"):
        find_copies(str(bad), ScanOptions(roots=(str(tmp_path),)))


def test_progress_is_throttled_and_counts_discovered_files(tmp_path, new_photo):
    for i in range(300):
        new_photo(i, (64, 48)).save(tmp_path / f"{i:03d}.png")
    seen = []
    run_scan(ScanOptions(roots=(str(tmp_path),), use_cache=False, workers=1), seen.append)
    found = [p for p in seen if p.stage == Stage.DISCOVER]
    assert found and all(0 < p.done <= 300 for p in found)
    # At most one report per 0.1 s (plus stage changes and ends), not one per file.
    assert len(seen) < 100
    assert seen[-1].stage == Stage.DONE


def _shot(img, path, taken: str, subsec: str = "") -> None:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "BurstCam", "BurstCam 1"
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken
    if subsec:
        ifd[0x9291] = subsec
    img.save(path, quality=90, exif=exif.tobytes())


def test_frames_of_a_burst_are_not_duplicates_but_their_copies_are(tmp_path, new_photo):
    scene = new_photo(50, (1300, 900))
    # Three frames a moment apart (the camera moved by 1 %), and a resized copy of the first.
    frames = [scene.crop((dx, 0, dx + 1200, 900)) for dx in (0, 12, 24)]
    _shot(frames[0], tmp_path / "f0.jpg", "2023:07:01 10:00:00", "10")
    _shot(frames[1], tmp_path / "f1.jpg", "2023:07:01 10:00:00", "40")  # same second
    _shot(frames[2], tmp_path / "f2.jpg", "2023:07:01 10:00:01")
    _shot(frames[0].resize((600, 450)), tmp_path / "f0_small.jpg", "2023:07:01 10:00:00", "10")
    frames[1].save(tmp_path / "f1_no_exif.jpg", quality=85)  # a messenger copy: EXIF stripped
    groups = _scan(tmp_path, tmp_path).groups
    names = [{os.path.basename(m.path) for m in g.members} for g in groups]
    assert any({"f0.jpg", "f0_small.jpg"} <= g for g in names)
    # The stripped copy cannot say when it was taken: it may join a frame it looks like, but
    # never bring two frames together.
    for g in names:
        assert len(g & {"f0.jpg", "f1.jpg", "f2.jpg"}) <= 1, names


def test_smooth_gradients_and_skies_are_low_detail(tmp_path):
    sky = Image.linear_gradient("L").resize((800, 600))
    Image.merge("RGB", (sky.point(lambda v: v // 3), sky.point(lambda v: v // 2), sky)).save(
        tmp_path / "sky_blue.jpg", quality=90
    )
    Image.linear_gradient("L").resize((640, 480)).point(lambda v: 40 + v // 2).save(
        tmp_path / "ramp_gray.png"
    )
    assert _scan(tmp_path, tmp_path).groups == ()


def test_a_copy_keeps_its_shape(tmp_path, new_photo):
    img = new_photo(60, (800, 600))
    img.save(tmp_path / "a.jpg", quality=90)
    img.resize((400, 300)).save(tmp_path / "a_small.jpg", quality=90)  # a copy
    img.resize((420, 600)).save(tmp_path / "a_squeezed.jpg", quality=90)  # another shape
    (group,) = _scan(tmp_path, tmp_path).groups
    assert {os.path.basename(m.path) for m in group.members} == {"a.jpg", "a_small.jpg"}


def test_cancel_during_matching_stops_the_scan(library, tmp_path):
    cancel = CancelToken()

    def progress(p):
        if p.stage == Stage.MATCH:
            cancel.cancel()

    result = run_scan(
        ScanOptions(roots=(str(library),), cache_dir=str(tmp_path / "c"), workers=2),
        progress,
        cancel,
    )
    assert result.stats.cancelled
    assert result.groups == ()
    assert result.stats.hashed == 16  # what was fingerprinted is kept (and cached)


def test_the_search_itself_stops_when_cancelled():
    import numpy as np

    from photodedup.core.models import Cancelled
    from photodedup.core.search import radius_pairs

    hashes = np.random.default_rng(1).integers(0, 2**63, size=50_000, dtype=np.uint64)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        radius_pairs(hashes, None, 10, cancel)
