"""Paints one group row: a summary line, how many files are marked, and a thumbnail strip."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from photodedup.gui.group_model import GroupRole, marked_label
from photodedup.gui.thumbnails import ThumbnailLoader, ThumbState

THUMB = 56
PAD = 6
GAP = 4
TRASH_RED = QColor(0xC6, 0x28, 0x28)

_Index = QModelIndex | QPersistentModelIndex


def row_texts(
    summary: str, marked: str, metrics: QFontMetrics, bold: QFontMetrics, width: int
) -> tuple[str, str, int]:
    """The summary and the marked count as a row ``width`` wide shows them, and the count's
    width: shortened with "…" when both do not fit (the row's tooltip has them whole)."""
    marked_width = metrics.horizontalAdvance(marked) + PAD
    summary_width = bold.horizontalAdvance(summary)
    if summary_width + PAD + marked_width > width:
        marked_width = min(marked_width, max(width // 2, width - summary_width - PAD))
    marked_shown = metrics.elidedText(marked, Qt.TextElideMode.ElideRight, marked_width - PAD)
    summary_shown = bold.elidedText(
        summary, Qt.TextElideMode.ElideRight, max(0, width - marked_width - PAD)
    )
    return summary_shown, marked_shown, marked_width


class GroupDelegate(QStyledItemDelegate):
    """Row painter for GroupListModel; asks the loader only for rows being painted (visible)."""

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = option.fontMetrics.height()
        # Narrow enough for any list: a row is as wide as the list, its strip as long as fits.
        return QSize(PAD * 2 + 2 * (THUMB + GAP), PAD * 3 + line + THUMB)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.highlightedText() if selected else opt.palette.text()

        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        line = opt.fontMetrics.height()
        trash_count = index.data(GroupRole.TRASH_COUNT) or 0

        bold = QFont(opt.font)
        bold.setBold(True)
        summary, marked, marked_width = row_texts(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            marked_label(trash_count),
            opt.fontMetrics,
            QFontMetrics(bold),
            rect.width(),
        )
        painter.setFont(opt.font)
        painter.setPen(QPen(TRASH_RED if trash_count and not selected else text_color.color()))
        marked_rect = QRect(rect.right() - marked_width, rect.top(), marked_width, line)
        painter.drawText(marked_rect, Qt.AlignmentFlag.AlignRight, marked)
        painter.setFont(bold)
        painter.setPen(QPen(text_color.color()))
        summary_rect = QRect(rect.left(), rect.top(), rect.width() - marked_width - PAD, line)
        painter.drawText(summary_rect, Qt.AlignmentFlag.AlignLeft, summary)

        painter.setFont(opt.font)
        more_width = opt.fontMetrics.horizontalAdvance("+0000") + GAP
        top = rect.top() + line + PAD
        shown = self._paint_strip(painter, index, rect.left(), top, rect.right() - more_width)
        painter.setPen(QPen(text_color.color()))
        count = index.data(GroupRole.FILE_COUNT) or 0
        if count > shown:
            more = QRect(rect.left() + shown * (THUMB + GAP), top, more_width, THUMB)
            painter.drawText(more, Qt.AlignmentFlag.AlignVCenter, f"+{count - shown}")
        painter.restore()

    def _paint_strip(self, painter: QPainter, index: _Index, x: int, y: int, right: int) -> int:
        """Paint the group's first thumbnails up to ``right``; returns how many."""
        shown = 0
        for path, mtime_ns, size, kept in index.data(GroupRole.THUMBS) or []:
            if x + THUMB > right:
                break
            shown += 1
            thumb = self._loader.request(path, mtime_ns, size, THUMB)
            if thumb.state is ThumbState.READY and thumb.pixmap is not None:
                pix = thumb.pixmap
            elif thumb.state is ThumbState.FAILED:
                pix = self._loader.error_tile(THUMB, THUMB)
            else:
                pix = self._loader.placeholder_tile(THUMB, THUMB)
            px = x + (THUMB - pix.width()) // 2
            py = y + (THUMB - pix.height()) // 2
            painter.drawPixmap(px, py, pix)  # never faded: the mark shows around the photo
            if not kept:
                # A red frame, and a bar under it readable even in grayscale prints.
                painter.setPen(QPen(TRASH_RED, 2))
                painter.drawRect(QRect(x + 1, y + 1, THUMB - 2, THUMB - 2))
                painter.fillRect(QRect(x, y + THUMB - 5, THUMB, 5), TRASH_RED)
            x += THUMB + GAP
        return shown
