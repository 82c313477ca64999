"""Fingerprint one photo: content digest, pHash of 8 orientations, dHash, a small thumbnail."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from typing import TypeVar

import numpy as np
from PIL import Image

from .imageio import Decoded, DecodeError, decode_for_hash
from .models import Fingerprint, Problem

#: Files larger than this are not read (no photo is this big; a disk image might be).
MAX_FILE_BYTES = 1 << 30

#: Side of the luma thumbnail kept for verifying candidate pairs (the pHash's own 32x32).
THUMB_SIDE = 32
#: Side of the two chroma planes (Cb, Cr) stored after the luma thumbnail of a colour photo.
CHROMA_SIDE = 8

#: Photos are box-reduced to about this short side before the hashes' own resizes.
HASH_SOURCE_SIDE = 128

#: Below this standard deviation of the 32x32 thumbnail a photo is "flat" (black frame,
#: blank page): its perceptual hashes are mostly noise, so it only matches identical pixels.
FLAT_STD = 6.0
#: A photo whose three strongest low-frequency DCT terms hold more than this share of the
#: hash's AC energy is a smooth ramp (a clear sky, a gradient): every such picture gets the
#: same few hash bits, so it is "flat" too. Natural photos stay under 0.94 (docs/matching.md).
FLAT_RAMP_SHARE = 0.97

# A uniform border is trimmed before hashing when it is at most this share of a side,
_MAX_TRIM = 0.2
# and at least this share on one side at its thickest: a drawing's thin margin (a card's 2 px
# of white) is part of the picture, and JPEG noise hides it in a copy, which then looked like
# the unframed, larger original. Added frames are thicker (make_corpus.py: 2.5 %).
_MIN_TRIM = 0.02
_BORDER_TOLERANCE = 12

# The first 8 rows of SciPy's unnormalised DCT-II matrix for 32 samples (what ImageHash's
# pHash uses): the low-frequency block is then two small matrix products.
_DCT8 = 2.0 * np.cos(np.pi * np.arange(8)[:, None] * (2 * np.arange(32)[None, :] + 1) / 64)
# The matrix product and SciPy's FFT round differently, by at most about 1e-16 of
# 4 * sum(pixels) (the largest a coefficient can be). A hash bit or the flat test can only
# differ where a value is this close to its threshold: such blocks (uniform or symmetric
# pictures, exact ties) are computed by SciPy itself, so every bit stays SciPy's.
_TIE_MARGIN = 1e-12


_T = TypeVar("_T")


def digest_bytes(data: bytes) -> str:
    """The content digest used for byte-identical files and the trash journal."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _rows_to_ints(bits: np.ndarray) -> tuple[int, ...]:
    """Each row of 64 booleans as an integer, first bit most significant (ImageHash's order)."""
    return tuple(int.from_bytes(row.tobytes(), "big") for row in np.packbits(bits, axis=1))


def orientation_variants(block: np.ndarray) -> list[np.ndarray]:
    """The 8 dihedral variants of a 2-D block, in the order used for ``Fingerprint.phashes``.

    Index 0 is the block itself, 1-3 are rotations by 90, 180 and 270 degrees
    counter-clockwise, 4 is the left-right mirror and 5-7 its rotations.
    """
    out = []
    # Slicing views, exactly np.rot90(base, k) for k = 0..3 without its per-call overhead
    # (matching turns thumbnails through this for every candidate pair).
    for base in (block, block[:, ::-1]):
        out.extend((base, base[:, ::-1].T, base[::-1, ::-1], base.T[:, ::-1]))
    return out


def _dct_variant_maps() -> tuple[np.ndarray, np.ndarray]:
    """Where each coefficient of the 8 orientations' DCT blocks comes from, and its sign.

    Turning or mirroring the image only permutes and negates DCT coefficients: a coefficient
    (u, v) of a left-right mirror is (-1)^v times the original, and a counter-clockwise
    quarter turn (new[i, j] = old[j, N-1-i]) transposes the block and flips the sign of the
    new row index.
    """
    sign = np.array([1 if k % 2 == 0 else -1 for k in range(8)])
    index = np.arange(1, 65).reshape(8, 8)  # 1-based, so a sign survives on every entry
    rows = []
    for k in range(8):
        block = index * sign[None, :] if k >= 4 else index
        for _ in range(k % 4):
            block = (block * sign[None, :]).T
        rows.append(block.ravel())
    signed = np.array(rows)
    return np.abs(signed) - 1, np.sign(signed).astype(np.float64)


_VARIANT_INDEX, _VARIANT_SIGN = _dct_variant_maps()


def _variant_blocks(low: np.ndarray) -> np.ndarray:
    """The 8 orientations' 8x8 DCT blocks, one flattened block a row (exact: only signs)."""
    return low.ravel()[_VARIANT_INDEX] * _VARIANT_SIGN


def _medians(blocks: np.ndarray) -> np.ndarray:
    """Each row's median, as numpy.median computes it for 64 values."""
    part = np.partition(blocks, (31, 32), axis=1)
    return (part[:, 31] + part[:, 32]) / 2


def _ramp_share(low: np.ndarray) -> float | None:
    """Share of the AC energy held by the three strongest terms; None without AC energy."""
    energy = np.sort(low.ravel()[1:] ** 2)[::-1]
    total = float(energy.sum())
    return None if total <= 0 else float(energy[:3].sum()) / total


def _near_a_threshold(low: np.ndarray, scale: float) -> bool:
    """Whether a hash bit or the flat test of this block is within rounding of flipping."""
    blocks = _variant_blocks(low)
    if float(np.abs(blocks - _medians(blocks)[:, None]).min()) <= _TIE_MARGIN * scale:
        return True
    share = _ramp_share(low)
    return share is None or abs(share - FLAT_RAMP_SHARE) <= _TIE_MARGIN


def low_frequencies(pixels32: np.ndarray) -> np.ndarray:
    """The 8x8 low-frequency DCT block of a 32x32 grayscale image, as ImageHash's pHash uses.

    Every bit and flat decision taken from it equals the one from SciPy's DCT, which is only
    imported (a quarter of a second in each worker) for the rare block near a tie.
    """
    pixels = pixels32.astype(np.float64)
    low = _DCT8 @ pixels @ _DCT8.T
    if _near_a_threshold(low, 4.0 * float(pixels.sum()) + 1.0):
        import scipy.fftpack

        low = scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=0), axis=1)[:8, :8]
    return low


def is_flat(pixels32: np.ndarray, low: np.ndarray) -> bool:
    """Too little detail for perceptual hashes: near-uniform, or a smooth ramp."""
    if float(pixels32.std()) < FLAT_STD:
        return True
    share = _ramp_share(low)
    return share is None or share > FLAT_RAMP_SHARE


def phash_variants(low: np.ndarray) -> tuple[int, ...]:
    """pHash (as ImageHash computes it) of the 8 orientations, from the 8x8 DCT block.

    Turning or mirroring the image only permutes and negates DCT coefficients, so one DCT
    serves all 8 (see ``_dct_variant_maps``).
    """
    blocks = _variant_blocks(low)
    return _rows_to_ints(blocks > _medians(blocks)[:, None])


def _dhash_pairs() -> tuple[np.ndarray, np.ndarray]:
    """For the 8 orientations' dHash bits: which two of the 9x8 and 8x9 reductions' pixels
    (flattened one after the other) each bit compares.

    The quarter turns (odd variants) turn the 8x9 reduction, so they are 9x8 again.
    """
    wide = np.arange(72).reshape(8, 9)
    tall = np.arange(72, 144).reshape(9, 8)
    pairs = zip(orientation_variants(wide), orientation_variants(tall), strict=True)
    turned = [t if k % 2 else w for k, (w, t) in enumerate(pairs)]
    right = np.stack([v[:, 1:].ravel() for v in turned])
    left = np.stack([v[:, :-1].ravel() for v in turned])
    return right, left


_DHASH_RIGHT, _DHASH_LEFT = _dhash_pairs()


def dhash_variants(gray: Image.Image) -> tuple[int, ...]:
    """ImageHash's dHash of the 8 orientations, in the order of ``orientation_variants``.

    Index 0 is exactly ``imagehash.dhash(gray)``: the image reduced to 9x8 and its horizontal
    gradients. The other orientations turn that reduction instead of the image (9x8, or 8x9
    for quarter turns), which is 8 times cheaper than hashing 8 turned images and differs
    from it only by rounding (within a bit or two, see tests/core/test_fingerprint.py).
    """
    wide = gray.resize((9, 8), Image.Resampling.LANCZOS).tobytes()
    tall = gray.resize((8, 9), Image.Resampling.LANCZOS).tobytes()
    both = np.frombuffer(wide + tall, np.uint8)
    return _rows_to_ints(both[_DHASH_RIGHT] > both[_DHASH_LEFT])


def _pixels(gray: Image.Image) -> np.ndarray:
    """A mode "L" image as a read-only uint8 array, with a single copy of its pixels."""
    return np.frombuffer(gray.tobytes(), np.uint8).reshape(gray.height, gray.width)


def border_box(arr: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box inside a uniform frame (a border added around a copy), None without one.

    Cutting the frame keeps it from moving the hash.
    """
    h, w = arr.shape
    if h < 16 or w < 16:
        return None
    corners = np.array([arr[0, 0], arr[0, -1], arr[-1, 0], arr[-1, -1]], dtype=np.int16)
    if np.ptp(corners) > _BORDER_TOLERANCE:
        return None
    ref = int(np.median(corners))
    # Two comparisons on the uint8 pixels; clamped, since no uint8 lies outside 0..255.
    off = (arr < max(ref - _BORDER_TOLERANCE, 0)) | (arr > min(ref + _BORDER_TOLERANCE, 255))
    # count / side in float64 is exactly what off.mean() gives, so the cut is unchanged.
    rows = np.count_nonzero(off, axis=1) / w > 0.02
    cols = np.count_nonzero(off, axis=0) / h > 0.02
    if not rows.any() or not cols.any():
        return None
    top, bottom = int(np.argmax(rows)), int(h - np.argmax(rows[::-1]))
    left, right = int(np.argmax(cols)), int(w - np.argmax(cols[::-1]))
    if top > h * _MAX_TRIM or h - bottom > h * _MAX_TRIM:
        top, bottom = 0, h
    if left > w * _MAX_TRIM or w - right > w * _MAX_TRIM:
        left, right = 0, w
    if max(top, h - bottom) < _MIN_TRIM * h and max(left, w - right) < _MIN_TRIM * w:
        return None  # no frame, or one too thin to tell from a margin (see _MIN_TRIM)
    return left, top, right, bottom


def _chroma(colour: Image.Image, box: tuple[int, int, int, int] | None) -> bytes:
    """The Cb and Cr planes (CHROMA_SIDE square each) of the picture inside its frame."""
    if box is not None:
        colour = colour.crop(box)
    # Averaging first, then converting: YCbCr is a linear map of RGB, so the order only
    # changes rounding, and the conversion then touches 64 pixels instead of thousands.
    small = colour.resize((CHROMA_SIDE, CHROMA_SIDE), Image.Resampling.BOX)
    if small.mode != "YCbCr":
        small = small.convert("YCbCr")
    ycbcr = small.tobytes()  # Y, Cb, Cr interleaved: one copy instead of one per plane
    return ycbcr[1::3] + ycbcr[2::3]


def fingerprint_bytes(path: str, size: int, mtime_ns: int, data: bytes) -> Fingerprint:
    """Fingerprint a photo from its bytes; raises DecodeError with a reason for people."""
    return fingerprint_decoded(path, size, mtime_ns, data, decode_for_hash(data, path))


def fingerprint_decoded(
    path: str, size: int, mtime_ns: int, data: bytes, decoded: Decoded
) -> Fingerprint:
    """The fingerprint of a photo's bytes ``data``, once ``decode_for_hash`` decoded them."""
    gray = decoded.gray
    # One copy of the decoded pixels serves both the pixel digest and the border search.
    pixels = _pixels(gray)
    pixel_digest = hashlib.blake2b(f"{decoded.width}x{decoded.height}".encode(), digest_size=16)
    pixel_digest.update(pixels)
    box = border_box(pixels)
    content_width = content_height = 0
    if box is not None:
        gray = gray.crop(box)
        # The picture's own size in full-size pixels: a framed copy is not a larger photo.
        content_width = round((box[2] - box[0]) * decoded.width / decoded.gray.width)
        content_height = round((box[3] - box[1]) * decoded.height / decoded.gray.height)
    chroma = b"" if decoded.colour is None else _chroma(decoded.colour, box)
    # The hashes need 32x32 and 9x8: box-reduce to about 128 px first, so the LANCZOS
    # resizes (most of the time spent on a small photo) work on a few thousand pixels.
    factor = min(gray.size) // HASH_SOURCE_SIDE
    if factor > 1:
        # A box resize covers the whole image (reduce() would drop the odd pixels on one
        # side), so a turned copy reduces to exactly the turned reduction.
        gray = gray.resize((gray.width // factor, gray.height // factor), Image.Resampling.BOX)
    small = gray.resize((32, 32), Image.Resampling.LANCZOS)
    thumb = small.tobytes()
    pixels32 = np.frombuffer(thumb, np.uint8).reshape(32, 32)
    low = low_frequencies(pixels32)
    return Fingerprint(
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        digest=digest_bytes(data),
        pixel_digest=pixel_digest.hexdigest(),
        width=decoded.width,
        height=decoded.height,
        format=decoded.format,
        # Index 0 equals ImageHash's pHash of the photo as shown; tests pin all 8 variants
        # to ImageHash on turned images.
        phashes=phash_variants(low),
        dhashes=dhash_variants(gray),
        thumb=thumb + chroma,
        flat=is_flat(pixels32, low),
        taken=decoded.taken,
        camera=decoded.camera,
        content_width=content_width,
        content_height=content_height,
        quality=decoded.quality,
        custom_tables=decoded.custom_tables,
        damaged=decoded.damaged,
    )


def read_regular_file(path: str) -> tuple[bytes, int, int]:
    """Read a regular file without ever blocking on a FIFO or device; (bytes, size, mtime_ns)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DecodeError("file disappeared before it could be read") from None
    except PermissionError:
        raise DecodeError("permission denied") from None
    except OSError as exc:
        raise DecodeError(f"cannot open file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise DecodeError("not a regular file")
        if st.st_size == 0:
            raise DecodeError("file is empty")
        if st.st_size > MAX_FILE_BYTES:
            raise DecodeError(f"file too large to be a photo ({st.st_size} bytes)")
        with os.fdopen(fd, "rb", closefd=False) as f:
            # One byte more than stat says: a file being written while we read it shows.
            data = f.read(st.st_size + 1)
        if len(data) != st.st_size:
            raise DecodeError("file changed while it was being read")
    except OSError as exc:
        raise DecodeError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return data, len(data), st.st_mtime_ns


def fingerprint_path(path: str) -> Fingerprint | Problem:
    """Read and fingerprint one file; every failure becomes a Problem, never an exception."""
    return read_guarded(path, fingerprint_bytes)


def read_guarded(path: str, work: Callable[[str, int, int, bytes], _T]) -> _T | Problem:
    """``work(path, size, mtime_ns, data)`` on a file's bytes; every failure to read or decode
    it becomes a Problem, never an exception."""
    try:
        data, size, mtime_ns = read_regular_file(path)
        return work(path, size, mtime_ns, data)
    except DecodeError as exc:
        return Problem(path, str(exc))
    except MemoryError:
        return Problem(path, "not enough memory to decode this image")
    except Exception as exc:  # a decoder bug must cost one file, not the scan
        return Problem(path, f"unexpected decoder error: {type(exc).__name__}: {exc}")
