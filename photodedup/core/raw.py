"""Camera RAW files: the embedded JPEG preview (via LibRaw), orientation, size and camera."""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass

import numpy as np
import rawpy
from PIL import Image

from .models import RAW_EXTENSIONS

#: A preview whose longer side is smaller than this is too coarse to stand for the photo.
MIN_PREVIEW_SIDE = 128

#: "No embedded preview" as people read it in the problems list.
NO_PREVIEW = "RAW file without an embedded preview"

_ORIENTATION, _DATETIME, _MAKE, _MODEL = 0x0112, 0x0132, 0x010F, 0x0110
_EXIF_IFD, _DATETIME_ORIGINAL = 0x8769, 0x9003

# LibRaw's ``flip`` -> EXIF orientation (LibRaw maps EXIF 1..8 to flip "50132467"[o & 7]).
_FLIP_TO_ORIENTATION = {0: 1, 1: 2, 2: 4, 3: 3, 4: 5, 5: 8, 6: 6, 7: 7}

# RAW containers that are TIFF inside, by their first bytes; Olympus and Panasonic use their
# own magic numbers in place of TIFF's 42, which Pillow's EXIF reader does not accept.
_TIFF_MAGIC = {
    b"II*\x00": b"II*\x00",
    b"MM\x00*": b"MM\x00*",
    b"IIRO": b"II*\x00",
    b"IIRS": b"II*\x00",
    b"MMOR": b"MM\x00*",
    b"IIU\x00": b"II*\x00",
}


class RawError(Exception):
    """A RAW file whose preview cannot be had; the message is meant for people."""


class UnreadableRawError(RawError):
    """LibRaw cannot parse the file at all: damaged, or not a RAW file (a JPEG renamed .nef)."""


@dataclass(frozen=True, slots=True)
class RawPreview:
    """The embedded preview of a RAW file (as stored, not yet turned) plus the RAW's facts."""

    image: Image.Image
    orientation: int  # EXIF orientation of the RAW (1..8), to apply to ``image``
    width: int  # the RAW's developed size as displayed (after orientation)
    height: int
    format: str  # "CR2", "DNG"...
    taken: str
    camera: str


def is_raw_name(name: str) -> bool:
    """Whether a file name carries a RAW extension."""
    return os.path.splitext(name)[1].lower() in RAW_EXTENSIONS


def _camera_text(make: str, model: str) -> str:
    make, model = make.strip("\x00 "), model.strip("\x00 ")
    return (model if make and model.startswith(make) else f"{make} {model}".strip())[:100]


def _exif_from(block: bytes) -> tuple[str, str]:
    """(taken, camera) from a TIFF structure; empty strings when absent or unreadable."""
    exif = Image.Exif()
    try:
        exif.load(block)
        taken = ""
        try:
            taken = str(exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or "")
        except Exception:  # a broken EXIF sub-directory still leaves IFD0's facts
            taken = ""
        taken = taken or str(exif.get(_DATETIME) or "")
        camera = _camera_text(str(exif.get(_MAKE) or ""), str(exif.get(_MODEL) or ""))
    except Exception:  # EXIF is written by cameras and editors alike: never fatal
        return "", ""
    return taken.strip("\x00 ")[:19], camera


def _metadata(data: bytes, preview: bytes | None) -> tuple[str, str]:
    """Capture time and camera: from the RAW's TIFF header, a CR3's CMT1 box, or the preview."""
    magic = _TIFF_MAGIC.get(data[:4])
    if magic is not None:
        taken, camera = _exif_from(magic + data[4:])
        if camera or taken:
            return taken, camera
    head = data[:65536]
    cmt1 = head.find(b"CMT1")
    if data[4:8] == b"ftyp" and cmt1 > 0:
        size = int.from_bytes(head[cmt1 - 4 : cmt1], "big")
        _taken, camera = _exif_from(data[cmt1 + 4 : cmt1 - 4 + size])
        cmt2 = head.find(b"CMT2")
        taken = ""
        if cmt2 > 0:
            size2 = int.from_bytes(head[cmt2 - 4 : cmt2], "big")
            # CMT2 holds the EXIF sub-directory itself, as its own little TIFF file.
            exif = Image.Exif()
            try:
                exif.load(data[cmt2 + 4 : cmt2 - 4 + size2])
                taken = str(exif.get(_DATETIME_ORIGINAL) or "").strip("\x00 ")[:19]
            except Exception:
                taken = ""
        if camera or taken:
            return taken, camera
    if preview:
        try:
            with Image.open(io.BytesIO(preview)) as img:
                exif_block = img.info.get("exif")
            if isinstance(exif_block, bytes):
                return _exif_from(exif_block)
        except Exception:
            return "", ""
    return "", ""


def _preview_image(thumb: rawpy.Thumbnail) -> tuple[Image.Image, bytes | None]:
    if thumb.format == rawpy.ThumbFormat.JPEG:
        blob = bytes(thumb.data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                img = Image.open(io.BytesIO(blob))
                img.load()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            raise RawError(f"RAW file with a damaged embedded preview: {exc}") from None
        return img, blob
    if thumb.format == rawpy.ThumbFormat.BITMAP:
        arr = np.asarray(thumb.data)
        if arr.ndim == 3 and arr.shape[2] == 3 and arr.dtype == np.uint8:
            return Image.fromarray(arr, "RGB"), None
    raise RawError("RAW file without a usable embedded preview (unknown preview format)")


def read_preview(data: bytes, name: str) -> RawPreview:
    """The embedded preview and facts of a RAW file's bytes; raises RawError with a reason."""
    fmt = os.path.splitext(name)[1][1:].upper() or "RAW"
    try:
        with rawpy.imread(io.BytesIO(data)) as raw:
            sizes = raw.sizes
            try:
                timestamp = raw.other.timestamp
            except (AttributeError, ValueError, OSError, OverflowError):
                timestamp = None
            try:
                thumb = raw.extract_thumb()
            except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
                raise RawError(NO_PREVIEW) from None
    except RawError:
        raise
    except rawpy.LibRawFileUnsupportedError:
        raise UnreadableRawError(
            "not a RAW file PhotoDedup can read (unsupported or damaged)"
        ) from None
    except rawpy.LibRawError as exc:
        raise UnreadableRawError(f"cannot read RAW file: {exc}") from None
    image, blob = _preview_image(thumb)
    if max(image.size) < MIN_PREVIEW_SIDE:
        raise RawError(f"{NO_PREVIEW} large enough to compare ({image.width}x{image.height})")
    orientation = _FLIP_TO_ORIENTATION.get(sizes.flip, 1)
    width, height = sizes.width, sizes.height
    if width <= 0 or height <= 0:
        width, height = image.size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    taken, camera = _metadata(data, blob)
    if not taken and timestamp is not None:
        try:
            # LibRaw reports a missing date as the epoch.
            if timestamp.timestamp() > 86400:
                taken = timestamp.strftime("%Y:%m:%d %H:%M:%S")
        except (AttributeError, ValueError, OverflowError, OSError):
            taken = ""
    return RawPreview(image, orientation, width, height, fmt, taken, camera)
