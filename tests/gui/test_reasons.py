"""The engine's reasons in the UI's language: every template translatable, values worded locally."""

from __future__ import annotations

import dataclasses
import time
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel

import photodedup
from photodedup.core import bursts, ranking
from photodedup.core.models import ScanOptions
from photodedup.core.pipeline import run_scan
from photodedup.core.review import Review
from photodedup.gui import reasons
from photodedup.gui.formatting import human_size, human_time, sentences
from photodedup.gui.i18n import Translations
from photodedup.gui.review_panel import ReviewPanel
from photodedup.gui.settings import Language

TRANSLATIONS = Path(photodedup.__file__).parent / "assets" / "translations"


def test_every_template_the_engine_makes_is_listed_for_the_translators() -> None:
    engine = set(ranking.REASON_TEMPLATES) | set(bursts.REASON_TEMPLATES)
    assert engine - reasons.TEMPLATES == set()  # missing ones would stay English
    assert reasons.TEMPLATES - engine == set()  # stale ones would waste translators' time


@pytest.mark.parametrize("lang", ["ja", "zh_CN"])
def test_every_template_is_translated_keeping_its_placeholders(lang: str) -> None:
    root = ET.parse(TRANSLATIONS / f"photodedup_{lang}.ts").getroot()
    found = {
        message.findtext("source"): message.find("translation")
        for context in root.iter("context")
        if context.findtext("name") == "Reason"
        for message in context.iter("message")
    }
    for template in reasons.TEMPLATES:
        translation = found[template]
        assert translation.get("type") is None and translation.text, template
        assert sorted(ranking.placeholders(translation.text)) == sorted(
            ranking.placeholders(template)
        ), template


@pytest.fixture
def japanese(qtbot):
    before = QLocale()
    translations = Translations(QApplication.instance())
    assert translations.install(Language.JAPANESE)
    yield
    translations.remove()
    QLocale.setDefault(before)  # install() made Japanese the default locale


def _photo(path: Path, size: tuple[int, int]) -> None:
    img = Image.new("RGB", (640, 480), (40, 90, 160))
    draw = ImageDraw.Draw(img)
    draw.ellipse((80, 60, 320, 240), fill=(250, 200, 30))
    draw.rectangle((320, 240, 560, 420), fill=(30, 200, 90))
    img.resize(size).save(path, quality=90)


def _scan(folder: Path, tmp_path: Path):
    options = ScanOptions(roots=(str(folder),), cache_dir=str(tmp_path / "cache"), workers=1)
    (group,) = run_scan(options).groups
    return group


def test_reasons_are_translated_and_their_values_worded_for_the_locale(
    japanese, tmp_path: Path
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    _photo(photos / "a.png", (640, 480))
    _photo(photos / "a_small.jpg", (320, 240))
    keeper, small = _scan(photos, tmp_path).members
    assert keeper.reason == "largest resolution: 640x480"  # the engine's own words stay English
    assert reasons.reason_text(keeper) == "解像度が最大: 640×480"
    assert reasons.reason_text(small) == "a.png のサイズを変更したコピー (320×240)"
    # Sizes and times are worded by the UI's locale from the raw values, not taken from English.
    by_size = dataclasses.replace(
        keeper, reason_template=ranking.KEEP_SIZE, reason_values=(("size", "24000"),)
    )
    assert reasons.reason_text(by_size) == "ファイルサイズが最大: " + human_size(24000)
    moment = int(time.mktime((2021, 6, 1, 12, 0, 0, 0, 0, -1)))
    by_age = dataclasses.replace(
        keeper, reason_template=ranking.KEEP_OLDEST_TAKEN, reason_values=(("time", str(moment)),)
    )
    when = human_time(datetime.fromtimestamp(moment))
    assert when != "2021-06-01 12:00"  # the Japanese short format, not the engine's
    assert reasons.reason_text(by_age) == f"最も古い: {when} に撮影"


def test_a_reason_without_template_is_shown_as_the_engine_wrote_it(japanese, tmp_path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    _photo(photos / "a.png", (640, 480))
    _photo(photos / "b.png", (320, 240))
    keeper = _scan(photos, tmp_path).members[0]
    # As loaded from a review saved without templates, or one naming a template we do not know.
    for template in ("", "largest file: {size.__class__}"):
        old = dataclasses.replace(keeper, reason_template=template, reason_values=())
        assert reasons.reason_text(old) == "largest resolution: 640x480"


def test_the_compare_pane_shows_the_keeper_reason_in_japanese(
    qtbot, japanese, tmp_path: Path
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    _photo(photos / "a.png", (640, 480))
    _photo(photos / "a_small.jpg", (320, 240))
    group = _scan(photos, tmp_path)
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.set_review(Review((group,)))
    keeper_card, small_card = panel.compare.cards()
    keeper_texts = [label.text() for label in keeper_card.findChildren(QLabel)]
    assert "残す: 解像度が最大: 640×480" in keeper_texts
    assert "a.png のサイズを変更したコピー (320×240)" in [
        label.text() for label in small_card.findChildren(QLabel)
    ]


def test_sentences_are_spaced_as_the_language_writes_them(japanese) -> None:
    assert sentences("一。", "二。", "三。") == "一。二。三。"


def test_sentences_in_english_have_a_space() -> None:
    assert sentences("One.", "Two.", "Three.") == "One. Two. Three."
    assert sentences("Only %1 here.") == "Only %1 here."
