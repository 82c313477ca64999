"""Fingerprint one photo: content digest, pHash of 8 orientations, dHash, a tiny thumbnail."""

from __future__ import annotations

import hashlib
import os
import stat

import imagehash
import numpy as np
import scipy.fftpack
from PIL import Image

from .imageio import DecodeError, decode_for_hash
from .models import Fingerprint, Problem

#: Files larger than this are not read (no photo is this big; a disk image might be).
MAX_FILE_BYTES = 1 << 30

#: Side of the grayscale thumbnail kept for verifying candidate pairs.
THUMB_SIDE = 16

#: Photos are box-reduced to about this short side before the hashes' own resizes.
HASH_SOURCE_SIDE = 128

#: Below this standard deviation of the 32x32 thumbnail a photo is "flat" (black frame,
#: blank page): its perceptual hashes are mostly noise, so it only matches identical pixels.
FLAT_STD = 6.0
#: A photo whose three strongest low-frequency DCT terms hold more than this share of the
#: hash's AC energy is a smooth ramp (a clear sky, a gradient): every such picture gets the
#: same few hash bits, so it is "flat" too. Natural photos stay under 0.94 (docs/matching.md).
FLAT_RAMP_SHARE = 0.97

# A uniform border is trimmed before hashing when it is at most this share of a side.
_MAX_TRIM = 0.2
_BORDER_TOLERANCE = 12

_SIGN = np.array([1.0 if k % 2 == 0 else -1.0 for k in range(8)])


def digest_bytes(data: bytes) -> str:
    """The content digest used for byte-identical files and the trash journal."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _bits_to_int(bits: np.ndarray) -> int:
    return int.from_bytes(np.packbits(bits.ravel()).tobytes(), "big")


def orientation_variants(block: np.ndarray) -> list[np.ndarray]:
    """The 8 dihedral variants of a 2-D block, in the order used for ``Fingerprint.phashes``.

    Index 0 is the block itself, 1-3 are rotations by 90, 180 and 270 degrees
    counter-clockwise, 4 is the left-right mirror and 5-7 its rotations.
    """
    out = []
    for base in (block, np.fliplr(block)):
        out.extend(np.rot90(base, k) for k in range(4))
    return out


def low_frequencies(pixels32: np.ndarray) -> np.ndarray:
    """The 8x8 low-frequency DCT block of a 32x32 grayscale image, as ImageHash's pHash uses."""
    dct = scipy.fftpack.dct(scipy.fftpack.dct(pixels32.astype(np.float64), axis=0), axis=1)
    return dct[:8, :8]


def is_flat(pixels32: np.ndarray, low: np.ndarray) -> bool:
    """Too little detail for perceptual hashes: near-uniform, or a smooth ramp."""
    if float(pixels32.std()) < FLAT_STD:
        return True
    energy = np.sort(low.ravel()[1:] ** 2)[::-1]
    total = float(energy.sum())
    return total <= 0 or float(energy[:3].sum()) / total > FLAT_RAMP_SHARE


def phash_variants(low: np.ndarray) -> tuple[int, ...]:
    """pHash (as ImageHash computes it) of the 8 orientations, from the 8x8 DCT block.

    Turning or mirroring the image only permutes and negates DCT coefficients, so one DCT
    serves all 8: a coefficient (u, v) of a mirrored image is (-1)^v times the original.
    """
    hashes = []
    for k in range(8):
        mirrored = k >= 4
        turns = k % 4
        block = low * _SIGN[None, :] if mirrored else low
        # rot90 (counter-clockwise) of an image: new[i, j] = old[j, N-1-i]; in DCT terms the
        # block is transposed and the new row index's sign flips.
        for _ in range(turns):
            block = (block * _SIGN[None, :]).T
        hashes.append(_bits_to_int(block > np.median(block)))
    return tuple(hashes)


#: PIL transpositions in the order of ``orientation_variants`` (None: as is).
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


_SWAPS_AXES = frozenset(
    {
        Image.Transpose.ROTATE_90,
        Image.Transpose.ROTATE_270,
        Image.Transpose.TRANSPOSE,
        Image.Transpose.TRANSVERSE,
    }
)


def dhash_variants(gray: Image.Image) -> tuple[int, ...]:
    """ImageHash's dHash of the 8 orientations, in the order of ``orientation_variants``.

    Index 0 is exactly ``imagehash.dhash(gray)``: the image reduced to 9x8 and its horizontal
    gradients. The other orientations turn that reduction instead of the image (9x8, or 8x9
    for quarter turns), which is 8 times cheaper than hashing 8 turned images and differs
    from it only by rounding (within a bit or two, see tests/core/test_fingerprint.py).
    """
    wide = gray.resize((9, 8), Image.Resampling.LANCZOS)
    tall = gray.resize((8, 9), Image.Resampling.LANCZOS)
    out = [int(str(imagehash.dhash(wide)), 16)]  # already 9x8: ImageHash only compares
    for t in VARIANT_TRANSPOSES[1:]:
        small = tall if t in _SWAPS_AXES else wide
        px = np.asarray(small.transpose(t), dtype=np.int16)
        out.append(_bits_to_int(px[:, 1:] > px[:, :-1]))
    return tuple(out)


def trim_border(gray: Image.Image) -> Image.Image:
    """Cut a uniform frame (a border added around a copy) so it does not move the hash."""
    arr = np.asarray(gray, dtype=np.int16)
    h, w = arr.shape
    if h < 16 or w < 16:
        return gray
    corners = np.array([arr[0, 0], arr[0, -1], arr[-1, 0], arr[-1, -1]])
    if np.ptp(corners) > _BORDER_TOLERANCE:
        return gray
    ref = int(np.median(corners))
    off = np.abs(arr - ref) > _BORDER_TOLERANCE
    rows = off.mean(axis=1) > 0.02
    cols = off.mean(axis=0) > 0.02
    if not rows.any() or not cols.any():
        return gray
    top, bottom = int(np.argmax(rows)), int(h - np.argmax(rows[::-1]))
    left, right = int(np.argmax(cols)), int(w - np.argmax(cols[::-1]))
    if top > h * _MAX_TRIM or h - bottom > h * _MAX_TRIM:
        top, bottom = 0, h
    if left > w * _MAX_TRIM or w - right > w * _MAX_TRIM:
        left, right = 0, w
    if (top, bottom, left, right) == (0, h, 0, w):
        return gray
    return gray.crop((left, top, right, bottom))


def fingerprint_bytes(path: str, size: int, mtime_ns: int, data: bytes) -> Fingerprint:
    """Fingerprint a photo from its bytes; raises DecodeError with a reason for people."""
    decoded = decode_for_hash(data, path)
    gray = trim_border(decoded.gray)
    # The hashes need 32x32 and 9x8: box-reduce to about 128 px first, so the LANCZOS
    # resizes (most of the time spent on a small photo) work on a few thousand pixels.
    factor = min(gray.size) // HASH_SOURCE_SIDE
    if factor > 1:
        # A box resize covers the whole image (reduce() would drop the odd pixels on one
        # side), so a turned copy reduces to exactly the turned reduction.
        gray = gray.resize((gray.width // factor, gray.height // factor), Image.Resampling.BOX)
    small = gray.resize((32, 32), Image.Resampling.LANCZOS)
    pixels32 = np.asarray(small)
    low = low_frequencies(pixels32)
    thumb = small.resize((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BOX)
    pixel_digest = hashlib.blake2b(
        f"{decoded.width}x{decoded.height}".encode() + decoded.gray.tobytes(), digest_size=16
    ).hexdigest()
    return Fingerprint(
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        digest=digest_bytes(data),
        pixel_digest=pixel_digest,
        width=decoded.width,
        height=decoded.height,
        format=decoded.format,
        # The photo as shown is hashed by ImageHash itself (on the already reduced image);
        # the turned variants are derived, and tests pin them to ImageHash on turned images.
        phashes=(int(str(imagehash.phash(small)), 16), *phash_variants(low)[1:]),
        dhashes=dhash_variants(gray),
        thumb=thumb.tobytes(),
        flat=is_flat(pixels32, low),
        taken=decoded.taken,
        camera=decoded.camera,
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
    try:
        data, size, mtime_ns = read_regular_file(path)
        return fingerprint_bytes(path, size, mtime_ns, data)
    except DecodeError as exc:
        return Problem(path, str(exc))
    except MemoryError:
        return Problem(path, "not enough memory to decode this image")
    except Exception as exc:  # a decoder bug must cost one file, not the scan
        return Problem(path, f"unexpected decoder error: {type(exc).__name__}: {exc}")
