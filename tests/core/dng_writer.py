"""Write small but real DNG files (CFA raw data plus an embedded JPEG preview) for tests."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
from PIL import Image

BYTE, ASCII, SHORT, LONG, SRATIONAL = 1, 2, 3, 4, 10
_FORMATS = {BYTE: "B", SHORT: "H", LONG: "I", SRATIONAL: "ii"}


class _TiffWriter:
    """Little-endian TIFF laid out as it is written: blobs and directories, header last."""

    def __init__(self) -> None:
        self.buf = bytearray(b"II*\x00\x00\x00\x00\x00")

    def _align(self) -> None:
        if len(self.buf) % 2:
            self.buf += b"\x00"

    def blob(self, data: bytes) -> int:
        self._align()
        offset = len(self.buf)
        self.buf += data
        return offset

    def ifd(self, entries: list[tuple[int, int, object]]) -> int:
        self._align()
        entries = sorted(entries, key=lambda e: e[0])
        start = len(self.buf)
        extra_at = start + 2 + 12 * len(entries) + 4
        body, extra = bytearray(struct.pack("<H", len(entries))), bytearray()
        for tag, kind, value in entries:
            if kind == ASCII:
                raw = str(value).encode() + b"\x00"
                count = len(raw)
            else:
                values = value if isinstance(value, list) else [value]
                fmt = _FORMATS[kind]
                raw = b"".join(
                    struct.pack("<" + fmt, *(v if isinstance(v, tuple) else (v,))) for v in values
                )
                count = len(values)
            if len(raw) <= 4:
                body += struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\x00")
            else:
                body += struct.pack("<HHII", tag, kind, count, extra_at + len(extra))
                extra += raw
                if len(extra) % 2:
                    extra += b"\x00"
        body += b"\x00\x00\x00\x00"
        self.buf += body + extra
        return start

    def finish(self, first_ifd: int) -> bytes:
        self.buf[4:8] = struct.pack("<I", first_ifd)
        return bytes(self.buf)


def dng_bytes(
    preview: Image.Image | None,
    sensor: tuple[int, int] = (300, 200),
    orientation: int = 1,
    make: str = "TestCam",
    model: str = "TestCam RAW 1",
    taken: str = "2021:06:01 12:00:00",
) -> bytes:
    """A DNG: IFD0 holds the camera facts and the JPEG preview (as stored, before
    ``orientation``), its SubIFD the 16-bit Bayer data of ``sensor`` (width, height)."""
    w = _TiffWriter()
    width, height = sensor
    cfa = np.random.default_rng(0).integers(500, 3500, (height, width)).astype("<u2")
    cfa_offset = w.blob(cfa.tobytes())
    raw_ifd = w.ifd(
        [
            (254, LONG, 0),
            (256, LONG, width),
            (257, LONG, height),
            (258, SHORT, 16),
            (259, SHORT, 1),
            (262, SHORT, 32803),  # colour filter array
            (273, LONG, cfa_offset),
            (277, SHORT, 1),
            (278, LONG, height),
            (279, LONG, cfa.nbytes),
            (33421, SHORT, [2, 2]),
            (33422, BYTE, [0, 1, 1, 2]),
            (50717, LONG, 4095),
        ]
    )
    exif_ifd = w.ifd([(36867, ASCII, taken)])
    entries: list[tuple[int, int, object]] = [
        (254, LONG, 1),
        (271, ASCII, make),
        (272, ASCII, model),
        (274, SHORT, orientation),
        (306, ASCII, taken),
        (330, LONG, raw_ifd),
        (34665, LONG, exif_ifd),
        (50706, BYTE, [1, 4, 0, 0]),
        (50707, BYTE, [1, 1, 0, 0]),
        (50708, ASCII, model),
        (
            50721,
            SRATIONAL,
            [(1, 1), (0, 1), (0, 1), (0, 1), (1, 1), (0, 1), (0, 1), (0, 1), (1, 1)],
        ),
        (50778, SHORT, 21),
    ]
    if preview is not None:
        jpeg = io.BytesIO()
        preview.convert("RGB").save(jpeg, "JPEG", quality=92)
        offset = w.blob(jpeg.getvalue())
        entries += [
            (256, LONG, preview.width),
            (257, LONG, preview.height),
            (258, SHORT, [8, 8, 8]),
            (259, SHORT, 7),  # JPEG
            (262, SHORT, 6),  # YCbCr
            (273, LONG, offset),
            (277, SHORT, 3),
            (278, LONG, preview.height),
            (279, LONG, len(jpeg.getvalue())),
        ]
    return w.finish(w.ifd(entries))


def write_dng(path: Path, preview: Image.Image | None, **kw: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dng_bytes(preview, **kw))  # type: ignore[arg-type]
    return path
