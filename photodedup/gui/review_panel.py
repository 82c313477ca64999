"""The review screen: filterable, sortable group list on the left, the compare pane on the right."""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.review import Review
from photodedup.gui.compare_pane import ComparePane
from photodedup.gui.formatting import fill, human_size, plural
from photodedup.gui.group_delegate import GroupDelegate
from photodedup.gui.group_model import (
    GroupFilterProxy,
    GroupListModel,
    GroupRole,
    SortKey,
)
from photodedup.gui.thumbnails import ThumbnailLoader

#: Typing in the filter waits this long before re-filtering 10,000 groups.
FILTER_DELAY_MS = 200


class ReviewPanel(QWidget):
    """Review of a scan: pick a group, compare its files, mark them keep or trash.

    Marks live in the Review, so they survive sorting, filtering and scrolling.
    """

    marksChanged = Signal()
    differentPhotosRequested = Signal(int)  # group id: "these are different photos"
    notDuplicateRequested = Signal(int, str)  # group id, path: "not a duplicate of the keeper"

    def __init__(self, parent: QWidget | None = None, bursts: bool = False) -> None:
        """``bursts``: review similar shots (different photos) instead of duplicates."""
        super().__init__(parent)
        self._bursts = bursts
        self._review: Review | None = None
        self._loader = ThumbnailLoader(max_items=800, parent=self)
        self._full_loader = ThumbnailLoader(max_items=4, max_pending=4, threads=1, parent=self)
        self.model = GroupListModel(self)
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by folder or file name"))
        self.filter_edit.setToolTip(
            self.tr("Show only groups with a file whose path contains this")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("Most space to gain"), SortKey.RECLAIMABLE)
        self.sort_box.addItem(self.tr("Most files"), SortKey.FILE_COUNT)
        self.sort_box.addItem(self.tr("Most similar"), SortKey.SIMILARITY)
        self.sort_box.setToolTip(self.tr("Order of the groups"))
        self.sort_box.currentIndexChanged.connect(self._apply_sort)

        self.auto_button = QToolButton()
        self.auto_button.setText(self.tr("Auto-select"))
        self.auto_button.setToolTip(self.tr("Mark every group again with the suggested keepers"))
        self.auto_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.auto_button.clicked.connect(lambda: self.auto_select())
        menu = QMenu(self.auto_button)
        menu.addAction(self.tr("Suggested keepers"), lambda: self.auto_select())
        menu.addAction(self.tr("Prefer keeping files in a folder…"), self._choose_folder)
        self.auto_button.setMenu(menu)
        self.clear_button = QPushButton(self.tr("Keep all"))
        self.clear_button.setToolTip(self.tr("Clear all marks: keep every file"))
        self.clear_button.clicked.connect(self.clear_marks)
        self.different_button = QPushButton(self.tr("These are different photos"))
        self.different_button.setToolTip(
            self.tr(
                "Remember that the photos of this group are not duplicates: the group leaves "
                "the review and later scans never group them again"
            )
        )
        self.different_button.clicked.connect(self._request_different)

        self.list_view = QListView()
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(GroupDelegate(self._loader, self.list_view))
        # Uniform rows let the view lay out 10,000 groups without asking each one its size.
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setAccessibleName(self.tr("Duplicate groups"))
        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        self._loader.thumbnailReady.connect(self.list_view.viewport().update)

        self.no_match = QLabel(self.tr("No group matches the filter."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._list_stack = QStackedWidget()
        self._list_stack.addWidget(self.list_view)
        self._list_stack.addWidget(self.no_match)

        self.summary = QLabel()
        self.summary.setWordWrap(True)

        # The filter has a line of its own: its hint is read whole in every language.
        marks = QHBoxLayout()
        marks.addWidget(self.auto_button)
        marks.addWidget(self.clear_button)
        marks.addStretch(1)
        marks.addWidget(self.sort_box)
        if bursts:
            # Every shot starts kept, so "suggested keepers" and "keep all" are the same; and
            # shots of a burst are different photos already.
            self.auto_button.hide()
            self.different_button.hide()
            self.list_view.setAccessibleName(self.tr("Similar shots"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addLayout(marks)
        left_layout.addWidget(self._list_stack, 1)
        left_layout.addWidget(self.summary)

        self.compare = ComparePane(self._loader, self._full_loader)
        self.compare.marksChanged.connect(self._on_pane_marks)
        self.compare.notDuplicateRequested.connect(self.notDuplicateRequested)
        self.compare.add_group_action(self.different_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.compare)
        # The photos get the room: the list keeps a strip of thumbnails and its words.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setCollapsible(1, False)
        splitter.setSizes([330, 770])

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 15pt; color: palette(mid);")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._shortcuts()
        self.set_review(None)

    # -- the API the main window uses -------------------------------------------------------

    def set_review(self, review: Review | None) -> None:
        """Show a review (None: nothing scanned yet); the first group gets selected."""
        self._review = review
        self.model.set_review(review)
        self._select_row(0)
        self._update_state()

    def review(self) -> Review | None:
        return self._review

    def remove_paths(self, paths: Iterable[str]) -> None:
        """Files were trashed: they leave their groups, groups left with one file leave the list."""
        if self._review is None:
            return
        row = self.list_view.currentIndex().row()
        group_id = self.compare.group_id()
        self._review.remove_paths(paths)
        self._reload(group_id, row)
        self.marksChanged.emit()

    def shutdown(self) -> None:
        """Drop queued thumbnails and wait for running decodes (the app is quitting)."""
        self._loader.shutdown()
        self._full_loader.shutdown()

    def refresh(self) -> None:
        """Re-read the review (groups and marks), keeping the selected group when it remains."""
        self._reload(self.compare.group_id(), self.list_view.currentIndex().row())

    def auto_select(self, prefer_folder: str | None = None) -> None:
        """Mark every group with the engine's suggestion, optionally preferring a folder."""
        if self._review is None:
            return
        self._review.auto_select(prefer_folder)
        self._marks_changed_everywhere()

    def clear_marks(self) -> None:
        """Keep every file."""
        if self._review is None:
            return
        self._review.clear()
        self._marks_changed_everywhere()

    # -- navigation -------------------------------------------------------------------------

    def move_group(self, delta: int) -> None:
        """Select the group ``delta`` rows below (negative: above) the current one."""
        count = self.proxy.rowCount()
        if not count:
            return
        row = self.list_view.currentIndex().row()
        self._select_row(0 if row < 0 else max(0, min(count - 1, row + delta)))

    def current_group_id(self) -> int | None:
        return self.compare.group_id()

    # -- internals --------------------------------------------------------------------------

    def _shortcuts(self) -> None:
        bindings = (
            ((Qt.Key.Key_Down, Qt.Key.Key_J), lambda: self.move_group(1)),
            ((Qt.Key.Key_Up, Qt.Key.Key_K), lambda: self.move_group(-1)),
            ((Qt.Key.Key_Right,), lambda: self.compare.move_current(1)),
            ((Qt.Key.Key_Left,), lambda: self.compare.move_current(-1)),
            ((Qt.Key.Key_Space,), self.compare.toggle_current),
            ((Qt.Key.Key_Delete,), self.compare.trash_current),
        )
        for keys, slot in bindings:
            for key in keys:
                # Scoped to the panel: the filter box still gets its own arrows, Space and Delete.
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    def _select_row(self, row: int) -> None:
        if not 0 <= row < self.proxy.rowCount():
            self.list_view.setCurrentIndex(QModelIndex())
            self.compare.show_group(self._review, None)
            return
        index = self.proxy.index(row, 0)
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)

    def _reload(self, group_id: int | None, row: int) -> None:
        self.model.refresh()
        source_row = self.model.row_of(group_id) if group_id is not None else -1
        proxy_row = self.proxy.mapFromSource(self.model.index(source_row, 0)).row()
        self._select_row(proxy_row if proxy_row >= 0 else min(row, self.proxy.rowCount() - 1))
        if proxy_row >= 0:
            self.compare.show_group(self._review, group_id)
        self._update_state()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group_id = current.data(GroupRole.GROUP_ID) if current.isValid() else None
        self.compare.show_group(self._review, group_id)
        self.different_button.setEnabled(group_id is not None)

    def _on_pane_marks(self, group_id: int) -> None:
        self.model.group_changed(group_id)
        self._update_summary()
        self.marksChanged.emit()

    def _marks_changed_everywhere(self) -> None:
        self.model.marks_changed()
        self.compare.refresh_marks()
        self._update_summary()
        self.marksChanged.emit()

    def _apply_filter(self) -> None:
        self.proxy.set_filter_text(self.filter_edit.text())
        if not self.list_view.currentIndex().isValid():
            self._select_row(0)
        self._update_state()

    def _apply_sort(self) -> None:
        self.proxy.sort_by(SortKey(self.sort_box.currentData()))
        current = self.list_view.currentIndex()
        if current.isValid():
            self.list_view.scrollTo(current)

    def _request_different(self) -> None:
        group_id = self.compare.group_id()
        if group_id is not None:
            self.differentPhotosRequested.emit(group_id)

    def _choose_folder(self) -> None:
        if self._review is None or not len(self._review):
            return
        start = os.path.commonpath([g.members[0].path for g in self._review.groups[:2000]])
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Prefer keeping files in this folder"), start
        )
        if folder:
            self.auto_select(folder)

    def _update_state(self) -> None:
        review = self._review
        if review is None:
            self.empty_label.setText(
                self.tr("Add folders and press Scan to find duplicate photos.")
            )
            self._stack.setCurrentIndex(0)
        elif not len(review):
            self.empty_label.setText(
                self.tr("No similar shots found.")
                if self._bursts
                else self.tr("No duplicates found.")
            )
            self._stack.setCurrentIndex(0)
        else:
            self._stack.setCurrentIndex(1)
        self.different_button.setEnabled(self.compare.group_id() is not None)
        no_match = self.proxy.rowCount() == 0 and self.proxy.filter_text_active()
        self._list_stack.setCurrentWidget(self.no_match if no_match else self.list_view)
        self._update_summary()

    def _update_summary(self) -> None:
        if self._review is None:
            self.summary.clear()
            return
        count, size = self._review.trash_count_and_bytes()
        groups = len(self._review)
        # Two counts, so two plural-aware strings.
        group_part = plural(self.tr("%n group(s)", "", groups), groups)
        file_part = plural(self.tr("%n file(s) marked for trash (%1)", "", count), count)
        self.summary.setText(f"{group_part} · {fill(file_part, human_size(size))}")
