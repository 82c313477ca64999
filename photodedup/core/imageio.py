"""Decode photos with Pillow: any supported format, EXIF orientation applied, reduced early."""

from __future__ import annotations

import contextlib
import functools
import io
import math
import os
import struct
import warnings
import zlib
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .raw import RawError, UnreadableRawError, is_raw_name, read_preview

#: Larger images are refused as decompression bombs (a 200-megapixel panorama still passes).
MAX_PIXELS = 250_000_000

#: JPEGs are decoded through DCT scaling at no less than this size on either side (see
#: docs/matching.md). The hashes are taken from about 128 pixels (fingerprint.HASH_SOURCE_SIDE),
#: but decoding down to 128 moved 1.4 % of real JPEGs' pHashes and 5.2 % of their dHashes by
#: more than 2 bits from a full decode (worst 8; BENCHMARKS.md, issue 19): at 256 none did.
DRAFT_SIZE = 256
#: Other formats decode at full size; larger than this on a side, they are box-reduced to
#: half of it at once so that later steps stay cheap.
SHRINK_ABOVE = 1024

#: A truncated file is fingerprinted from what decodes when at least this share of its rows
#: does; it is then flagged damaged (never the keeper while an intact copy exists).
MIN_DECODED_SHARE = 0.9

#: libjpeg's standard luminance quantisation table (quality 50), in natural order.
_IJG_LUMA = np.array(
    [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
     14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
     18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
     49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99],
    dtype=np.int64,
)  # fmt: skip
_IJG_LUMA_SUM = float(_IJG_LUMA.sum())
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Formats whose decoders, told to, keep the rows decoded before the data ran out (a GIF's
#: palette image is left inconsistent by a partial load: it stays a problem).
_PARTIAL_FORMATS = frozenset({"JPEG", "PNG", "BMP"})

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
    quality: int = 0  # JPEG quality on libjpeg's scale (0: not a JPEG)
    custom_tables: bool = False  # JPEG tables that are not libjpeg's scaled standard ones
    damaged: bool = False  # decoded in part, or with a broken file structure
    # The same pixels in colour (mode "RGB" or "YCbCr", same size as ``gray``); None for a
    # grayscale file.
    colour: Image.Image | None = None


def jpeg_quality(luma_table: object) -> tuple[int, bool]:
    """(quality, custom) of a JPEG luma quantisation table in natural order.

    The quality is libjpeg's 1-100 setting whose scaled standard table is closest in sum;
    ``custom`` is True when the table is not such a scaled table at all, as cameras and
    phones write their own tables while libraries and editing tools scale the standard one.
    """
    try:
        table = [int(v) for v in luma_table]  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return 0, False
    if len(table) != 64 or min(table) < 1:
        return 0, False
    scale = 100.0 * sum(table) / _IJG_LUMA_SUM
    quality = round(200 - scale) // 2 if scale <= 100 else round(5000 / scale)
    quality = min(100, max(1, quality))
    # An 8-bit table of a neighbouring quality can round the same: allow off-by-one entries.
    expected = _ijg_table(quality)
    custom = any(abs(e - t) > 1 for e, t in zip(expected, table, strict=True))
    return quality, custom


@functools.cache
def _ijg_table(quality: int) -> tuple[int, ...]:
    """libjpeg's standard luma table scaled to ``quality`` (every file of a quality asks)."""
    factor = 5000 // quality if quality < 50 else 200 - 2 * quality
    return tuple(int(v) for v in np.clip((_IJG_LUMA * factor + 50) // 100, 1, 255))


def png_damaged(data: bytes) -> bool:
    """A PNG whose chunk structure is broken: bad CRC, a second PLTE or IHDR, no IEND...

    Pillow reads past such errors, but other viewers refuse the file, so it is no keeper.
    """
    if not data.startswith(_PNG_SIGNATURE):
        return False
    pos, seen, n = 8, set(), len(data)
    while pos + 8 <= n:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if (
            end > n
            or zlib.crc32(data[pos + 4 : pos + 8 + length])
            != struct.unpack(">I", data[end - 4 : end])[0]
        ):
            return True
        if kind in (b"IHDR", b"PLTE") and kind in seen:
            return True
        if (kind == b"IHDR") != (pos == 8):
            return True
        seen.add(kind)
        pos = end
        if kind == b"IEND":
            return False
    return True


def start_decoder_process() -> None:
    """Ready a process that only decodes: decoders (libtiff, libjpeg) print complaints about
    hostile files straight to fd 2, and each failure already comes back with its reason, so
    fd 2 goes to the null device; then the plugins are registered."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    ensure_plugins()


def ensure_plugins() -> None:
    """Register HEIC/HEIF/AVIF (pillow-heif) and JPEG XL (pillow-jxl-plugin) once per process."""
    global _heif_ready
    if _heif_ready:
        return
    try:
        import pillow_heif

        # Only the primary image is ever shown or fingerprinted: listing a file's thumbnails,
        # depth and auxiliary images took 1.8 of a small HEIC's 14 ms.
        pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
    except ImportError:  # HEIC files are then reported as unreadable, never fatal
        pass
    # The plugin registers its JPEG XL opener when imported; without it .jxl files are
    # reported as unreadable, never fatal.
    with contextlib.suppress(ImportError):
        import pillow_jxl  # noqa: F401
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


_DEEP_MODES = ("I;16", "I;16B", "I;16L", "I;16N", "I", "F")
_GRAY_MODES = ("1", "L", "LA", "La", *_DEEP_MODES)


def _to_gray(img: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """Grayscale and colour (None for a grayscale file), transparency flattened onto white,
    high bit depths scaled (not clipped)."""
    if img.mode == "L":
        return img, None  # what a grayscale JPEG gives: convert() would only copy it
    if img.mode == "YCbCr":
        # A JPEG's DCT-scaled draft: its Y channel is exactly the luma-only decode.
        return img.getchannel(0), img
    if img.mode in _DEEP_MODES:
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


def _raw_preview(data: bytes, name: str) -> tuple[Image.Image, int, int, int, str, str, str] | None:
    """A RAW's preview as (image, orientation, width, height, format, taken, camera).

    None when LibRaw cannot parse the file and its bytes are a plain JPEG, PNG or TIFF (a
    file given a RAW name): it is then decoded as what its bytes are.
    """
    try:
        p = read_preview(data, name)
    except UnreadableRawError as exc:
        if _plain_image(data):
            return None
        raise DecodeError(str(exc)) from None
    except RawError as exc:
        raise DecodeError(str(exc)) from None
    if p.image.width * p.image.height > MAX_PIXELS:
        raise DecodeError("RAW preview too large (decompression bomb protection)")
    return p.image, p.orientation, p.width, p.height, p.format, p.taken, p.camera


def _plain_image(data: bytes) -> bool:
    """Whether bytes are a JPEG, PNG or TIFF (a RAW's name on a plain image, for one)."""
    return (
        data[:3] == b"\xff\xd8\xff"
        or data.startswith(_PNG_SIGNATURE)
        or data[:4]
        in (
            b"II*\x00",
            b"MM\x00*",
        )
    )


def _decoded_share(gray: Image.Image) -> float:
    """Share of the rows a truncated decode filled: the rest repeats one value to the bottom."""
    arr = np.asarray(gray)
    if arr.size == 0:
        return 0.0
    last = arr[-1]
    if np.ptp(last) > 2:
        return 1.0
    uniform = np.all(np.abs(arr.astype(np.int16) - int(last[0])) <= 2, axis=1)
    tail = int(np.argmin(uniform[::-1])) if not uniform.all() else len(uniform)
    return 1.0 - tail / len(uniform)


def _load_gray(img: Image.Image, fmt: str) -> tuple[Image.Image, Image.Image | None, bool]:
    """Decode to (gray, colour or None, truncated); a truncated JPEG, PNG or BMP is decoded as
    far as it goes, and flagged."""
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
        try:
            img.load()
            return (*_to_gray(img), False)
        except (OSError, EOFError) as exc:
            truncated = "truncated" in str(exc).lower() or isinstance(exc, EOFError)
            if not truncated or fmt not in _PARTIAL_FORMATS:
                raise
        # Pillow keeps what it decoded when told to; the flag is global, and scans decode in
        # single-threaded worker processes, so it is set only around this one load.
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        try:
            img.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = False
        gray, colour = _to_gray(img)
    if gray.mode != "L" or gray.im.mode != "L":
        raise DecodeError("file is truncated or damaged")
    if _decoded_share(gray) < MIN_DECODED_SHARE:
        raise DecodeError("file is truncated or damaged")
    return gray, colour, True


def decode_for_hash(data: bytes, name: str = "") -> Decoded:
    """Decode file bytes to an upright, reduced grayscale image plus the facts we report.

    ``name`` (the file's path or name) tells RAW files apart: they are decoded from their
    embedded preview, turned by the RAW's own orientation, and report the RAW's full size.
    A file named as RAW whose bytes are a plain JPEG, PNG or TIFF that LibRaw cannot read is
    decoded as what its bytes are.
    """
    quality, custom, damaged = 0, False, False
    preview = _raw_preview(data, name) if is_raw_name(name) else None
    if preview is not None:
        img, orientation, width, height, fmt, taken, camera = preview
    else:
        img = _open(data)
        fmt = (img.format or "").upper()
        orientation, taken, camera = _exif_facts(img)
        width, height = img.size
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        if fmt == "JPEG":
            quality, custom = jpeg_quality(getattr(img, "quantization", {}).get(0, ()))
        damaged = fmt == "PNG" and png_damaged(data)
    try:
        gray, colour, truncated = _load_gray(img, fmt)
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
    if gray.width > SHRINK_ABOVE or gray.height > SHRINK_ABOVE:
        # Formats without DCT scaling: shrink once so later steps stay cheap.
        scale = (SHRINK_ABOVE // 2) / max(gray.width, gray.height)
        # At least a pixel a side: a damaged BMP header can claim 64x131,120 (hypothesis).
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        gray = gray.resize(size, Image.Resampling.BOX)
        if colour is not None:
            colour = colour.resize(size, Image.Resampling.BOX)
    transpose = _TRANSPOSE.get(orientation)
    if transpose is not None:
        gray = gray.transpose(transpose)
        colour = colour.transpose(transpose) if colour is not None else None
    return Decoded(
        gray,
        width,
        height,
        fmt or "UNKNOWN",
        taken,
        camera,
        quality=quality,
        custom_tables=custom,
        damaged=damaged or truncated,
        colour=colour,
    )


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DecodeError(f"cannot read file: {exc.strerror or exc}") from None


def open_oriented(
    path: str, max_side: int | None = None, reduce: bool = True, data: bytes | None = None
) -> Image.Image:
    """Open any supported photo for display: upright RGB(A), optionally reduced to max_side.

    A RAW file shows its embedded preview, turned by the RAW's orientation. ``reduce=False``
    leaves the reduction to the caller (a JPEG is still decoded at a reduced scale of at
    least max_side). ``data``: the file's bytes, when read already.
    """
    raw_orientation = 0
    if is_raw_name(path):
        preview = _raw_preview(_read_file(path) if data is None else data, path)
    else:
        preview = None
    if preview is not None:
        img, raw_orientation, *_facts = preview
    else:
        img = _open(path if data is None else data)
    try:
        if max_side and (img.format or "").upper() == "JPEG" and not raw_orientation:
            # DCT-scaled to no less than the size it is reduced to, as Image.thumbnail does:
            # asking for max_side on both sides decoded a 4:3 photo of 1,200 px in full.
            scale = min(1.0, max_side / max(img.size))
            img.draft("RGB", (math.ceil(img.width * scale), math.ceil(img.height * scale)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img.load()
            if raw_orientation:
                # The RAW's orientation rules; a preview's own EXIF would turn it twice.
                transpose = _TRANSPOSE.get(raw_orientation)
                img = img.transpose(transpose) if transpose is not None else img
            else:
                img = ImageOps.exif_transpose(img)
        if img.mode in _DEEP_MODES:  # scaled to 8 bits, as fingerprinting does: convert clips
            img = _to_gray(img)[0]
        if img.mode not in ("RGB", "RGBA"):
            img = img.convert("RGBA" if "A" in img.mode or "transparency" in img.info else "RGB")
        if max_side and reduce:
            img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    except _DAMAGED as exc:
        raise DecodeError(f"cannot decode image: {exc}") from None
    return img


def read_metadata(path: str) -> dict[str, str]:
    """Capture date and camera of a photo, for display; empty values when unknown."""
    try:
        preview = _raw_preview(_read_file(path), path) if is_raw_name(path) else None
        if preview is not None:
            return {"taken": preview[5], "camera": preview[6]}
        img = _open(path)
    except DecodeError:
        return {"taken": "", "camera": ""}
    _orientation, taken, camera = _exif_facts(img)
    return {"taken": taken, "camera": camera}
