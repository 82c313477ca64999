"""Pair verification on pictures: layouts in luma and colour, turned copies, shape, strictness."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from photodedup.core import verify
from photodedup.core.fingerprint import (
    CHROMA_SIDE,
    THUMB_SIDE,
    fingerprint_path,
    orientation_variants,
)
from photodedup.core.models import Fingerprint
from photodedup.core.verify import (
    fine_limit,
    flatness,
    layout_scores,
    layouts_match,
    same_shape,
    thumbs_match,
)

SMALL_LIBRARY = 100


def _fp(
    luma: np.ndarray | bytes, chroma: np.ndarray | None = None, width: int = 400, height: int = 300
) -> Fingerprint:
    thumb = luma if isinstance(luma, bytes) else luma.astype(np.uint8).tobytes()
    if chroma is not None:
        thumb += chroma.astype(np.uint8).tobytes()
    return Fingerprint(
        path="/p.jpg",
        size=1,
        mtime_ns=0,
        digest="d",
        pixel_digest="p",
        width=width,
        height=height,
        format="JPEG",
        phashes=(0,),
        dhashes=(0,),
        thumb=thumb,
        flat=False,
    )


def _layout(seed: int, side: int = THUMB_SIDE) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(side, side))


def _chroma(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(60, 200, size=(2, CHROMA_SIDE, CHROMA_SIDE))


@pytest.mark.parametrize("variant", range(8))
def test_a_turned_layout_matches_only_in_its_own_orientation(variant):
    shown, colour = _layout(1), _chroma(1)
    turned = orientation_variants(shown)
    turned_colour = np.stack([orientation_variants(c)[variant] for c in colour])
    # b turned by `variant` is a: b is the picture that orientation_variants turns into a.
    a = _fp(turned[variant], turned_colour)
    b = _fp(shown, colour)
    assert thumbs_match(a, b, variant, SMALL_LIBRARY)
    others = [v for v in range(8) if v != variant]
    assert not any(thumbs_match(a, b, v, SMALL_LIBRARY) for v in others)


def test_upright_copies_pass_with_noise_and_other_pictures_do_not():
    rng = np.random.default_rng(3)
    original = _layout(2)
    noisy = np.clip(original + rng.integers(-30, 31, original.shape), 0, 255)
    assert thumbs_match(_fp(original), _fp(noisy), 0, SMALL_LIBRARY)
    assert not thumbs_match(_fp(original), _fp(_layout(4)), 0, SMALL_LIBRARY)
    assert not thumbs_match(_fp(original), _fp(b""), 0, SMALL_LIBRARY)  # from a results file
    uniform = np.full((THUMB_SIDE, THUMB_SIDE), 128)
    assert not thumbs_match(_fp(uniform), _fp(uniform), 0, SMALL_LIBRARY)  # no layout


def test_colours_must_agree_unless_one_side_has_none():
    luma, colour = _layout(5), _chroma(5)
    saturated = 128 + (colour - 128) * 1.4  # a saturation edit scales both chroma planes
    assert thumbs_match(_fp(luma, colour), _fp(luma, np.clip(saturated, 0, 255)), 0, 100)
    other = _chroma(6)  # the same light and shade, painted in other colours
    assert not thumbs_match(_fp(luma, colour), _fp(luma, other), 0, SMALL_LIBRARY)
    gray = np.full((2, CHROMA_SIDE, CHROMA_SIDE), 128)
    assert thumbs_match(_fp(luma, colour), _fp(luma, gray), 0, SMALL_LIBRARY)  # gray copy
    assert thumbs_match(_fp(luma, colour), _fp(luma), 0, SMALL_LIBRARY)  # grayscale file


def test_a_larger_library_asks_more_of_the_fine_layout():
    assert fine_limit(10) == fine_limit(1_000) == verify.FINE_BASE
    assert fine_limit(1_000) < fine_limit(100_000) < fine_limit(10**9) == verify.FINE_MAX
    rng = np.random.default_rng(8)
    original = _layout(7)
    noisy = np.clip(original + rng.normal(0, 80, original.shape), 0, 255)
    fine = layout_scores([_fp(original), _fp(noisy)], np.array([0]), np.array([1]), np.zeros(1))
    assert fine_limit(1_000) < fine.fine[0] < fine_limit(100_000)
    assert thumbs_match(_fp(original), _fp(noisy), 0, 1_000)
    assert not thumbs_match(_fp(original), _fp(noisy), 0, 100_000)


def test_many_pairs_at_once_equal_one_pair_at_a_time(monkeypatch):
    monkeypatch.setattr(verify, "_PAIRS_AT_ONCE", 64)  # several runs of pairs
    fps = [_fp(_layout(s % 5), _chroma(s % 3) if s % 4 else None) for s in range(12)]
    fps.append(_fp(b""))
    rng = np.random.default_rng(7)
    a = rng.integers(0, len(fps), 200)
    b = rng.integers(0, len(fps), 200)
    variant = rng.integers(0, 8, 200)
    variant[:60] = 0
    together = layouts_match(fps, a, b, variant, SMALL_LIBRARY)
    alone = [
        thumbs_match(fps[i], fps[j], int(v), SMALL_LIBRARY)
        for i, j, v in zip(a, b, variant, strict=True)
    ]
    assert together.tolist() == alone
    assert any(alone) and not all(alone)


def test_shape_survives_a_quarter_turn_but_not_a_landscape_portrait_swap():
    landscape, portrait = _fp(b"", None, 400, 300), _fp(b"", None, 300, 400)
    assert same_shape(landscape, portrait, 1)  # turned by 90 degrees
    assert not same_shape(landscape, portrait, 0)
    assert same_shape(landscape, _fp(b"", None, 420, 300), 0)  # a few % of crop


def test_real_files_recoloured_or_gray(tmp_path, new_photo):
    """Files with the same light and shade but other colours are different pictures; a
    grayscale copy is still a copy."""
    img = new_photo(11)
    y, cb, cr = img.convert("YCbCr").split()
    inverted = Image.merge("YCbCr", (y, cr.point(lambda v: 255 - v), cb)).convert("RGB")
    img.save(tmp_path / "a.png")
    inverted.save(tmp_path / "b.png")
    img.convert("L").save(tmp_path / "gray.jpg", quality=90)
    a, b, gray = (fingerprint_path(str(tmp_path / n)) for n in ("a.png", "b.png", "gray.jpg"))
    assert (a.phash ^ b.phash).bit_count() <= 4  # the hashes see luma only
    assert not thumbs_match(a, b, 0, SMALL_LIBRARY)
    assert len(gray.thumb) == THUMB_SIDE * THUMB_SIDE  # no colour stored for a gray file
    assert thumbs_match(a, gray, 0, SMALL_LIBRARY)


def test_a_jpeg_stored_in_rgb_is_read_on_luma_and_still_matches(tmp_path, new_photo):
    img = new_photo(12)
    img.save(tmp_path / "ycbcr.jpg", quality=90)
    img.save(tmp_path / "rgb.jpg", quality=90, keep_rgb=True)  # Adobe marker, transform 0
    ycbcr, rgb = (fingerprint_path(str(tmp_path / n)) for n in ("ycbcr.jpg", "rgb.jpg"))
    assert isinstance(rgb, Fingerprint)  # libjpeg cannot decode it to YCbCr: not asked to
    assert len(ycbcr.thumb) > len(rgb.thumb) == THUMB_SIDE * THUMB_SIDE
    assert thumbs_match(ycbcr, rgb, 0, SMALL_LIBRARY)


def _icon(colour: tuple[int, int, int]) -> Image.Image:
    img = Image.new("RGB", (128, 128), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([8, 8, 120, 120], radius=24, fill=colour)
    d.ellipse([36, 36, 92, 92], fill=(255, 255, 255))
    return img


def _chart(heights: list[int]) -> Image.Image:
    img = Image.new("RGB", (400, 300), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.line([(30, 20), (30, 270), (380, 270)], fill=(0, 0, 0), width=2)
    for k, h in enumerate(heights):
        d.rectangle([50 + 80 * k, 270 - h, 100 + 80 * k, 270], fill=(40, 80, 200))
    return img


def test_graphics_of_one_family_are_told_apart_and_their_copies_are_not(tmp_path):
    _icon((200, 40, 40)).save(tmp_path / "red.png")
    _icon((230, 170, 20)).save(tmp_path / "orange.png")
    _icon((200, 40, 40)).save(tmp_path / "red_copy.jpg", quality=75)
    heights = [120, 200, 90, 160]
    _chart(heights).save(tmp_path / "chart.png")
    _chart([*heights[:2], 150, heights[3]]).save(tmp_path / "other_chart.png")
    _chart(heights).resize((200, 150), Image.Resampling.LANCZOS).save(tmp_path / "chart_small.png")
    names = ("red.png", "orange.png", "red_copy.jpg", "chart.png", "other_chart.png")
    red, orange, red_copy, chart, other = (fingerprint_path(str(tmp_path / n)) for n in names)
    small = fingerprint_path(str(tmp_path / "chart_small.png"))
    for x, y in ((red, orange), (chart, other)):  # the hashes cannot tell these apart
        assert (x.phash ^ y.phash).bit_count() + (x.dhash ^ y.dhash).bit_count() <= 25
    assert not thumbs_match(red, orange, 0, SMALL_LIBRARY)  # same light and shade, other hue
    assert thumbs_match(red, red_copy, 0, SMALL_LIBRARY)
    grid = np.frombuffer(chart.thumb[: THUMB_SIDE * THUMB_SIDE], np.uint8)
    assert flatness(grid.reshape(1, THUMB_SIDE, THUMB_SIDE))[0] >= verify.GRAPHIC_FLATNESS
    assert not thumbs_match(chart, other, 0, SMALL_LIBRARY)  # one bar differs
    assert thumbs_match(chart, small, 0, SMALL_LIBRARY)


def test_one_files_graphic_test_is_the_librarys():
    rng = np.random.default_rng(7)
    fps = []
    for k in range(400):
        # Around the limit: a flat ground with a share of noisy pixels, steps of 2 and 3.
        base = np.full((THUMB_SIDE, THUMB_SIDE), rng.integers(0, 256))
        noisy = rng.random((THUMB_SIDE, THUMB_SIDE)) < rng.uniform(0.1, 0.6)
        steps = rng.integers(-3, 4, (THUMB_SIDE, THUMB_SIDE)) * (1 + (k % 3 == 0) * 20)
        fps.append(_fp(np.clip(base + noisy * steps, 0, 255)))
    fps.append(_fp(b""))  # a results file's fingerprint has no thumbnail
    library = verify.graphics(fps, np.arange(len(fps)))
    assert 50 < library.sum() < 350  # both answers are well represented
    assert [verify.is_graphic(fp) for fp in fps] == library.tolist()
