"""Show differences: a group's keeper and one copy lined up, a heat map, blink, locked zoom.

The pictures are decoded and compared on the app's job thread (``core.difference``); the
window only turns the finished arrays into pixmaps. ``DifferencesFlow`` opens the view from
the review: for the chosen copy (a card's button) or the current file (View menu).
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.difference import (
    Difference,
    Region,
    UnreadablePicture,
    Verdict,
    compare_files,
    heat_overlay,
)
from photodedup.core.matching import best_variant
from photodedup.core.models import CancelToken, DuplicateGroup, GroupMember, Problem, Relation
from photodedup.gui.executor import Executor, Task
from photodedup.gui.file_card import relation_label
from photodedup.gui.image_viewer import ZOOM_STEP, ZoomView, side_by_side
from photodedup.gui.reasons import problem_text

#: Blink: how long each picture stays before the other replaces it.
BLINK_MS = 600
KEEPER_COLOR = "#2e7d32"
COPY_COLOR = "#1565c0"


def verdict_text(d: Difference) -> str:
    """What differs, in a sentence."""
    if d.verdict is Verdict.SAME_PIXELS:
        return QCoreApplication.translate("Differences", "The same picture, pixel for pixel.")
    if d.verdict is Verdict.NOISE:
        return QCoreApplication.translate(
            "Differences",
            "The same picture, re-encoded or resized: the differences are compression noise.",
        )
    if d.verdict is Verdict.TONE:
        return QCoreApplication.translate(
            "Differences", "The same picture with its brightness or colours changed."
        )
    if d.verdict is Verdict.WIDE:
        return QCoreApplication.translate(
            "Differences",
            "Differs across much of the picture: a strong edit, a filter or another photo.",
        )
    places = {
        Region.TOP_LEFT: QCoreApplication.translate(
            "Differences", "Differs mostly in the top left."
        ),
        Region.TOP: QCoreApplication.translate("Differences", "Differs mostly at the top."),
        Region.TOP_RIGHT: QCoreApplication.translate(
            "Differences", "Differs mostly in the top right."
        ),
        Region.LEFT: QCoreApplication.translate("Differences", "Differs mostly on the left."),
        Region.CENTRE: QCoreApplication.translate("Differences", "Differs mostly in the middle."),
        Region.RIGHT: QCoreApplication.translate("Differences", "Differs mostly on the right."),
        Region.BOTTOM_LEFT: QCoreApplication.translate(
            "Differences", "Differs mostly in the bottom left."
        ),
        Region.BOTTOM: QCoreApplication.translate("Differences", "Differs mostly at the bottom."),
        Region.BOTTOM_RIGHT: QCoreApplication.translate(
            "Differences", "Differs mostly in the bottom right."
        ),
        Region.WHOLE: QCoreApplication.translate(
            "Differences", "Differs across much of the picture."
        ),
    }
    text = places[d.region]
    if d.tone_changed:
        text += " " + QCoreApplication.translate(
            "Differences", "Its brightness or colours were changed too."
        )
    return text


def alignment_text(d: Difference) -> str:
    """How the copy was lined up with the keeper; empty when it needed nothing."""
    parts = []
    # The variants turn counter-clockwise; people count clockwise.
    angle = (360 - 90 * (d.variant % 4)) % 360
    if d.variant >= 4 and angle:
        parts.append(
            QCoreApplication.translate(
                "Differences", "The copy is shown mirrored and turned {angle}° clockwise."
            ).format(angle=angle)
        )
    elif d.variant >= 4:
        parts.append(QCoreApplication.translate("Differences", "The copy is shown mirrored."))
    elif angle:
        parts.append(
            QCoreApplication.translate(
                "Differences", "The copy is shown turned {angle}° clockwise."
            ).format(angle=angle)
        )
    if d.copy_framed:
        parts.append(
            QCoreApplication.translate("Differences", "The frame around the copy is left out.")
        )
    if d.keeper_framed:
        parts.append(
            QCoreApplication.translate("Differences", "The frame around the keeper is left out.")
        )
    if d.cropped:
        parts.append(
            QCoreApplication.translate(
                "Differences", "One picture is a crop of the other: the part both show is compared."
            )
        )
    return " ".join(parts)


def to_pixmap(rgb: np.ndarray) -> QPixmap:
    """An (h, w, 3) uint8 array as a pixmap."""
    h, w = rgb.shape[:2]
    data = np.ascontiguousarray(rgb).tobytes()
    return QPixmap.fromImage(QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy())


def _hint(keeper: GroupMember, copy: GroupMember) -> int | None:
    """The orientation the matcher found for a rotated copy (None: let the pictures say)."""
    if copy.relation is not Relation.ROTATED:
        return None
    return best_variant(keeper.fingerprint, copy.fingerprint, rotations=True)[0]


class DifferencesDialog(QDialog):
    """The keeper on the left (blinking with the copy on request), the heat map or the aligned
    copy on the right; zoom and pan move both sides together."""

    def __init__(
        self,
        group: DuplicateGroup,
        copy_path: str,
        executor: Executor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._group = group
        self._executor = executor
        self._keeper = group.keeper
        self._copies = [m for m in group.members if m is not self._keeper]
        self._task: Task | None = None  # the comparison being worked out, None when shown
        self._difference: Difference | None = None
        self._pixmaps: dict[str, QPixmap] = {}
        self._left_shows = "keeper"
        self._syncing = False
        self.setWindowTitle(self.tr("Differences"))

        self.copy_box = QComboBox()
        for m in self._copies:
            self.copy_box.addItem(
                f"{os.path.basename(m.path)} · {relation_label(m.relation)}", m.path
            )
        self.copy_box.setToolTip(self.tr("The copy compared with the keeper"))
        self.copy_box.setCurrentIndex(max(0, self.copy_box.findData(copy_path)))
        self.copy_box.currentIndexChanged.connect(self._start)

        self.blink_button = QPushButton(self.tr("Blink"))
        self.blink_button.setCheckable(True)
        self.blink_button.setToolTip(
            self.tr("Show the keeper and the copy in turn on the left (B)")
        )
        self.blink_button.toggled.connect(self._blink_toggled)
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self.blink_step)

        self.heat_button = QPushButton(self.tr("Heat map"))
        self.heat_button.setToolTip(
            self.tr("On the right: where the copy differs, yellow slightly, red strongly (H)")
        )
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("On the right: the copy, lined up with the keeper (H)"))
        self._right_group = QButtonGroup(self)
        for button in (self.heat_button, self.copy_button):
            button.setCheckable(True)
            self._right_group.addButton(button)
        self.heat_button.setChecked(True)
        self._right_group.buttonToggled.connect(self._show_right)

        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Copy:")))
        tools.addWidget(self.copy_box, 1)
        tools.addWidget(self.blink_button)
        tools.addSpacing(12)
        tools.addWidget(self.heat_button)
        tools.addWidget(self.copy_button)
        tools.addSpacing(12)
        for text, tip, slot in (
            (self.tr("Zoom in"), self.tr("Zoom in (+ or mouse wheel)"), self.zoom_in),
            (self.tr("Zoom out"), self.tr("Zoom out (- or mouse wheel)"), self.zoom_out),
            (self.tr("Fit"), self.tr("Fit to window (F)"), self.fit),
            (self.tr("100%"), self.tr("Actual pixels (1)"), self.actual_size),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            tools.addWidget(button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.details = QLabel()
        self.details.setWordWrap(True)

        self.left = ZoomView(self)
        self.right = ZoomView(self)
        self.left_label = QLabel()
        self.right_label = QLabel()
        for label in (self.left_label, self.right_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addLayout(side_by_side(self.left_label, self.right_label, self.left, self.right), 1)

        for keys, slot in (
            (("+", "="), self.zoom_in),
            (("-",), self.zoom_out),
            (("F", "0"), self.fit),
            (("1",), self.actual_size),
            (("B",), self.toggle_blink),
            (("H",), self.toggle_right),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        self.left.viewChanged.connect(lambda: self._sync(self.left, self.right))
        self.right.viewChanged.connect(lambda: self._sync(self.right, self.left))
        self._fit_to_screen()
        self._start()

    # -- public -----------------------------------------------------------------------------

    def copy_path(self) -> str:
        return str(self.copy_box.currentData())

    def difference(self) -> Difference | None:
        """The comparison shown (None while it is worked out, or when a file is unreadable)."""
        return self._difference

    def left_shows(self) -> str:
        """ "keeper" or "copy": what the left side shows now (blink alternates it)."""
        return self._left_shows

    def right_shows(self) -> str:
        """ "heat" or "copy"."""
        return "heat" if self.heat_button.isChecked() else "copy"

    def pixmap(self, name: str) -> QPixmap | None:
        """The pixmap of "keeper", "copy" or "heat" (None before the comparison is done)."""
        return self._pixmaps.get(name)

    def blink_step(self) -> None:
        """Swap the picture on the left: the keeper for the copy, or back."""
        self._left_shows = "copy" if self._left_shows == "keeper" else "keeper"
        self._show_left()

    def toggle_blink(self) -> None:
        if self.blink_button.isEnabled():
            self.blink_button.toggle()

    def toggle_right(self) -> None:
        if not self.heat_button.isEnabled():
            return
        (self.copy_button if self.heat_button.isChecked() else self.heat_button).setChecked(True)

    def zoom_in(self) -> None:
        self.left.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.left.zoom(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.left.fit()

    def actual_size(self) -> None:
        self.left.actual_size()

    # -- internals --------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(1500, int(area.width() * 0.92)), min(950, int(area.height() * 0.9)))

    def _member(self, path: str) -> GroupMember:
        return next(m for m in self._copies if m.path == path)

    def _start(self) -> None:
        """Compare the keeper with the chosen copy on the job thread."""
        if self._task is not None:
            self._task.cancel.cancel()
        self._blink.stop()
        self.blink_button.setChecked(False)
        self._ready(False)
        self._difference = None
        self._pixmaps = {}
        self._left_shows = "keeper"
        copy = self._member(self.copy_path())
        keeper_path, copy_path = self._keeper.path, copy.path
        hint = _hint(self._keeper, copy)
        for view in (self.left, self.right):
            view.set_pixmap(QPixmap())
            view.show_message(self.tr("Comparing…"))
        if self._executor.pending:  # the job thread runs one job at a time: a scan first
            self.summary.setText(self.tr("Comparing as soon as the running job is done…"))
        else:
            self.summary.setText(self.tr("Lining the copy up with the keeper…"))
        self.details.clear()
        self._update_labels()

        def job(_report: object, cancel: CancelToken) -> object:
            try:
                d = compare_files(keeper_path, copy_path, hint)
            except UnreadablePicture as exc:
                return exc
            if cancel.cancelled:
                return None
            return d, heat_overlay(d)

        # Each job's reports are bound to it: a copy chosen meanwhile makes them stale.
        task = self._executor.submit(
            "differences",
            job,
            self,
            lambda result: self._on_done(task, result),
            lambda message: self._on_failed(task, message),
        )
        self._task = task

    def _ready(self, ready: bool) -> None:
        """The blink and right-side buttons work once there are pictures to show."""
        for button in (self.blink_button, self.heat_button, self.copy_button):
            button.setEnabled(ready)

    def _on_done(self, task: Task, result: object) -> None:
        if task is not self._task:
            return  # another copy was chosen meanwhile: its own job reports
        self._task = None
        if isinstance(result, UnreadablePicture):
            self._unreadable(result)
            return
        if not isinstance(result, tuple):
            return
        d, heat = result
        self._difference = d
        self._pixmaps = {
            "keeper": to_pixmap(d.keeper),
            "copy": to_pixmap(d.copy),
            "heat": to_pixmap(heat),
        }
        self.summary.setText(verdict_text(d))
        self.summary.setToolTip(
            self.tr("{p} % of the picture differs by more than compression noise").format(
                p=f"{100 * d.changed_share:.1f}"
            )
        )
        self.details.setText(alignment_text(d))
        self.details.setVisible(bool(self.details.text()))
        self._ready(True)
        self._show_left()
        self._show_right()
        rect = self.left.image_rect()
        self.left.setSceneRect(rect)
        self.right.setSceneRect(rect)
        self.fit()

    def _on_failed(self, task: Task, message: str) -> None:
        if task is not self._task:
            return
        self._task = None
        self.summary.setText(self.tr("The comparison failed: {e}").format(e=message))
        for view in (self.left, self.right):
            view.show_message("")

    def _unreadable(self, error: UnreadablePicture) -> None:
        reason = problem_text(Problem(error.path, error.reason))
        self.summary.setText(
            self.tr("Cannot compare: “{name}” cannot be read. {reason}.").format(
                name=os.path.basename(error.path), reason=reason
            )
        )
        self.summary.setToolTip(f"{error.path}\n{error.reason}")
        for view in (self.left, self.right):
            view.show_message("")

    def _blink_toggled(self, on: bool) -> None:
        if on and self._pixmaps:
            self._blink.start()
        else:
            self._blink.stop()
            if self._left_shows != "keeper":
                self.blink_step()

    def _show_left(self) -> None:
        pixmap = self._pixmaps.get(self._left_shows)
        if pixmap is not None:
            self.left.set_pixmap(pixmap)
        self._update_labels()

    def _show_right(self) -> None:
        pixmap = self._pixmaps.get(self.right_shows())
        if pixmap is not None:
            self.right.set_pixmap(pixmap)
        self._update_labels()

    def _update_labels(self) -> None:
        keeper = self.tr("Keeper: {name}").format(name=os.path.basename(self._keeper.path))
        copy = self.tr("Copy: {name}").format(name=os.path.basename(self.copy_path()))
        if self._left_shows == "keeper":
            self.left_label.setText(keeper)
            self.left_label.setStyleSheet(f"color: {KEEPER_COLOR}; font-weight: bold;")
        else:
            self.left_label.setText(copy)
            self.left_label.setStyleSheet(f"color: {COPY_COLOR}; font-weight: bold;")
        if self.right_shows() == "heat":
            self.right_label.setText(self.tr("Differences: yellow slight, red strong"))
        else:
            self.right_label.setText(self.tr("{copy}, lined up").format(copy=copy))

    def _sync(self, source: ZoomView, target: ZoomView) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            target.setTransform(source.transform())
            target.horizontalScrollBar().setValue(source.horizontalScrollBar().value())
            target.verticalScrollBar().setValue(source.verticalScrollBar().value())
        finally:
            self._syncing = False


class DifferencesFlow(QObject):
    """Opens the differences view from the review tabs: a card's button or the View menu."""

    def __init__(self, executor: Executor, tabs: QTabWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self._executor = executor
        self._tabs = tabs
        self._parent = parent
        self.dialog: DifferencesDialog | None = None
        for i in range(tabs.count()):
            panel = tabs.widget(i)
            panel.compare.differencesRequested.connect(lambda path, p=panel: self.open_for(p, path))

    def open_current(self) -> DifferencesDialog | None:
        """The view for the current review's group: the chosen file, or its first copy when
        the keeper is chosen."""
        panel = self._tabs.currentWidget()
        group = self._group(panel)
        if group is None:
            QApplication.beep()
            return None
        cards = panel.compare.cards()
        index = panel.compare.current_index()
        path = cards[index].member.path if 0 <= index < len(cards) else ""
        if path == group.keeper.path or not any(m.path == path for m in group.members):
            path = next(m.path for m in group.members if m is not group.keeper)
        return self.open_for(panel, path)

    def open_for(self, panel: QWidget, path: str) -> DifferencesDialog | None:
        """The view for the keeper of ``panel``'s current group and its copy at ``path``."""
        group = self._group(panel)
        if group is None or path == group.keeper.path:
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = DifferencesDialog(group, path, self._executor, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _forget(self, dialog: DifferencesDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    @staticmethod
    def _group(panel: QWidget) -> DuplicateGroup | None:
        review = panel.review()
        group_id = panel.current_group_id()
        if review is None or group_id is None:
            return None
        try:
            group = review.group(group_id)
        except KeyError:
            return None
        return group if len(group.members) > 1 else None
