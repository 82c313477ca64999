"""The difference view's engine: copies lined up with their keeper, and where an edit was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from photodedup.core.difference import (
    Region,
    UnreadablePicture,
    Verdict,
    compare_files,
    compare_pictures,
    heat_overlay,
    turn,
)
from photodedup.core.fingerprint import orientation_variants

SIZE = (640, 480)


def _error(d) -> float:
    """Mean difference (levels of 255) between the keeper and the aligned copy."""
    return float(np.abs(d.keeper.astype(np.int16) - d.copy.astype(np.int16)).mean())


@pytest.fixture
def keeper(tmp_path: Path, new_photo: Callable[..., Image.Image]) -> tuple[Path, Image.Image]:
    img = new_photo(7, SIZE)
    path = tmp_path / "keeper.jpg"
    img.save(path, quality=95)
    return path, img


def test_turn_uses_the_matchers_orientation_order() -> None:
    block = np.arange(12).reshape(3, 4)
    for v, expected in enumerate(orientation_variants(block)):
        assert np.array_equal(turn(block, v), expected)
        # Colour pictures turn the same way, channel by channel.
        rgb = np.stack([block, block + 100, block + 200], axis=2)
        assert np.array_equal(turn(rgb, v)[..., 1], expected + 100)


@pytest.mark.parametrize(
    ("transpose", "variant"),
    [
        (Image.Transpose.ROTATE_90, 3),  # turned left: turned back by 270 counter-clockwise
        (Image.Transpose.ROTATE_180, 2),
        (Image.Transpose.FLIP_LEFT_RIGHT, 4),
        (Image.Transpose.TRANSPOSE, None),  # mirrored and turned: some variant 4-7
    ],
)
def test_a_turned_copy_is_turned_back_and_lines_up(
    tmp_path: Path, keeper: tuple[Path, Image.Image], transpose, variant
) -> None:
    path, img = keeper
    copy = tmp_path / "turned.png"  # no EXIF: the pixels themselves are turned
    img.transpose(transpose).save(copy)
    d = compare_files(str(path), str(copy))
    if variant is not None:
        assert d.variant == variant
    else:
        assert d.variant >= 4
    assert d.copy.shape == d.keeper.shape == (SIZE[1], SIZE[0], 3)
    assert _error(d) < 3.0
    assert d.verdict is Verdict.NOISE


def test_a_copy_stored_sideways_with_exif_orientation_is_shown_upright(
    tmp_path: Path, keeper: tuple[Path, Image.Image], exif_bytes
) -> None:
    path, img = keeper
    copy = tmp_path / "sideways.jpg"
    img.transpose(Image.Transpose.ROTATE_90).save(copy, quality=92, exif=exif_bytes(6))
    d = compare_files(str(path), str(copy))
    assert d.variant == 0  # the decoder turned it: nothing left to turn
    assert _error(d) < 3.0


def test_a_recoloured_region_shows_in_the_heat_map_where_it_was_edited(
    tmp_path: Path, keeper: tuple[Path, Image.Image]
) -> None:
    path, img = keeper
    edited = np.asarray(img).copy()
    box = (slice(40, 170), slice(50, 220))  # rows, columns: the top-left of the picture
    edited[box] = edited[box][..., ::-1]  # channels swapped: the patch is recoloured
    copy = tmp_path / "recoloured.jpg"
    Image.fromarray(edited).save(copy, quality=92)
    d = compare_files(str(path), str(copy))
    assert d.verdict is Verdict.LOCAL
    assert d.region is Region.TOP_LEFT
    inside = d.heat[55:155, 65:205].mean()
    outside = np.concatenate([d.heat[240:, :].ravel(), d.heat[:, 320:].ravel()]).mean()
    assert inside > 0.3
    assert outside < 0.03
    overlay = heat_overlay(d)
    assert overlay.shape == d.keeper.shape and overlay.dtype == np.uint8
    # Drawn red-yellow where edited, gray elsewhere.
    red = overlay[100, 130].astype(int)
    assert red[0] > red[2] + 80
    calm = overlay[400, 500].astype(int)
    assert abs(calm[0] - calm[2]) < 10


def test_an_edit_in_the_bottom_right_is_named_there(
    tmp_path: Path, keeper: tuple[Path, Image.Image]
) -> None:
    path, img = keeper
    marked = np.asarray(img).copy()
    marked[400:460, 470:630] = 255  # a white watermark box
    copy = tmp_path / "watermark.jpg"
    Image.fromarray(marked).save(copy, quality=90)
    d = compare_files(str(path), str(copy))
    assert (d.verdict, d.region) == (Verdict.LOCAL, Region.BOTTOM_RIGHT)


def test_re_encoded_resized_and_identical_copies_are_the_same_picture(
    tmp_path: Path, keeper: tuple[Path, Image.Image]
) -> None:
    path, img = keeper
    low = tmp_path / "q40.jpg"
    img.save(low, quality=40)
    small = tmp_path / "small.webp"
    img.resize((320, 240), Image.Resampling.LANCZOS).save(small, quality=80)
    assert compare_files(str(path), str(low)).verdict is Verdict.NOISE
    d = compare_files(str(path), str(small))
    assert d.verdict is Verdict.NOISE
    assert d.copy.shape == d.keeper.shape  # scaled up onto the keeper's picture
    same = compare_files(str(path), str(path))
    assert same.verdict is Verdict.SAME_PIXELS
    assert float(same.heat.max()) == 0.0


def test_a_frame_and_a_crop_are_left_out_before_comparing(
    tmp_path: Path, keeper: tuple[Path, Image.Image]
) -> None:
    path, img = keeper
    framed = tmp_path / "framed.jpg"
    ImageOps.expand(img, border=40, fill="white").save(framed, quality=92)
    d = compare_files(str(path), str(framed))
    assert d.copy_framed and not d.keeper_framed
    assert d.verdict is Verdict.NOISE
    assert _error(d) < 4.0
    cropped = tmp_path / "cropped.jpg"
    img.crop((32, 24, 608, 456)).save(cropped, quality=92)  # 10 % off the sides
    d = compare_files(str(path), str(cropped))
    assert d.cropped
    assert d.verdict is Verdict.NOISE
    assert _error(d) < 6.0


def test_brightness_and_black_and_white_are_tone_not_an_edit_somewhere(
    tmp_path: Path, keeper: tuple[Path, Image.Image]
) -> None:
    path, img = keeper
    gray = tmp_path / "gray.jpg"
    ImageOps.grayscale(img).save(gray, quality=92)
    d = compare_files(str(path), str(gray))
    assert d.verdict is Verdict.TONE and d.tone_changed
    darker = tmp_path / "darker.jpg"
    Image.fromarray((np.asarray(img) * 0.7).astype(np.uint8)).save(darker, quality=92)
    assert compare_files(str(path), str(darker)).verdict is Verdict.TONE


def test_another_picture_differs_all_over(new_photo: Callable[..., Image.Image]) -> None:
    a = np.asarray(new_photo(1, SIZE))
    b = np.asarray(new_photo(2, SIZE))
    d = compare_pictures(a, b)
    assert (d.verdict, d.region) == (Verdict.WIDE, Region.WHOLE)
    assert d.changed_share > 0.5


def test_an_unreadable_file_names_itself(tmp_path: Path, keeper: tuple[Path, Image.Image]) -> None:
    path, _img = keeper
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a JPEG at all")
    with pytest.raises(UnreadablePicture) as err:
        compare_files(str(path), str(broken))
    assert err.value.path == str(broken) and err.value.reason
    with pytest.raises(UnreadablePicture) as err:
        compare_files(str(tmp_path / "gone.jpg"), str(path))
    assert err.value.path == str(tmp_path / "gone.jpg")


def test_a_patch_recoloured_at_the_same_brightness_is_an_edit_in_one_place(
    tmp_path: Path, keeper: tuple[Path, Image.Image]
) -> None:
    path, img = keeper
    edited = np.asarray(img).astype(np.float64)
    # Redder at the same luma: +60 red, -25 green, -28.6 blue leaves 0.299R + 0.587G + 0.114B.
    edited[60:150, 430:600] += np.array([60.0, -25.0, -28.6])
    copy = tmp_path / "tinted.png"
    Image.fromarray(np.clip(edited, 0, 255).astype(np.uint8)).save(copy)
    d = compare_files(str(path), str(copy))
    assert (d.verdict, d.region) == (Verdict.LOCAL, Region.TOP_RIGHT)


def test_a_border_both_pictures_have_is_part_of_the_picture(
    tmp_path: Path, new_photo: Callable[..., Image.Image]
) -> None:
    # A photo with its own dark surround (a night sky, a studio backdrop), and a smaller,
    # harder compressed copy: the surround is cut a pixel apart in each, so it stays in.
    img = ImageOps.expand(new_photo(21, (560, 400)), border=40, fill=(8, 8, 8))
    keeper = tmp_path / "own_border.jpg"
    img.save(keeper, quality=95)
    copy = tmp_path / "own_border_small.jpg"
    img.resize((320, 240), Image.Resampling.LANCZOS).save(copy, quality=40)
    d = compare_files(str(keeper), str(copy))
    assert not d.keeper_framed and not d.copy_framed
    assert d.verdict is Verdict.NOISE
