"""Plan which marked files go to the trash and move them, re-checking each file first."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from send2trash import send2trash

from photodedup.core import live_photo, merge, xdg_trash
from photodedup.core.journal import Journal, JournalError, Outcome, file_digest
from photodedup.core.models import (
    CancelToken,
    Companion,
    CompanionKind,
    DuplicateGroup,
    GroupMember,
)
from photodedup.core.review import is_kept

TrashProgress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class KeptFile:
    """A file of the group that stays, with the size and modified time the scan saw."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class TrashItem:
    """One file to move, with what makes it safe to move: the kept files of its group."""

    path: str
    size: int
    mtime_ns: int
    digest: str  # from the scan; "" when unknown
    group_id: int
    reason: str  # the engine's words for this file
    kept: tuple[KeptFile, ...]
    keeper_reason: str  # why the first kept file is kept
    # A companion (sidecar, Live Photo video) moves only right after its photo moved, and a
    # shared one only when none of the other photos it belongs to is left on disk.
    companion_of: str = ""
    shared_with: tuple[str, ...] = ()
    companion_kind: CompanionKind | None = None

    @property
    def keeper(self) -> str:
        return self.kept[0].path


@dataclass(frozen=True, slots=True)
class RefusedGroup:
    """A group left untouched, and why."""

    group_id: int
    paths: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class TrashPlan:
    items: tuple[TrashItem, ...]
    refused: tuple[RefusedGroup, ...]
    # Per group with files leaving it: whose metadata may go to the keeper's sidecar.
    merges: tuple[merge.MergeSource, ...] = ()

    @property
    def total_bytes(self) -> int:
        return sum(item.size for item in self.items)


@dataclass(slots=True)
class TrashReport:
    """What a batch did. ``batch_id`` is "" when there was nothing to move."""

    batch_id: str
    moved: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    written: list[str] = field(default_factory=list)  # kept copies' sidecars given metadata


class Mover(Protocol):
    """Where a batch sends files: the system trash, or a folder (core/move_to_folder.py)."""

    action: str  # journalled with the batch: restore reads it
    failure: str  # "could not be <failure>: <why>"

    def target(self, path: str) -> str:
        """Where ``path`` will go, journalled before it moves ("" when only known after)."""
        ...

    def move(self, path: str, target: str) -> str:
        """Move ``path`` (to ``target``); where it went ("" when unknown). Raises on failure."""
        ...


class SystemTrash:
    """send2trash, and where it put the file."""

    action = "trash"
    failure = "moved to the trash"

    def target(self, path: str) -> str:
        return ""

    def move(self, path: str, target: str) -> str:
        send2trash(path)
        return _trash_location(path)


def _moving(
    groups: Sequence[DuplicateGroup],
    keep: Callable[[str], bool] | None,
    refused: list[RefusedGroup] | None = None,
) -> Iterator[tuple[DuplicateGroup, GroupMember, list[GroupMember]]]:
    """(group, member to move, the group's kept members), each marked file once.

    Groups without a kept file are refused whole (appended to ``refused``).
    """
    flags = [[is_kept(m, keep) for m in g.members] for g in groups]
    kept_anywhere = {
        m.path
        for g, f in zip(groups, flags, strict=True)
        for m, k in zip(g.members, f, strict=True)
        if k
    }
    planned: set[str] = set()
    for group, flag in zip(groups, flags, strict=True):
        kept = [m for m, k in zip(group.members, flag, strict=True) if k]
        if not kept:
            if refused is not None:
                paths = tuple(m.path for m in group.members)
                reason = "no file of this group is kept: refused whole"
                refused.append(RefusedGroup(group.id, paths, reason))
            continue
        for m, k in zip(group.members, flag, strict=True):
            # A path kept in another group, or listed twice, must never be trashed or moved twice.
            if k or m.path in kept_anywhere or m.path in planned:
                continue
            planned.add(m.path)
            yield group, m, kept


#: How a companion is named in a plan and in the CLI.
COMPANION_LABELS = {
    CompanionKind.XMP: "XMP sidecar",
    CompanionKind.TAKEOUT: "Google Takeout metadata",
    CompanionKind.AAE: "iPhone edits (.AAE)",
    CompanionKind.LIVE_VIDEO: "Live Photo video",
}


def _travelling(
    moving: Sequence[GroupMember],
    groups: Sequence[DuplicateGroup],
    keep: Callable[[str], bool] | None,
) -> dict[str, list[Companion]]:
    """The companions that go with the moving photos, by the path of the photo they go with.

    A companion of a kept file stays. A shared one goes with the last moving photo that uses
    it, and only when each other photo using it moves too or is gone from the disk already.
    """
    staying = {
        c.path
        for g in groups
        for m in g.members
        if m.fingerprint.companions and is_kept(m, keep)
        for c in m.fingerprint.companions
    }
    paths = {m.path for m in moving}
    last: dict[str, tuple[str, Companion]] = {}
    for m in moving:
        for c in m.fingerprint.companions:
            if c.path in staying:
                continue
            if any(o not in paths and os.path.lexists(o) for o in c.shared_with):
                continue
            last[c.path] = (m.path, c)
    out: dict[str, list[Companion]] = {}
    for owner, c in last.values():
        out.setdefault(owner, []).append(c)
    return out


def plan_trash(
    groups: Sequence[DuplicateGroup], keep: Callable[[str], bool] | None = None
) -> TrashPlan:
    """The files to move (marked, never reference files) and the groups refused whole.

    Each photo is followed by the companions that travel with it (``_travelling``).
    """
    refused: list[RefusedGroup] = []
    moving = list(_moving(groups, keep, refused))
    companions = _travelling([m for _g, m, _k in moving], groups, keep)
    items: list[TrashItem] = []
    leaving: dict[int, tuple[GroupMember, list[GroupMember]]] = {}
    for group, m, kept in moving:
        leaving.setdefault(group.id, (kept[0], []))[1].append(m)
        kept_files = tuple(
            KeptFile(k.path, k.fingerprint.size, k.fingerprint.mtime_ns) for k in kept
        )
        items.append(
            TrashItem(
                path=m.fingerprint.path,
                size=m.fingerprint.size,
                mtime_ns=m.fingerprint.mtime_ns,
                digest=m.fingerprint.digest,
                group_id=group.id,
                reason=m.reason,
                kept=kept_files,
                keeper_reason=kept[0].reason,
            )
        )
        name = os.path.basename(m.path)
        items.extend(
            TrashItem(
                path=c.path,
                size=c.size,
                mtime_ns=c.mtime_ns,
                digest="",
                group_id=group.id,
                reason=f"{COMPANION_LABELS[c.kind]} of {name}",
                kept=kept_files,
                keeper_reason=kept[0].reason,
                companion_of=m.path,
                shared_with=c.shared_with,
                companion_kind=c.kind,
            )
            for c in companions.get(m.path, ())
        )
    merges = tuple(
        merge.MergeSource(
            keeper.path,
            keeper.fingerprint.companions,
            tuple((m.path, m.fingerprint.companions) for m in gone),
        )
        for keeper, gone in leaving.values()
    )
    return TrashPlan(items=tuple(items), refused=tuple(refused), merges=merges)


def trash_totals(
    groups: Sequence[DuplicateGroup], keep: Callable[[str], bool] | None = None
) -> tuple[int, int]:
    """Number and total bytes of the files ``plan_trash`` would move, without building it."""
    moving = [m for _group, m, _kept in _moving(groups, keep)]
    companions = _travelling(moving, groups, keep)
    travelling = [c for found in companions.values() for c in found]
    count = len(moving) + len(travelling)
    return count, sum(m.fingerprint.size for m in moving) + sum(c.size for c in travelling)


def _check_companion(item: TrashItem, moved: set[str], foreign: set[str]) -> str:
    """Why a companion must not move now, or "" when it goes with its photo."""
    if item.companion_of not in moved:
        return "stays with its photo, which was not moved"
    if item.path in foreign:
        return "its Live Photo content identifier is another photo's"
    if any(os.path.lexists(other) for other in item.shared_with):
        return "another photo it belongs to is still there"
    return _check_unchanged(item)[0]


def _check_unchanged(item: TrashItem) -> tuple[str, os.stat_result | None]:
    """Why ``item`` is no longer the file the scan saw ("" when it still is), and its stat."""
    try:
        st = os.stat(item.path, follow_symlinks=not item.companion_of)
    except FileNotFoundError:
        return "no longer exists", None
    except OSError as exc:
        return f"cannot be checked: {exc.strerror or exc}", None
    if not stat.S_ISREG(st.st_mode):
        return "is no longer a regular file", st
    if st.st_size != item.size:
        return f"changed since the scan (size {st.st_size} instead of {item.size})", st
    if st.st_mtime_ns != item.mtime_ns:
        return "changed since the scan (modified time differs)", st
    return "", st


def _check_file(item: TrashItem) -> str:
    """Why ``item`` must not move now, or "" when it is still the file the scan saw."""
    reason, st = _check_unchanged(item)
    if reason or st is None:
        return reason
    for kept in item.kept:
        try:
            kst = os.stat(kept.path)
        except OSError:
            continue
        # A keeper replaced since the scan, even by a file of the same size, vouches for nothing.
        if (
            not stat.S_ISREG(kst.st_mode)
            or kst.st_size != kept.size
            or kst.st_mtime_ns != kept.mtime_ns
        ):
            continue
        if (kst.st_dev, kst.st_ino) == (st.st_dev, st.st_ino):
            continue  # the kept path is this very file (link): it cannot vouch for it
        return ""
    return "no kept copy of this photo is left on disk (its keeper is missing or changed)"


def _trash_location(path: str) -> str:
    """Where ``path`` went in the trash, or "" when unknown: restore finds it anyway."""
    if sys.platform in ("win32", "darwin"):
        return ""
    try:
        return found.files_path if (found := xdg_trash.locate(path)) else ""
    except Exception:  # the file has moved: failing to find it must not hide that it did
        return ""


def execute_plan(
    plan: TrashPlan,
    progress: TrashProgress | None = None,
    cancel: CancelToken | None = None,
    merge_metadata: bool = False,
    mover: Mover | None = None,
) -> TrashReport:
    """Move the plan's files to the trash (or ``mover``), journalled; skip what is not safe.

    With ``merge_metadata``, what the moved copies knew and their keeper lacks is then
    written to the keeper's XMP sidecar (core/merge.py), in the same batch.
    Raises JournalError, before anything moves, when the journal cannot be written.
    """
    items = plan.items
    if not items:
        return TrashReport(batch_id="")
    # Read before anything moves: the copies are in the trash afterwards.
    known = [(s, merge.gather(s)) for s in plan.merges] if merge_metadata else []
    mover = mover or SystemTrash()
    with Journal() as journal:
        batch_id = journal.begin_batch(
            ((i.path, i.size, i.mtime_ns, i.digest) for i in items), mover.action
        )
        report = TrashReport(batch_id=batch_id)
        moved: set[str] = set()  # the photos moved so far: their companions may follow
        foreign: set[str] = set()  # Live Photo videos whose identifier is not their photo's
        videos: dict[str, list[str]] = {}
        for i in items:
            if i.companion_kind is CompanionKind.LIVE_VIDEO:
                videos.setdefault(i.companion_of, []).append(i.path)
        stopped = ""  # why the remaining files stay: "cancelled", or the journal failed
        writable = True  # False once a journal write failed: nothing more may move
        for seq, item in enumerate(items):
            if progress is not None:
                progress(seq, len(items), item.path)
            if not stopped and cancel is not None and cancel.cancelled:
                stopped = "cancelled"
                report.cancelled = True
            if stopped:
                report.skipped.append((item.path, stopped))
                if writable:
                    writable = not _record(journal, batch_id, seq, Outcome.SKIPPED, stopped)
                continue
            # Read while the photo is still in place: its video follows it only if they match.
            foreign.update(
                v for v in videos.get(item.path, ()) if live_photo.mismatched(item.path, v)
            )
            try:
                outcome, reason, where = _move_one(
                    journal, batch_id, seq, item, moved, foreign, mover
                )
            except JournalError as exc:
                # Without a journal a move could not be undone: stop moving, keep reporting.
                stopped = f"not moved: {exc}"
                writable = False
                report.skipped.append((item.path, stopped))
                continue
            if outcome is Outcome.MOVED:
                report.moved.append(item.path)
                moved.add(item.path)
            else:
                report.skipped.append((item.path, reason))
            failure = _record(journal, batch_id, seq, outcome, reason, where)
            if failure:
                stopped, writable = failure, False
        if writable:
            _merge_moved(journal, batch_id, known, moved, report)
        if writable:
            # An unfinished batch only shows as "interrupted": the report still matters more.
            with contextlib.suppress(JournalError):
                journal.finish(batch_id)
        if progress is not None:
            progress(len(items), len(items), "")
        return report


def _merge_moved(
    journal: Journal,
    batch_id: str,
    known: list[tuple[merge.MergeSource, tuple[merge.Metadata, dict[str, merge.Metadata]]]],
    moved: set[str],
    report: TrashReport,
) -> None:
    """Write into each keeper's sidecar what its moved copies knew and it lacks."""
    for source, (have, copies) in known:
        found = merge.missing(have, [m for path, m in copies.items() if path in moved])
        if found.empty:
            continue
        try:
            report.written.append(merge.write_sidecar(journal, batch_id, source, found))
        except JournalError as exc:
            report.skipped.append((merge.sidecar_for(source), f"metadata not kept: {exc}"))
            return
        except Exception as exc:  # exiv2 or the disk: the files moved, the report says why
            detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            report.skipped.append((merge.sidecar_for(source), f"metadata not kept: {detail}"))


def _record(
    journal: Journal, batch_id: str, seq: int, outcome: Outcome, reason: str, where: str = ""
) -> str:
    """Record one file's outcome; "" when done, else why the journal failed.

    A pending entry without a recorded outcome is still read right by restore (its digest
    says whether it moved), so a failed write only stops the batch, never loses the report.
    """
    try:
        journal.record(batch_id, seq, outcome, reason, where)
    except JournalError as exc:
        return f"not moved: {exc}"
    return ""


def _move_one(
    journal: Journal,
    batch_id: str,
    seq: int,
    item: TrashItem,
    moved: set[str],
    foreign: set[str],
    mover: Mover,
) -> tuple[Outcome, str, str]:
    reason = _check_companion(item, moved, foreign) if item.companion_of else _check_file(item)
    if reason:
        return Outcome.SKIPPED, reason, ""
    try:
        digest = file_digest(item.path)
    except OSError as exc:
        return Outcome.SKIPPED, f"cannot be read: {exc.strerror or exc}", ""
    if item.digest and digest != item.digest:
        return Outcome.SKIPPED, "changed since the scan (content differs)", ""
    try:
        target = mover.target(item.path)
    except OSError as exc:
        return Outcome.SKIPPED, f"could not be {mover.failure}: {exc.strerror or exc}", ""
    # The digest of the very bytes about to move, and where they go, are committed first.
    journal.set_digest(batch_id, seq, digest, target)
    try:
        where = mover.move(item.path, target)
    except Exception as exc:  # send2trash raises OSError, TrashPermissionError and others
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return Outcome.SKIPPED, f"could not be {mover.failure}: {detail}", ""
    return Outcome.MOVED, "", where
