"""Edit > Undo last trash: enabled only with something to undo, and the review comes back."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from photodedup.core import journal
from photodedup.core.models import DuplicateGroup, ScanResult
from photodedup.core.review import Mark, Review
from photodedup.gui.controller import AppController, JobKind, TrashOutcome

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Before:
    """The review as it was when a trash started: its groups and every file's mark."""

    result: ScanResult
    groups: tuple[DuplicateGroup, ...]
    marks: dict[str, Mark]


def last_batch_undoable() -> bool:
    """Whether the journal's last batch still has files in the trash to put back."""
    if not os.path.exists(journal.default_path()):
        return False  # nothing was ever trashed (and asking would create the journal)
    try:
        batches = journal.list_batches()
    except (journal.JournalError, OSError) as exc:  # an unreadable journal: History says why
        log.warning("Cannot read the trash journal: %s", exc)
        return False
    return bool(batches) and batches[0].moved > batches[0].restored


class UndoTracker(QObject):
    """Knows whether the last trash can be undone and, when it is undone, brings the review
    back as it was before that trash, with its marks.

    Create it before the flows that report on a restore: it reacts to ``restored`` first, so
    they see the review back.
    """

    changed = Signal()

    def __init__(self, controller: AppController) -> None:
        super().__init__(controller)
        self._controller = controller
        self._before: _Before | None = None
        self._pending: _Before | None = None
        self._trashed_batch = ""
        self.available = last_batch_undoable()
        self.review_back = False  # the last restore brought the review back
        controller.jobStarted.connect(self._job_started)
        controller.trashed.connect(self._trashed)
        controller.restored.connect(self._restored)

    def _job_started(self, kind: JobKind) -> None:
        review, result = self._controller.duplicates, self._controller.result
        if kind is JobKind.TRASH and review is not None and result is not None:
            self._pending = _Before(result, tuple(review.groups), review.marks())

    def _trashed(self, outcome: TrashOutcome) -> None:
        if outcome.report.moved:
            self._before = self._pending
            self._trashed_batch = outcome.report.batch_id
        self._pending = None
        self._set_available(last_batch_undoable())

    def _restored(self, report: journal.RestoreReport) -> None:
        before = self._before
        self.review_back = bool(
            report.restored and before is not None and report.batch_id == self._trashed_batch
        )
        if self.review_back and before is not None:
            self._before = None
            self._controller.set_result(before.result, _review(before))
        self._set_available(last_batch_undoable())

    def _set_available(self, available: bool) -> None:
        self.available = available
        self.changed.emit()


def _review(before: _Before) -> Review:
    review = Review(before.groups, before.marks)
    gone = [m.path for g in before.groups for m in g.members if not os.path.exists(m.path)]
    review.remove_paths(gone)  # files that did not come back (or came back under a new name)
    return review
