"""Finds text a widget cannot show whole: the check behind the layout tests.

Each visible widget of a window is measured with its own font: a label's text against its
contents (the height for word-wrapped labels), a button's text and icon against the room its
style leaves, group box titles, tab titles, the status bar message, combo box items and line
edit placeholders. Text a widget shortens on purpose (an elided label, a list row) is fine
when its tooltip holds the whole text.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStatusBar,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from photodedup.gui.elided_label import ElidedLabel
from photodedup.gui.group_delegate import PAD, GroupDelegate, row_texts
from photodedup.gui.group_model import GroupRole, marked_label


def _name(widget: QWidget) -> str:
    chain = []
    w: QWidget | None = widget
    while w is not None and len(chain) < 3:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(chain))


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _label(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rect = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    metrics = label.fontMetrics()
    if isinstance(label, ElidedLabel):
        full = label.full_text()
        if label.text() != full and full not in label.toolTip():
            return f"shortened without a tooltip: {full!r}"
        if metrics.horizontalAdvance(label.text()) > rect.width():
            return f"{label.text()!r} wider than {rect.width()} px"
        return None
    text = _plain(label)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"{text!r} needs {needed} px of height, has {label.height()}"
        return None
    flags = Qt.TextFlag.TextShowMnemonic if label.buddy() is not None else 0
    size = metrics.size(flags, text)
    if size.width() > rect.width() or size.height() > rect.height():
        return f"{text!r} needs {size.width()}x{size.height()}, has {rect.width()}x{rect.height()}"
    return None


def _button(button: QAbstractButton) -> str | None:
    text = button.text()
    if not text:
        return None
    metrics = button.fontMetrics()
    text_width = metrics.size(Qt.TextFlag.TextShowMnemonic, text).width()
    icon = 0 if button.icon().isNull() else button.iconSize().width() + 4
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        menu = 0 if button.menu() is None else 16
        if text_width + icon + menu > room.width():
            return f"{text!r} needs {text_width + icon + menu} px, has {room.width()}"
        return None
    if isinstance(button, QToolButton | QCheckBox | QRadioButton):
        hint = button.sizeHint().width()
        if hint > button.width():
            return f"{text!r} needs {hint} px, has {button.width()}"
    return None


def _group_box(box: QGroupBox) -> str | None:
    title = box.title()
    needed = box.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, title).width() + 16
    if title and needed > box.width():
        return f"title {title!r} needs {needed} px, has {box.width()}"
    return None


def _tab_bar(bar: QTabBar) -> str | None:
    for i in range(bar.count()):
        if bar.tabRect(i).width() < bar.tabSizeHint(i).width():
            return f"tab {bar.tabText(i)!r} is {bar.tabRect(i).width()} px of {bar.tabSizeHint(i)}"
    return None


def _status_bar(bar: QStatusBar) -> str | None:
    message = bar.currentMessage()
    if not message:
        return None
    permanent = sum(
        w.width() + 8 for w in bar.findChildren(QWidget) if w.isVisible() and w.parent() is bar
    )
    room = bar.width() - permanent - 12
    needed = bar.fontMetrics().horizontalAdvance(message)
    return f"message {message!r} needs {needed} px, has {room}" if needed > room else None


def _combo(combo: QComboBox) -> str | None:
    if combo.sizeHint().width() > combo.width():
        return f"items like {combo.currentText()!r} need {combo.sizeHint().width()} px"
    return None


def _line_edit(edit: QLineEdit) -> str | None:
    placeholder = edit.placeholderText()
    if edit.text() or not placeholder:
        return None
    margins = edit.textMargins()
    clear = 22 if edit.isClearButtonEnabled() else 0
    room = edit.contentsRect().width() - margins.left() - margins.right() - 8 - clear
    needed = edit.fontMetrics().horizontalAdvance(placeholder)
    if needed > room and placeholder not in edit.toolTip():
        return f"placeholder {placeholder!r} needs {needed} px, has {room}"
    return None


def _visible_rows(view: QAbstractItemView) -> list[QModelIndex]:
    model = view.model()
    if model is None:
        return []
    viewport = view.viewport().rect()
    rows = []
    for row in range(min(model.rowCount(), 200)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if view.visualRect(index).intersects(viewport):
                rows.append(index)
    return rows


def _item_view(view: QAbstractItemView) -> str | None:
    """Rows shortened by the view must have the whole text in their tooltip."""
    for index in _visible_rows(view):
        rect: QRect = view.visualRect(index)
        tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        if isinstance(view.itemDelegate(), GroupDelegate):
            bold = QFont(view.font())
            bold.setBold(True)
            full = str(index.data(Qt.ItemDataRole.DisplayRole))
            marked = marked_label(index.data(GroupRole.TRASH_COUNT) or 0)
            summary_shown, marked_shown, _ = row_texts(
                full, marked, view.fontMetrics(), QFontMetrics(bold), rect.width() - 2 * PAD
            )
            for whole, shown in ((full, summary_shown), (marked, marked_shown)):
                if shown != whole and whole not in tooltip:
                    return f"row {index.row()}: {shown!r} shortened, tooltip lacks {whole!r}"
            continue
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        needed = view.fontMetrics().horizontalAdvance(text) + 8
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            needed += view.iconSize().width() + 4 if view.iconSize().isValid() else 20
        if needed > rect.width() and text not in tooltip:
            return f"row {index.row()}: {text!r} needs {needed} px, tooltip lacks it"
    return None


def _in_scroll_area(widget: QWidget) -> bool:
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QAbstractScrollArea):
            return True
        w = w.parentWidget()
    return False


def cut_off_texts(window: QWidget) -> list[str]:
    """``"<widget>: <what does not fit>"`` for each visible text that does not fit."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        problem = None
        if isinstance(widget, QLabel):
            problem = _label(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button(widget)
        elif isinstance(widget, QGroupBox):
            problem = _group_box(widget)
        elif isinstance(widget, QTabBar):
            problem = _tab_bar(widget)
        elif isinstance(widget, QStatusBar):
            problem = _status_bar(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo(widget)
        elif isinstance(widget, QLineEdit):
            problem = _line_edit(widget)
        elif isinstance(widget, QAbstractItemView):
            problem = _item_view(widget)
        has_text = isinstance(widget, QLabel | QAbstractButton | QGroupBox) and bool(
            widget.title() if isinstance(widget, QGroupBox) else widget.text()
        )
        if problem is None and has_text and not _in_scroll_area(widget):
            # Whole in itself but cut by its parent (a window too small for its layout).
            shown = widget.visibleRegion().boundingRect()
            if shown.width() < widget.width() or shown.height() < widget.height():
                problem = f"only {shown.width()}x{shown.height()} of {widget.size()} shown"
        if problem is not None:
            found.append(f"{_name(widget)}: {problem}")
    return found
