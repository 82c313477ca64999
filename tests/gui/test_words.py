"""Words for people: group kinds, similarity, size arrows, problems and empty scans."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from photodedup.core.models import (
    DuplicateGroup,
    GroupKind,
    Problem,
    Relation,
    ScanResult,
    ScanStats,
)
from photodedup.core.problems import ProblemKind, classify
from photodedup.gui.file_card import MemberCard
from photodedup.gui.group_model import kind_label
from photodedup.gui.i18n import Translations
from photodedup.gui.main_window import MainWindow
from photodedup.gui.outcome import nothing_found_text
from photodedup.gui.problems_view import Column, ProblemsView
from photodedup.gui.settings import Language

pytest_plugins = ("fixtures_shell",)


def test_group_kind_comes_from_what_its_copies_are(photo_groups) -> None:
    similar, identical, same_pixels = photo_groups
    assert kind_label(identical) == "Identical"
    assert kind_label(same_pixels) == "Same pixels"
    assert kind_label(similar) == "Mixed copies"  # resized and converted
    keeper, small, _png = similar.members
    twin = replace(small, relation=Relation.IDENTICAL)
    resized = DuplicateGroup(9, GroupKind.SIMILAR, (keeper, small, twin))
    assert kind_label(resized) == "Resized"


def test_a_scan_of_byte_identical_files_is_titled_identical(
    qtbot, window: MainWindow, scan, draw, tmp_path: Path
) -> None:
    photo = draw(tmp_path / "lib" / "a.jpg", (400, 300), 4)
    shutil.copyfile(photo, tmp_path / "lib" / "b.jpg")
    window.scan_panel.folders.add_folders([str(tmp_path / "lib")])
    scan(window)
    panel = window.review_panel
    qtbot.waitUntil(lambda: panel.compare._title.text() != "")
    assert panel.compare._title.text() == "2 files · Identical"
    summary = window.review_panel.model.data(window.review_panel.model.index(0, 0))
    assert "Identical" in summary and "Similar" not in summary


def test_the_keeper_card_shows_no_distance_and_copies_say_how_alike_in_words(
    qtbot, photo_groups
) -> None:
    keeper, small, png = photo_groups[0].members
    own = MemberCard(0, keeper, keeper)
    qtbot.addWidget(own)
    assert "similarity" not in own.fact_labels
    assert not any("distance" in label.text() for label in own.fact_labels.values())
    far = MemberCard(1, replace(small, distance=9), keeper)
    qtbot.addWidget(far)
    assert far.fact_labels["similarity"].text() == "Similar"
    assert "differ in 9 bits of 64" in far.fact_labels["similarity"].toolTip()
    near = MemberCard(2, png, keeper)
    qtbot.addWidget(near)
    assert near.fact_labels["similarity"].text() == "Looks the same"
    assert "differ in 1 bit of 64" in near.fact_labels["similarity"].toolTip()


def test_no_arrow_beside_a_size_that_reads_the_same_as_the_keepers(qtbot, photo_groups) -> None:
    keeper, copy, _ = photo_groups[0].members
    size = 840_000
    keeper = replace(keeper, fingerprint=replace(keeper.fingerprint, size=size))
    same_looking = replace(copy, fingerprint=replace(copy.fingerprint, size=size - 10))
    card = MemberCard(1, same_looking, keeper)
    qtbot.addWidget(card)
    assert card.fact_labels["size"].text() == card.fact_labels["size"].toolTip()  # no "▼"
    assert "size" not in card.worse
    smaller = replace(copy, fingerprint=replace(copy.fingerprint, size=size // 2))
    worse = MemberCard(2, smaller, keeper)
    qtbot.addWidget(worse)
    assert worse.fact_labels["size"].text().startswith("▼")


def test_decoder_failures_read_as_sentences_with_the_details_kept(
    qtbot, window: MainWindow, scan, draw, tmp_path: Path
) -> None:
    lib = tmp_path / "lib"
    photo = draw(lib / "good.jpg", (400, 300), 2)
    (lib / "cut.jpg").write_bytes(photo.read_bytes()[:300])
    (lib / "empty.png").write_bytes(b"")
    (lib / "text.gif").write_text("this is no picture")
    window.scan_panel.folders.add_folders([str(lib)])
    scan(window)
    model = window.problems_view.model
    reasons = {
        model.data(model.index(row, Column.FILE)): (
            model.data(model.index(row, Column.REASON)),
            model.data(model.index(row, Column.DETAILS)),
        )
        for row in range(model.rowCount())
    }
    assert reasons["empty.png"][0] == "The file is empty"
    assert reasons["cut.jpg"][0] == "The file is damaged or cut short"
    assert reasons["text.gif"][0] == "This format is not supported"
    for sentence, details in reasons.values():
        assert details and details != sentence  # the decoder's own words stay in the details


def test_library_texts_from_the_field_map_to_a_kind() -> None:
    cases = {
        "cannot decode image: decoder error -2": ProblemKind.DAMAGED,
        "KeyError: 60416": ProblemKind.DAMAGED,
        "unexpected decoder error: TypeError: function takes at most 3 arguments (4 given)": (
            ProblemKind.DAMAGED
        ),
        "cannot open image: Unsupported BMP bitfields layout": ProblemKind.UNSUPPORTED,
        "cannot read RAW file: b'Input/output error'": ProblemKind.DISK,
        "permission denied": ProblemKind.PERMISSION,
        "image too large (decompression bomb protection)": ProblemKind.TOO_LARGE,
    }
    assert {text: classify(text) for text in cases} == cases


def test_problem_reasons_are_translated(qtbot) -> None:
    view = ProblemsView()
    qtbot.addWidget(view)
    translations = Translations(QCoreApplication.instance())
    try:
        translations.install(Language.JAPANESE)
        view.set_problems([Problem("/p/a.jpg", "cannot decode image: decoder error -2")])
        text = view.model.data(view.model.index(0, Column.REASON))
        assert text and text != "The file is damaged or cut short"
        assert "ファイル" in text
    finally:
        translations.remove()


def test_an_empty_scan_says_no_photos_and_counts_what_was_skipped(
    qtbot, window: MainWindow, scan, tmp_path: Path
) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    for n in range(3):
        (lib / f"layer{n}.psd").write_bytes(b"8BPS")
    (lib / "icon.ico").write_bytes(b"\0\0\1\0")
    (lib / "README").write_text("notes")
    window.scan_panel.folders.add_folders([str(lib)])
    result = scan(window)
    assert result.skipped == ((".psd", 3), ("", 1), (".ico", 1))
    text = window.empty_label.text()
    assert window.stack.currentWidget() is window.empty_label
    assert text.startswith("No photos found in these folders.")
    assert "Skipped, not photos: 5 files (.psd 3, no extension 1, .ico 1)" in text
    assert "unique" not in text


def test_one_unreadable_photo_is_worded_in_the_singular() -> None:
    result = ScanResult(("/p",), (), (Problem("/p/a.jpg", "x"),), ScanStats(1, 0, 0, 0.1))
    assert nothing_found_text(result) == "None of the 1 photo found could be read: see Problems."
    unique = replace(result, problems=(), stats=ScanStats(2, 2, 2, 0.1))
    assert nothing_found_text(unique).startswith("No duplicates found")


def test_counts_read_right_in_japanese_and_chinese(qtbot) -> None:
    result = ScanResult(("/p",), (), (Problem("/p/a.jpg", "x"),), ScanStats(1, 0, 0, 0.1))
    translations = Translations(QCoreApplication.instance())
    try:
        translations.install(Language.JAPANESE)
        assert "1 枚" in nothing_found_text(result)
        translations.install(Language.CHINESE_SIMPLIFIED)
        assert "1 张" in nothing_found_text(result)
    finally:
        translations.remove()
    assert "(s)" not in nothing_found_text(result)
    assert QLocale().language() is not QLocale.Language.Chinese  # the locale is given back


def test_the_gui_words_every_problem_kind_as_the_engine_does() -> None:
    from photodedup.core.problems import SENTENCES
    from photodedup.gui.reasons import PROBLEM_SENTENCES

    assert PROBLEM_SENTENCES == SENTENCES  # lupdate reads the GUI's copy; the CLI the engine's
