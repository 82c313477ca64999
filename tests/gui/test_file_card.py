"""A photo's card names the files that travel with it."""

from __future__ import annotations

from dataclasses import replace

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
