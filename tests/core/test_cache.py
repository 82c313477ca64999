"""The fingerprint cache: hits, misses, and never a reason for a scan to fail."""

from __future__ import annotations

import os
import sqlite3

from photodedup.core import cache as cache_module
from photodedup.core.cache import CACHE_FILE, SCHEMA_VERSION, FingerprintCache, knows_any_folder
from photodedup.core.discovery import discover
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.models import Fingerprint, ImageFile


def _files(folder) -> list[ImageFile]:
    return discover([str(folder)]).files


def _fill(cache_dir, folder) -> list[ImageFile]:
    files = _files(folder)
    cache = FingerprintCache(str(cache_dir))
    fps = [fingerprint_path(f.path) for f in files]
    assert all(isinstance(fp, Fingerprint) for fp in fps)
    cache.store(fps)
    cache.close()
    return files


def test_rescan_hits_and_a_changed_file_misses(tmp_path, make_photo):
    photos = tmp_path / "photos"
    make_photo(photos / "a.jpg", 1)
    make_photo(photos / "b.png", 2)
    files = _fill(tmp_path / "cache", photos)
    cache = FingerprintCache(str(tmp_path / "cache"))
    hits = cache.lookup(files)
    assert set(hits) == {f.path for f in files}
    original = fingerprint_path(files[0].path)
    assert hits[files[0].path] == original  # everything round-trips
    make_photo(photos / "a.jpg", 5)  # edited in place: new size and mtime
    os.utime(photos / "a.jpg", ns=(1, 1))
    assert set(cache.lookup(_files(photos))) == {str(photos / "b.png")}
    assert cache.warnings == []


def test_disabled_cache_stores_nothing(tmp_path, make_photo):
    make_photo(tmp_path / "p/a.jpg", 1)
    files = _files(tmp_path / "p")
    cache = FingerprintCache(str(tmp_path / "cache"), enabled=False)
    cache.store([fingerprint_path(files[0].path)])
    assert cache.lookup(files) == {}
    assert not (tmp_path / "cache").exists()


def test_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path, make_photo):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / CACHE_FILE).write_bytes(b"garbage, not a database" * 100)
    make_photo(tmp_path / "p/a.jpg", 1)
    files = _fill(cache_dir, tmp_path / "p")
    cache = FingerprintCache(str(cache_dir))
    assert set(cache.lookup(files)) == {files[0].path}
    aside = [n for n in os.listdir(cache_dir) if ".broken-" in n]
    assert aside, "the damaged file is kept for inspection, not deleted"


def test_foreign_database_is_moved_aside(tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    db = sqlite3.connect(cache_dir / CACHE_FILE)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    cache = FingerprintCache(str(cache_dir))
    assert cache.active
    assert "moved to" in cache.warnings[0]


def test_newer_cache_is_left_alone_and_bypassed(tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    db = sqlite3.connect(cache_dir / CACHE_FILE)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = (cache_dir / CACHE_FILE).read_bytes()
    cache = FingerprintCache(str(cache_dir))
    assert not cache.active
    assert "newer PhotoDedup" in cache.warnings[0]
    assert (cache_dir / CACHE_FILE).read_bytes() == before


def test_locked_cache_is_bypassed_with_a_warning(tmp_path, make_photo, monkeypatch):
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_SECONDS", 0.2)  # the lock never goes
    cache_dir = tmp_path / "cache"
    make_photo(tmp_path / "p/a.jpg", 1)
    files = _fill(cache_dir, tmp_path / "p")
    other = sqlite3.connect(cache_dir / CACHE_FILE, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        cache = FingerprintCache(str(cache_dir))
        cache.store([fingerprint_path(files[0].path)])  # must not raise
        assert cache.warnings
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_two_writers_do_not_corrupt_the_cache(tmp_path, make_photo):
    cache_dir = tmp_path / "cache"
    for i in range(6):
        make_photo(tmp_path / f"p/{i}.jpg", i, (200, 150))
    files = _files(tmp_path / "p")
    fps = [fingerprint_path(f.path) for f in files]
    a, b = FingerprintCache(str(cache_dir)), FingerprintCache(str(cache_dir))
    for fp in fps:
        a.store([fp])
        b.store([fp])
    assert a.warnings == b.warnings == []
    a.close()
    assert set(b.lookup(files)) == {f.path for f in files}
    db = sqlite3.connect(cache_dir / CACHE_FILE)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_unusable_cache_folder_is_bypassed(tmp_path, make_photo):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the cache folder should be")
    make_photo(tmp_path / "p/a.jpg", 1)
    cache = FingerprintCache(str(blocker / "cache"))
    assert not cache.active
    assert "cannot be created" in cache.warnings[0]
    files = _files(tmp_path / "p")
    cache.store([fingerprint_path(files[0].path)])  # must not raise
    assert cache.lookup(files) == {}


def test_knows_folder_says_whether_a_folder_was_scanned_before(tmp_path, make_photo, monkeypatch):
    photos = tmp_path / "photos"
    make_photo(photos / "sub" / "a.jpg", 1)
    make_photo(tmp_path / "photos2" / "b.jpg", 2)  # a sibling whose name starts the same
    _fill(tmp_path / "cache", photos)
    cache = FingerprintCache(str(tmp_path / "cache"))
    assert cache.knows_folder(str(photos))
    assert cache.knows_folder(str(photos / "sub"))
    assert cache.knows_folder(str(tmp_path))
    assert not cache.knows_folder(str(tmp_path / "photos2"))
    assert not cache.knows_folder(str(photos / "su"))
    # Fingerprints of another algorithm version do not count: every photo is decoded again.
    monkeypatch.setattr(cache_module, "ALGORITHM_VERSION", cache_module.ALGORITHM_VERSION + 1)
    assert not cache.knows_folder(str(photos))
    assert not FingerprintCache(enabled=False).knows_folder(str(photos))


def test_knows_any_folder_reads_without_changing_anything(tmp_path, make_photo):
    photos = tmp_path / "photos"
    make_photo(photos / "a.jpg", 1)
    cache_dir = tmp_path / "cache"
    assert not knows_any_folder(str(cache_dir), [str(photos)])
    assert not cache_dir.exists()  # a missing cache is not created by asking
    _fill(cache_dir, photos)
    assert knows_any_folder(str(cache_dir), [str(tmp_path / "other"), str(photos)])
    assert not knows_any_folder(str(cache_dir), [str(tmp_path / "other")])
    damaged = b"this is not a database" * 100
    (cache_dir / CACHE_FILE).write_bytes(damaged)
    assert not knows_any_folder(str(cache_dir), [str(photos)])
    assert (cache_dir / CACHE_FILE).read_bytes() == damaged  # left for the scan to report


def test_comparison_answers_of_another_decoding_or_comparison_are_asked_again(
    tmp_path, monkeypatch
):
    key = ("a" * 32, "b" * 32, 0)
    cache = FingerprintCache(str(tmp_path))
    cache.store_pair_shares({key: 0.001})
    assert cache.pair_shares([key]) == {key: 0.001}
    cache.close()
    for bumped in ("ALGORITHM_VERSION", "COMPARISON_VERSION"):
        with monkeypatch.context() as m:
            m.setattr(cache_module, bumped, getattr(cache_module, bumped) + 1)
            again = FingerprintCache(str(tmp_path))
            assert again.pair_shares([key]) == {}, bumped
            again.close()
