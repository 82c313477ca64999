"""The trash journal: every batch recorded before files move, and restore from it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import sqlite3
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import platformdirs

from photodedup.core import xdg_trash

SCHEMA_VERSION = 3  # 2: entries.previous, for the files PhotoDedup writes; 3: batches.action
BUSY_TIMEOUT_S = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    platform TEXT NOT NULL,
    finished INTEGER NOT NULL DEFAULT 0,
    action TEXT NOT NULL DEFAULT 'trash'
);
CREATE TABLE IF NOT EXISTS entries (
    batch_id TEXT NOT NULL REFERENCES batches(id),
    seq INTEGER NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    trash_path TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    restored_to TEXT NOT NULL DEFAULT '',
    previous BLOB,
    PRIMARY KEY (batch_id, seq)
);
CREATE TABLE IF NOT EXISTS restores (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id TEXT NOT NULL REFERENCES batches(id),
    at TEXT NOT NULL,
    path TEXT NOT NULL,
    restored_to TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
"""


#: A batch's action: to the system trash, or to a folder the user chose.
TRASH = "trash"
MOVE = "move"


class JournalError(RuntimeError):
    """The journal cannot be opened or written; nothing may be moved without it."""


class Outcome(StrEnum):
    """What happened to one file of a batch."""

    PENDING = "pending"  # journalled, not (yet) acted on: the batch was interrupted here
    MOVED = "moved"
    SKIPPED = "skipped"
    # Written by PhotoDedup (a kept copy's XMP sidecar holding a trashed copy's metadata):
    # restore removes it, or puts back the bytes it replaced (``Entry.previous``).
    WRITTEN = "written"


class RestoreOutcome(StrEnum):
    RESTORED = "restored"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of a batch as the journal knows it."""

    batch_id: str
    seq: int
    path: str
    size: int
    mtime_ns: int
    digest: str
    outcome: Outcome
    reason: str
    trash_path: str
    restored_to: str
    previous: bytes | None = None  # a written file's bytes before (None: it did not exist)


@dataclass(frozen=True, slots=True)
class Batch:
    """A trash batch in summary."""

    id: str
    created: str  # local time, ISO 8601
    total: int
    moved: int
    skipped: int
    pending: int
    restored: int  # files put back so far
    finished: bool
    action: str = TRASH


@dataclass(slots=True)
class RestoreReport:
    """What a restore did: (trash path, restored path) pairs and (path, reason) failures."""

    batch_id: str
    restored: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    automatic: bool = True  # False where restore is not implemented (Windows, macOS)
    message: str = ""


def default_path() -> str:
    return os.path.join(
        platformdirs.user_data_dir("photodedup", appauthor=False), "journal.sqlite3"
    )


def file_digest(path: str) -> str:
    """``fingerprint.digest_bytes`` of the file (blake2b-128), read in chunks: they must agree."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Journal:
    """SQLite journal in WAL mode: the app and the CLI may write it at the same time."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or default_path()
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise JournalError(f"cannot open the trash journal {self.path}: {exc}") from exc
        except OSError as exc:
            raise JournalError(f"cannot create the trash journal {self.path}: {exc}") from exc
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self._prepare()
                return
            except sqlite3.OperationalError as exc:
                # Where waiting could deadlock (two connections setting up WAL mode or the
                # schema of a new journal at once), SQLite answers "locked" without calling
                # the busy handler: try again for as long as a write would wait.
                if "locked" in str(exc) and time.monotonic() < deadline:
                    time.sleep(0.02)
                    continue
                self._db.close()
                raise JournalError(f"cannot open the trash journal {self.path}: {exc}") from exc
            except BaseException as exc:
                self._db.close()
                if isinstance(exc, sqlite3.Error):
                    raise JournalError(f"cannot open the trash journal {self.path}: {exc}") from exc
                raise

    def _prepare(self) -> None:
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed "pending" row survives a power cut before the file moves.
        self._db.execute("PRAGMA synchronous=FULL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(f"the trash journal {self.path} was written by a newer PhotoDedup")
        self._db.executescript(_SCHEMA)
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(entries)")}
        if "previous" not in columns:  # a journal of version 1
            self._db.execute("ALTER TABLE entries ADD COLUMN previous BLOB")
        if "action" not in {r[1] for r in self._db.execute("PRAGMA table_info(batches)")}:
            self._db.execute("ALTER TABLE batches ADD COLUMN action TEXT NOT NULL DEFAULT 'trash'")
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, args: tuple) -> None:
        try:
            self._db.execute(sql, args)
        except sqlite3.Error as exc:
            raise JournalError(f"cannot write the trash journal {self.path}: {exc}") from exc

    def begin_batch(self, files: Iterable[tuple[str, int, int, str]], action: str = TRASH) -> str:
        """Record a batch of (path, size, mtime_ns, digest) as pending, in one transaction.

        ``action``: TRASH, or MOVE (``trash_path`` is then the file in the chosen folder).
        """
        batch_id = time.strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(3)
        now = _now()
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT INTO batches (id, created, platform, action) VALUES (?, ?, ?, ?)",
                (batch_id, now, sys.platform, action),
            )
            self._db.executemany(
                "INSERT INTO entries (batch_id, seq, path, size, mtime_ns, digest, outcome,"
                " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (batch_id, seq, path, size, mtime_ns, digest, Outcome.PENDING.value, now)
                    for seq, (path, size, mtime_ns, digest) in enumerate(files)
                ],
            )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise JournalError(f"cannot write the trash journal {self.path}: {exc}") from exc
        return batch_id

    def set_digest(self, batch_id: str, seq: int, digest: str, target: str = "") -> None:
        """Before a file moves: the digest of its bytes and, when known, where it goes."""
        self._write(
            "UPDATE entries SET digest = ?, trash_path = ?, updated = ?"
            " WHERE batch_id = ? AND seq = ?",
            (digest, target, _now(), batch_id, seq),
        )

    def record(
        self, batch_id: str, seq: int, outcome: Outcome, reason: str = "", trash_path: str = ""
    ) -> None:
        self._write(
            "UPDATE entries SET outcome = ?, reason = ?, trash_path = ?, updated = ?"
            " WHERE batch_id = ? AND seq = ?",
            (outcome.value, reason, trash_path, _now(), batch_id, seq),
        )

    def begin_write(self, batch_id: str, path: str, previous: bytes | None) -> int:
        """Record, before it is written, a file PhotoDedup writes in this batch; its seq."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            seq = self._db.execute(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM entries WHERE batch_id = ?", (batch_id,)
            ).fetchone()[0]
            self._db.execute(
                "INSERT INTO entries (batch_id, seq, path, size, mtime_ns, digest, outcome,"
                " updated, previous) VALUES (?, ?, ?, 0, 0, '', ?, ?, ?)",
                (batch_id, seq, path, Outcome.PENDING.value, _now(), previous),
            )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise JournalError(f"cannot write the trash journal {self.path}: {exc}") from exc
        return seq

    def written(self, batch_id: str, seq: int, size: int, mtime_ns: int, digest: str) -> None:
        """The file of ``begin_write`` is written: what it is now, so undo knows it again."""
        self._write(
            "UPDATE entries SET outcome = ?, size = ?, mtime_ns = ?, digest = ?, updated = ?"
            " WHERE batch_id = ? AND seq = ?",
            (Outcome.WRITTEN.value, size, mtime_ns, digest, _now(), batch_id, seq),
        )

    def finish(self, batch_id: str) -> None:
        self._write("UPDATE batches SET finished = 1 WHERE id = ?", (batch_id,))

    def record_restore(
        self, entry: Entry, outcome: RestoreOutcome, restored_to: str = "", reason: str = ""
    ) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT INTO restores (batch_id, at, path, restored_to, outcome, reason)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (entry.batch_id, _now(), entry.path, restored_to, outcome.value, reason),
            )
            if outcome is RestoreOutcome.RESTORED:
                self._db.execute(
                    "UPDATE entries SET restored_to = ? WHERE batch_id = ? AND seq = ?",
                    (restored_to, entry.batch_id, entry.seq),
                )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise JournalError(f"cannot write the trash journal {self.path}: {exc}") from exc

    def batches(self) -> list[Batch]:
        # Insertion order, not `created`: local times go back when summer time ends.
        rows = self._db.execute(
            "SELECT b.id, b.created, b.finished, COUNT(e.seq),"
            " SUM(e.outcome = ?), SUM(e.outcome = ?), SUM(e.outcome = ?),"
            " SUM(e.restored_to != ''), b.action"
            " FROM batches b LEFT JOIN entries e ON e.batch_id = b.id"
            " GROUP BY b.rowid ORDER BY b.rowid DESC",
            (Outcome.MOVED.value, Outcome.SKIPPED.value, Outcome.PENDING.value),
        ).fetchall()
        return [
            Batch(
                id=r[0],
                created=r[1],
                finished=bool(r[2]),
                total=r[3],
                moved=r[4] or 0,
                skipped=r[5] or 0,
                pending=r[6] or 0,
                restored=r[7] or 0,
                action=r[8],
            )
            for r in rows
        ]

    def action(self, batch_id: str) -> str:
        row = self._db.execute("SELECT action FROM batches WHERE id = ?", (batch_id,)).fetchone()
        return row[0] if row else TRASH

    def last_batch_id(self) -> str | None:
        row = self._db.execute("SELECT id FROM batches ORDER BY rowid DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def entries(self, batch_id: str) -> list[Entry]:
        if not self._db.execute("SELECT 1 FROM batches WHERE id = ?", (batch_id,)).fetchone():
            raise JournalError(f"no trash batch {batch_id!r} in the journal")
        rows = self._db.execute(
            "SELECT batch_id, seq, path, size, mtime_ns, digest, outcome, reason, trash_path,"
            " restored_to, previous FROM entries WHERE batch_id = ? ORDER BY seq",
            (batch_id,),
        ).fetchall()
        return [Entry(*r[:6], Outcome(r[6]), *r[7:10], previous=r[10]) for r in rows]


def list_batches() -> list[Batch]:
    """Every trash batch in the user's journal, newest first."""
    with Journal() as journal:
        return journal.batches()


def batch_entries(batch_id: str) -> list[Entry]:
    """The files of one batch with their outcomes (for a history view)."""
    with Journal() as journal:
        return journal.entries(batch_id)


def _content_matches(trashed: xdg_trash.TrashedFile, entry: Entry) -> bool:
    try:
        if os.path.getsize(trashed.files_path) != entry.size:
            return False
        return not entry.digest or file_digest(trashed.files_path) == entry.digest
    except OSError:
        return False


def _still_in_place(entry: Entry) -> bool:
    try:
        return file_digest(entry.path) == entry.digest
    except OSError:
        return False


def _unsupported(batch_id: str, entries: list[Entry], platform: str) -> RestoreReport:
    place = "Recycle Bin" if platform == "win32" else "Trash"
    system = "Windows" if platform == "win32" else "macOS" if platform == "darwin" else platform
    moved = [e for e in entries if e.outcome is Outcome.MOVED and not e.restored_to]
    return RestoreReport(
        batch_id=batch_id,
        failed=[(e.path, f"in the {place}: restore it from there") for e in moved],
        automatic=False,
        message=(
            f"PhotoDedup cannot restore files automatically on {system}. The {len(moved)} "
            f"file(s) of batch {batch_id} are in the {place}: open it and restore them there."
        ),
    )


def restore(batch_id: str | None = None, *, platform: str | None = None) -> RestoreReport:
    """Put the files of a batch (None: the last one) back where they were.

    A file that exists at the old path now is never replaced: the restored copy goes beside it
    as "name (restored).ext". ``platform`` defaults to sys.platform.
    """
    platform = platform or sys.platform
    with Journal() as journal:
        if batch_id is None:
            batch_id = journal.last_batch_id()
            if batch_id is None:
                raise JournalError("the trash journal has no batch to restore")
        entries = journal.entries(batch_id)
        undone = _undo_writes(journal, batch_id, entries)
        if journal.action(batch_id) == MOVE:
            # Imported here: move_to_folder builds on this module.
            from photodedup.core.move_to_folder import move_back

            return move_back(journal, batch_id, entries, undone)
        if platform in ("win32", "darwin"):
            report = _unsupported(batch_id, entries, platform)
            report.restored[:0], report.failed[:0] = undone.restored, undone.failed
            return report

        # A pending entry with a digest may have moved just before the app was closed.
        todo = [
            e
            for e in entries
            if not e.restored_to
            and (e.outcome is Outcome.MOVED or (e.outcome is Outcome.PENDING and e.digest))
        ]
        report = undone
        found = xdg_trash.index(e.path for e in todo)
        for entry in todo:
            if entry.outcome is Outcome.PENDING and _still_in_place(entry):
                continue
            candidates = found.get(os.path.normpath(entry.path), [])
            match = next((c for c in candidates if _content_matches(c, entry)), None)
            if match is None:
                if entry.outcome is Outcome.PENDING:
                    continue  # never moved: the batch stopped before it
                reason = (
                    "the trash holds a different file from this place"
                    if candidates
                    else "not found in the trash (was it emptied?)"
                )
                report.failed.append((entry.path, reason))
                journal.record_restore(entry, RestoreOutcome.FAILED, reason=reason)
                continue
            try:
                dest = xdg_trash.restore_file(match, entry.path)
            except OSError as exc:
                reason = f"could not move it back: {exc.strerror or exc}"
                report.failed.append((entry.path, reason))
                journal.record_restore(entry, RestoreOutcome.FAILED, reason=reason)
                continue
            report.restored.append((match.files_path, dest))
            journal.record_restore(entry, RestoreOutcome.RESTORED, restored_to=dest)
        if not todo and not report.restored and not report.failed:
            report.message = f"nothing to restore in batch {batch_id}"
        return report


def _undo_writes(journal: Journal, batch_id: str, entries: list[Entry]) -> RestoreReport:
    """Remove the files the batch wrote, or put back what they replaced, unless changed since."""
    report = RestoreReport(batch_id=batch_id)
    for entry in entries:
        if entry.outcome is not Outcome.WRITTEN or entry.restored_to:
            continue
        if not _still_in_place(entry):
            reason = "changed since PhotoDedup wrote it: left as it is"
            if not os.path.lexists(entry.path):
                reason = "no longer there"
            report.failed.append((entry.path, reason))
            journal.record_restore(entry, RestoreOutcome.FAILED, reason=reason)
            continue
        try:
            if entry.previous is None:
                os.remove(entry.path)
            else:
                write_whole(entry.path, entry.previous)
        except OSError as exc:
            reason = f"could not undo it: {exc.strerror or exc}"
            report.failed.append((entry.path, reason))
            journal.record_restore(entry, RestoreOutcome.FAILED, reason=reason)
            continue
        report.restored.append((entry.path, entry.path))
        journal.record_restore(entry, RestoreOutcome.RESTORED, restored_to=entry.path)
    return report


def write_whole(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (beside it, then renamed over it)."""
    tmp = f"{path}.photodedup-{secrets.token_hex(4)}.tmp"
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
