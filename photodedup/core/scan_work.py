"""What a scan's worker does with one file: its fingerprint, and for a graphic the picture
the pixel comparison's first stage needs (core/detail.py), made from the pixels it decoded.

Graphics are the files whose pairs that comparison decides. Sent along with the fingerprint,
their pictures spare a first scan decoding them again: the 42 graphics among 204 camera
photos took 0.4 s of 2 workers to decode again at 4032x3024.
"""

from __future__ import annotations

from dataclasses import dataclass

from .detail import preview
from .fingerprint import fingerprint_decoded, read_guarded
from .imageio import decode_for_hash
from .models import Fingerprint, Problem
from .verify import is_graphic


@dataclass(frozen=True, slots=True)
class Graphic:
    """A graphic's fingerprint and its picture at detail.PREVIEW_SIDE (8-bit luma)."""

    fingerprint: Fingerprint
    width: int
    height: int
    luma: bytes


def _fingerprint(path: str, size: int, mtime_ns: int, data: bytes) -> Fingerprint | Graphic:
    decoded = decode_for_hash(data, path)
    fp = fingerprint_decoded(path, size, mtime_ns, data, decoded)
    # The comparison's other files (a photo paired with a graphic, the layout search's fine
    # textures) are decoded again when a pair of theirs reaches it.
    if not is_graphic(fp):
        return fp
    picture = preview(decoded.gray)
    return Graphic(fp, picture.width, picture.height, picture.tobytes())


def scan_file(path: str) -> Fingerprint | Graphic | Problem:
    """The pool's work in a scan: read and fingerprint one file (a failure is a Problem)."""
    return read_guarded(path, _fingerprint)
