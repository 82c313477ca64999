"""The compare pane makes a large group's cards a few per turn of the event loop."""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtWidgets import QApplication

from photodedup.core.models import DuplicateGroup, GroupKind
from photodedup.core.review import Review
from photodedup.gui.compare_pane import CARDS_PER_TURN, ComparePane
from photodedup.gui.thumbnails import ThumbnailLoader


def big_group(synthetic, size: int) -> DuplicateGroup:
    """One group of ``size`` files (look-alikes can group by the hundred)."""
    members = [m for g in synthetic(size) for m in g.members][:size]
    keeper, *others = members
    return DuplicateGroup(1, GroupKind.SIMILAR, (keeper, *(replace(m, keep=False) for m in others)))


def test_a_large_group_gets_its_cards_a_few_per_turn(qtbot, synthetic) -> None:
    loader, full = ThumbnailLoader(), ThumbnailLoader()
    pane = ComparePane(loader, full)
    qtbot.addWidget(pane)
    pane.show()
    group = big_group(synthetic, 5 * CARDS_PER_TURN + 3)
    review = Review([group])
    pane.show_group(review, group.id)
    assert len(pane._cards) == 0  # the title now, the cards later
    made = [0]
    for _ in range(10_000):
        if made[-1] == len(group.members):
            break
        QApplication.processEvents()  # one turn of the event loop
        made.append(len(pane._cards))
    # Each turn adds one batch at most, so the window repaints between batches.
    steps = [b - a for a, b in itertools.pairwise(made)]
    assert made[-1] == len(group.members)
    assert max(steps) == CARDS_PER_TURN and len([s for s in steps if s]) >= 5
    assert [c.member.path for c in pane.cards()] == [m.path for m in group.members]
    assert [c.is_kept() for c in pane.cards()] == [m.keep for m in group.members]
    loader.shutdown()
    full.shutdown()


def test_asking_for_the_cards_makes_them_all_at_once(qtbot, synthetic) -> None:
    loader, full = ThumbnailLoader(), ThumbnailLoader()
    pane = ComparePane(loader, full)
    qtbot.addWidget(pane)
    pane.show()
    group = big_group(synthetic, 3 * CARDS_PER_TURN)
    pane.show_group(Review([group]), group.id)
    pane.set_current(len(group.members) - 1)  # keyboard navigation to the last file
    assert len(pane.cards()) == len(group.members)
    assert pane.current_index() == len(group.members) - 1
    loader.shutdown()
    full.shutdown()
