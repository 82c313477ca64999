"""The selected group's files side by side: facts, the keeper's reason, keep/trash marks."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import DuplicateGroup, GroupKind, GroupMember
from photodedup.core.review import Review
from photodedup.gui.file_card import WORSE_COLOR, MemberCard
from photodedup.gui.formatting import plural
from photodedup.gui.group_model import kind_label
from photodedup.gui.image_viewer import ImageViewer
from photodedup.gui.thumbnails import (
    ThumbnailLoader,
)

#: Cards made per turn of the event loop: one costs 2-3 ms, and a group of look-alikes can hold
#: hundreds of files (376 in the 100,000-photo benchmark: 2 s in one turn).
CARDS_PER_TURN = 8
# Groups up to this many files are laid out to show every file without scrolling.
FIT_ALL = 9
# Photo sides: below FULL_SIDE the cards drop their details (compact), never below MIN_SIDE;
# above MAX_SIDE a larger photo only wastes the space.
MIN_SIDE = 72
FULL_SIDE = 150
MAX_SIDE = 440
SPACING = 8


@dataclass(frozen=True)
class GridShape:
    columns: int
    side: int  # the photo's side in pixels
    card_width: int
    compact: bool


def grid_shape(
    count: int,
    width: int,
    height: int,
    min_card_width: int,
    chrome: Callable[[bool, int], int],
    card_padding: int,
) -> GridShape:
    """Columns, photo size and detail for ``count`` cards in ``width`` x ``height`` pixels.

    Up to FIT_ALL cards are shown whole (larger groups scroll down, laid out as FIT_ALL would
    be): the largest photo wins, with every detail while the photo can be FULL_SIDE or larger,
    compact below that. ``chrome(compact, card_width)`` is a card's height without its photo,
    ``card_padding`` its width without the photo.
    """
    shown = max(1, min(count, FIT_ALL))
    best: GridShape | None = None
    for compact in (False, True):
        for columns in range(1, shown + 1):
            card_width = (width - (columns - 1) * SPACING) // columns
            if card_width < min_card_width:
                break
            rows = math.ceil(shown / columns)
            cell_height = (height - (rows - 1) * SPACING) // rows
            side = min(card_width - card_padding, cell_height - chrome(compact, card_width))
            side = min(side, MAX_SIDE)
            if best is None or side > best.side:
                best = GridShape(columns, side, card_width, compact)
        if best is not None and best.side >= (FULL_SIDE if not compact else MIN_SIDE):
            # A card wider than its photo needs is narrowed to it (the grid stays left-packed).
            width_needed = max(min_card_width, best.side + card_padding)
            return GridShape(best.columns, best.side, min(best.card_width, width_needed), compact)
        best = None
    # Too little room to show them all: compact cards as wide as fit, the rest scrolls.
    columns = max(1, min(shown, (width + SPACING) // (min_card_width + SPACING)))
    card_width = max(min_card_width, (width - (columns - 1) * SPACING) // columns)
    side = max(MIN_SIDE, min(MAX_SIDE, card_width - card_padding))
    return GridShape(columns, side, card_width, True)


class _ViewportWatcher(QObject):
    """Calls back when the scroll area's viewport changes size."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._callback()
        return False


class ComparePane(QWidget):
    """Members of one group in a grid sized to show them all; marks go straight to the Review.

    The group's title, the key hints and the group's actions stay above the grid.
    """

    marksChanged = Signal(int)  # group id
    notDuplicateRequested = Signal(int, str)  # group id, path: "not a duplicate of the keeper"
    differencesRequested = Signal(str)  # path of a copy: show what differs from the keeper

    def __init__(
        self, loader: ThumbnailLoader, full_loader: ThumbnailLoader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._full_loader = full_loader
        self._review: Review | None = None
        self._group: DuplicateGroup | None = None
        self._cards: list[MemberCard] = []
        self._current = 0
        # A group's cards are made on the next turn of the event loop while the pane is shown,
        # or sooner when asked for: a selection (the first group after a scan of 100,000
        # photos, or a held J key) returns at once, and the window repaints its list before
        # the cards' tens of ms. A hidden pane (a closed window, the other tab) makes none.
        self._cards_due = False
        self._cards_timer = QTimer(self)
        self._cards_timer.setSingleShot(True)
        self._cards_timer.setInterval(0)
        self._cards_timer.timeout.connect(self._add_cards)
        self._shape: GridShape | None = None
        self._title = QLabel()
        self._title.setStyleSheet("font-weight: bold;")
        self._title.setWordWrap(True)
        self._hint = QLabel(
            QCoreApplication.translate(
                "ComparePane",
                "↑/↓ or J/K: groups · ←/→: files · Space: keep/trash · Delete: trash · "
                "double-click: large view",
            )
        )
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: palette(mid);")
        self._notice = QLabel()
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet(f"color: {WORSE_COLOR};")
        self._notice.hide()
        self._actions = QHBoxLayout()
        self._actions.setContentsMargins(0, 0, 0, 0)
        # One button for the group, not one a card: a third button stacked under a narrow
        # card's two made nine cards too tall to fit 1024x700.
        self.differences_button = QPushButton(
            QCoreApplication.translate("ComparePane", "Show differences")
        )
        self.differences_button.setToolTip(
            QCoreApplication.translate(
                "ComparePane",
                "The chosen copy (or the first) lined up with the keeper: heat map, blink, "
                "zoom (D)",
            )
        )
        self.differences_button.clicked.connect(self._request_differences)
        self._actions.addWidget(self.differences_button)
        title_row = QHBoxLayout()
        title_row.addWidget(self._title, 1)
        title_row.addLayout(self._actions)
        self._body = QWidget()
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._body)
        self._scroll.viewport().installEventFilter(_ViewportWatcher(self._relayout, self))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)
        outer.addLayout(title_row)
        outer.addWidget(self._hint)
        outer.addWidget(self._notice)
        outer.addWidget(self._scroll, 1)
        loader.thumbnailReady.connect(self._on_thumbnail)
        self.show_group(None, None)

    # -- public -----------------------------------------------------------------------------

    def show_group(self, review: Review | None, group_id: int | None) -> None:
        """Show one group of ``review`` (None: nothing selected)."""
        self._review = review
        group = None
        if review is not None and group_id is not None:
            try:
                group = review.group(group_id)
            except KeyError:
                group = None
        same = group is not None and self._group is not None and group.id == self._group.id
        self._group = group
        self._set_notice("")
        self.differences_button.setVisible(group is not None and len(group.members) > 1)
        if not same:
            self._current = 0
        self._build()

    def add_group_action(self, widget: QWidget) -> None:
        """Put a group-wide button (e.g. "These are different photos") beside the title."""
        self._actions.addWidget(widget)

    def shape(self) -> GridShape | None:
        """How the cards are laid out now (None: no cards)."""
        return self._shape

    def group_id(self) -> int | None:
        return self._group.id if self._group is not None else None

    def cards(self) -> list[MemberCard]:
        return list(self._built())

    def current_index(self) -> int:
        return self._current

    def set_current(self, index: int) -> None:
        cards = self._built()
        if not cards:
            return
        self._current = max(0, min(index, len(cards) - 1))
        self._update_states()
        self._scroll.ensureWidgetVisible(cards[self._current])

    def move_current(self, delta: int) -> None:
        self.set_current(self._current + delta)

    def toggle(self, index: int) -> None:
        """Flip keep/trash of a member, explaining a refusal instead of breaking the invariant."""
        if self._review is None or self._group is None or not self._built():
            return
        self.set_current(index)
        member = self._cards[index].member
        if self._review.toggle(self._group.id, member.path):
            self._changed()
        else:
            self._refused(member)

    def toggle_current(self) -> None:
        self.toggle(self._current)

    def trash_current(self) -> None:
        if self._review is None or self._group is None or not self._built():
            return
        member = self._cards[self._current].member
        if self._review.set_keep(self._group.id, member.path, False):
            self._changed()
        else:
            self._refused(member)

    def keep_only(self, index: int) -> None:
        if self._review is None or self._group is None or not self._built():
            return
        self.set_current(index)
        if self._review.keep_only(self._group.id, self._cards[index].member.path):
            self._changed()

    def open_viewer(self, index: int, compare: int | None = None) -> ImageViewer | None:
        """Open the large view of a member, next to member ``compare`` (zoom and pan locked);
        the others can be picked to compare with in the view."""
        if self._group is None:
            return None
        self.set_current(index)
        viewer = ImageViewer(list(self._group.members), index, self._full_loader, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.compare_with(compare)
        viewer.show()
        return viewer

    def compare_with_keeper(self, index: int) -> ImageViewer | None:
        """The large view of a member next to the group's suggested keeper."""
        if self._group is None:
            return None
        keeper = self._group.members.index(self._group.keeper)
        return self.open_viewer(index, keeper if keeper != index else None)

    def card_menu(self, index: int) -> QMenu:
        """The context menu of a member card: "Not a duplicate of the keeper" in duplicates,
        and the large view locked to the keeper's."""
        menu = QMenu(self)
        card = self._built()[index]
        group = self._group
        keeper = group.keeper if group is not None else None
        action = menu.addAction(
            QCoreApplication.translate("ComparePane", "Not a duplicate of the keeper")
        )
        action.setToolTip(
            QCoreApplication.translate(
                "ComparePane",
                "Remember that this photo differs from the keeper: it leaves this group, "
                "and later scans never group them",
            )
        )
        if group is None or group.kind is GroupKind.BURST or card.member is keeper:
            action.setEnabled(False)
        elif keeper is not None and card.member.fingerprint.digest == keeper.fingerprint.digest:
            # Same bytes are the same photo by definition: there is nothing to tell apart.
            action.setEnabled(False)
            action.setText(
                QCoreApplication.translate(
                    "ComparePane", "Not a duplicate of the keeper (identical file: cannot be)"
                )
            )
        path = card.member.path
        action.triggered.connect(lambda: self._request_not_duplicate(path))
        compare = menu.addAction(
            QCoreApplication.translate("ComparePane", "Compare with keeper...")
        )
        compare.setToolTip(
            QCoreApplication.translate(
                "ComparePane", "Large view of this photo next to the keeper, zoom and pan locked"
            )
        )
        compare.setEnabled(keeper is not None and card.member is not keeper)
        compare.triggered.connect(lambda: self.compare_with_keeper(index))
        differences = menu.addAction(
            QCoreApplication.translate("ComparePane", "Show differences from the keeper...")
        )
        differences.setEnabled(compare.isEnabled())
        differences.triggered.connect(lambda: self.differencesRequested.emit(path))
        return menu

    def _request_differences(self) -> None:
        """The current card's copy (the first copy when the keeper is current) to compare."""
        cards, group = self._built(), self._group
        if group is None or len(cards) < 2:
            return
        card = cards[self._current]
        if card.member is group.keeper:
            card = next(c for c in cards if c.member is not group.keeper)
        self.differencesRequested.emit(card.member.path)

    def _show_card_menu(self, card: MemberCard, pos: QPoint) -> None:
        menu = self.card_menu(card.index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(card.mapToGlobal(pos))

    def _request_not_duplicate(self, path: str) -> None:
        if self._group is not None:
            self.notDuplicateRequested.emit(self._group.id, path)

    def refresh_marks(self) -> None:
        """Marks changed elsewhere (auto-select, clear): repaint the cards."""
        self._reword()
        self._update_states()

    # -- internals --------------------------------------------------------------------------

    def _build(self) -> None:
        """The title at once; the cards on the next turn of the event loop (``_built``)."""
        for card in self._cards:
            self._grid.removeWidget(card)
            card.hide()  # at once: deleted on a later turn of the event loop
            card.deleteLater()
        self._cards = []
        self._shape = None
        group = self._group
        self._cards_due = group is not None
        if group is None:
            self._cards_timer.stop()
            self._title.setText(
                QCoreApplication.translate("ComparePane", "Select a group to compare its files")
            )
            self._hint.hide()
            return
        self._hint.show()
        self._current = min(self._current, len(group.members) - 1)  # the group may have shrunk
        n = len(group.members)
        kind = (
            QCoreApplication.translate("ComparePane", "Similar shots, all different photos")
            if group.kind is GroupKind.BURST
            else kind_label(group)
        )
        title = QCoreApplication.translate("ComparePane", "%n file(s) · {kind}", "", n)
        self._title.setText(plural(title, n).format(kind=kind))
        if self.isVisible():
            self._cards_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._cards_due:
            self._cards_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._cards_timer.stop()

    def _built(self) -> list[MemberCard]:
        """The cards of the group shown, the ones still due made now."""
        if self._cards_due:
            self._add_cards(limit=None)
        return self._cards

    def _add_cards(self, limit: int | None = CARDS_PER_TURN) -> None:
        """Make up to ``limit`` more cards (None: all); the rest on the next turn."""
        self._cards_timer.stop()
        group = self._group
        if not self._cards_due or group is None:  # (due implies a group; this tells the type)
            return
        keeper = group.keeper
        start = len(self._cards)
        end = len(group.members) if limit is None else min(len(group.members), start + limit)
        for i in range(start, end):
            member = group.members[i]
            card = MemberCard(i, member, keeper, self._body)
            card.clicked.connect(self.set_current)
            card.doubleClicked.connect(self.open_viewer)
            card.toggleRequested.connect(self.toggle)
            card.keepOnlyRequested.connect(self.keep_only)
            card.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            card.customContextMenuRequested.connect(
                lambda pos, c=card: self._show_card_menu(c, pos)
            )
            self._cards.append(card)
        if end < len(group.members):
            self._cards_timer.start()
        else:
            self._cards_due = False
        self._update_states(start)
        self._relayout(start)
        for card in self._cards[start:]:
            card.set_thumbnail(self._loader)

    def _relayout(self, start: int | None = None) -> None:
        """Size the photos and place the cards from ``start`` on (all when the shape changed;
        None: the pane was resized, nothing to place unless the shape changed)."""
        cards = self._cards
        if not cards or self._group is None:
            return
        viewport = self._scroll.viewport()
        width, height = viewport.width(), viewport.height()
        count = len(self._group.members)
        if count > FIT_ALL:  # the rest scrolls: leave the scroll bar its room
            width -= self._scroll.verticalScrollBar().sizeHint().width()
        sample = cards[:FIT_ALL]
        min_width = max(card.minimum_width() for card in sample)
        padding = sample[0].layout().contentsMargins()

        def chrome(compact: bool, card_width: int) -> int:
            for card in sample:
                card.set_compact(compact)
            return max(card.chrome_height(card_width) for card in sample)

        shape = grid_shape(
            count, width, height, min_width, chrome, padding.left() + padding.right() + 4
        )
        for card in sample:  # measuring tried other widths and details
            card.set_compact(shape.compact)
            card.set_width(shape.card_width)
        if shape != self._shape:
            self._shape, start = shape, 0
        elif start is None:
            return
        for i in range(start, len(cards)):
            card = cards[i]
            card.set_compact(shape.compact)
            card.set_width(shape.card_width)
            card.set_side(shape.side)
            self._grid.addWidget(card, i // shape.columns, i % shape.columns)

    def _update_states(self, start: int = 0) -> None:
        review = self._review
        for i in range(start, len(self._cards)):
            card = self._cards[i]
            kept = review is None or review.is_kept(card.member.path)
            card.set_state(kept, i == self._current)

    def _reword(self) -> None:
        """Show the group as the review words it now: from the keeper the user picked, the
        cards are in a new order with new relations and reasons (the current file stays)."""
        if self._review is None or self._group is None:
            return
        try:
            group = self._review.group(self._group.id)
        except KeyError:
            return
        if group is self._group:
            return
        current = self._group.members[min(self._current, len(self._group.members) - 1)].path
        self._group = group
        self._current = next(
            (i for i, m in enumerate(group.members) if m.path == current), self._current
        )
        self._build()

    def _set_notice(self, text: str) -> None:
        self._notice.setText(text)
        self._notice.setVisible(bool(text))

    def _changed(self) -> None:
        self._set_notice("")
        self._reword()
        self._update_states()
        if self._group is not None:
            self.marksChanged.emit(self._group.id)

    def _refused(self, member: GroupMember) -> None:
        if member.reference:
            self._set_notice(
                QCoreApplication.translate("ComparePane", "Reference files are always kept.")
            )
        else:
            self._set_notice(
                QCoreApplication.translate("ComparePane", "A group must keep at least one file.")
            )
        QApplication.beep()

    def _on_thumbnail(self, path: str) -> None:
        for card in self._cards:
            if card.member.path == path:
                card.set_thumbnail(self._loader)
