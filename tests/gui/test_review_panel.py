"""The review panel driven like a user: keys, clicks, filter, sort, viewer, removal after trash."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from photodedup.core.review import Review
from photodedup.gui.file_card import MemberCard, request_side, worse_than_keeper
from photodedup.gui.formatting import human_size
from photodedup.gui.group_model import GroupRole, SortKey
from photodedup.gui.image_viewer import ImageViewer
from photodedup.gui.review_panel import ReviewPanel


@pytest.fixture
def panel(qtbot):
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def loaded(panel, review):
    panel.set_review(review)
    panel.sort_box.setCurrentIndex(panel.sort_box.findData(SortKey.SIMILARITY))
    panel.move_group(-10)  # top row: identical group 2 (cat.jpg)
    panel.list_view.setFocus()
    return panel


def current_ids(panel: ReviewPanel) -> list[int]:
    return [panel.proxy.index(r, 0).data(GroupRole.GROUP_ID) for r in range(panel.proxy.rowCount())]


def test_empty_states(panel) -> None:
    assert panel.review() is None
    assert panel.empty_label.isVisible()
    assert "Add folders and press Scan" in panel.empty_label.text()
    panel.set_review(Review([]))
    assert "No duplicates found" in panel.empty_label.text()
    assert panel.empty_label.isVisible()


def test_groups_shown_and_first_selected(loaded, review) -> None:
    assert not loaded.empty_label.isVisible()
    assert loaded.list_view.isVisible()
    assert loaded.proxy.rowCount() == 3
    assert loaded.current_group_id() == 2
    cards = loaded.compare.cards()
    assert [c.member.path for c in cards] == [m.path for m in review.group(2).members]
    size = human_size(review.trash_count_and_bytes()[1])
    assert loaded.summary.text() == f"3 groups · 4 files marked for trash ({size})"


def test_cards_are_made_after_the_selection_returns(qtbot, panel, review) -> None:
    """Selecting a group sets the title at once and leaves its cards to the next turn of the
    event loop, so a large result's first selection does not hold the window; asking for the
    cards makes them at once."""
    panel.set_review(review)
    group = review.group(panel.current_group_id())
    assert panel.compare.findChildren(MemberCard) == []
    assert panel.compare._title.text().startswith(f"{len(group.members)} files")
    qtbot.waitUntil(lambda: len(panel.compare.findChildren(MemberCard)) == len(group.members))
    assert [c.member.path for c in panel.compare.cards()] == [m.path for m in group.members]
    panel.move_group(1)
    moved = review.group(panel.current_group_id())
    assert [c.member.path for c in panel.compare.cards()] == [m.path for m in moved.members]


def test_a_hidden_pane_makes_no_cards_until_shown(qtbot, panel, review) -> None:
    panel.set_review(review)
    panel.hide()  # in the same turn as the selection: the cards due are not made
    for _ in range(3):
        QApplication.processEvents()
    assert panel.compare.findChildren(MemberCard) == []
    panel.show()
    qtbot.waitUntil(lambda: panel.compare.findChildren(MemberCard) != [])
    panel.hide()
    panel.move_group(1)
    for _ in range(3):  # turns of the event loop in which a shown pane makes its cards
        QApplication.processEvents()
    paths = {m.path for m in review.group(panel.current_group_id()).members}
    assert not [c for c in panel.compare.findChildren(MemberCard) if c.member.path in paths]
    panel.show()
    group = review.group(panel.current_group_id())
    qtbot.waitUntil(lambda: len(panel.compare.findChildren(MemberCard)) == len(group.members))


def test_keys_act_on_a_group_that_shrank_before_its_cards_are_made(panel, review) -> None:
    group = next(g for g in review.groups if len(g.members) >= 3)
    panel.set_review(review)
    panel.list_view.setCurrentIndex(panel.proxy.index(panel.model.row_of(group.id), 0))
    panel.compare.set_current(len(group.members) - 1)
    last = group.members[-1].path
    panel.remove_paths([last])  # trashed: the same group is shown again, one file shorter
    now_last = review.group(group.id).members[-1].path
    kept = review.is_kept(now_last)
    panel.compare.toggle_current()  # before the next turn of the event loop
    shown = [c.member.path for c in panel.compare.cards()]
    assert last not in shown and shown[-1] == now_last
    assert panel.compare.current_index() == len(shown) - 1
    assert review.is_kept(now_last) is not kept


def test_summary_counts_in_the_singular_too(panel, review) -> None:
    one = Review([review.group(2)])
    one.keep_only(2, review.group(2).members[0].path)
    panel.set_review(one)
    count, size = one.trash_count_and_bytes()
    assert count == 1
    assert panel.summary.text() == f"1 group · 1 file marked for trash ({human_size(size)})"


def test_keys_move_between_groups_and_files(qtbot, loaded) -> None:
    order = current_ids(loaded)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Down)
    assert loaded.current_group_id() == order[1]
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_J)
    assert loaded.current_group_id() == order[2]
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_J)  # stays on the last group
    assert loaded.current_group_id() == order[2]
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_K)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Up)
    assert loaded.current_group_id() == order[0]
    assert loaded.compare.current_index() == 0
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Right)
    assert loaded.compare.current_index() == 1
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Left)
    assert loaded.compare.current_index() == 0


def test_space_toggles_and_never_trashes_last_keeper(qtbot, loaded, review) -> None:
    keeper, copy = (m.path for m in review.group(2).members)
    assert not review.is_kept(copy)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Right)
    with qtbot.waitSignal(loaded.marksChanged):
        qtbot.keyClick(loaded.list_view, Qt.Key.Key_Space)
    assert review.is_kept(copy)
    assert loaded.compare.cards()[1].badge.text() == "✓ Keep"
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Left)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Space)
    assert not review.is_kept(keeper)
    # The group is now worded from the copy the user kept: it comes first, the old keeper
    # second (still the current card), marked for trash.
    cards = loaded.compare.cards()
    assert [c.member.path for c in cards] == [copy, keeper]
    assert cards[0].member.reason == "chosen by you"
    assert cards[1].badge.text() == "✕ Trash"
    assert loaded.compare.current_index() == 1
    # Now the copy is the only kept file: Delete and Space are refused with a word why.
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Left)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Delete)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Space)
    assert review.is_kept(copy)
    assert "at least one file" in loaded.compare._notice.text()


def test_delete_marks_for_trash(qtbot, loaded, review) -> None:
    copy = review.group(2).members[1].path
    review.set_keep(2, copy, True)
    loaded.refresh()
    assert loaded.compare.cards()[1].badge.text() == "✓ Keep"
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Right)
    qtbot.keyClick(loaded.list_view, Qt.Key.Key_Delete)
    assert not review.is_kept(copy)
    assert loaded.compare.cards()[1].badge.text() == "✕ Trash"


def test_filter_box_keeps_its_own_keys(qtbot, loaded, review) -> None:
    marks = review.trash_count_and_bytes()
    loaded.filter_edit.setFocus()
    qtbot.keyClicks(loaded.filter_edit, "backup jpg")
    qtbot.keyClick(loaded.filter_edit, Qt.Key.Key_Left)
    qtbot.keyClick(loaded.filter_edit, Qt.Key.Key_Delete)
    assert loaded.filter_edit.text() == "backup jp"
    assert review.trash_count_and_bytes() == marks
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == 1)
    assert loaded.current_group_id() == 2


def test_buttons_toggle_and_keep_only(qtbot, panel, review) -> None:
    panel.set_review(review)
    panel.sort_box.setCurrentIndex(panel.sort_box.findData(SortKey.FILE_COUNT))
    panel.move_group(-10)
    assert panel.current_group_id() == 1
    paths = [m.path for m in review.group(1).members]
    cards = panel.compare.cards()
    qtbot.mouseClick(cards[1].toggle_button, Qt.MouseButton.LeftButton)
    assert review.is_kept(paths[1])
    with qtbot.waitSignal(panel.marksChanged):
        qtbot.mouseClick(cards[2].keep_only_button, Qt.MouseButton.LeftButton)
    assert [review.is_kept(p) for p in paths] == [False, False, True]
    row = panel.list_view.currentIndex()
    assert row.data(GroupRole.TRASH_COUNT) == 2
    assert "2 marked" not in panel.summary.text()  # the summary counts all groups
    assert "4 files marked for trash" in panel.summary.text()


def test_reference_file_is_locked(qtbot, panel, review) -> None:
    panel.set_review(review)
    panel.list_view.setFocus()
    while panel.current_group_id() != 3:
        qtbot.keyClick(panel.list_view, Qt.Key.Key_J)
    ref_card = panel.compare.cards()[0]
    assert ref_card.member.reference
    assert "Reference" in ref_card.badge.text()
    assert not ref_card.toggle_button.isEnabled()
    assert not ref_card.keep_only_button.isEnabled()
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Space)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert review.is_kept(ref_card.member.path)
    assert "Reference files are always kept" in panel.compare._notice.text()


def test_keeper_reason_and_worse_values(panel, review) -> None:
    panel.set_review(review)
    panel.sort_box.setCurrentIndex(panel.sort_box.findData(SortKey.FILE_COUNT))
    panel.move_group(-10)
    keeper, small, png = panel.compare.cards()
    assert "Keep: largest resolution 640x480" in keeper.findChildren(type(keeper.badge))[2].text()
    assert keeper.worse == {}
    assert set(small.worse) == {"dimensions", "size", "date"}
    assert "640×480" in small.fact_labels["dimensions"].toolTip()
    assert small.fact_labels["dimensions"].text().startswith("▼")
    assert "date" not in png.worse and "dimensions" not in png.worse
    assert set(worse_than_keeper(keeper.member, keeper.member)) == set()
    assert png.fact_labels["relation"].text() == "converted"
    assert small.fact_labels["name"].text() == "beach-small.jpg"
    assert small.fact_labels["folder"].toolTip() == os.path.dirname(small.member.path)


def test_marks_survive_sort_filter_and_scroll(qtbot, loaded, review) -> None:
    target = review.group(1).members[1].path
    assert review.set_keep(1, target, True)
    loaded.refresh()
    for key in SortKey:
        loaded.sort_box.setCurrentIndex(loaded.sort_box.findData(key))
    loaded.filter_edit.setText("export")
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == 1)
    loaded.filter_edit.clear()
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == 3)
    loaded.list_view.verticalScrollBar().setValue(loaded.list_view.verticalScrollBar().maximum())
    assert review.is_kept(target)
    loaded.list_view.setFocus()
    while loaded.current_group_id() != 1:
        qtbot.keyClick(loaded.list_view, Qt.Key.Key_J)
    assert loaded.compare.cards()[1].badge.text() == "✓ Keep"


def test_filter_without_match_says_so(qtbot, loaded) -> None:
    loaded.filter_edit.setText("no such folder")
    qtbot.waitUntil(lambda: loaded.no_match.isVisible())
    assert loaded.compare.group_id() is None
    loaded.filter_edit.setText("cat")
    qtbot.waitUntil(lambda: loaded.list_view.isVisible())
    assert loaded.current_group_id() == 2


def test_auto_select_and_keep_all(qtbot, loaded, review, tmp_path) -> None:
    with qtbot.waitSignal(loaded.marksChanged):
        qtbot.mouseClick(loaded.clear_button, Qt.MouseButton.LeftButton)
    assert review.trash_count_and_bytes()[0] == 0
    assert "0 files marked for trash" in loaded.summary.text()
    assert all(c.badge.text() == "✓ Keep" for c in loaded.compare.cards())
    loaded.auto_select(str(tmp_path / "backup"))
    assert review.is_kept(str(tmp_path / "backup" / "cat.jpg"))
    assert not review.is_kept(str(tmp_path / "phone" / "cat.jpg"))
    # Worded from the kept file now: it comes first.
    cards = loaded.compare.cards()
    assert [c.badge.text() for c in cards] == ["✓ Keep", "✕ Trash"]
    assert cards[0].member.path == str(tmp_path / "backup" / "cat.jpg")
    qtbot.mouseClick(loaded.auto_button, Qt.MouseButton.LeftButton)
    assert review.trash_count_and_bytes()[0] == 4


def test_prefer_folder_menu_uses_chosen_folder(
    qtbot, loaded, review, tmp_path, monkeypatch
) -> None:
    chosen = str(tmp_path / "export")
    monkeypatch.setattr(
        "photodedup.gui.review_panel.QFileDialog.getExistingDirectory", lambda *a: chosen
    )
    action = loaded.auto_button.menu().actions()[1]
    action.trigger()
    assert review.is_kept(str(tmp_path / "export" / "beach.png"))
    assert not review.is_kept(str(tmp_path / "phone" / "beach.jpg"))


def test_remove_paths_after_trash(qtbot, loaded, review) -> None:
    copy = review.group(2).members[1].path
    with qtbot.waitSignal(loaded.marksChanged):
        loaded.remove_paths([copy])
    assert 2 not in current_ids(loaded)
    assert loaded.proxy.rowCount() == 2
    assert loaded.current_group_id() in (1, 3)
    assert loaded.compare.cards()
    loaded.remove_paths([m.path for g in review.groups for m in g.members[1:]])
    assert loaded.proxy.rowCount() == 0
    assert "No duplicates found" in loaded.empty_label.text()


def test_thumbnails_appear_in_the_list(qtbot, loaded, review) -> None:
    loader = loaded._loader
    paths = [m.path for g in review.groups for m in g.members]

    def all_loaded() -> bool:
        loaded.list_view.viewport().repaint()
        return loader.pending_count() == 0 and loader.cached_count() >= len(paths)

    qtbot.waitUntil(all_loaded, timeout=5000)
    card = loaded.compare.cards()[0]
    fp = card.member.fingerprint
    # Decoded for the size shown (two steps), never larger than the photo itself.
    want = min(request_side(card.image.width()), max(fp.width, fp.height))
    qtbot.waitUntil(lambda: max(card.image.pixmap().size().toTuple()) == want, timeout=5000)


def test_only_visible_rows_request_thumbnails(qtbot, panel, synthetic, tmp_path) -> None:
    panel.set_review(Review(synthetic(10_000, str(tmp_path / "gone"))))
    loader = panel._loader
    panel.list_view.viewport().repaint()
    qtbot.waitUntil(lambda: loader.pending_count() == 0, timeout=5000)
    visible_rows = panel.list_view.viewport().height() // panel.list_view.sizeHintForRow(0) + 2
    # The compare pane asks for the selected group's files too.
    assert 0 < loader.cached_count() <= visible_rows * 5 + 5
    panel.list_view.verticalScrollBar().setValue(panel.list_view.verticalScrollBar().maximum())
    panel.list_view.viewport().repaint()
    last = panel.proxy.index(panel.proxy.rowCount() - 1, 0).data(GroupRole.THUMBS)[0]
    qtbot.waitUntil(lambda: loader.request(last[0], last[1], last[2], 56).error != "", timeout=5000)


def test_double_click_opens_locked_viewer(qtbot, panel, review) -> None:
    panel.set_review(review)
    panel.sort_box.setCurrentIndex(panel.sort_box.findData(SortKey.FILE_COUNT))
    panel.move_group(-10)
    card = panel.compare.cards()[0]
    qtbot.mouseDClick(card.image, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    viewer = panel.compare.findChild(ImageViewer)
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.left.has_image(), timeout=5000)
    viewer.actual_size()
    assert viewer.scale_factor() == pytest.approx(1.0)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.scale_factor() == pytest.approx(1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.scale_factor() == pytest.approx(0.8)
    viewer.compare_box.setCurrentIndex(viewer.compare_box.findData(1))  # the half-size copy
    qtbot.waitUntil(lambda: viewer.right.has_image(), timeout=5000)
    assert viewer.right.isVisible()
    # Scaled to the same width, so the same transform shows the same part of both photos.
    assert viewer.right.image_rect().width() == pytest.approx(viewer.left.image_rect().width())
    viewer.zoom(4)
    QApplication.processEvents()
    assert viewer.right.transform() == viewer.left.transform()
    viewer.left.horizontalScrollBar().setValue(37)
    assert viewer.right.horizontalScrollBar().value() == 37
    viewer.fit()
    assert viewer.scale_factor() < 2
    viewer.close()


def test_compare_with_keeper_from_a_card_menu(qtbot, panel, review) -> None:
    panel.set_review(review)
    group = panel.compare
    keeper_menu = group.card_menu(0)
    compare = next(a for a in keeper_menu.actions() if a.text() == "Compare with keeper...")
    assert not compare.isEnabled()  # the keeper is not compared with itself
    menu = group.card_menu(1)
    compare = next(a for a in menu.actions() if a.text() == "Compare with keeper...")
    assert compare.isEnabled()
    compare.trigger()
    viewer = group.findChild(ImageViewer)
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.right.has_image(), timeout=5000)
    keeper = group.cards()[0].member
    assert viewer.right_label.text().startswith(os.path.basename(keeper.path))
    assert viewer.windowTitle() == os.path.basename(group.cards()[1].member.path)
    viewer.zoom(3)
    QApplication.processEvents()
    assert viewer.right.transform() == viewer.left.transform()
    viewer.close()
