"""Decode photos with Pillow: any supported format, EXIF orientation applied, reduced early."""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .raw import RawError, is_raw_name, read_preview

#: Larger images are refused as decompression bombs (a 200-megapixel panorama still passes).
MAX_PIXELS = 250_000_000

#: JPEGs are decoded through DCT scaling at no less than this size (see docs/matching.md).
DRAFT_SIZE = 256

#: What Pillow's decoders raise on damaged data. Beyond OSError and its kin, its plugins let
#: IndexError, TypeError and struct.error out of malformed headers (a TIFF without its
#: dimensions raises TypeError while its frames are counted); Image.open treats the same
#: list as "not this format".
_DAMAGED = (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, struct.error)

_ORIENTATION_TAG = 0x0112
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004
_SUBSEC_ORIGINAL = 0x9291
_MAKE, _MODEL = 0x010F, 0x0110
_EXIF_IFD = 0x8769

# EXIF orientation value -> transposition that shows the photo upright.
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

_heif_ready = False


class DecodeError(Exception):
    """A file that cannot be decoded as a photo; the message is meant for people."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """A photo decoded for fingerprinting: small pixels plus facts about the file."""

    gray: Image.Image  # mode "L", upright, reduced (but never below DRAFT_SIZE where possible)
    width: int  # full size as displayed (after orientation)
    height: int
    format: str
    taken: str
    camera: str
    # The same pixels in colour (mode "RGB" or "YCbCr", same size as ``gray``); None for a
    # grayscale file.
    colour: Image.Image | None = None


def ensure_plugins() -> None:
    """Register HEIC/HEIF/AVIF support once per process (pillow-heif)."""
    global _heif_ready
    if _heif_ready:
        return
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC files are then reported as unreadable, never fatal
        pass
    _heif_ready = True


def _open(data: bytes | str) -> Image.Image:
    ensure_plugins()
    src = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img = Image.open(src)
    except UnidentifiedImageError:
        raise DecodeError("not an image, or a format PhotoDedup cannot read") from None
    except Image.DecompressionBombError:
        raise DecodeError("image too large (decompression bomb protection)") from None
    except _DAMAGED as exc:
        raise DecodeError(f"cannot open image: {exc}") from None
    w, h = img.size
    if w <= 0 or h <= 0:
        raise DecodeError("image has no pixels")
    if w * h > MAX_PIXELS:
        raise DecodeError(f"image too large: {w}x{h} pixels (decompression bomb protection)")
    return img


def _exif_facts(img: Image.Image) -> tuple[int, str, str]:
    """Orientation, capture date and camera from EXIF; defaults when absent or broken."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exif = img.getexif()
    except Exception:  # a broken EXIF block must not cost the photo
        return 1, "", ""
    orientation = exif.get(_ORIENTATION_TAG, 1)
    if not isinstance(orientation, int) or orientation not in range(1, 9):
        orientation = 1
    taken = ""
    try:
        # Only the capture date: IFD0's DateTime is when the file was last written, which
        # every export changes, so it would tell copies apart from their original.
        ifd = exif.get_ifd(_EXIF_IFD)
        taken = str(ifd.get(_DATETIME_ORIGINAL) or ifd.get(_DATETIME_DIGITIZED) or "")
        taken = taken.strip("\x00 ")[:19]
        # Fractions of a second tell apart the frames of a burst taken within one second.
        subsec = "".join(c for c in str(ifd.get(_SUBSEC_ORIGINAL) or "") if c.isdigit())[:6]
        if len(taken) == 19 and subsec:
            taken = f"{taken}.{subsec}"
    except Exception:
        taken = ""
    make = str(exif.get(_MAKE) or "").strip("\x00 ")
    model = str(exif.get(_MODEL) or "").strip("\x00 ")
    camera = model if make and model.startswith(make) else f"{make} {model}".strip()
    return orientation, taken, camera[:100]


_GRAY_MODES = ("1", "L", "LA", "La", "I;16", "I;16B", "I;16L", "I;16N", "I", "F")


def _to_gray(img: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """Grayscale and colour (None for a grayscale file), transparency flattened onto white,
    high bit depths scaled (not clipped)."""
    if img.mode == "L":
        return img, None  # what a grayscale JPEG gives: convert() would only copy it
    if img.mode == "YCbCr":
        # A JPEG's DCT-scaled draft: its Y channel is exactly the luma-only decode.
        return img.getchannel(0), img
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if img.mode.startswith("I;16") else max(float(arr.max()), 1.0)
        if img.mode == "I" and top <= 255:
            top = 255.0
        return Image.fromarray(np.clip(arr * (255.0 / top), 0, 255).astype(np.uint8), "L"), None
    if img.mode == "LAB":
        return img.getchannel("L"), img.convert("RGB")
    colour = img.mode not in _GRAY_MODES
    if img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
        colour = True
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img if img.mode == "RGBA" else img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    gray = img.convert("L")
    if not colour:
        return gray, None
    return gray, img if img.mode == "RGB" else img.convert("RGB")


def _stored_as_ycbcr(jpeg: Image.Image) -> bool:
    """Whether a 3-component JPEG holds YCbCr, by libjpeg's own rule: a JFIF marker says so,
    then an Adobe marker's transform (0 is RGB), then component ids R, G, B mean RGB."""
    if "jfif" in jpeg.info:
        return True
    if "adobe_transform" in jpeg.info:
        return jpeg.info["adobe_transform"] != 0
    return [c[0] for c in getattr(jpeg, "layer", [])] != [ord("R"), ord("G"), ord("B")]


def _raw_preview(data: bytes, name: str) -> tuple[Image.Image, int, int, int, str, str, str]:
    """A RAW's preview as (image, orientation, width, height, format, taken, camera)."""
    try:
        p = read_preview(data, name)
    except RawError as exc:
        raise DecodeError(str(exc)) from None
    if p.image.width * p.image.height > MAX_PIXELS:
        raise DecodeError("RAW preview too large (decompression bomb protection)")
    return p.image, p.orientation, p.width, p.height, p.format, p.taken, p.camera


def decode_for_hash(data: bytes, name: str = "") -> Decoded:
    """Decode file bytes to an upright, reduced grayscale image plus the facts we report.

    ``name`` (the file's path or name) tells RAW files apart: they are decoded from their
    embedded preview, turned by the RAW's own orientation, and report the RAW's full size.
    """
    if is_raw_name(name):
        img, orientation, width, height, fmt, taken, camera = _raw_preview(data, name)
    else:
        img = _open(data)
        fmt = (img.format or "").upper()
        orientation, taken, camera = _exif_facts(img)
        width, height = img.size
        if orientation in (5, 6, 7, 8):
            width, height = height, width
    try:
        if getattr(img, "n_frames", 1) > 1:
            img.seek(0)
        if fmt == "JPEG" and img.mode in ("RGB", "L", "YCbCr"):
            # DCT-scaled, and YCbCr as stored: no conversion to RGB (BENCHMARKS.md has what
            # the colour costs over the luma-only decode). libjpeg cannot turn a JPEG stored
            # in RGB into YCbCr: those are read on luma alone, as gray files are.
            ycbcr = img.mode != "L" and _stored_as_ycbcr(img)
            img.draft("YCbCr" if ycbcr else "L", (DRAFT_SIZE, DRAFT_SIZE))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img.load()
            gray, colour = _to_gray(img)
    except DecodeError:
        raise
    except Image.DecompressionBombError:
        raise DecodeError("image too large (decompression bomb protection)") from None
    except _DAMAGED as exc:
        msg = str(exc) or type(exc).__name__
        if "truncated" in msg.lower() or isinstance(exc, EOFError):
            raise DecodeError("file is truncated or damaged") from None
        raise DecodeError(f"cannot decode image: {msg}") from None
    except MemoryError:
        raise DecodeError("not enough memory to decode this image") from None
    if gray.width > 4 * DRAFT_SIZE or gray.height > 4 * DRAFT_SIZE:
        # Formats without DCT scaling: shrink once so later steps stay cheap.
        box = (2 * DRAFT_SIZE, 2 * DRAFT_SIZE)
        gray = ImageOps.contain(gray, box, Image.Resampling.BOX)
        if colour is not None:
            colour = colour.resize(gray.size, Image.Resampling.BOX)
    transpose = _TRANSPOSE.get(orientation)
    if transpose is not None:
        gray = gray.transpose(transpose)
        colour = colour.transpose(transpose) if colour is not None else None
    return Decoded(gray, width, height, fmt or "UNKNOWN", taken, camera, colour)


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DecodeError(f"cannot read file: {exc.strerror or exc}") from None


def open_oriented(path: str, max_side: int | None = None) -> Image.Image:
    """Open any supported photo for display: upright RGB(A), optionally reduced to max_side.

    A RAW file shows its embedded preview, turned by the RAW's orientation.
    """
    raw_orientation = 0
    if is_raw_name(path):
        img, raw_orientation, *_facts = _raw_preview(_read_file(path), path)
    else:
        img = _open(path)
    try:
        if max_side and (img.format or "").upper() == "JPEG" and not raw_orientation:
            img.draft("RGB", (max_side, max_side))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img.load()
            if raw_orientation:
                # The RAW's orientation rules; a preview's own EXIF would turn it twice.
                transpose = _TRANSPOSE.get(raw_orientation)
                img = img.transpose(transpose) if transpose is not None else img
            else:
                img = ImageOps.exif_transpose(img)
        if img.mode not in ("RGB", "RGBA"):
            img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info else "RGB")
        if max_side:
            img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    except _DAMAGED as exc:
        raise DecodeError(f"cannot decode image: {exc}") from None
    return img


def read_metadata(path: str) -> dict[str, str]:
    """Capture date and camera of a photo, for display; empty values when unknown."""
    try:
        if is_raw_name(path):
            _img, _orientation, _w, _h, _fmt, taken, camera = _raw_preview(_read_file(path), path)
            return {"taken": taken, "camera": camera}
        img = _open(path)
    except DecodeError:
        return {"taken": "", "camera": ""}
    _orientation, taken, camera = _exif_facts(img)
    return {"taken": taken, "camera": camera}
