"""One file of a group as a card: thumbnail, facts worse than the keeper's, mark and buttons."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import Companion, CompanionKind, GroupMember, Relation
from photodedup.gui.formatting import human_size, plural
from photodedup.gui.group_model import HASH_BITS
from photodedup.gui.reasons import reason_text
from photodedup.gui.thumbnails import (
    ThumbnailLoader,
    ThumbState,
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


class MemberCard(QFrame):
    """One file of the group: thumbnail, facts, mark badge and buttons."""

    clicked = Signal(int)
    doubleClicked = Signal(int)
    toggleRequested = Signal(int)
    keepOnlyRequested = Signal(int)
    differencesRequested = Signal(str)  # path: "show what differs from the keeper"

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
        ]
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
        self.fact_labels: dict[str, QLabel] = {}
        for name, text in facts:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            metrics = label.fontMetrics()
            label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, THUMB))
            label.setToolTip(text)
            if name == "similarity":
                label.setToolTip(distance_tooltip(member.distance))
            if name in worse:
                label.setStyleSheet(f"color: {WORSE_COLOR};")
                label.setText("▼ " + label.text())
                label.setToolTip(worse[name])
            self.fact_labels[name] = label
            layout.addWidget(label)
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
        if not self._suggested:
            self.differences_button = QPushButton(
                QCoreApplication.translate("ComparePane", "Show differences")
            )
            self.differences_button.setToolTip(
                QCoreApplication.translate(
                    "ComparePane", "This copy lined up with the keeper: heat map, blink, zoom"
                )
            )
            self.differences_button.clicked.connect(
                lambda: self.differencesRequested.emit(member.path)
            )
            layout.addWidget(self.differences_button)
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
            self.image.setPixmap(loader.error_tile(THUMB, THUMB))
            self.image.setToolTip(
                QCoreApplication.translate("ComparePane", "Cannot show this file: {error}").format(
                    error=thumb.error
                )
            )
        else:
            self.image.setPixmap(loader.placeholder_tile(THUMB, THUMB))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.doubleClicked.emit(self.index)
