"""A photo's card names the files that travel with it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QPushButton

from photodedup.core.models import Companion, CompanionKind
from photodedup.gui.file_card import MemberCard


def test_card_lists_the_companions_that_travel_with_the_photo(qtbot, photo_groups) -> None:
    keeper, copy = photo_groups[0].members[:2]
    companions = (
        Companion("/p/IMG_1.xmp", CompanionKind.XMP, 900, 1, rating=5, edits=True),
        Companion("/p/IMG_1.MOV", CompanionKind.LIVE_VIDEO, 2_100_000, 1),
        Companion("/p/IMG_1.AAE", CompanionKind.AAE, 700, 1, edits=True),
        Companion("/p/IMG_1.jpg.json", CompanionKind.TAKEOUT, 500, 1, taken="x", gps=(1.0, 2.0)),
        Companion("/p/IMG_1.jpg.xmp", CompanionKind.XMP, 300, 1),
    )
    member = replace(copy, fingerprint=replace(copy.fingerprint, companions=companions))
    card = MemberCard(1, member, keeper)
    qtbot.addWidget(card)
    assert [label.text() for label in card.companion_labels] == [
        "+ XMP sidecar: rating 5, edits",
        "+ Live Photo video, 2.1 MB",
        "+ iPhone edits (.AAE)",
        "+ Google Takeout metadata: date, GPS",
        "+ XMP sidecar",
    ]
    assert "/p/IMG_1.MOV" in card.companion_labels[1].toolTip()
    bare = MemberCard(0, keeper, keeper)
    qtbot.addWidget(bare)
    assert bare.companion_labels == []


def test_keyword_counts_are_worded_in_their_number(qtbot, photo_groups) -> None:
    keeper, copy = photo_groups[0].members[:2]
    lines = []
    for keywords in (("sea",), ("sea", "sun")):
        xmp = Companion("/p/IMG_1.xmp", CompanionKind.XMP, 900, 1, keywords=keywords)
        member = replace(copy, fingerprint=replace(copy.fingerprint, companions=(xmp,)))
        card = MemberCard(1, member, keeper)
        qtbot.addWidget(card)
        lines.append(card.companion_labels[0].text())
    assert lines == ["+ XMP sidecar: 1 keyword", "+ XMP sidecar: 2 keywords"]


def test_a_mark_shows_in_badge_frame_and_button_never_on_the_photo(qtbot, photo_groups) -> None:
    keeper, copy = photo_groups[0].members[:2]
    card = MemberCard(1, copy, keeper)
    qtbot.addWidget(card)
    photo = QPixmap(copy.fingerprint.path)
    assert not photo.isNull()
    card.image.setPixmap(photo)
    card.set_side(200)
    card.show()
    qtbot.waitExposed(card)

    card.set_state(kept=True, current=False)
    kept_photo, kept_card = card.image.grab().toImage(), card.grab().toImage()
    kept_badge = card.badge.text()
    card.set_state(kept=False, current=False)
    trash_photo, trash_card = card.image.grab().toImage(), card.grab().toImage()

    assert trash_photo == kept_photo  # the photo is drawn the same, not washed out
    assert card.image.graphicsEffect() is None
    # Told apart without colour: a symbol and a word on the badge, the button's state.
    assert kept_badge.startswith("✓") and "Keep" in kept_badge
    assert card.badge.text().startswith("✕") and "Trash" in card.badge.text()
    assert card.toggle_button.isChecked()
    # And by colour: the frame is green when kept, red when marked for trash.
    middle = card.height() // 2
    kept_frame = kept_card.pixelColor(1, middle)
    trash_frame = trash_card.pixelColor(1, middle)
    assert kept_frame.green() > kept_frame.red() + 40
    assert trash_frame.red() > trash_frame.green() + 80
    card.set_state(kept=True, current=False)
    assert not card.toggle_button.isChecked()


def test_the_trash_button_asks_the_review_and_shows_its_answer(qtbot, photo_groups) -> None:
    keeper, copy = photo_groups[0].members[:2]
    card = MemberCard(1, copy, keeper)
    qtbot.addWidget(card)
    card.set_state(kept=True, current=False)
    with qtbot.waitSignal(card.toggleRequested) as asked:
        card.toggle_button.click()
    assert asked.args == [1]
    # Unanswered (a refusal: the last kept file), the button still shows the mark it has.
    assert not card.toggle_button.isChecked()


def test_the_card_action_row_takes_more_buttons(qtbot, photo_groups) -> None:
    keeper, copy = photo_groups[0].members[:2]
    card = MemberCard(1, copy, keeper)
    qtbot.addWidget(card)
    row = card.actions_row
    assert [row.itemAt(k).widget() for k in range(row.count())] == [
        card.toggle_button,
        card.keep_only_button,
    ]
    extra = QPushButton("Extra")
    card.add_action(extra)
    assert row.indexOf(extra) == 2
    wide = card.minimum_width()
    card.set_width(max(wide, 200))
    assert card.actions_row.direction() is QBoxLayout.Direction.TopToBottom
    card.set_width(900)
    assert card.actions_row.direction() is QBoxLayout.Direction.LeftToRight
