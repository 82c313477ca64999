"""The group list's rows: marked thumbnails are framed, never faded; short rows keep tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from photodedup.core.review import Review
from photodedup.gui.group_delegate import GAP, PAD, THUMB, row_texts
from photodedup.gui.group_model import GroupListModel, GroupRole, marked_label
from photodedup.gui.review_panel import ReviewPanel


def test_a_marked_thumbnail_is_drawn_as_it_is(qtbot, review: Review) -> None:
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_review(review)
    view, loader = panel.list_view, panel._loader
    row = next(
        r
        for r in range(panel.proxy.rowCount())
        if panel.proxy.index(r, 0).data(GroupRole.TRASH_COUNT)
    )
    index = panel.proxy.index(row, 0)
    strip = index.data(GroupRole.THUMBS)
    marked = next(i for i, (*_, kept) in enumerate(strip) if not kept)
    path, mtime_ns, size, _kept = strip[marked]

    def thumb_ready() -> bool:
        view.viewport().repaint()
        return loader.request(path, mtime_ns, size, THUMB).pixmap is not None

    qtbot.waitUntil(thumb_ready, timeout=10_000)
    pixmap = loader.request(path, mtime_ns, size, THUMB).pixmap
    shot = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    line = view.fontMetrics().height()
    x = rect.left() + PAD + marked * (THUMB + GAP) + (THUMB - pixmap.width()) // 2
    y = rect.top() + 2 * PAD + line + (THUMB - pixmap.height()) // 2
    centre = (pixmap.width() // 2, pixmap.height() // 2)
    drawn = shot.pixelColor(x + centre[0], y + centre[1])
    assert drawn == pixmap.toImage().pixelColor(*centre)  # the photo's own colour
    frame = shot.pixelColor(x - (THUMB - pixmap.width()) // 2 + 1, y + pixmap.height() // 2)
    assert frame.red() > 150 and frame.green() < 80  # the mark: a red frame around it


def test_a_narrow_row_shortens_its_words_and_its_tooltip_has_them(review: Review, qapp) -> None:
    font = QFont()
    bold = QFont(font)
    bold.setBold(True)
    summary = "3 files · 1.2 MB reclaimable · Resized"
    marked = marked_label(5)
    shown = row_texts(summary, marked, QFontMetrics(font), QFontMetrics(bold), 2000)
    assert shown[:2] == (summary, marked)  # wide: whole
    short_summary, short_marked, width = row_texts(
        summary, marked, QFontMetrics(font), QFontMetrics(bold), 200
    )
    assert short_summary != summary and short_summary.endswith("…")
    assert QFontMetrics(font).horizontalAdvance(short_marked) <= width
    model = GroupListModel()
    model.set_review(review)
    index = model.index(0, 0)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DisplayRole) in tooltip
    assert marked_label(index.data(GroupRole.TRASH_COUNT)) in tooltip
