"""Live Photos: the content identifier an iPhone writes into both the photo and its video.

The photo carries it in Apple's EXIF maker note (tag 0x11), the video in its QuickTime
metadata (``com.apple.quicktime.content.identifier``). Where both files carry one and they
differ, the video belongs to another photo that happens to share the name.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from PIL import Image

from .imageio import ensure_plugins

VIDEO_KEY = "com.apple.quicktime.content.identifier"
_APPLE_NOTE = b"Apple iOS\x00"
_NOTE_IFD = 14  # the maker note's entries start after "Apple iOS\0", a version and "MM"
_CONTENT_ID_TAG = 0x0011
_MAX_MOOV = 16 << 20  # a Live Photo's video is seconds long: its movie header is small
_EXIF_IFD, _MAKER_NOTE = 0x8769, 0x927C


def photo_content_id(path: str) -> str:
    """The content identifier in a photo's Apple maker note, or "" when it has none."""
    ensure_plugins()
    try:
        with Image.open(path) as img:
            note = img.getexif().get_ifd(_EXIF_IFD).get(_MAKER_NOTE)
    except Exception:  # any file Pillow cannot read simply carries no identifier
        return ""
    if not isinstance(note, bytes) or not note.startswith(_APPLE_NOTE):
        return ""
    order = note[_NOTE_IFD - 2 : _NOTE_IFD]
    if order not in (b"MM", b"II"):
        return ""
    end = ">" if order == b"MM" else "<"
    try:
        (count,) = struct.unpack_from(end + "H", note, _NOTE_IFD)
        for i in range(min(count, 512)):
            tag, kind, n, value = struct.unpack_from(end + "HHI4s", note, _NOTE_IFD + 2 + 12 * i)
            if tag != _CONTENT_ID_TAG or kind != 2:  # 2: ASCII
                continue
            offset = struct.unpack(end + "I", value)[0]
            raw = value[:n] if n <= 4 else note[offset : offset + n]
            return raw.split(b"\x00")[0].decode("ascii", "replace")
    except struct.error:
        return ""
    return ""


def _atoms(data: bytes) -> dict[bytes, bytes]:
    """The child atoms of a QuickTime atom's payload, by type (the first of each type)."""
    found: dict[bytes, bytes] = {}
    pos = 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, pos)
        head = 8
        if size == 1 and pos + 16 <= len(data):
            size, head = struct.unpack_from(">Q", data, pos + 8)[0], 16
        elif size == 0:
            size = len(data) - pos
        if size < head:
            break
        found.setdefault(kind, data[pos + head : pos + size])
        pos += size
    return found


def _read_moov(fh: BinaryIO) -> bytes:
    while header := fh.read(8):
        if len(header) < 8:
            return b""
        size, kind = struct.unpack(">I4s", header)
        head = 8
        if size == 1:
            size, head = struct.unpack(">Q", fh.read(8))[0], 16
        if kind == b"moov":
            return fh.read(min(size - head, _MAX_MOOV)) if size else fh.read(_MAX_MOOV)
        if size < head:
            return b""
        fh.seek(size - head, 1)
    return b""


def video_content_id(path: str) -> str:
    """The content identifier in a video's QuickTime metadata, or "" when it has none."""
    try:
        with open(path, "rb") as fh:
            moov = _read_moov(fh)
    except (OSError, struct.error):
        return ""
    children = _atoms(moov)
    meta = children.get(b"meta") or _atoms(children.get(b"udta", b"")).get(b"meta", b"")
    if meta[:4] == b"\x00\x00\x00\x00":  # the ISO form of "meta" starts with version and flags
        meta = meta[4:]
    parts = _atoms(meta)
    keys, items = parts.get(b"keys", b""), parts.get(b"ilst", b"")
    try:
        (count,) = struct.unpack_from(">I", keys, 4)
        pos, names = 8, []
        for _ in range(min(count, 4096)):
            size = struct.unpack_from(">I", keys, pos)[0]
            if size < 8:
                break
            names.append(keys[pos + 8 : pos + size].decode("utf-8", "replace"))
            pos += size
    except struct.error:
        return ""
    if VIDEO_KEY not in names:
        return ""
    index = struct.pack(">I", names.index(VIDEO_KEY) + 1)
    data = _atoms(_atoms(items).get(index, b"")).get(b"data", b"")
    return data[8:].decode("utf-8", "replace") if len(data) > 8 else ""


def mismatched(photo: str, video: str) -> bool:
    """Whether the photo and the video both carry a content identifier, and they differ."""
    video_id = video_content_id(video)
    if not video_id:
        return False
    photo_id = photo_content_id(photo)
    return bool(photo_id) and photo_id != video_id
