"""Decoding and fingerprints: golden values, orientations, reduced decoding, hostile bytes."""

from __future__ import annotations

import io
import os

import imagehash
import numpy as np
import pytest
import scipy.fftpack
from PIL import Image

from photodedup.core import imageio
from photodedup.core.fingerprint import (
    dhash_variants,
    fingerprint_bytes,
    fingerprint_path,
    is_flat,
    low_frequencies,
    orientation_variants,
    phash_variants,
)
from photodedup.core.models import Fingerprint, Problem

#: Pillow's transpositions in the order of ``orientation_variants`` (None: as is).
VARIANT_TRANSPOSES = (
    None,
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_180,
    Image.Transpose.ROTATE_270,
    Image.Transpose.FLIP_LEFT_RIGHT,
    Image.Transpose.TRANSPOSE,
    Image.Transpose.FLIP_TOP_BOTTOM,
    Image.Transpose.TRANSVERSE,
)


def _ih(h: imagehash.ImageHash) -> int:
    return int(str(h), 16)


def _jpeg(img: Image.Image, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", **kw)
    return buf.getvalue()


def _fp(data: bytes) -> Fingerprint:
    return fingerprint_bytes("x", len(data), 0, data)


def test_golden_hashes_are_pinned():
    # A deterministic gradient: if these change, cached fingerprints must be invalidated
    # (bump ALGORITHM_VERSION) because old and new hashes would no longer compare.
    y, x = np.mgrid[0:64, 0:64]
    img = Image.fromarray(((x * 3 + y * 2 + (x * y) % 17) % 256).astype(np.uint8), "L")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    fp = _fp(buf.getvalue())
    assert fp.phash == _ih(imagehash.phash(img))
    assert fp.dhash == _ih(imagehash.dhash(img))
    assert (fp.phash, fp.dhash) == (0x912D4A1469BA7D5B, 0xFFFFFFFFFEFCF8F9)


def test_phash_of_every_orientation_equals_imagehash_on_the_turned_image(new_photo):
    small = new_photo(7).convert("L").resize((32, 32), Image.Resampling.LANCZOS)
    pixels = np.asarray(small)
    hashes = phash_variants(low_frequencies(pixels))
    assert len(set(hashes)) == 8
    for k, variant in enumerate(orientation_variants(pixels)):
        turned = Image.fromarray(np.ascontiguousarray(variant))
        assert hashes[k] == _ih(imagehash.phash(turned)), k


def _scipy_low(pixels: np.ndarray) -> np.ndarray:
    return scipy.fftpack.dct(scipy.fftpack.dct(pixels.astype(np.float64), axis=0), axis=1)[:8, :8]


def _symmetric_and_flat_blocks() -> list[np.ndarray]:
    y, x = np.mgrid[0:32, 0:32]
    mirrored = (np.abs(x - 15.5) * 7 + y * 3).astype(np.uint8)  # left-right symmetric
    return [
        np.full((32, 32), 90, np.uint8),  # every AC term a tie at zero
        mirrored,
        np.ascontiguousarray(mirrored.T),
        ((x // 4 + y // 4) % 2 * 200).astype(np.uint8),  # a checkerboard
        (x * 8).astype(np.uint8),  # a pure ramp: "flat"
    ]


def test_hash_bits_and_flatness_equal_scipys_dct_exactly(new_photo):
    # The matrix DCT rounds differently from SciPy's: every bit and the flat flag must still
    # be SciPy's, on photos and on blocks full of exact ties (which fall back to SciPy).
    photos = [
        np.asarray(new_photo(s, (96, 64)).convert("L").resize((32, 32), Image.Resampling.LANCZOS))
        for s in range(40)
    ]
    for k, pixels in enumerate(photos + _symmetric_and_flat_blocks()):
        low, exact = low_frequencies(pixels), _scipy_low(pixels)
        assert np.allclose(low, exact, rtol=0, atol=1e-9), k
        assert phash_variants(low) == phash_variants(exact), k
        assert is_flat(pixels, low) == is_flat(pixels, exact), k
    assert is_flat(photos[0], low_frequencies(photos[0])) is False
    ramp = _symmetric_and_flat_blocks()[-1]
    assert is_flat(ramp, low_frequencies(ramp)) is True


def test_dhash_variants_follow_the_same_order_as_phash(new_photo):
    for seed in range(8):
        gray = new_photo(seed).convert("L")
        arr = np.asarray(gray)
        dh = dhash_variants(gray)
        assert dh[0] == _ih(imagehash.dhash(gray))  # the photo as shown: exactly ImageHash
        pairs = zip(VARIANT_TRANSPOSES, orientation_variants(arr), strict=True)
        for k, (t, variant) in enumerate(pairs):
            turned = gray.transpose(t) if t is not None else gray
            assert np.array_equal(np.asarray(turned), variant), k
            # Turned after reduction instead of before: the same up to rounding.
            assert (dh[k] ^ _ih(imagehash.dhash(turned))).bit_count() <= 2, (seed, k)


def test_exif_orientation_is_applied_before_hashing(new_photo, exif_bytes):
    upright = new_photo(4, (800, 600))
    turned = upright.transpose(Image.Transpose.ROTATE_90)
    sideways = _jpeg(turned, quality=95, exif=exif_bytes(6))
    a, b = _fp(_jpeg(upright, quality=95)), _fp(sideways)
    assert (b.width, b.height) == (800, 600)
    assert (a.phash ^ b.phash).bit_count() <= 4
    assert b.camera == "TestCam Model 1"
    assert b.taken == "2021:06:01 12:00:00"


@pytest.mark.parametrize(
    ("seed", "size"),
    # Camera-sized (1/8), and the small sizes where the scale changes: 1/4, 1/2, full size.
    [(s, (2400, 1800)) for s in range(6)]
    + [(6, (1024, 768)), (7, (800, 600)), (8, (500, 333)), (9, (333, 500)), (10, (300, 250))],
)
def test_reduced_jpeg_decoding_stays_within_2_bits_of_the_full_decode(seed, size, new_photo):
    # The speed path (DCT-scaled decode down to 256 px) must not change what is matched.
    img = new_photo(seed, size)
    data = _jpeg(img, quality=90)
    fp = _fp(data)
    full = Image.open(io.BytesIO(data)).convert("L")
    assert (fp.phash ^ _ih(imagehash.phash(full))).bit_count() <= 2
    assert (fp.dhash ^ _ih(imagehash.dhash(full))).bit_count() <= 2


def test_jpegs_are_decoded_at_the_smallest_scale_that_keeps_256_pixels(new_photo):
    # What makes camera JPEGs cheap, and no cheaper: 128 px moved real photos' hashes.
    for size, decoded in [
        ((2400, 1800), (600, 450)),
        ((1024, 768), (512, 384)),
        ((500, 333), (500, 333)),
        ((300, 250), (300, 250)),
    ]:
        assert imageio.decode_for_hash(_jpeg(new_photo(1, size))).gray.size == decoded, size


def test_transparency_is_flattened_onto_white(new_photo):
    photo = new_photo
    rgba = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    rgba.paste(photo(5, (100, 100)).convert("RGBA"), (50, 50))
    flat = Image.new("RGB", (200, 200), "white")
    flat.paste(photo(5, (100, 100)), (50, 50))
    a, b = io.BytesIO(), io.BytesIO()
    rgba.save(a, "PNG")
    flat.save(b, "PNG")
    assert _fp(a.getvalue()).phashes == _fp(b.getvalue()).phashes


def test_sixteen_bit_images_are_scaled_not_clipped(new_photo):
    photo = new_photo
    arr = (np.asarray(photo(6).convert("L"), dtype=np.uint16) * 257).astype(np.uint16)
    buf16, buf8 = io.BytesIO(), io.BytesIO()
    Image.fromarray(arr).save(buf16, "PNG")
    photo(6).convert("L").save(buf8, "PNG")
    a, b = _fp(buf16.getvalue()), _fp(buf8.getvalue())
    assert not a.flat
    assert (a.phash ^ b.phash).bit_count() <= 2


def test_first_frame_of_an_animated_gif(new_photo):
    photo = new_photo
    frames = [photo(s, (120, 90)).convert("P") for s in (11, 12)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    single = io.BytesIO()
    frames[0].save(single, "GIF")
    assert _fp(buf.getvalue()).phash == _fp(single.getvalue()).phash


def test_uniform_images_are_flagged_flat(new_photo):
    photo = new_photo
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (40, 90, 200)).save(buf, "PNG")
    assert _fp(buf.getvalue()).flat
    assert not _fp(_jpeg(photo(9))).flat


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"this is not an image at all" * 10, "not an image"),
        (None, "truncated"),
    ],
)
def test_bad_files_become_problems_with_a_reason(tmp_path, content, reason, new_photo):
    photo = new_photo
    path = tmp_path / "bad.jpg"
    if content is None:
        content = _jpeg(photo(1), quality=90)[:3000]
    path.write_bytes(content)
    result = fingerprint_path(str(path))
    assert isinstance(result, Problem)
    assert reason in result.error


def test_decompression_bombs_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(imageio, "MAX_PIXELS", 10_000)
    path = tmp_path / "bomb.png"
    Image.new("L", (200, 200)).save(path)
    result = fingerprint_path(str(path))
    assert isinstance(result, Problem)
    assert "too large" in result.error


def test_a_fifo_is_never_opened_for_reading(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    result = fingerprint_path(str(fifo))  # must return at once, not block on the pipe
    assert isinstance(result, Problem)
    assert "not a regular file" in result.error


def test_a_sixteen_bit_image_shows_its_picture_not_white(tmp_path, new_photo):
    from photodedup.core.imageio import open_oriented

    eight = new_photo(6).convert("L")
    deep = (np.asarray(eight, dtype=np.uint16) * 257).astype(np.uint16)
    Image.fromarray(deep).save(tmp_path / "deep.png")
    shown = np.asarray(open_oriented(str(tmp_path / "deep.png")).convert("L"), dtype=int)
    assert np.abs(shown - np.asarray(eight, dtype=int)).max() <= 1


def test_a_photo_shown_reduced_is_decoded_reduced(tmp_path, new_photo, monkeypatch):
    from PIL import JpegImagePlugin

    from photodedup.core.imageio import open_oriented

    path = tmp_path / "wide.jpg"
    new_photo(8, (1200, 900)).save(path, quality=90)
    decoded_at = []
    draft = JpegImagePlugin.JpegImageFile.draft

    def recording(self, mode, size):  # type: ignore[no-untyped-def]
        found = draft(self, mode, size)
        decoded_at.append(self.size)
        return found

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", recording)
    shown = open_oriented(str(path), 512)
    assert decoded_at == [(600, 450)]  # DCT-scaled by half, not decoded in full
    full = Image.open(path).convert("RGB").resize((512, 384), Image.Resampling.LANCZOS)
    assert shown.size == (512, 384)
    assert np.abs(np.asarray(shown, dtype=int) - np.asarray(full, dtype=int)).mean() < 1.0
