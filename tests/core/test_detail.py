"""Graphics compared pixel by pixel: look-alike cards apart, their copies together."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from photodedup.core.detail import (
    _SEPARATOR,
    DETAIL_SIDE,
    MAX_DIFFERENT_SHARE,
    PREVIEW_SIDE,
    compare_files,
    preview_item,
    preview_job,
)
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.models import CancelToken, Problem, ScanOptions
from photodedup.core.pipeline import detail_check, find_copies, run_scan
from photodedup.core.verify import layouts_match

PIPS = [(50, 50), (114, 50), (82, 82), (50, 112), (114, 112), (50, 174), (114, 174)]


def _card(suit: str) -> Image.Image:
    """A seven of clubs or of spades: one layout, pips that differ by a few pixels."""
    img = Image.new("RGB", (164, 224), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([2, 2, 161, 221], radius=10, outline=(0, 0, 0), width=2)
    d.text((8, 6), "7", fill=(0, 0, 0))
    for x, y in PIPS:
        if suit == "clubs":
            for dx, dy in ((0, -5), (-5, 2), (5, 2)):
                d.ellipse([x + dx - 5, y + dy - 5, x + dx + 5, y + dy + 5], fill=(0, 0, 0))
        else:
            d.ellipse([x - 10, y - 4, x, y + 6], fill=(0, 0, 0))
            d.ellipse([x, y - 4, x + 10, y + 6], fill=(0, 0, 0))
            d.polygon([(x - 10, y + 1), (x + 10, y + 1), (x, y - 11)], fill=(0, 0, 0))
        d.polygon([(x, y + 2), (x - 5, y + 12), (x + 5, y + 12)], fill=(0, 0, 0))
    return img


@pytest.fixture
def cards(tmp_path):
    folder = tmp_path / "cards"
    folder.mkdir()
    for suit in ("clubs", "spades"):
        _card(suit).save(folder / f"{suit}.png")
        _card(suit).resize((82, 112), Image.Resampling.LANCZOS).save(folder / f"{suit}_half.png")
        _card(suit).save(folder / f"{suit}_q50.jpg", quality=50)
    _card("clubs").rotate(90, expand=True).save(folder / "clubs_turned.png")
    return folder


def _share(a, b, variant: int = 0) -> float:
    return compare_files(str(a), str(b), variant)


def test_look_alike_cards_differ_in_detail_where_their_layouts_agree(cards):
    clubs, spades, half, q50 = (
        fingerprint_path(str(cards / n))
        for n in ("clubs.png", "spades.png", "clubs_half.png", "clubs_q50.jpg")
    )
    pairs = np.array([0, 0, 0]), np.array([1, 2, 3]), np.zeros(3, dtype=int)
    # At 32x32 a club and a spade are the same blot: the layout checks alone accept the pair.
    assert layouts_match([clubs, spades, half, q50], *pairs, 100).tolist() == [True] * 3
    check = detail_check(ScanOptions(roots=(str(cards),), workers=1), CancelToken())
    with_detail = layouts_match([clubs, spades, half, q50], *pairs, 100, check)
    assert with_detail.tolist() == [False, True, True]
    assert _share(cards / "clubs.png", cards / "spades.png") > MAX_DIFFERENT_SHARE
    assert _share(cards / "clubs.png", cards / "clubs_half.png") <= MAX_DIFFERENT_SHARE / 4


def test_a_turned_copy_is_compared_in_its_orientation(cards):
    shares = [_share(cards / "clubs.png", cards / "clubs_turned.png", v) for v in range(8)]
    assert shares[0] > MAX_DIFFERENT_SHARE  # the sides swapped: not even the same shape
    assert min(shares) <= MAX_DIFFERENT_SHARE / 4
    assert sum(s <= MAX_DIFFERENT_SHARE for s in shares) == 1


def test_an_unreadable_file_leaves_the_pair_unconfirmed(cards):
    broken = cards / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    result = preview_job(preview_item(str(broken), PREVIEW_SIDE))
    assert isinstance(result, Problem) and result.path == str(broken)
    check = detail_check(ScanOptions(roots=(str(cards),), workers=1), CancelToken())
    shares = check([(str(cards / "clubs.png"), str(broken), 0)])
    assert np.isnan(shares).tolist() == [True]


def test_a_scan_groups_each_card_with_its_own_copies(cards, tmp_path):
    (cards / "clubs_turned.png").unlink()
    options = ScanOptions(roots=(str(cards),), cache_dir=str(tmp_path / "cache"), workers=2)
    result = run_scan(options)
    groups = sorted(
        sorted(m.fingerprint.path.rsplit("/", 1)[1] for m in g.members) for g in result.groups
    )
    assert groups == [
        ["clubs.png", "clubs_half.png", "clubs_q50.jpg"],
        ["spades.png", "spades_half.png", "spades_q50.jpg"],
    ]
    found = {
        fp.path.rsplit("/", 1)[1] for fp, _d in find_copies(str(cards / "spades.png"), options)
    }
    assert {"spades_half.png", "spades_q50.jpg"} <= found
    assert not found & {"clubs.png", "clubs_q50.jpg"}
    # At half size (82x112) a club and a spade differ on 0.4 % of the pixels, at the limit:
    # a scan keeps the halved club with its own original, a single-photo query may not.


def test_pairs_are_compared_alike_in_batches_that_hold_few_pictures(cards, monkeypatch):
    from photodedup.core import pipeline

    names = ["clubs.png", "spades.png", "clubs_half.png", "clubs_q50.jpg", "spades_q50.jpg"]
    paths = [str(cards / n) for n in names]
    pairs = [(a, b, 0) for a in paths for b in paths if a < b]
    check = detail_check(ScanOptions(roots=(str(cards),), workers=1), CancelToken())
    whole = check(pairs)
    monkeypatch.setattr(pipeline, "DETAIL_MEMORY", 2 * 512 * 512)  # two pictures at a time
    assert np.array_equal(check(pairs), whole)
    alike = {
        (a.rsplit("/", 1)[1], b.rsplit("/", 1)[1])
        for (a, b, _v), s in zip(pairs, whole, strict=True)
        if s <= MAX_DIFFERENT_SHARE
    }
    assert alike == {
        ("clubs.png", "clubs_half.png"),
        ("clubs.png", "clubs_q50.jpg"),
        ("clubs_half.png", "clubs_q50.jpg"),
        ("spades.png", "spades_q50.jpg"),
    }


def test_a_rescan_takes_the_comparisons_from_the_cache(cards, tmp_path, monkeypatch):
    from photodedup.core import pipeline

    decoded: list[str] = []

    class Recording(pipeline.FingerprintPool):
        def run(self, items, on_result, cancel):
            if self.work is preview_job:
                decoded.extend(item.split(_SEPARATOR, 1)[1] for item in items)
            return super().run(items, on_result, cancel)

    monkeypatch.setattr(pipeline, "FingerprintPool", Recording)
    (cards / "clubs_turned.png").unlink()
    options = ScanOptions(roots=(str(cards),), cache_dir=str(tmp_path / "cache"), workers=1)

    def groups() -> list[list[str]]:
        found = run_scan(options).groups
        return sorted(
            sorted(m.fingerprint.path.rsplit("/", 1)[1] for m in g.members) for g in found
        )

    first = groups()
    assert decoded and len(first) == 2
    decoded.clear()
    assert groups() == first
    assert decoded == []  # every answer came from the cache


def test_cached_comparisons_follow_the_files_contents(cards, tmp_path, monkeypatch):
    from photodedup.core import pipeline

    compared = [0]
    share = pipeline.difference_share

    def counting(a, b):
        compared[0] += 1
        return share(a, b)

    monkeypatch.setattr(pipeline, "difference_share", counting)
    paths = sorted(str(p) for p in cards.iterdir() if p.name != "clubs_turned.png")
    pairs = [(a, b, 0) for a in paths for b in paths if a < b]
    digests = {p: fingerprint_path(p).digest for p in paths}
    options = ScanOptions(roots=(str(cards),), cache_dir=str(tmp_path / "cache"), workers=1)
    whole = detail_check(options, CancelToken(), digests)(pairs)
    assert compared[0] >= len(pairs)
    compared[0] = 0
    assert np.array_equal(detail_check(options, CancelToken(), digests)(pairs), whole)
    assert compared[0] == 0
    # An edited file is new content: its pairs are compared again, and only they.
    edited = str(cards / "spades_q50.jpg")
    _card("spades").save(edited, quality=45)
    digests[edited] = fingerprint_path(edited).digest
    again = detail_check(options, CancelToken(), digests)(pairs)
    with_it = [k for k, pair in enumerate(pairs) if edited in pair[:2]]
    assert len(with_it) <= compared[0] <= 2 * len(with_it)
    others = [k for k in range(len(pairs)) if k not in with_it]
    assert np.array_equal(again[others], whole[others])


def test_the_comparisons_two_stages_share_their_workers(cards, tmp_path, monkeypatch):
    from photodedup.core.pool import FingerprintPool

    spawned = [0]
    spawn = FingerprintPool._spawn

    def counting(self):
        spawned[0] += 1
        return spawn(self)

    monkeypatch.setattr(FingerprintPool, "_spawn", counting)
    options = ScanOptions(roots=(str(cards),), cache_dir=str(tmp_path / "cache"), workers=1)
    assert len(run_scan(options).groups) == 2
    # One for the fingerprints (closed before the matching: idle, it would hold its memory),
    # one for both stages of the comparison, not one per stage and batch.
    assert spawned[0] == 2


def test_a_first_scan_decodes_no_graphic_again_for_the_first_stage(cards, tmp_path, monkeypatch):
    from photodedup.core import pipeline

    asked: list[tuple[int, str]] = []

    class Recording(pipeline.FingerprintPool):
        def run(self, items, on_result, cancel):
            if self.work is preview_job:
                for item in items:
                    side, path = item.split(_SEPARATOR, 1)
                    asked.append((int(side), path.rsplit("/", 1)[1]))
            return super().run(items, on_result, cancel)

    monkeypatch.setattr(pipeline, "FingerprintPool", Recording)
    (cards / "clubs_turned.png").unlink()

    def groups(cache: str) -> list[list[str]]:
        options = ScanOptions(roots=(str(cards),), cache_dir=str(tmp_path / cache), workers=1)
        return sorted(
            sorted(m.fingerprint.path.rsplit("/", 1)[1] for m in g.members)
            for g in run_scan(options).groups
        )

    first = groups("a")
    assert len(first) == 2
    # Every card is a graphic: its worker sent its first-stage picture with its fingerprint,
    # and only the second stage decodes (the pairs still alike).
    assert asked and {side for side, _name in asked} == {DETAIL_SIDE}
    # Without room to keep those pictures, they are decoded again, to the same answers.
    asked.clear()
    monkeypatch.setattr(pipeline, "PICTURE_MEMORY", 0)
    assert groups("b") == first
    assert {name for side, name in asked if side == PREVIEW_SIDE} == {
        p.name for p in cards.iterdir()
    }


def test_a_graphics_picture_is_the_same_sent_by_its_worker_or_decoded_again(cards):
    from photodedup.core.scan_work import Graphic, scan_file

    for path in sorted(str(p) for p in cards.iterdir()):
        sent = scan_file(path)
        assert isinstance(sent, Graphic), path
        assert sent.fingerprint == fingerprint_path(path)
        _path, width, height, luma, _blurred, _spread = preview_job(
            preview_item(path, PREVIEW_SIDE)
        )
        assert (sent.width, sent.height, sent.luma) == (width, height, luma)
        assert max(width, height) == min(PREVIEW_SIDE, max(Image.open(path).size))


def _write_variant(kind: str, path_stem) -> str:
    """The clubs card written as one kind of file a worker may meet."""
    from photodedup.core.imageio import ensure_plugins

    card = _card("clubs")
    if kind == "jpeg_turned":  # stored sideways, EXIF orientation 6
        exif = Image.Exif()
        exif[0x0112] = 6
        path = f"{path_stem}.jpg"
        card.rotate(90, expand=True).save(path, quality=90, exif=exif.tobytes())
    elif kind == "palette_transparent":
        path = f"{path_stem}.png"
        card.convert("P", palette=Image.Palette.ADAPTIVE).save(path, transparency=0)
    elif kind == "gray_alpha":
        path = f"{path_stem}.png"
        card.convert("LA").save(path)
    elif kind == "sixteen_bit":
        path = f"{path_stem}.png"
        deep = np.asarray(card.convert("L"), dtype=np.uint16) * 257
        Image.fromarray(deep.astype(np.uint16)).save(path)
    elif kind == "heic":
        ensure_plugins()
        path = f"{path_stem}.heic"
        card.save(path, quality=80)
    elif kind == "large":  # over imageio.SHRINK_ABOVE: reduced once while decoded
        path = f"{path_stem}.png"
        card.resize((1400, 1912), Image.Resampling.LANCZOS).save(path)
    else:  # truncated: the last rows missing, fingerprinted from what decodes
        path = f"{path_stem}.jpg"
        card.resize((328, 448)).save(path, quality=90)
        data = Path(path).read_bytes()
        Path(path).write_bytes(data[: int(len(data) * 0.97)])
    return path


@pytest.mark.parametrize(
    "kind",
    [
        "jpeg_turned",
        "palette_transparent",
        "gray_alpha",
        "sixteen_bit",
        "heic",
        "large",
        "truncated",
    ],
)
def test_every_kind_of_file_gives_its_worker_picture_when_decoded_again(tmp_path, kind):
    from photodedup.core.scan_work import Graphic, scan_file

    path = _write_variant(kind, tmp_path / kind)
    sent = scan_file(path)
    assert isinstance(sent, Graphic), sent
    assert sent.fingerprint.damaged == (kind == "truncated")
    _path, width, height, luma, _blurred, _spread = preview_job(preview_item(path, PREVIEW_SIDE))
    assert (sent.width, sent.height, sent.luma) == (width, height, luma)
    assert height > width  # upright, whatever the file stores


def test_a_photo_is_sent_without_a_picture(tmp_path, make_photo):
    from photodedup.core.scan_work import scan_file

    path = str(make_photo(tmp_path / "photo.jpg", 3))
    assert scan_file(path) == fingerprint_path(path)


def test_a_uniform_picture_is_matched_by_a_uniform_one_only():
    from photodedup.core.detail import Blurred, difference_share

    white = Image.new("L", (120, 80), 255)
    card = _card("clubs").convert("L").resize((120, 80))
    assert difference_share(Blurred.of(white), Blurred.of(card)) == 1.0
    assert difference_share(Blurred.of(white), Blurred.of(Image.new("L", (120, 80), 40))) == 0.0
