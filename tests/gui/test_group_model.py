"""Group list model and its sort/filter proxy, on real groups and on 10,000 synthetic ones."""

from __future__ import annotations

import sys
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from photodedup.core.review import Review
from photodedup.gui.group_model import GroupFilterProxy, GroupListModel, GroupRole, SortKey


def proxy_ids(proxy: GroupFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(GroupRole.GROUP_ID) for r in range(proxy.rowCount())]


def make(review: Review | None) -> tuple[GroupListModel, GroupFilterProxy]:
    model = GroupListModel()
    model.set_review(review)
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_models_pass_qt_model_tester(qtmodeltester, review) -> None:
    model, proxy = make(review)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("phone")
    qtmodeltester.check(proxy)


def test_empty_model(qtmodeltester) -> None:
    model, proxy = make(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)
    model.set_review(Review([]))
    assert proxy.rowCount() == 0


def test_roles_describe_group(review, photo_groups) -> None:
    model, _ = make(review)
    index = model.index(model.row_of(1), 0)
    g = photo_groups[0]
    assert index.data(GroupRole.GROUP_ID) == 1
    assert index.data(GroupRole.FILE_COUNT) == 3
    assert index.data(GroupRole.TRASH_COUNT) == 2
    expected = g.members[1].fingerprint.size + g.members[2].fingerprint.size
    assert index.data(GroupRole.RECLAIMABLE) == expected
    assert index.data(GroupRole.DISTANCE) == 2
    assert index.data(GroupRole.SIMILARITY) == 97
    assert index.data(GroupRole.PATHS) == [m.path for m in g.members]
    thumbs = index.data(GroupRole.THUMBS)
    assert [t[0] for t in thumbs] == [m.path for m in g.members]
    assert [t[3] for t in thumbs] == [True, False, False]
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith("3 files · ")
    assert index.data(Qt.ItemDataRole.DisplayRole).endswith(" reclaimable · Mixed copies")
    assert g.members[1].path in index.data(Qt.ItemDataRole.ToolTipRole)


def test_marks_update_row_in_place(qtbot, review, photo_groups) -> None:
    model, _ = make(review)
    path = photo_groups[0].members[1].path
    review.set_keep(1, path, True)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.group_changed(1)
    row = model.row_of(1)
    assert blocker.args[0].row() == row
    assert model.index(row, 0).data(GroupRole.TRASH_COUNT) == 1
    size = photo_groups[0].members[2].fingerprint.size
    assert model.index(row, 0).data(GroupRole.RECLAIMABLE) == size


def test_sort_keys(review, photo_groups) -> None:
    _, proxy = make(review)
    sizes = {g.id: review.group_trash(g.id)[1] for g in photo_groups}
    proxy.sort_by(SortKey.RECLAIMABLE)
    assert proxy_ids(proxy) == sorted(sizes, key=lambda i: -sizes[i])
    proxy.sort_by(SortKey.FILE_COUNT)
    assert proxy_ids(proxy)[0] == 1  # three files; the two-file groups keep the engine's order
    assert proxy_ids(proxy)[1:] == [2, 3]
    proxy.sort_by(SortKey.SIMILARITY)
    assert proxy_ids(proxy) == [2, 3, 1]  # identical groups (distance 0) first


def test_sort_is_not_dynamic_so_rows_do_not_jump(review, photo_groups) -> None:
    model, proxy = make(review)
    proxy.sort_by(SortKey.RECLAIMABLE)
    before = proxy_ids(proxy)
    top = before[0]
    review.clear()
    model.marks_changed()
    assert proxy_ids(proxy) == before
    assert proxy.index(0, 0).data(GroupRole.RECLAIMABLE) == 0
    review.auto_select()
    proxy.sort_by(SortKey.RECLAIMABLE)
    assert proxy_ids(proxy)[0] == top


def test_filter_by_folder_or_name(review) -> None:
    _, proxy = make(review)
    proxy.set_filter_text("WhatsApp")
    assert proxy_ids(proxy) == [1]
    proxy.set_filter_text("cat.jpg")
    assert proxy_ids(proxy) == [2]
    proxy.set_filter_text("phone tree")
    assert proxy_ids(proxy) == [3]
    assert proxy.filter_text_active()
    proxy.set_filter_text("nowhere")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("  ")
    assert not proxy.filter_text_active()
    assert proxy.rowCount() == 3


def test_unfiltered_rows_cost_no_python_call_per_group(synthetic) -> None:
    model, proxy = make(None)
    model.set_review(Review(synthetic(2_000)))
    calls: list[str] = []

    def profile(frame, event, _arg) -> None:
        if event == "call":
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        unfiltered = proxy.rowCount()
    finally:
        sys.setprofile(None)
    assert unfiltered == 2_000
    assert len(calls) < 20, calls[:20]  # not one per group (a 100,000-photo hand-over)
    proxy.set_filter_text("FOLDER7/ img")
    assert proxy.rowCount() == 40  # groups 7, 57, ... 1957: case-insensitive, every word
    proxy.set_filter_text("img1957_0.jpg")
    assert proxy_ids(proxy) == [1957]
    proxy.set_filter_text("img1957_0.jp.")  # the words are text, not patterns
    assert proxy.rowCount() == 0


def test_a_name_that_is_not_utf8_keeps_its_group_filterable(synthetic) -> None:
    groups = synthetic(3)
    odd = groups[1].members[1]
    odd = replace(odd, fingerprint=replace(odd.fingerprint, path="/photos/folder1/caf\udce9.jpg"))
    groups[1] = replace(groups[1], members=(groups[1].members[0], odd, *groups[1].members[2:]))
    _, proxy = make(Review(groups))
    proxy.set_filter_text("folder1")
    assert proxy_ids(proxy) == [1]
    proxy.set_filter_text("caf")
    assert proxy_ids(proxy) == [1]
    proxy.set_filter_text("\udce9")  # typed or pasted: matches, and breaks no pattern
    assert proxy_ids(proxy) == [1]


def test_refresh_after_removal_resorts(review, photo_groups) -> None:
    model, proxy = make(review)
    proxy.sort_by(SortKey.SIMILARITY)
    review.remove_paths([photo_groups[1].members[1].path])
    model.refresh()
    assert proxy_ids(proxy) == [3, 1]
    assert model.row_of(2) == -1


def test_ten_thousand_groups(qtbot, synthetic) -> None:
    review = Review(synthetic(10_000))
    _, proxy = make(review)
    assert proxy.rowCount() == 10_000
    proxy.sort_by(SortKey.RECLAIMABLE)
    values = [proxy.index(r, 0).data(GroupRole.RECLAIMABLE) for r in range(0, 10_000, 97)]
    assert values == sorted(values, reverse=True)
    assert proxy.index(0, 0).data(GroupRole.RECLAIMABLE) == max(
        review.group_trash(g.id)[1] for g in review.groups
    )
    proxy.set_filter_text("folder7/")
    assert proxy.rowCount() == 200
    assert all("folder7/" in p for r in range(200) for p in proxy.index(r, 0).data(GroupRole.PATHS))
    proxy.sort_by(SortKey.FILE_COUNT)
    counts = [proxy.index(r, 0).data(GroupRole.FILE_COUNT) for r in range(200)]
    assert counts == sorted(counts, reverse=True)


def test_sorting_keeps_the_selected_group_selected(qtbot, review) -> None:
    _model, proxy = make(review)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    proxy.sort_by(SortKey.SIMILARITY)
    view.setCurrentIndex(proxy.index(proxy_ids(proxy).index(1), 0))
    for key in (SortKey.RECLAIMABLE, SortKey.FILE_COUNT, SortKey.SIMILARITY):
        proxy.sort_by(key)
        assert view.currentIndex().data(GroupRole.GROUP_ID) == 1
    proxy.set_filter_text("WhatsApp")
    for key in (SortKey.RECLAIMABLE, SortKey.SIMILARITY):
        proxy.sort_by(key)
        assert proxy_ids(proxy) == [1]  # the filter still applies
