"""Paints one group row: a summary line, how many files are marked, and a thumbnail strip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from photodedup.gui.group_model import STRIP_SIZE, GroupRole
from photodedup.gui.thumbnails import ThumbnailLoader, ThumbState

THUMB = 56
PAD = 6
GAP = 4
TRASH_RED = QColor(0xC6, 0x28, 0x28)

_Index = QModelIndex | QPersistentModelIndex


def marked_label(count: int) -> str:
    if count == 0:
        return QCoreApplication.translate("GroupDelegate", "nothing marked")
    return QCoreApplication.translate("GroupDelegate", "{n} marked for trash").format(n=count)


class GroupDelegate(QStyledItemDelegate):
    """Row painter for GroupListModel; asks the loader only for rows being painted (visible)."""

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = option.fontMetrics.height()
        width = PAD * 2 + STRIP_SIZE * (THUMB + GAP) + 4 * line
        return QSize(width, PAD * 3 + line + THUMB)

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

        marked = marked_label(trash_count)
        painter.setFont(opt.font)
        marked_width = opt.fontMetrics.horizontalAdvance(marked) + PAD
        painter.setPen(QPen(TRASH_RED if trash_count and not selected else text_color.color()))
        marked_rect = QRect(rect.right() - marked_width, rect.top(), marked_width, line)
        painter.drawText(marked_rect, Qt.AlignmentFlag.AlignRight, marked)

        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QPen(text_color.color()))
        summary_rect = QRect(rect.left(), rect.top(), rect.width() - marked_width - PAD, line)
        summary = painter.fontMetrics().elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideRight,
            summary_rect.width(),
        )
        painter.drawText(summary_rect, Qt.AlignmentFlag.AlignLeft, summary)

        self._paint_strip(painter, index, rect.left(), rect.top() + line + PAD, rect.right())
        painter.setFont(opt.font)
        painter.setPen(QPen(text_color.color()))
        count = index.data(GroupRole.FILE_COUNT) or 0
        if count > STRIP_SIZE:
            x = rect.left() + STRIP_SIZE * (THUMB + GAP)
            more = QRect(x, rect.top() + line + PAD, 4 * line, THUMB)
            painter.drawText(more, Qt.AlignmentFlag.AlignVCenter, f"+{count - STRIP_SIZE}")
        painter.restore()

    def _paint_strip(self, painter: QPainter, index: _Index, x: int, y: int, right: int) -> None:
        for path, mtime_ns, size, kept in index.data(GroupRole.THUMBS) or []:
            if x + THUMB > right:
                break
            thumb = self._loader.request(path, mtime_ns, size, THUMB)
            if thumb.state is ThumbState.READY and thumb.pixmap is not None:
                pix = thumb.pixmap
            elif thumb.state is ThumbState.FAILED:
                pix = self._loader.error_tile(THUMB, THUMB)
            else:
                pix = self._loader.placeholder_tile(THUMB, THUMB)
            px = x + (THUMB - pix.width()) // 2
            py = y + (THUMB - pix.height()) // 2
            painter.setOpacity(1.0 if kept else 0.35)
            painter.drawPixmap(px, py, pix)
            painter.setOpacity(1.0)
            if not kept:
                # A red bar under a file marked for trash, readable even in grayscale prints.
                painter.fillRect(QRect(x, y + THUMB - 4, THUMB, 4), TRASH_RED)
            x += THUMB + GAP
