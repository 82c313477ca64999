"""The review tabs: duplicate groups, and similar shots (bursts) with nothing marked at first.

Also records "these are different photos" decisions: the photos leave the review at once and
later scans never group them again (core/ignore.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from photodedup.core import trash
from photodedup.core.ignore import IgnoreList, IgnoreListError
from photodedup.core.models import DuplicateGroup, Fingerprint
from photodedup.core.review import Review
from photodedup.gui.review_panel import ReviewPanel


class ResultsTabs(QTabWidget):
    """ "Duplicates" and "Similar shots" tabs, each a ReviewPanel over its own Review.

    The two reviews are separate: a file can be the keeper of a duplicate group and a shot of
    a burst, and each list keeps its own invariant (every group keeps a file).
    """

    marksChanged = Signal()
    decisionRecorded = Signal()  # a "not a duplicate" decision was saved

    def __init__(self, parent: QWidget | None = None, ignore_path: str | None = None) -> None:
        super().__init__(parent)
        self.ignore_path = ignore_path  # None: the user's list (core.ignore.default_path)
        self.notice: QMessageBox | None = None
        self._totals: tuple[tuple[tuple[Review, int], ...], tuple[int, int]] | None = None
        self.duplicates = ReviewPanel(self)
        self.bursts = ReviewPanel(self, bursts=True)
        self.addTab(self.duplicates, "")
        self.addTab(self.bursts, "")
        self.setTabToolTip(
            1,
            self.tr(
                "Photos taken seconds apart by one camera that look alike: different moments, "
                "not copies. Nothing is marked for trash until you mark it."
            ),
        )
        for panel in (self.duplicates, self.bursts):
            panel.marksChanged.connect(self._marks_changed)
        self.duplicates.differentPhotosRequested.connect(self.mark_group_different)
        self.duplicates.notDuplicateRequested.connect(self.mark_not_duplicate)
        self._update_titles()

    # -- contents --------------------------------------------------------------------------

    def set_reviews(self, review: Review | None, bursts: Sequence[DuplicateGroup] = ()) -> None:
        """Show a duplicates review and the scan's bursts (None: nothing scanned)."""
        self.duplicates.set_review(review)
        self.bursts.set_review(Review(bursts) if review is not None else None)
        self._update_titles()
        if review is not None and not len(review) and bursts:
            self.setCurrentWidget(self.bursts)

    def burst_review(self) -> Review | None:
        return self.bursts.review()

    def reviews(self) -> list[Review]:
        return [r for r in (self.duplicates.review(), self.bursts.review()) if r is not None]

    def has_groups(self) -> bool:
        return any(len(r) for r in self.reviews())

    def remove_paths(self, paths: Iterable[str]) -> None:
        """Files left the disk (trashed): they leave both lists."""
        paths = list(paths)
        self.duplicates.remove_paths(paths)
        self.bursts.remove_paths(paths)
        self._update_titles()

    def shutdown(self) -> None:
        """Stop loading thumbnails: the app quits without decoding what is still queued."""
        self.duplicates.shutdown()
        self.bursts.shutdown()

    def trash_selection(self) -> tuple[list[DuplicateGroup], dict[str, bool], int, int]:
        """Groups of both lists, each file's mark (trashed if marked in either list), and the
        number and size of the files the trash will really move.

        A file marked in one list can be the only kept copy of a group of the other: the trash
        refuses that group whole, so its marked files are not counted.
        """
        groups, kept = self._marks()
        count, size = trash.trash_totals(groups, keep=lambda path: kept.get(path, True))
        return groups, kept, count, size

    def trash_totals(self) -> tuple[int, int]:
        """The count and size of ``trash_selection``, remembered until a mark or group changes.

        The trash button asks after every click; with thousands of groups each answer walks
        every file, so it is computed once per change of the reviews.
        """
        key = tuple((review, review.version) for review in self.reviews())
        if self._totals is None or self._totals[0] != key:
            filled = [review for review in self.reviews() if len(review)]
            # One list alone needs no plan: a review keeps a file in every group and the
            # engine puts each file in one group, so its marks are exactly what would move.
            totals = (
                filled[0].trash_count_and_bytes()
                if len(filled) == 1
                else self.trash_selection()[2:]
            )
            self._totals = (key, totals)
        return self._totals[1]

    def _marks(self) -> tuple[list[DuplicateGroup], dict[str, bool]]:
        groups: list[DuplicateGroup] = []
        kept: dict[str, bool] = {}
        for review in self.reviews():
            for group in review.groups:
                groups.append(group)
                for m in group.members:
                    kept[m.path] = kept.get(m.path, True) and review.is_kept(m.path)
        return groups, kept

    # -- "these are different photos" ------------------------------------------------------

    def mark_group_different(self, group_id: int) -> bool:
        """Remember that a group's photos are all different; the group leaves the review."""
        review = self.duplicates.review()
        if review is None:
            return False
        group = review.group(group_id)
        if not self._record([m.fingerprint for m in group.members]):
            return False
        self.duplicates.remove_paths([m.path for m in group.members])
        self._update_titles()
        return True

    def mark_not_duplicate(self, group_id: int, path: str) -> bool:
        """Remember that one file differs from its group's keeper; the file leaves the group."""
        review = self.duplicates.review()
        if review is None:
            return False
        group = review.group(group_id)
        member = next((m for m in group.members if m.path == path), None)
        if member is None:
            return False
        if not self._record([group.keeper.fingerprint, member.fingerprint]):
            return False
        self.duplicates.remove_paths([path])
        self._update_titles()
        return True

    def _record(self, fingerprints: list[Fingerprint]) -> bool:
        try:
            IgnoreList(self.ignore_path).add(fingerprints)
        except IgnoreListError as exc:
            self.notice = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Not recorded"),
                str(exc),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.notice.open()
            return False
        self.decisionRecorded.emit()
        return True

    # -- internals -------------------------------------------------------------------------

    def _marks_changed(self) -> None:
        self._update_titles()
        self.marksChanged.emit()

    def _update_titles(self) -> None:
        dup, shots = self.duplicates.review(), self.bursts.review()
        dup_title = self.tr("Duplicates")
        shots_title = self.tr("Similar shots")
        if dup is not None:
            dup_title = self.tr("Duplicates ({n})").format(n=len(dup))
        if shots is not None:
            shots_title = self.tr("Similar shots ({n})").format(n=len(shots))
        self.setTabText(0, dup_title)
        self.setTabText(1, shots_title)
