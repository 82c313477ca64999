"""Graphics and fine textures whose hashes both moved: found by their layouts, the pixels decide."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.layout_search import hash_blind, layout_pairs
from photodedup.core.models import DEFAULT_THRESHOLD, ScanOptions
from photodedup.core.pipeline import run_scan
from photodedup.core.verify import MIN_COLOUR_CORRELATION, layout_scores, tints_match

RED, ORANGE = (200, 40, 40), (230, 170, 20)


def _icon(colour: tuple[int, int, int], glyph: str) -> Image.Image:
    """A 128 px app icon (as benchmarks/graphics.py draws them): a rounded square in a colour
    on a transparent ground, a white glyph."""
    img = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([8, 8, 120, 120], radius=24, fill=(*colour, 255))
    if glyph == "ring":
        d.ellipse([36, 36, 92, 92], outline=(255, 255, 255, 255), width=10)
    else:
        d.ellipse([36, 36, 92, 92], fill=(255, 255, 255, 255))
    return img


def _on_white(img: Image.Image) -> Image.Image:
    white = Image.new("RGBA", img.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, img).convert("RGB")


def _checker(cell: int) -> Image.Image:
    a = ((np.indices((480, 640)) // cell).sum(axis=0) % 2 * 255).astype(np.uint8)
    return Image.fromarray(a).convert("RGB")


@pytest.fixture
def graphics(tmp_path):
    folder = tmp_path / "graphics"
    folder.mkdir()
    _icon(RED, "ring").save(folder / "ring_red.png")
    _on_white(_icon(RED, "ring")).save(folder / "ring_red_q50.jpg", quality=50)
    _icon(ORANGE, "ring").save(folder / "ring_orange.png")
    _icon(RED, "disc").save(folder / "disc_red.png")
    _checker(16).save(folder / "checker_16.png")
    _checker(16).resize((256, 192)).save(folder / "checker_16_small.jpg", quality=85)
    _checker(24).save(folder / "checker_24.png")
    return folder


def _fps(folder, *names):
    return [fingerprint_path(str(folder / n)) for n in names]


def _bits(a, b) -> tuple[int, int]:
    return (a.phash ^ b.phash).bit_count(), (a.dhash ^ b.dhash).bit_count()


def test_copies_whose_hashes_both_moved_are_grouped_and_look_alikes_kept_apart(graphics, tmp_path):
    ring, ring_q50, checker, small = _fps(
        graphics, "ring_red.png", "ring_red_q50.jpg", "checker_16.png", "checker_16_small.jpg"
    )
    # Neither pair is a candidate of the hash search: both hashes beyond the threshold.
    for a, b in ((ring, ring_q50), (checker, small)):
        assert min(_bits(a, b)) > DEFAULT_THRESHOLD
    result = run_scan(ScanOptions(roots=(str(graphics),), use_cache=False, workers=2))
    groups = sorted(
        sorted(m.fingerprint.path.rsplit("/", 1)[1] for m in g.members) for g in result.groups
    )
    assert groups == [
        ["checker_16.png", "checker_16_small.jpg"],
        ["ring_red.png", "ring_red_q50.jpg"],
    ]
    # The copy's frame was cut 5 px wider (JPEG ringing in its margin): at one file size it
    # is not "more picture", so the PNG original is kept.
    kept = {
        m.fingerprint.path.rsplit("/", 1)[1] for g in result.groups for m in g.members if m.keep
    }
    assert kept == {"checker_16.png", "ring_red.png"}


def test_the_search_takes_graphics_and_fine_textures_only(graphics, make_photo, tmp_path):
    names = ("ring_red.png", "checker_16.png", "checker_16_small.jpg")
    photo = fingerprint_path(str(make_photo(tmp_path / "photo.jpg", 3)))
    assert hash_blind([*_fps(graphics, *names), photo]).tolist() == [True, True, True, False]


def test_turned_layouts_are_searched_only_with_rotations(tmp_path):
    img = Image.new("RGB", (400, 300), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([20, 20, 120, 280], fill=(30, 60, 160))  # a flat L: no turn maps it onto itself
    d.rectangle([20, 200, 380, 280], fill=(30, 60, 160))
    img.save(tmp_path / "l.png")
    img.rotate(180).save(tmp_path / "l_turned.png")
    fps = _fps(tmp_path, "l.png", "l_turned.png")
    assert len(layout_pairs(fps, rotations=False)[0]) == 0
    a, b, v = layout_pairs(fps, rotations=True)
    assert a.tolist() == [0] and b.tolist() == [1] and v.tolist() == [2]  # turned by 180


def test_tints_tell_colours_apart_where_the_frame_was_cut_apart(graphics):
    ring, ring_q50, orange = _fps(graphics, "ring_red.png", "ring_red_q50.jpg", "ring_orange.png")
    # JPEG ringing in the q50 copy's white margin moves its frame cut: its colour planes
    # misalign with the original's, below the colour check's limit.
    colour = layout_scores([ring, ring_q50], np.array([0]), np.array([1]), np.array([0])).colour
    assert colour[0] < MIN_COLOUR_CORRELATION
    both = tints_match([ring, ring_q50, orange], np.array([0, 0]), np.array([1, 2]))
    assert both.tolist() == [True, False]


def test_no_pair_when_no_layouts_are_alike(graphics):
    fps = _fps(graphics, "ring_red.png", "checker_24.png")
    assert [len(x) for x in layout_pairs(fps, rotations=True)] == [0, 0, 0]


def test_a_single_photo_query_finds_the_copy_its_hashes_miss(graphics):
    from photodedup.core.pipeline import find_copies

    options = ScanOptions(roots=(str(graphics),), use_cache=False, workers=2)
    found = {
        fp.path.rsplit("/", 1)[1] for fp, _d in find_copies(str(graphics / "ring_red.png"), options)
    }
    assert found == {"ring_red_q50.jpg"}
    found = {
        fp.path.rsplit("/", 1)[1]
        for fp, _d in find_copies(str(graphics / "checker_16_small.jpg"), options)
    }
    assert found == {"checker_16.png"}
