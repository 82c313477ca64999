"""The review tabs: duplicate groups, and similar shots (bursts) with nothing marked at first.

Also records "these are different photos" decisions: the photos leave the review at once and
later scans never group them again (core/ignore.py).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from photodedup.core.ignore import IgnoreList, IgnoreListError
from photodedup.core.models import Fingerprint
from photodedup.core.review import Review
from photodedup.gui.dialogs import replacing
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

    def set_reviews(self, review: Review | None, bursts: Review | None = None) -> None:
        """Show a duplicates review and the similar shots' (None: nothing scanned)."""
        self.duplicates.set_review(review)
        self.bursts.set_review(bursts)
        self._update_titles()
        if review is not None and not len(review) and bursts is not None and len(bursts):
            self.setCurrentWidget(self.bursts)

    def refresh(self) -> None:
        """Re-read both reviews: files left them (trashed)."""
        self.duplicates.refresh()
        self.bursts.refresh()
        self._update_titles()

    def shutdown(self) -> None:
        """Stop loading thumbnails: the app quits without decoding what is still queued."""
        self.duplicates.shutdown()
        self.bursts.shutdown()

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
            self.notice = replacing(
                self.notice,
                QMessageBox(
                    QMessageBox.Icon.Information,
                    self.tr("Not recorded"),
                    str(exc),
                    QMessageBox.StandardButton.Ok,
                    self,
                ),
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
