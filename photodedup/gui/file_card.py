"""One file of a group as a card: thumbnail, facts worse than the keeper's, mark and buttons."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import Companion, CompanionKind, GroupMember, Relation
from photodedup.gui.elided_label import ElidedLabel
from photodedup.gui.formatting import human_size, plural
from photodedup.gui.group_model import HASH_BITS
from photodedup.gui.reasons import reason_text
from photodedup.gui.thumbnails import (
    ThumbnailLoader,
    ThumbState,
)

# The thumbnail decoded for a card (twice this for photos shown larger).
THUMB = 220
CARD_MARGIN = 8
WORSE_COLOR = "#c62828"
KEEPER_COLOR = "#2e7d32"
REFERENCE_COLOR = "#607d8b"
CURRENT_TINT = "rgba(21, 101, 192, 28)"
# The facts a compact card shows (the others are in its photo's tooltip).
COMPACT_FACTS = ("dimensions", "size", "name")


def relation_label(relation: Relation) -> str:
    labels = {
        Relation.KEEPER: QCoreApplication.translate("ComparePane", "suggested keeper"),
        Relation.IDENTICAL: QCoreApplication.translate("ComparePane", "identical file"),
        Relation.SAME_PIXELS: QCoreApplication.translate("ComparePane", "same pixels"),
        Relation.RESIZED: QCoreApplication.translate("ComparePane", "resized"),
        Relation.CONVERTED: QCoreApplication.translate("ComparePane", "converted"),
        Relation.ROTATED: QCoreApplication.translate("ComparePane", "rotated"),
        Relation.EDITED: QCoreApplication.translate("ComparePane", "edited"),
        Relation.FRAMED: QCoreApplication.translate("ComparePane", "framed"),
        Relation.DAMAGED: QCoreApplication.translate("ComparePane", "damaged"),
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
    # Only a difference the reader can see: no red arrow beside "820 kB" when the keeper's is too.
    if fp.size < kfp.size and human_size(fp.size) != human_size(kfp.size):
        worse["size"] = QCoreApplication.translate(
            "ComparePane", "Smaller file than the suggested keeper ({size})"
        ).format(size=human_size(kfp.size))
    if photo_date(member) > photo_date(keeper):
        worse["date"] = QCoreApplication.translate(
            "ComparePane", "Newer copy than the suggested keeper ({date})"
        ).format(date=photo_date(keeper))
    return worse


def similarity_words(distance: int) -> str:
    """How alike a copy looks to the keeper, in words (the bit distance goes in a tooltip)."""
    if distance <= 2:
        return QCoreApplication.translate("ComparePane", "Looks the same")
    if distance <= 6:
        return QCoreApplication.translate("ComparePane", "Very similar")
    if distance <= 10:
        return QCoreApplication.translate("ComparePane", "Similar")
    return QCoreApplication.translate("ComparePane", "Somewhat similar")


def distance_tooltip(distance: int) -> str:
    text = QCoreApplication.translate(
        "ComparePane",
        "The fingerprints of this copy and the keeper differ in %n bit(s) of {bits}",
        "",
        distance,
    )
    return plural(text, distance).format(bits=HASH_BITS)


def companion_line(companion: Companion) -> str:
    """A short line for a file that travels with the photo: "+ XMP sidecar: rating 5, edits"."""
    c = companion
    if c.kind is CompanionKind.LIVE_VIDEO:
        return QCoreApplication.translate("ComparePane", "+ Live Photo video, {size}").format(
            size=human_size(c.size)
        )
    if c.kind is CompanionKind.AAE:
        return QCoreApplication.translate("ComparePane", "+ iPhone edits (.AAE)")
    details = []
    if c.rating:
        details.append(QCoreApplication.translate("ComparePane", "rating {n}").format(n=c.rating))
    if c.edits:
        details.append(QCoreApplication.translate("ComparePane", "edits"))
    if c.keywords:
        n = len(c.keywords)
        details.append(plural(QCoreApplication.translate("ComparePane", "%n keyword(s)", "", n), n))
    if c.taken:
        details.append(QCoreApplication.translate("ComparePane", "date"))
    if c.gps:
        details.append(QCoreApplication.translate("ComparePane", "GPS"))
    if c.kind is CompanionKind.XMP:
        name = QCoreApplication.translate("ComparePane", "+ XMP sidecar")
    else:
        name = QCoreApplication.translate("ComparePane", "+ Google Takeout metadata")
    if not details:
        return name
    return QCoreApplication.translate("ComparePane", "{name}: {details}").format(
        name=name, details=", ".join(details)
    )


class PhotoView(QLabel):
    """The photo, scaled to the square it is given, never faded: marks show around it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_side(THUMB)

    def set_side(self, side: int) -> None:
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        pixmap = self.pixmap()
        if pixmap.isNull():
            return
        size = pixmap.size()
        if (
            size.width() > self.width()
            or size.height() > self.height()
            or (size.width() < self.width() and size.height() < self.height())
        ):
            size.scale(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(QPoint(0, 0), size)
        target.moveCenter(self.rect().center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, pixmap)


def request_side(side: int) -> int:
    """The thumbnail size to decode for a photo shown ``side`` pixels wide: two steps, so a
    resized window does not decode every photo again."""
    return THUMB if side <= THUMB + THUMB // 10 else 2 * THUMB


class MemberCard(QFrame):
    """One file of the group: mark badge, photo, facts and buttons.

    The mark shows three ways, none of them on the photo: the badge (a symbol and a word), the
    frame's colour and the pressed state of the Trash button. The photo's side follows the
    space the compare pane gives (``set_side``); ``set_compact`` keeps only the main facts.
    """

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
        # As tall as its contents: a row of short cards does not stretch them to the pane.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self._kept = True
        self._current = False
        self._compact = False
        self._loader: ThumbnailLoader | None = None
        self._suggested = member is keeper
        fp = member.fingerprint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(CARD_MARGIN, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)
        layout.setSpacing(3)

        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.badge)

        self.image = PhotoView()
        self.image.setToolTip(
            QCoreApplication.translate("ComparePane", "Double-click to open a large view")
        )
        layout.addWidget(self.image, 0, Qt.AlignmentFlag.AlignHCenter)

        if self._suggested:
            self.reason = QLabel(
                QCoreApplication.translate("ComparePane", "Keep: {reason}").format(
                    reason=reason_text(member)
                )
            )
            self.reason.setStyleSheet(f"color: {KEEPER_COLOR}; font-weight: bold;")
        else:
            self.reason = QLabel(reason_text(member))
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)

        worse = worse_than_keeper(member, keeper)
        facts = [
            (
                "dimensions",
                QCoreApplication.translate("ComparePane", "{w}×{h}").format(
                    w=fp.width, h=fp.height
                ),
            ),
            ("size", human_size(fp.size)),
            ("format", fp.format),
        ]
        if not self._suggested:  # the keeper's badge and reason say what it is
            facts.append(("relation", relation_label(member.relation)))
        if not self._suggested and member.relation is not Relation.BURST_SHOT:
            facts.append(("similarity", similarity_words(member.distance)))
        if member.sharpness is not None:
            facts.append(
                (
                    "sharpness",
                    QCoreApplication.translate("ComparePane", "sharpness {s:.0f}").format(
                        s=member.sharpness
                    ),
                )
            )
        facts += [
            ("date", photo_date(member).replace(":", "-", 2)[:16]),  # seconds in the tooltip
            ("camera", fp.camera or QCoreApplication.translate("ComparePane", "unknown camera")),
            ("folder", os.path.dirname(member.path)),
            ("name", os.path.basename(member.path)),
        ]
        self._facts = QGridLayout()
        self._facts.setContentsMargins(0, 0, 0, 0)
        self._facts.setHorizontalSpacing(6)
        self._facts.setVerticalSpacing(1)
        self._facts.setColumnStretch(0, 1)
        self._facts.setColumnStretch(1, 1)
        self.fact_labels: dict[str, ElidedLabel] = {}
        for name, text in facts:
            label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
            tooltip = text
            if name == "date":
                tooltip = photo_date(member).replace(":", "-", 2)
            if name == "similarity":
                tooltip = f"{text}\n{distance_tooltip(member.distance)}"
            if name in worse:
                label.setStyleSheet(f"color: {WORSE_COLOR};")
                text = "▼ " + text
                tooltip = f"{text}\n{worse[name]}"
            label.set_full_text(text, tooltip)
            self.fact_labels[name] = label
        layout.addLayout(self._facts)  # first: the facts become the card's children
        self._place_facts()
        self.worse = worse
        self.companion_labels: list[QLabel] = []
        for companion in fp.companions:
            label = QLabel(companion_line(companion))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setToolTip(
                QCoreApplication.translate(
                    "ComparePane", "Goes to the trash and comes back with this photo: {path}"
                ).format(path=companion.path)
            )
            self.companion_labels.append(label)
            layout.addWidget(label)

        # The action row: more buttons (add_action) go after these two; on a narrow card they
        # stack (set_width).
        self.actions_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.actions_row.setSpacing(4)
        self.toggle_button = QPushButton(QCoreApplication.translate("ComparePane", "Trash"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.setStyleSheet(
            f"QPushButton:checked {{ background: {WORSE_COLOR}; color: white;"
            " border: 1px solid #8e0000; border-radius: 3px; padding: 4px 8px; }"
        )
        self.toggle_button.clicked.connect(self._toggle_clicked)
        self.keep_only_button = QPushButton(
            QCoreApplication.translate("ComparePane", "Keep only this")
        )
        self.keep_only_button.setToolTip(
            QCoreApplication.translate(
                "ComparePane", "Keep this file and mark the others for trash"
            )
        )
        self.keep_only_button.clicked.connect(lambda: self.keepOnlyRequested.emit(self.index))
        self.add_action(self.toggle_button)
        self.add_action(self.keep_only_button)
        layout.addLayout(self.actions_row)
        if member.reference:
            for button in (self.toggle_button, self.keep_only_button):
                button.setEnabled(False)
            self.setToolTip(
                QCoreApplication.translate(
                    "ComparePane", "Reference folder: this file is always kept"
                )
            )
        layout.addStretch(1)

    def add_action(self, button: QAbstractButton) -> None:
        """Add a button to the card's action row (they share its width)."""
        policy = button.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.MinimumExpanding)
        button.setSizePolicy(policy)
        self.actions_row.addWidget(button)

    # -- size -------------------------------------------------------------------------------

    def set_side(self, side: int) -> None:
        """Show the photo ``side`` pixels square; the card is as wide as its photo or wider."""
        before = request_side(self.image.width())
        self.image.set_side(side)
        if self._loader is not None and request_side(side) != before:
            self.set_thumbnail(self._loader)

    def set_width(self, width: int) -> None:
        """Make the card ``width`` pixels wide, its buttons side by side when they fit."""
        self.setFixedWidth(width)
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        side_by_side = self._buttons_width(sum) <= inner
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if direction != self.actions_row.direction():
            self.actions_row.setDirection(direction)
            self.layout().invalidate()  # heightForWidth is cached per layout pass

    def _buttons_width(self, combine: Callable[[list[int]], int]) -> int:
        widths = [
            self.actions_row.itemAt(i).widget().sizeHint().width()
            for i in range(self.actions_row.count())
        ]
        if combine is max:
            return max(widths)
        return sum(widths) + self.actions_row.spacing() * (len(widths) - 1)

    def set_compact(self, compact: bool) -> None:
        """Compact: only the size facts and the name under the photo (all facts in tooltips)."""
        if compact != self._compact:
            self._compact = compact
            self._place_facts()
        self.reason.setVisible(not compact)
        for label in self.companion_labels:
            label.setVisible(not compact)
        self.image.setToolTip(self._image_tooltip())

    def _place_facts(self) -> None:
        """Short facts two a line, the long ones a line each; compact: size facts and name."""
        wide = {"date", "camera", "folder", "name"}
        shown = [
            (name, label)
            for name, label in self.fact_labels.items()
            if not self._compact or name in COMPACT_FACTS
        ]
        for label in self.fact_labels.values():
            label.hide()
        row = column = 0
        for i, (name, label) in enumerate(shown):
            following = shown[i + 1][0] if i + 1 < len(shown) else None
            alone = following is None or following in wide  # no short fact to pair with
            if name in wide or self._compact or (column == 0 and alone):
                row += column
                self._facts.addWidget(label, row, 0, 1, 2)
                row, column = row + 1, 0
            else:
                self._facts.addWidget(label, row, column)
                row, column = row + column, 1 - column
        for _name, label in shown:
            label.show()  # after addWidget made it the card's: never a window of its own

    def is_compact(self) -> bool:
        return self._compact

    def chrome_height(self, width: int) -> int:
        """The card's height at ``width`` without its photo: what the text and buttons need."""
        self.set_width(width)
        if self.hasHeightForWidth():
            height = self.heightForWidth(width)
        else:
            height = self.sizeHint().height()
        return height - self.image.height()

    def minimum_width(self) -> int:
        """The narrowest the card can be with every button's text whole."""
        margins = self.layout().contentsMargins()
        badge = self.badge.fontMetrics().horizontalAdvance(self.badge.text()) + 12
        return max(self._buttons_width(max), badge, 100) + margins.left() + margins.right()

    def _image_tooltip(self) -> str:
        tip = QCoreApplication.translate("ComparePane", "Double-click to open a large view")
        if not self._compact:
            return tip
        lines = [self.reason.text()]
        lines += [label.full_text() for label in self.fact_labels.values()]
        lines += [label.text() for label in self.companion_labels]
        return "\n".join([*lines, "", tip])

    # -- marks ------------------------------------------------------------------------------

    def _toggle_clicked(self) -> None:
        self.toggle_button.setChecked(not self._kept)  # the review decides, set_state shows it
        self.toggleRequested.emit(self.index)

    def set_state(self, kept: bool, current: bool) -> None:
        self._kept = kept
        self._current = current
        if self.member.reference:
            self.badge.setText(QCoreApplication.translate("ComparePane", "🔒 Reference"))
            color = REFERENCE_COLOR
        elif kept:
            self.badge.setText(QCoreApplication.translate("ComparePane", "✓ Keep"))
            color = KEEPER_COLOR
        else:
            self.badge.setText(QCoreApplication.translate("ComparePane", "✕ Trash"))
            color = WORSE_COLOR
        self.badge.setStyleSheet(
            f"background: {color}; color: white; border-radius: 3px; font-weight: bold;"
        )
        self.toggle_button.setChecked(not kept)
        self.toggle_button.setToolTip(
            QCoreApplication.translate("ComparePane", "Marked for trash: press to keep (Space)")
            if not kept
            else QCoreApplication.translate("ComparePane", "Mark for trash (Space)")
        )
        # The frame has the mark's colour; the current card is told by a wider frame and a
        # tinted background, so the mark's colour never changes with the selection.
        width = 4 if current else 2
        background = CURRENT_TINT if current else "palette(base)"
        self.setStyleSheet(
            f"#memberCard {{ border: {width}px solid {color}; border-radius: 6px;"
            f" background: {background}; }}"
        )

    def is_kept(self) -> bool:
        return self._kept

    def set_thumbnail(self, loader: ThumbnailLoader) -> None:
        self._loader = loader
        fp = self.member.fingerprint
        side = request_side(self.image.width())
        thumb = loader.request(fp.path, fp.mtime_ns, fp.size, side)
        if thumb.state is ThumbState.READY and thumb.pixmap is not None:
            self.image.setPixmap(thumb.pixmap)
        elif thumb.state is ThumbState.FAILED:
            self.image.setPixmap(loader.error_tile(side, side))
            self.image.setToolTip(
                QCoreApplication.translate("ComparePane", "Cannot show this file: {error}").format(
                    error=thumb.error
                )
            )
        elif self.image.pixmap().isNull():
            # A larger decode keeps showing the smaller one until it arrives.
            self.image.setPixmap(loader.placeholder_tile(side, side))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.doubleClicked.emit(self.index)
