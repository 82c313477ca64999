"""Keep/trash marks of a review session; every group always keeps at least one file."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence

from photodedup.core.discovery import is_under
from photodedup.core.models import DuplicateGroup, Fingerprint, GroupMember
from photodedup.core.ranking import relabel


@dataclasses.dataclass(frozen=True, slots=True)
class Mark:
    """A file's keep/trash mark with the file's identity when it was marked.

    A later scan re-applies the mark to the same file: same path, size and modification
    time, or the same content (digest) when the file moved.
    """

    size: int
    mtime_ns: int
    digest: str
    keep: bool

    def matches(self, fp: Fingerprint) -> bool:
        return (fp.size, fp.mtime_ns) == (self.size, self.mtime_ns)


def is_kept(member: GroupMember, keep: Callable[[str], bool] | None = None) -> bool:
    """Whether a member stays: by the user's marks (``keep``) or else the engine's suggestion.

    Reference files are kept whatever the marks say: they are never candidates for the trash.
    """
    if member.reference:
        return True
    return member.keep if keep is None else bool(keep(member.path))


class Review:
    """The user's keep/trash marks over the groups of a scan.

    Marks are keyed by path (the engine puts each file in one group). Reference files are always
    kept and cannot be marked; no operation can leave a group without a kept file.
    """

    def __init__(
        self, groups: Sequence[DuplicateGroup], previous: Mapping[str, Mark] | None = None
    ) -> None:
        """A review of ``groups`` with the engine's marks, or the marks of a ``previous``
        review (``Review.marks()``) for the files that are still the same.
        """
        self._groups: list[DuplicateGroup] = []
        self._by_id: dict[int, DuplicateGroup] = {}
        self._kept: dict[str, bool] = {}
        self._version = 0
        self._totals: tuple[int, list[tuple[int, int]]] | None = None  # (version, per group)
        # Groups shown from the keeper the user chose (see ``relabel``), by group id.
        self._relabelled: dict[int, DuplicateGroup] = {}
        #: Per group id: files whose earlier mark was dropped because the file changed.
        self.changed: dict[int, tuple[str, ...]] = {}
        for group in groups:
            self._add(group)
            self._restore_engine_marks(group)
        if previous:
            self._carry_over(previous)

    # -- queries ---------------------------------------------------------------------------

    @property
    def groups(self) -> list[DuplicateGroup]:
        """The current groups (a copy of the list; groups leave after their files are trashed).

        A group whose suggested keeper the user marked for trash is worded from the file the
        user kept: every relation and reason recomputed against it.
        """
        if not self._relabelled:
            return list(self._groups)
        shown = self._relabelled
        return [shown.get(g.id, g) for g in self._groups]

    def group(self, group_id: int) -> DuplicateGroup:
        """The group with this id (worded as in ``groups``); KeyError when there is none."""
        return self._relabelled.get(group_id) or self._by_id[group_id]

    def marks(self) -> dict[str, Mark]:
        """Every file's mark with its identity, for a later review (``Review(groups, marks)``)."""
        return _marks(self._groups, self._kept)

    def frozen_marks(self) -> Callable[[], dict[str, Mark]]:
        """``marks()`` as they are now, worked out when called, on any thread: a rescan's
        thread carries the marks over while the user goes on marking this review."""
        groups, kept = list(self._groups), dict(self._kept)  # C-level copies: under 1 ms
        return lambda: _marks(groups, kept)

    def __len__(self) -> int:
        return len(self._groups)

    @property
    def version(self) -> int:
        """A number that changes whenever a mark or the groups change (for caching totals)."""
        return self._version

    def is_kept(self, path: str) -> bool:
        """Whether the file is kept; files the review does not know are kept (never trashed)."""
        return self._kept.get(path, True)

    def can_mark(self, group_id: int, path: str) -> bool:
        """Whether this file may be marked for trash now (not a reference, not the last keeper)."""
        group = self._by_id.get(group_id)
        member = _member(group, path) if group else None
        if member is None or member.reference:
            return False
        if not self._kept[path]:
            return True
        return self._kept_count(group) > 1

    def group_trash(self, group_id: int) -> tuple[int, int]:
        """Files marked for trash in one group and their total size in bytes."""
        count = size = 0
        for m in self._by_id[group_id].members:
            if not self._kept[m.path]:
                count += 1
                size += m.fingerprint.size
        return count, size

    def trash_count_and_bytes(self) -> tuple[int, int]:
        """Files marked for trash over all groups and their total size in bytes."""
        per_group = self._trash_per_group()
        return sum(c for c, _ in per_group), sum(b for _, b in per_group)

    def trash_bytes_by_group(self) -> list[int]:
        """Bytes marked for trash in each group, in the order of ``groups``."""
        return [size for _, size in self._trash_per_group()]

    def _trash_per_group(self) -> list[tuple[int, int]]:
        """(files, bytes) marked for trash per group, one walk per change of the marks.

        The window asks after every click, from several places; with 100,000 photos each walk
        of every file is milliseconds, so it is remembered until the version changes.
        """
        if self._totals is None or self._totals[0] != self._version:
            kept = self._kept
            per_group = []
            for group in self._groups:  # plain loops: twice as fast as sum() over a generator
                count = size = 0
                for m in group.members:
                    fp = m.fingerprint
                    if not kept[fp.path]:
                        count += 1
                        size += fp.size
                per_group.append((count, size))
            self._totals = (self._version, per_group)
        return self._totals[1]

    def keep_fn(self) -> Callable[[str], bool]:
        """A predicate over paths for results_io and trash (unknown paths count as kept)."""
        return self.is_kept

    # -- marking ---------------------------------------------------------------------------

    def set_keep(self, group_id: int, path: str, keep: bool) -> bool:
        """Mark a file kept or for trash; False (and nothing changes) when that is refused."""
        group = self._by_id.get(group_id)
        member = _member(group, path) if group else None
        if member is None:
            return False
        if keep:
            self._kept[path] = True
        elif self._kept[path]:
            if not self.can_mark(group_id, path):
                return False
            self._kept[path] = False
        else:
            return True
        self._version += 1
        self._reword(group)
        return True

    def toggle(self, group_id: int, path: str) -> bool:
        """Flip a file's mark; False when that is refused (reference or last kept file)."""
        if path not in self._kept:
            return False
        return self.set_keep(group_id, path, not self._kept[path])

    def keep_only(self, group_id: int, path: str) -> bool:
        """Keep this file and mark the group's other files for trash (references stay kept)."""
        group = self._by_id.get(group_id)
        if group is None or _member(group, path) is None:
            return False
        for m in group.members:
            self._kept[m.path] = m.path == path or m.reference
        self._version += 1
        self._reword(group)
        return True

    def auto_select(self, prefer_folder: str | None = None) -> None:
        """Re-apply the engine's suggestion to every group.

        With ``prefer_folder``, a group whose suggested keepers all lie outside that folder keeps
        its best-ranked member inside the folder instead of its first non-reference keeper.
        """
        self._version += 1
        for group in self._groups:
            self._restore_engine_marks(group)
            if prefer_folder is None:
                continue
            kept = [m for m in group.members if self._kept[m.path]]
            if any(is_under(m.path, prefer_folder) for m in kept):
                continue
            preferred = next((m for m in group.members if is_under(m.path, prefer_folder)), None)
            if preferred is None:
                continue
            self._kept[preferred.path] = True
            displaced = next((m for m in kept if not m.reference), None)
            if displaced is not None:
                self._kept[displaced.path] = False
        self._relabelled.clear()
        for group in self._groups:
            self._reword(group)

    def clear(self) -> None:
        """Keep every file (no file marked for trash)."""
        self._version += 1
        for path in self._kept:
            self._kept[path] = True
        self._relabelled.clear()

    # -- after a trash ---------------------------------------------------------------------

    def remove_paths(self, paths: Iterable[str]) -> None:
        """Drop files that left the disk; groups left with fewer than two files leave too."""
        gone = set(paths) & self._kept.keys()
        if not gone:
            return
        self._version += 1
        self._relabelled.clear()
        groups = self._groups
        self._groups = []
        self._by_id = {}
        for group in groups:
            members = [m for m in group.members if m.path not in gone]
            if len(members) == len(group.members):
                self._add(group)
                continue
            for m in group.members:
                if m.path in gone:
                    del self._kept[m.path]
            if len(members) < 2:
                for m in members:
                    del self._kept[m.path]
                continue
            self._add(self._rebuilt(group, members))
        for group in self._groups:
            self._reword(group)

    def _rebuilt(self, group: DuplicateGroup, members: list[GroupMember]) -> DuplicateGroup:
        # A group must keep a file, and DuplicateGroup.keeper needs a member flagged keep: when
        # the engine's keepers are gone, the user's kept files become the suggestion.
        if not any(self._kept[m.path] for m in members):
            self._kept[members[0].path] = True
        if not any(m.keep for m in members):
            members = [dataclasses.replace(m, keep=self._kept[m.path]) for m in members]
            members.sort(key=lambda m: not m.keep)
        return dataclasses.replace(group, members=tuple(members))

    # -- internals -------------------------------------------------------------------------

    def _reword(self, group: DuplicateGroup) -> None:
        """Word the group from the user's keeper when the suggested one is marked for trash."""
        self._relabelled.pop(group.id, None)
        if self._kept[group.members[0].path]:
            return
        chosen = next((m for m in group.members if self._kept[m.path]), None)
        if chosen is not None:
            self._relabelled[group.id] = relabel(group, chosen.path)

    def _carry_over(self, previous: Mapping[str, Mark]) -> None:
        """Re-apply earlier marks to the files that are still the same (see ``Mark``)."""
        # A mark follows a file's content only when its old path is gone from the groups (the
        # file moved), and to one file: a new identical copy never inherits another's mark.
        here = self._kept.keys()
        by_digest: dict[str, list[Mark]] = {}
        for path, mark in previous.items():
            if path not in here and mark.digest:
                by_digest.setdefault(mark.digest, []).append(mark)
        for group in self._groups:
            changed = []
            wanted = {}
            for m in group.members:
                fp = m.fingerprint
                mark = previous.get(m.path)
                if mark is not None and not mark.matches(fp):
                    changed.append(m.path)  # edited since it was marked: the mark is void
                    continue
                if mark is None and by_digest.get(fp.digest):
                    mark = by_digest[fp.digest].pop()
                if mark is not None and not m.reference:
                    wanted[m.path] = mark.keep
            if changed:
                self.changed[group.id] = tuple(changed)
            if not wanted:
                continue
            marks = {m.path: wanted.get(m.path, self._kept[m.path]) for m in group.members}
            if not any(marks.values()):
                continue  # the earlier marks would trash every copy: keep the suggestion
            self._kept.update(marks)
            self._reword(group)

    def _add(self, group: DuplicateGroup) -> None:
        self._groups.append(group)
        self._by_id[group.id] = group

    def _restore_engine_marks(self, group: DuplicateGroup) -> None:
        # Plain loops over fingerprint paths: this runs for every file when a scan's results
        # reach the window (100,000 photos: 17 ms with generators, property calls and lookups).
        kept = self._kept
        any_kept = False
        for m in group.members:
            keep = m.keep or m.reference
            kept[m.fingerprint.path] = keep
            any_kept = any_kept or keep
        if not any_kept:
            kept[group.members[0].fingerprint.path] = True

    def _kept_count(self, group: DuplicateGroup) -> int:
        return sum(1 for m in group.members if self._kept[m.path])


def _member(group: DuplicateGroup, path: str) -> GroupMember | None:
    return next((m for m in group.members if m.path == path), None)


def _marks(groups: Iterable[DuplicateGroup], kept: Mapping[str, bool]) -> dict[str, Mark]:
    return {
        m.path: Mark(m.fingerprint.size, m.fingerprint.mtime_ns, m.fingerprint.digest, kept[m.path])
        for g in groups
        for m in g.members
    }
