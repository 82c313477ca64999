"""The GUI-thread controller: owns the scan result, the two reviews and the background jobs.

Windows and dialogs are views over it: they call its methods and listen to its typed signals.
Every signal is emitted on the GUI thread (the executor delivers job outcomes there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Signal

from photodedup.core import journal, move_to_folder, pipeline, trash
from photodedup.core.models import (
    CancelToken,
    DuplicateGroup,
    Fingerprint,
    Progress,
    ScanOptions,
    ScanResult,
)
from photodedup.core.review import Review
from photodedup.gui.autosave import Autosaver
from photodedup.gui.executor import Executor, Job, Task

log = logging.getLogger(__name__)


class JobKind(Enum):
    SCAN = "scan"
    FIND_COPIES = "find copies"
    TRASH = "trash"
    MOVE = "move to folder"
    RESTORE = "restore"


@dataclass(frozen=True, slots=True)
class TrashProgress:
    """A trash batch's progress: ``done`` of ``total`` files, ``path`` the one moving now."""

    done: int
    total: int
    path: str


@dataclass(frozen=True, slots=True)
class TrashOutcome:
    plan: trash.TrashPlan
    report: trash.TrashReport
    dest: str = ""  # the folder of a move; "" for the trash


@dataclass(frozen=True, slots=True)
class FoundCopies:
    """The copies of ``query`` found under the scanned folders, closest first."""

    query: str
    copies: tuple[tuple[Fingerprint, int], ...]
    cancelled: bool


@dataclass(frozen=True, slots=True)
class TrashSelection:
    """What a trash acts on: the groups of both reviews, each file's mark (False: trash it),
    and the number and size of the files that would really move."""

    groups: tuple[DuplicateGroup, ...]
    kept: dict[str, bool]
    count: int
    size: int


def trash_job(
    groups: Iterable[DuplicateGroup], kept: dict[str, bool], merge_metadata: bool = False
) -> Job:
    """Plan and execute a trash of the files not kept, reporting TrashProgress; with
    ``merge_metadata``, what the trashed copies knew goes to their keeper's XMP sidecar."""
    groups = list(groups)

    def job(progress: Callable[[Any], None], cancel: CancelToken) -> TrashOutcome:
        plan = trash.plan_trash(groups, keep=lambda path: kept.get(path, True))
        report = trash.execute_plan(
            plan,
            lambda done, total, path: progress(TrashProgress(done, total, path)),
            cancel,
            merge_metadata,
        )
        return TrashOutcome(plan, report)

    return job


def move_job(
    groups: Iterable[DuplicateGroup], kept: dict[str, bool], dest: str, roots: tuple[str, ...]
) -> Job:
    """Plan a trash of the files not kept and move them under ``dest`` instead."""
    groups = list(groups)

    def job(progress: Callable[[Any], None], cancel: CancelToken) -> TrashOutcome:
        plan = trash.plan_trash(groups, keep=lambda path: kept.get(path, True))
        report = move_to_folder.execute_move(
            plan,
            dest,
            roots,
            lambda done, total, path: progress(TrashProgress(done, total, path)),
            cancel,
        )
        return TrashOutcome(plan, report, dest)

    return job


@dataclass(frozen=True, slots=True)
class ReplacedResult:
    """A result and its reviews, as a newer result replaced them."""

    result: ScanResult
    duplicates: Review | None
    bursts: Review | None


@dataclass(frozen=True, slots=True)
class _Scanned:
    """A scan job's outcome: the result and, unless cancelled, its reviews, with the marks of
    ``earlier`` (at ``version``) carried over."""

    result: ScanResult
    duplicates: Review | None = None
    bursts: Review | None = None
    earlier: Review | None = None
    version: int = 0


class AppController(QObject):
    """Starts and cancels jobs one at a time, holds what they produced, says what changed."""

    jobStarted = Signal(JobKind)
    #: A job is over; emitted after its outcome signal (finished, found, trashed, failed...).
    jobEnded = Signal(JobKind)
    cancelling = Signal()
    scanProgress = Signal(Progress)
    scanFinished = Signal(ScanResult)
    copiesFound = Signal(FoundCopies)
    trashProgress = Signal(TrashProgress)
    trashed = Signal(TrashOutcome)
    restored = Signal(journal.RestoreReport)
    jobFailed = Signal(JobKind, str)
    #: A new result (or none) with new reviews: views show them afresh.
    resultChanged = Signal()
    #: Marks or groups of the current reviews changed (a view edited them, or files left).
    marksChanged = Signal()
    #: A new result replaced this one; a listener may hold it to free it later (the app's
    #: garbage policy does: freeing a large result should not lengthen the hand-over's turn).
    resultReplaced = Signal(ReplacedResult)

    def __init__(
        self, executor: Executor, autosaver: Autosaver, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.executor = executor
        self.autosaver = autosaver
        self.result: ScanResult | None = None
        self.duplicates: Review | None = None
        self.bursts: Review | None = None
        self._task: Task | None = None
        self._kind: JobKind | None = None
        self._totals: tuple[tuple[tuple[Review, int], ...], tuple[int, int]] | None = None

    # -- jobs ------------------------------------------------------------------------------

    @property
    def job(self) -> JobKind | None:
        """The job running now, if any."""
        return self._kind

    @property
    def busy(self) -> bool:
        return self._kind is not None

    @property
    def cancel_requested(self) -> bool:
        return self._task is not None and self._task.cancel.cancelled

    def start_scan(self, options: ScanOptions) -> bool:
        """Scan in the background; False (nothing started) while another job runs.

        The job also builds the new result's reviews, carrying over the current review's marks
        as they were when the scan started (at 100,000 photos that is 100 ms of Python the GUI
        thread would otherwise spend in one go at the hand-over).
        """
        earlier = self.duplicates
        marks = earlier.frozen_marks() if earlier is not None else None
        version = earlier.version if earlier is not None else 0

        def job(progress: Callable[[Any], None], cancel: CancelToken) -> _Scanned:
            result = pipeline.run_scan(options, progress, cancel)
            if result.stats.cancelled:
                return _Scanned(result)
            duplicates = Review(result.groups, marks() if marks is not None else None)
            duplicates.trash_count_and_bytes()  # remembered: the views sort and total by it
            return _Scanned(result, duplicates, Review(result.bursts), earlier, version)

        return self._start(JobKind.SCAN, job, self._scan_done, self.scanProgress.emit)

    def find_copies(self, query: str, options: ScanOptions) -> bool:
        def job(progress: Callable[[Any], None], cancel: CancelToken) -> FoundCopies:
            copies = pipeline.find_copies(query, options, progress, cancel)
            return FoundCopies(query, tuple(copies), cancel.cancelled)

        return self._start(JobKind.FIND_COPIES, job, self.copiesFound.emit, self.scanProgress.emit)

    def trash(self, selection: TrashSelection, merge_metadata: bool = False) -> bool:
        """Move the files ``selection`` does not keep to the trash (see ``trash_job``)."""
        return self._start(
            JobKind.TRASH,
            trash_job(selection.groups, selection.kept, merge_metadata),
            self._trash_done,
            self.trashProgress.emit,
        )

    def move(self, selection: TrashSelection, dest: str) -> bool:
        """Move the files ``selection`` does not keep under ``dest`` (see ``move_job``)."""
        roots = self.result.roots if self.result is not None else ()
        return self._start(
            JobKind.MOVE,
            move_job(selection.groups, selection.kept, dest, roots),
            self._trash_done,
            self.trashProgress.emit,
        )

    def restore(self, batch_id: str | None) -> bool:
        """Put back a trash or move batch (None: the last one)."""

        def job(_progress: Callable[[Any], None], _cancel: CancelToken) -> journal.RestoreReport:
            return journal.restore(batch_id)

        return self._start(JobKind.RESTORE, job, self.restored.emit)

    def cancel(self) -> None:
        """Ask the running job to stop (a scan keeps what it read; a trash stops between files)."""
        if self._task is not None and not self._task.cancel.cancelled:
            self._task.cancel.cancel()
            self.cancelling.emit()

    def _start(
        self,
        kind: JobKind,
        job: Job,
        done: Callable[[Any], None],
        progress: Callable[[Any], None] | None = None,
    ) -> bool:
        if self.busy:
            return False
        self._kind = kind

        def on_progress(value: Any) -> None:
            if progress is not None and self._kind is kind:
                progress(value)

        def on_done(value: Any) -> None:
            self._end()
            done(value)
            self.jobEnded.emit(kind)

        def on_failed(message: str) -> None:
            self._end()
            self.jobFailed.emit(kind, message)
            self.jobEnded.emit(kind)

        self._task = self.executor.submit(kind.value, job, self, on_done, on_failed, on_progress)
        self.jobStarted.emit(kind)
        return True

    def _end(self) -> None:
        self._task, self._kind = None, None

    def _scan_done(self, scanned: _Scanned) -> None:
        result = scanned.result
        log.info("Scan finished: %s", result.stats)
        if scanned.duplicates is None:
            pass  # cancelled: the current result stays
        elif self.duplicates is scanned.earlier and (
            self.duplicates is None or self.duplicates.version == scanned.version
        ):
            self.set_result(result, scanned.duplicates, scanned.bursts)
        else:
            # Marks changed while the scan ran: carry over the marks as they are now.
            self.set_result(result)
        self.scanFinished.emit(result)

    def _trash_done(self, outcome: TrashOutcome) -> None:
        log.info(
            "%s batch %s: %d moved, %d skipped",
            "Move" if outcome.dest else "Trash",
            outcome.report.batch_id,
            len(outcome.report.moved),
            len(outcome.report.skipped),
        )
        self.remove_paths(outcome.report.moved)
        self.trashed.emit(outcome)
        self.autosaver.save_now()

    def shutdown(self, timeout_s: float = 10.0) -> list[str]:
        """Stop every job and the executor; returns the jobs abandoned after ``timeout_s``."""
        self.cancel()
        abandoned = self.executor.shutdown(timeout_s)
        self._end()  # an abandoned job's outcome is dropped: nothing is running for us now
        return abandoned

    # -- the result and its reviews ----------------------------------------------------------

    def set_result(
        self,
        result: ScanResult | None,
        review: Review | None = None,
        bursts: Review | None = None,
    ) -> None:
        """Hold a new result, its marks from ``review`` (or the engine's suggestion, with the
        current review's marks carried over) and ``bursts``, and autosave it from now on."""
        earlier = self.duplicates
        if self.result is not None:
            self.resultReplaced.emit(ReplacedResult(self.result, self.duplicates, self.bursts))
        self.result = result
        if result is None:
            self.duplicates = self.bursts = None
        elif review is not None:
            self.duplicates = review
        else:
            # A rescan keeps the user's marks on the files that are still the same (also
            # after a saved review was resumed).
            marks = earlier.marks() if earlier is not None else None
            self.duplicates = Review(result.groups, marks)
        if result is not None:
            self.bursts = bursts if bursts is not None else Review(result.bursts)
        self.autosaver.track(result, self.duplicates, self.bursts)
        self.resultChanged.emit()

    def reviews(self) -> list[Review]:
        return [r for r in (self.duplicates, self.bursts) if r is not None]

    def has_groups(self) -> bool:
        return any(len(r) for r in self.reviews())

    def remove_paths(self, paths: Iterable[str]) -> None:
        """Files left the disk or the review: they leave both reviews."""
        paths = list(paths)
        if not paths:
            return
        for review in self.reviews():
            review.remove_paths(paths)
        self.marks_changed()

    def marks_changed(self) -> None:
        """A view changed marks or groups of the reviews."""
        self.autosaver.schedule()
        self.marksChanged.emit()

    def trash_selection(self) -> TrashSelection:
        """Groups of both reviews, each file's mark (trashed if marked in either review), and the
        number and size of the files the trash will really move.

        A file marked in one review can be the only kept copy of a group of the other: the trash
        refuses that group whole, so its marked files are not counted.
        """
        groups: list[DuplicateGroup] = []
        kept: dict[str, bool] = {}
        for review in self.reviews():
            for group in review.groups:
                groups.append(group)
                for m in group.members:
                    kept[m.path] = kept.get(m.path, True) and review.is_kept(m.path)
        count, size = trash.trash_totals(groups, keep=lambda path: kept.get(path, True))
        return TrashSelection(tuple(groups), kept, count, size)

    def trash_totals(self) -> tuple[int, int]:
        """The count and size of ``trash_selection``, remembered until a mark or group changes.

        The trash button asks after every click; with thousands of groups each answer walks
        every file, so it is computed once per change of the reviews.
        """
        key = tuple((review, review.version) for review in self.reviews())
        if self._totals is None or self._totals[0] != key:
            filled = [review for review in self.reviews() if len(review)]
            # One review alone needs no plan: a review keeps a file in every group and the
            # engine puts each file in one group, so its marks are exactly what would move.
            if len(filled) == 1:
                totals = filled[0].trash_count_and_bytes()
            else:
                selection = self.trash_selection()
                totals = (selection.count, selection.size)
            self._totals = (key, totals)
        return self._totals[1]
