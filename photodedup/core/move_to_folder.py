"""Move the marked files to a folder the user chose, instead of the system trash.

Each file goes to DEST/<scanned folder's name>/<its path under that folder>; a name that is
taken gets " (2)", " (3)"... The batch is the trash's (core/trash.py): the same checks before
each file, the same journal, the same restore. Within a volume a file is hard-linked then
unlinked (never replacing anything); across volumes it is copied, synced, compared byte for
byte with the original, and only then is the original removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Sequence

from photodedup.core import journal, xdg_trash
from photodedup.core.journal import Entry, Journal, RestoreOutcome, RestoreReport
from photodedup.core.models import CancelToken
from photodedup.core.trash import TrashPlan, TrashProgress, TrashReport, execute_plan

CHUNK = 1 << 20
PARTIAL = ".photodedup-partial"


class DestinationError(ValueError):
    """The chosen folder cannot take the files; nothing was moved."""


def _within(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def destination_problem(dest: str, roots: Sequence[str], create: bool = True) -> str:
    """Why ``dest`` cannot take files scanned under ``roots`` ("" when it can).

    Refused, rather than left out of the next scan, when it is inside a scanned folder (or holds
    one): the moved copies would otherwise sit among the photos and be found again. With
    ``create`` the folder is made and a file written to it, so an unwritable one is refused now.
    """
    for root in roots:
        if _within(dest, root):
            return f"{dest} is inside the scanned folder {root}: choose a folder outside it"
        if _within(root, dest):
            return f"{dest} holds the scanned folder {root}: choose a folder outside it"
    if not create and not os.path.isdir(dest):
        return "" if not os.path.lexists(dest) else f"{dest} is not a folder"
    try:
        if create:
            os.makedirs(dest, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".photodedup-probe-", dir=dest)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return f"{dest} is not writable: {exc.strerror or exc}"
    return ""


def free_name(path: str) -> str:
    """``path``, or "name (2).ext", "name (3).ext"... the first that does not exist."""
    stem, ext = os.path.splitext(path)
    n = 1
    while os.path.lexists(path):
        n += 1
        path = f"{stem} ({n}){ext}"
    return path


def place_in(dest: str, path: str, roots: Sequence[str]) -> str:
    """Where ``path`` goes under ``dest``: under its scanned folder's name, as it was there."""
    inside = [r for r in roots if _within(path, r)]
    if inside:
        root = os.path.realpath(max(inside, key=lambda r: len(os.path.realpath(r))))
        name = os.path.basename(root.rstrip(os.sep))
        rel = os.path.relpath(os.path.realpath(path), root)
        return os.path.join(dest, name, rel) if name else os.path.join(dest, rel)
    # Not under a scanned folder (an edited results file): keep its whole path.
    return os.path.join(dest, os.path.splitdrive(os.path.abspath(path))[1].lstrip(os.sep))


def same_bytes(a: str, b: str) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            ca, cb = fa.read(CHUNK), fb.read(CHUNK)
            if ca != cb:
                return False
            if not ca:
                return True


def copy_verified(src: str, dst: str) -> None:
    """Copy ``src`` to a new ``dst``, sync and compare it, then remove ``src``.

    The copy is written as "<dst>.photodedup-partial" and named ``dst`` only once verified; on
    a failure it is removed and ``src`` stays. A killed process leaves the original in place
    and at most a file whose name says it is partial, never a truncated ``dst``.
    """
    if os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        os.unlink(src)
        return
    part = dst + PARTIAL
    with open(src, "rb") as fin:
        fout = open(part, "xb")  # noqa: SIM115 - closed below; part must be ours before cleanup
        try:
            with fout:
                shutil.copyfileobj(fin, fout, CHUNK)
                fout.flush()
                os.fsync(fout.fileno())
            shutil.copystat(src, part)
            if not same_bytes(src, part):
                raise OSError(errno.EIO, "the copy differs from the original")
            _name(part, dst)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(part)
            raise
    os.unlink(src)


def _name(part: str, dst: str) -> None:
    """Give the verified copy its name, never replacing a file that took it meanwhile."""
    try:
        os.link(part, dst)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this volume
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "a file exists there", dst) from None
        os.rename(part, dst)
        return
    os.unlink(part)


class FolderMover:
    """Sends each file of a batch under ``dest`` (see the module docstring)."""

    action = journal.MOVE

    def __init__(self, dest: str, roots: Sequence[str]) -> None:
        self.dest = os.path.abspath(dest)
        self.roots = tuple(roots)
        self.failure = f"moved to {self.dest}"

    def target(self, path: str) -> str:
        return free_name(place_in(self.dest, path, self.roots))

    def move(self, path: str, target: str) -> str:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            os.link(path, target, follow_symlinks=False)  # fails, never replaces, when taken
        except FileExistsError:
            raise
        except OSError:
            # Another volume, or no hard links there (FAT, some network shares).
            copy_verified(path, target)
            return target
        os.unlink(path)
        return target


def execute_move(
    plan: TrashPlan,
    dest: str,
    roots: Sequence[str],
    progress: TrashProgress | None = None,
    cancel: CancelToken | None = None,
) -> TrashReport:
    """Move the plan's files under ``dest``, journalled like a trash batch.

    Raises DestinationError, before anything moves, when ``dest`` is refused.
    """
    problem = destination_problem(dest, roots)
    if problem:
        raise DestinationError(problem)
    return execute_plan(plan, progress, cancel, mover=FolderMover(dest, roots))


def move_back(
    jnl: Journal, batch_id: str, entries: list[Entry], report: RestoreReport
) -> RestoreReport:
    """Restore a "move to folder" batch: each file back from the folder (any platform)."""
    # A pending entry with a target may have moved just before the app was closed.
    todo = [
        e
        for e in entries
        if not e.restored_to
        and e.trash_path
        and e.outcome in (journal.Outcome.MOVED, journal.Outcome.PENDING)
    ]
    for entry in todo:
        if entry.outcome is journal.Outcome.PENDING and _holds(entry.path, entry.digest):
            continue  # interrupted before it moved: the original never left
        if not _holds(entry.trash_path, entry.digest):
            if entry.outcome is journal.Outcome.PENDING:
                continue  # never moved: the batch stopped before it
            reason = (
                "changed in the folder it was moved to: left there"
                if os.path.lexists(entry.trash_path)
                else f"no longer in {os.path.dirname(entry.trash_path)}"
            )
            report.failed.append((entry.path, reason))
            jnl.record_restore(entry, RestoreOutcome.FAILED, reason=reason)
            continue
        try:
            os.makedirs(os.path.dirname(entry.path), exist_ok=True)
            dest = _move_beside(entry.trash_path, entry.path)
        except OSError as exc:
            reason = f"could not move it back: {exc.strerror or exc}"
            report.failed.append((entry.path, reason))
            jnl.record_restore(entry, RestoreOutcome.FAILED, reason=reason)
            continue
        report.restored.append((entry.trash_path, dest))
        jnl.record_restore(entry, RestoreOutcome.RESTORED, restored_to=dest)
    if not todo and not report.restored and not report.failed:
        report.message = f"nothing to restore in batch {batch_id}"
    return report


def _holds(path: str, digest: str) -> bool:
    try:
        return bool(digest) and journal.file_digest(path) == digest
    except OSError:
        return False


def _move_beside(src: str, original: str) -> str:
    """Move ``src`` back to ``original``, or beside it when that name is taken; where it went."""
    for dest in xdg_trash.beside_names(original):
        if os.path.lexists(dest):
            continue
        try:
            xdg_trash.move_no_overwrite(src, dest)
        except FileExistsError:
            continue
        return dest
    raise AssertionError("beside_names never ends")
