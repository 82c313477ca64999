"""The selected group's files side by side: facts, the keeper's reason, keep/trash marks."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import DuplicateGroup, GroupKind, GroupMember, Relation
from photodedup.core.review import Review
from photodedup.gui.formatting import human_size
from photodedup.gui.group_model import HASH_BITS
from photodedup.gui.image_viewer import ImageViewer
from photodedup.gui.reasons import reason_text
from photodedup.gui.thumbnails import (
    ThumbnailLoader,
    ThumbState,
    error_tile,
    placeholder_tile,
)

THUMB = 220
CARD_WIDTH = THUMB + 24
WORSE_COLOR = "#c62828"
KEEPER_COLOR = "#2e7d32"
CURRENT_COLOR = "#1565c0"


def relation_label(relation: Relation) -> str:
    labels = {
        Relation.KEEPER: QCoreApplication.translate("ComparePane", "suggested keeper"),
        Relation.IDENTICAL: QCoreApplication.translate("ComparePane", "identical file"),
        Relation.SAME_PIXELS: QCoreApplication.translate("ComparePane", "same pixels"),
        Relation.RESIZED: QCoreApplication.translate("ComparePane", "resized"),
        Relation.CONVERTED: QCoreApplication.translate("ComparePane", "converted"),
        Relation.ROTATED: QCoreApplication.translate("ComparePane", "rotated"),
        Relation.EDITED: QCoreApplication.translate("ComparePane", "edited"),
        Relation.BURST_SHOT: QCoreApplication.translate("ComparePane", "another shot"),
    }
    return labels[relation]


def photo_date(member: GroupMember) -> str:
    """EXIF capture time when known, else the file's modification time, sortable as text."""
    taken = member.fingerprint.taken
    if taken:
        return taken
    return datetime.fromtimestamp(member.fingerprint.mtime_ns / 1e9).strftime("%Y:%m:%d %H:%M:%S")


def worse_than_keeper(member: GroupMember, keeper: GroupMember) -> dict[str, str]:
    """Facts of ``member`` worse than the suggested keeper's, each with an explanation."""
    fp, kfp = member.fingerprint, keeper.fingerprint
    worse: dict[str, str] = {}
    if member is keeper:
        return worse
    if fp.pixels < kfp.pixels:
        worse["dimensions"] = QCoreApplication.translate(
            "ComparePane", "Smaller resolution than the suggested keeper ({w}×{h})"
        ).format(w=kfp.width, h=kfp.height)
    if fp.size < kfp.size:
        worse["size"] = QCoreApplication.translate(
            "ComparePane", "Smaller file than the suggested keeper ({size})"
        ).format(size=human_size(kfp.size))
    if photo_date(member) > photo_date(keeper):
        worse["date"] = QCoreApplication.translate(
            "ComparePane", "Newer copy than the suggested keeper ({date})"
        ).format(date=photo_date(keeper))
    return worse


class MemberCard(QFrame):
    """One file of the group: thumbnail, facts, mark badge and buttons."""

    clicked = Signal(int)
    doubleClicked = Signal(int)
    toggleRequested = Signal(int)
    keepOnlyRequested = Signal(int)

    def __init__(
        self, index: int, member: GroupMember, keeper: GroupMember, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.index = index
        self.member = member
        self.setObjectName("memberCard")
        self.setFixedWidth(CARD_WIDTH)
        self._kept = True
        self._current = False
        self._suggested = member is keeper
        fp = member.fingerprint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(3)

        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.badge)

        self.image = QLabel()
        self.image.setFixedSize(THUMB, THUMB)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setToolTip(
            QCoreApplication.translate("ComparePane", "Double-click to open a large view")
        )
        self._dim = QGraphicsOpacityEffect(self.image)
        self.image.setGraphicsEffect(self._dim)
        layout.addWidget(self.image)

        if self._suggested:
            reason = QLabel(
                QCoreApplication.translate("ComparePane", "Keep: {reason}").format(
                    reason=reason_text(member)
                )
            )
            reason.setStyleSheet(f"color: {KEEPER_COLOR}; font-weight: bold;")
        else:
            reason = QLabel(reason_text(member))
        reason.setWordWrap(True)
        layout.addWidget(reason)

        worse = worse_than_keeper(member, keeper)
        similarity = round(100 * (HASH_BITS - member.distance) / HASH_BITS)
        facts = [
            (
                "dimensions",
                QCoreApplication.translate("ComparePane", "{w}×{h}").format(
                    w=fp.width, h=fp.height
                ),
            ),
            ("size", human_size(fp.size)),
            ("format", fp.format),
            ("date", photo_date(member).replace(":", "-", 2)),
            ("camera", fp.camera or QCoreApplication.translate("ComparePane", "unknown camera")),
            ("folder", os.path.dirname(member.path)),
            ("name", os.path.basename(member.path)),
            ("relation", relation_label(member.relation)),
            (
                "distance",
                QCoreApplication.translate("ComparePane", "distance {d} ({p}% alike)").format(
                    d=member.distance, p=similarity
                ),
            ),
        ]
        if member.sharpness is not None:
            facts.append(
                (
                    "sharpness",
                    QCoreApplication.translate("ComparePane", "sharpness {s:.0f}").format(
                        s=member.sharpness
                    ),
                )
            )
        self.fact_labels: dict[str, QLabel] = {}
        for name, text in facts:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            metrics = label.fontMetrics()
            label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, THUMB))
            label.setToolTip(text)
            if name in worse:
                label.setStyleSheet(f"color: {WORSE_COLOR};")
                label.setText("▼ " + label.text())
                label.setToolTip(worse[name])
            self.fact_labels[name] = label
            layout.addWidget(label)
        self.worse = worse

        buttons = QHBoxLayout()
        self.toggle_button = QPushButton()
        self.toggle_button.clicked.connect(lambda: self.toggleRequested.emit(self.index))
        self.keep_only_button = QPushButton(
            QCoreApplication.translate("ComparePane", "Keep only this one")
        )
        self.keep_only_button.setToolTip(
            QCoreApplication.translate(
                "ComparePane", "Keep this file and mark the others for trash"
            )
        )
        self.keep_only_button.clicked.connect(lambda: self.keepOnlyRequested.emit(self.index))
        buttons.addWidget(self.toggle_button)
        buttons.addWidget(self.keep_only_button)
        layout.addLayout(buttons)
        if member.reference:
            for button in (self.toggle_button, self.keep_only_button):
                button.setEnabled(False)
            self.setToolTip(
                QCoreApplication.translate(
                    "ComparePane", "Reference folder: this file is always kept"
                )
            )
        layout.addStretch(1)

    def set_state(self, kept: bool, current: bool) -> None:
        self._kept = kept
        self._current = current
        if self.member.reference:
            self.badge.setText(QCoreApplication.translate("ComparePane", "🔒 Reference"))
            self.badge.setStyleSheet("background: #607d8b; color: white; border-radius: 3px;")
        elif kept:
            self.badge.setText(QCoreApplication.translate("ComparePane", "Keep"))
            self.badge.setStyleSheet(
                f"background: {KEEPER_COLOR}; color: white; border-radius: 3px;"
            )
        else:
            self.badge.setText(QCoreApplication.translate("ComparePane", "Trash"))
            self.badge.setStyleSheet(
                f"background: {WORSE_COLOR}; color: white; border-radius: 3px;"
            )
        self.toggle_button.setText(
            QCoreApplication.translate("ComparePane", "Mark for trash")
            if kept
            else QCoreApplication.translate("ComparePane", "Keep")
        )
        self.toggle_button.setToolTip(
            QCoreApplication.translate("ComparePane", "Toggle keep/trash (Space)")
        )
        self._dim.setOpacity(1.0 if kept else 0.35)
        border = CURRENT_COLOR if current else (KEEPER_COLOR if self._suggested else "#b0b0b0")
        width = 3 if current or self._suggested else 1
        background = "#fdecea" if not kept else "palette(base)"
        self.setStyleSheet(
            f"#memberCard {{ border: {width}px solid {border}; border-radius: 6px;"
            f" background: {background}; }}"
        )

    def is_kept(self) -> bool:
        return self._kept

    def set_thumbnail(self, loader: ThumbnailLoader) -> None:
        fp = self.member.fingerprint
        thumb = loader.request(fp.path, fp.mtime_ns, fp.size, THUMB)
        if thumb.state is ThumbState.READY and thumb.pixmap is not None:
            self.image.setPixmap(thumb.pixmap)
        elif thumb.state is ThumbState.FAILED:
            self.image.setPixmap(error_tile(THUMB, THUMB))
            self.image.setToolTip(
                QCoreApplication.translate("ComparePane", "Cannot show this file: {error}").format(
                    error=thumb.error
                )
            )
        else:
            self.image.setPixmap(placeholder_tile(THUMB, THUMB))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.doubleClicked.emit(self.index)


class ComparePane(QScrollArea):
    """Members of one group side by side; marks go straight to the Review."""

    marksChanged = Signal(int)  # group id
    notDuplicateRequested = Signal(int, str)  # group id, path: "not a duplicate of the keeper"

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
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._body = QWidget()
        outer = QVBoxLayout(self._body)
        self._title = QLabel()
        self._title.setStyleSheet("font-weight: bold;")
        self._hint = QLabel(
            QCoreApplication.translate(
                "ComparePane",
                "←/→ choose a file · Space keep/trash · Delete trash · double-click: large view",
            )
        )
        self._hint.setStyleSheet("color: palette(mid);")
        self._notice = QLabel()
        self._notice.setStyleSheet(f"color: {WORSE_COLOR};")
        self._row = QHBoxLayout()
        self._row.setSpacing(10)
        outer.addWidget(self._title)
        outer.addWidget(self._hint)
        outer.addWidget(self._notice)
        outer.addLayout(self._row)
        outer.addStretch(1)
        self.setWidget(self._body)
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
        self._notice.clear()
        if not same:
            self._current = 0
        self._build()

    def group_id(self) -> int | None:
        return self._group.id if self._group is not None else None

    def cards(self) -> list[MemberCard]:
        return list(self._cards)

    def current_index(self) -> int:
        return self._current

    def current_path(self) -> str | None:
        return self._cards[self._current].member.path if self._cards else None

    def set_current(self, index: int) -> None:
        if not self._cards:
            return
        self._current = max(0, min(index, len(self._cards) - 1))
        self._update_states()
        self.ensureWidgetVisible(self._cards[self._current])

    def move_current(self, delta: int) -> None:
        self.set_current(self._current + delta)

    def toggle(self, index: int) -> None:
        """Flip keep/trash of a member, explaining a refusal instead of breaking the invariant."""
        if self._review is None or self._group is None or not self._cards:
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
        if self._review is None or self._group is None or not self._cards:
            return
        member = self._cards[self._current].member
        if self._review.set_keep(self._group.id, member.path, False):
            self._changed()
        else:
            self._refused(member)

    def keep_only(self, index: int) -> None:
        if self._review is None or self._group is None or not self._cards:
            return
        self.set_current(index)
        if self._review.keep_only(self._group.id, self._cards[index].member.path):
            self._changed()

    def open_viewer(self, index: int) -> ImageViewer | None:
        """Open the large view of a member; the others can be picked to compare with."""
        if self._group is None:
            return None
        self.set_current(index)
        viewer = ImageViewer(list(self._group.members), index, self._full_loader, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def card_menu(self, index: int) -> QMenu:
        """The context menu of a member card: "Not a duplicate of the keeper" in duplicates."""
        menu = QMenu(self)
        card = self._cards[index]
        group = self._group
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
        keeper = group.keeper if group is not None else None
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
        return menu

    def _show_card_menu(self, card: MemberCard, pos: QPoint) -> None:
        menu = self.card_menu(card.index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(card.mapToGlobal(pos))

    def _request_not_duplicate(self, path: str) -> None:
        if self._group is not None:
            self.notDuplicateRequested.emit(self._group.id, path)

    def refresh_marks(self) -> None:
        """Marks changed elsewhere (auto-select, clear): repaint the cards."""
        self._update_states()

    # -- internals --------------------------------------------------------------------------

    def _build(self) -> None:
        for card in self._cards:
            self._row.removeWidget(card)
            card.deleteLater()
        self._cards = []
        while self._row.count():
            self._row.takeAt(0)
        group = self._group
        if group is None:
            self._title.setText(
                QCoreApplication.translate("ComparePane", "Select a group to compare its files")
            )
            self._hint.hide()
            return
        self._hint.show()
        kind = {
            GroupKind.IDENTICAL: QCoreApplication.translate("ComparePane", "Identical"),
            GroupKind.SIMILAR: QCoreApplication.translate("ComparePane", "Similar"),
            GroupKind.BURST: QCoreApplication.translate(
                "ComparePane", "Similar shots, all different photos"
            ),
        }[group.kind]
        self._title.setText(
            QCoreApplication.translate("ComparePane", "{n} files · {kind}").format(
                n=len(group.members), kind=kind
            )
        )
        keeper = group.keeper
        for i, member in enumerate(group.members):
            card = MemberCard(i, member, keeper, self._body)
            card.clicked.connect(self.set_current)
            card.doubleClicked.connect(self.open_viewer)
            card.toggleRequested.connect(self.toggle)
            card.keepOnlyRequested.connect(self.keep_only)
            card.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            card.customContextMenuRequested.connect(
                lambda pos, c=card: self._show_card_menu(c, pos)
            )
            card.set_thumbnail(self._loader)
            self._row.addWidget(card)
            self._cards.append(card)
        self._row.addStretch(1)
        self._current = min(self._current, len(self._cards) - 1)
        self._update_states()

    def _update_states(self) -> None:
        review = self._review
        for i, card in enumerate(self._cards):
            kept = review is None or review.is_kept(card.member.path)
            card.set_state(kept, i == self._current)

    def _changed(self) -> None:
        self._notice.clear()
        self._update_states()
        if self._group is not None:
            self.marksChanged.emit(self._group.id)

    def _refused(self, member: GroupMember) -> None:
        if member.reference:
            self._notice.setText(
                QCoreApplication.translate("ComparePane", "Reference files are always kept.")
            )
        else:
            self._notice.setText(
                QCoreApplication.translate("ComparePane", "A group must keep at least one file.")
            )
        QApplication.beep()

    def _on_thumbnail(self, path: str) -> None:
        for card in self._cards:
            if card.member.path == path:
                card.set_thumbnail(self._loader)
