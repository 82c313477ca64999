"""Fingerprint cache in SQLite (WAL), keyed by path, size, mtime_ns and algorithm version.

It also keeps what the pixel comparison of graphics (core/detail.py) found for each pair of
files, keyed by both files' content digests, so a rescan decodes no file for it again.

The cache is never a reason for a scan to fail: a corrupt or foreign file is moved aside and
rebuilt, a newer app's cache is left alone, and a locked or read-only one is bypassed; each
case adds a warning for the user instead.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import platformdirs

from .models import ALGORITHM_VERSION, COMPARISON_VERSION, Fingerprint, ImageFile

SCHEMA_VERSION = 2
CACHE_FILE = "fingerprints.sqlite3"
_BATCH = 900  # SQLite's historic limit on bound parameters is 999
_PACK = struct.Struct(">8Q")

_COLUMNS = (
    "path, size, mtime_ns, version, digest, pixel_digest, width, height, format, "
    "phashes, dhashes, thumb, flat, taken, camera, "
    "content_width, content_height, quality, custom_tables, damaged"
)
_PLACEHOLDERS = ",".join("?" * len(_COLUMNS.split(",")))
_CREATE = f"""
CREATE TABLE IF NOT EXISTS fingerprints (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    version INTEGER NOT NULL, digest TEXT NOT NULL, pixel_digest TEXT NOT NULL,
    width INTEGER NOT NULL, height INTEGER NOT NULL, format TEXT NOT NULL,
    phashes BLOB NOT NULL, dhashes BLOB NOT NULL, thumb BLOB NOT NULL,
    flat INTEGER NOT NULL, taken TEXT NOT NULL, camera TEXT NOT NULL,
    content_width INTEGER NOT NULL, content_height INTEGER NOT NULL, quality INTEGER NOT NULL,
    custom_tables INTEGER NOT NULL, damaged INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pair_shares (
    a TEXT NOT NULL, b TEXT NOT NULL, variant INTEGER NOT NULL, version INTEGER NOT NULL,
    share REAL NOT NULL, PRIMARY KEY (a, b, variant)
) WITHOUT ROWID;
PRAGMA user_version = {SCHEMA_VERSION};
"""


def _pair_version() -> int:
    """The version the pixel comparison's answers are kept under: they depend on the
    decoding too."""
    return ALGORITHM_VERSION * 100 + COMPARISON_VERSION


def default_cache_dir() -> str:
    return platformdirs.user_cache_dir("photodedup", appauthor=False)


def _row_to_fingerprint(row: tuple) -> Fingerprint:
    (path, size, mtime_ns, _version, digest, pixel_digest, width, height, fmt) = row[:9]
    phashes, dhashes, thumb, flat, taken, camera = row[9:15]
    content_width, content_height, quality, custom_tables, damaged = row[15:]
    return Fingerprint(
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        digest=digest,
        pixel_digest=pixel_digest,
        width=width,
        height=height,
        format=fmt,
        phashes=_PACK.unpack(phashes),
        dhashes=_PACK.unpack(dhashes),
        thumb=bytes(thumb),
        flat=bool(flat),
        taken=taken,
        camera=camera,
        content_width=content_width,
        content_height=content_height,
        quality=quality,
        custom_tables=bool(custom_tables),
        damaged=bool(damaged),
    )


def _fingerprint_to_row(fp: Fingerprint) -> tuple:
    return (
        fp.path,
        fp.size,
        fp.mtime_ns,
        ALGORITHM_VERSION,
        fp.digest,
        fp.pixel_digest,
        fp.width,
        fp.height,
        fp.format,
        _PACK.pack(*fp.phashes),
        _PACK.pack(*fp.dhashes),
        fp.thumb,
        int(fp.flat),
        fp.taken,
        fp.camera,
        fp.content_width,
        fp.content_height,
        fp.quality,
        int(fp.custom_tables),
        int(fp.damaged),
    )


#: A pair of files for the pixel comparison: both content digests and how the second is turned.
PairKey = tuple[str, str, int]

#: How long a write waits for another process's lock before the cache is bypassed.
BUSY_TIMEOUT_SECONDS = 5.0


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def knows_any_folder(cache_dir: str | None, folders: Iterable[str]) -> bool:
    """Whether the cache holds a fingerprint of this version under any of ``folders``
    (absolute paths), read without changing anything: a missing, locked or damaged cache
    answers False, and is dealt with (and reported) when the scan opens it."""
    path = os.path.join(cache_dir or default_cache_dir(), CACHE_FILE)
    if not os.path.isfile(path):
        return False
    try:
        db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True, timeout=0.1)
    except sqlite3.Error:
        return False
    try:
        return any(_knows(db, folder) for folder in folders)
    except sqlite3.Error:
        return False
    finally:
        db.close()


def _knows(db: sqlite3.Connection, folder: str) -> bool:
    inside = folder.rstrip(os.sep) + os.sep
    # Paths under the folder sort between "folder/" and "folder0" ("0" follows "/").
    beyond = inside[:-1] + chr(ord(os.sep) + 1)
    row = db.execute(
        "SELECT 1 FROM fingerprints WHERE path >= ? AND path < ? AND version = ? LIMIT 1",
        (inside, beyond, ALGORITHM_VERSION),
    ).fetchone()
    return row is not None


class FingerprintCache:
    """A fingerprint store; with ``enabled=False`` (or after a fault) it stores nothing."""

    def __init__(self, cache_dir: str | None = None, enabled: bool = True) -> None:
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None
        if not enabled:
            return
        folder = cache_dir or default_cache_dir()
        self.path = os.path.join(folder, CACHE_FILE)
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            self.warnings.append(
                f"Cache folder {folder} cannot be created ({exc.strerror}); "
                "scanning without a cache."
            )
            return
        self._db = self._open()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        return db

    def _open(self) -> sqlite3.Connection | None:
        try:
            db = self._connect()
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                db.close()
                self.warnings.append(
                    f"The cache {self.path} was written by a newer PhotoDedup; it is left as it "
                    "is and this scan runs without a cache."
                )
                return None
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            if version < SCHEMA_VERSION and tables == {"fingerprints"}:
                # An older PhotoDedup's cache: its rows lack today's columns, so start afresh.
                db.execute("DROP TABLE fingerprints")
                tables = set()
            if version == SCHEMA_VERSION and "fingerprints" in tables:
                # (pair_shares came later within this schema: created below when missing.)
                cols = [r[1] for r in db.execute("PRAGMA table_info(fingerprints)")]
                if ", ".join(cols) != _COLUMNS:
                    raise sqlite3.DatabaseError("unexpected cache layout")
            elif tables:
                raise sqlite3.DatabaseError("not a PhotoDedup cache")
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(_CREATE)
            return db
        except sqlite3.OperationalError as exc:
            # Locked by another program, or a read-only file or folder: leave it untouched.
            self.warnings.append(
                f"The cache {self.path} cannot be used ({exc}); this scan runs without a cache."
            )
            return None
        except sqlite3.DatabaseError as exc:
            return self._rebuild(str(exc))

    def _rebuild(self, why: str) -> sqlite3.Connection | None:
        aside = f"{self.path}.broken-{time.strftime('%Y%m%d-%H%M%S')}"
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                if os.path.exists(self.path + suffix):
                    os.replace(self.path + suffix, aside + suffix)
            db = self._connect()
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(_CREATE)
        except (OSError, sqlite3.Error) as exc:
            self.warnings.append(
                f"The cache {self.path} is damaged ({why}) and cannot be "
                f"replaced ({exc}); this scan runs without a cache."
            )
            return None
        self.warnings.append(f"The cache was damaged ({why}); it was moved to {aside} and rebuilt.")
        return db

    @property
    def active(self) -> bool:
        return self._db is not None

    def knows_folder(self, folder: str) -> bool:
        """Whether any file under ``folder`` (an absolute path) has a fingerprint of this
        version here: False means a first scan of it, where every photo will be decoded."""
        if self._db is None:
            return False
        try:
            return _knows(self._db, folder)
        except sqlite3.Error as exc:
            self._fault(f"reading failed ({exc})")
            return False

    def lookup(self, files: Iterable[ImageFile]) -> dict[str, Fingerprint]:
        """Cached fingerprints of the files whose size and mtime are unchanged."""
        wanted = {f.path: f for f in files}
        if self._db is None or not wanted:
            return {}
        hits: dict[str, Fingerprint] = {}
        try:
            for batch in _chunks(list(wanted), _BATCH):
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(
                    f"SELECT {_COLUMNS} FROM fingerprints WHERE version = ? AND path IN ({marks})",
                    (ALGORITHM_VERSION, *batch),
                )
                for row in rows:
                    f = wanted[row[0]]
                    if row[1] == f.size and row[2] == f.mtime_ns:
                        hits[f.path] = _row_to_fingerprint(row)
        except (sqlite3.Error, struct.error) as exc:
            self._fault(f"reading failed ({exc})")
            return {}
        return hits

    def store(self, fingerprints: Iterable[Fingerprint]) -> None:
        """Write a batch in one short transaction; a failure disables the cache, never the scan."""
        rows = [_fingerprint_to_row(fp) for fp in fingerprints]
        if self._db is None or not rows:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    f"INSERT OR REPLACE INTO fingerprints ({_COLUMNS}) VALUES ({_PLACEHOLDERS})",
                    rows,
                )
        except sqlite3.Error as exc:
            self._fault(f"writing failed ({exc})")

    def pair_shares(self, keys: Iterable[PairKey]) -> dict[PairKey, float]:
        """What the pixel comparison found for these pairs of file digests, where known."""
        wanted = list(dict.fromkeys(keys))
        if self._db is None or not wanted:
            return {}
        found: dict[PairKey, float] = {}
        try:
            for batch in _chunks(wanted, _BATCH // 3):
                where = " OR ".join(["(a = ? AND b = ? AND variant = ?)"] * len(batch))
                rows = self._db.execute(
                    f"SELECT a, b, variant, share FROM pair_shares WHERE version = ? AND ({where})",
                    (_pair_version(), *(v for key in batch for v in key)),
                )
                found.update(((a, b, variant), share) for a, b, variant, share in rows)
        except sqlite3.Error as exc:
            self._fault(f"reading failed ({exc})")
            return {}
        return found

    def store_pair_shares(self, shares: dict[PairKey, float]) -> None:
        """Keep what the pixel comparison found (one short transaction, like ``store``)."""
        if self._db is None or not shares:
            return
        version = _pair_version()
        rows = [(a, b, variant, version, share) for (a, b, variant), share in shares.items()]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR REPLACE INTO pair_shares VALUES (?, ?, ?, ?, ?)", rows
                )
        except sqlite3.Error as exc:
            self._fault(f"writing failed ({exc})")

    def _fault(self, what: str) -> None:
        self.warnings.append(
            f"The cache {self.path} stopped working: {what}; the scan goes on without it."
        )
        self.close()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            finally:
                self._db = None
