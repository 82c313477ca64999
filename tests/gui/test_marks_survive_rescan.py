"""In the real window: the user's keeper survives a rescan, and the words follow it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from photodedup.gui.main_window import MainWindow

if TYPE_CHECKING:
    from fixtures_shell import Library

pytest_plugins = ("fixtures_shell",)


def _kept(win: MainWindow) -> list[str]:
    review = win.review()
    assert review is not None
    return sorted(m.path for g in review.groups for m in g.members if review.is_kept(m.path))


def test_keep_only_this_one_survives_a_rescan(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    pane = window.review_panel.compare
    window.review_panel.list_view.setCurrentIndex(window.review_panel.proxy.index(0, 0))
    qtbot.waitUntil(lambda: len(pane.cards()) == 3)
    engine_keeper = pane.cards()[0].member.path
    chosen = pane.cards()[2].member.path
    pane.keep_only(2)
    # The cards are worded from the user's keeper at once: it comes first, "chosen by you".
    qtbot.waitUntil(lambda: pane.cards()[0].member.path == chosen)
    assert pane.cards()[0].member.reason == "chosen by you"
    assert pane.current_index() == 0
    assert engine_keeper in {c.member.path for c in pane.cards()[1:]}
    before = _kept(window)

    scan(window)
    assert _kept(window) == before
    review = window.review()
    group = next(g for g in review.groups if any(m.path == chosen for m in g.members))
    assert group.members[0].path == chosen
    assert group.members[0].reason == "chosen by you"
