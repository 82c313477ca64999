"""Metadata is never lost: what a trashed copy knows and the kept copy lacks goes to a sidecar.

The capture date, GPS position, rating and keywords of the copies leaving a group (read from
the photos and from their XMP and Takeout sidecars) that the kept copy lacks are written into
the kept copy's XMP sidecar with exiv2 (pyexiv2), never into a photo. Each write is journalled
with the bytes it replaced, so undo removes the sidecar again (or puts the old one back).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from .companions import MAX_SIDECAR_BYTES
from .journal import Journal, file_digest, write_whole
from .models import Companion, CompanionKind

#: The empty XMP packet a new sidecar starts from; exiv2 writes everything in it.
_EMPTY_PACKET = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'
    b' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
    b'<?xpacket end="w"?>'
)
_EXIF_TIME = re.compile(r"(\d{4}):(\d\d):(\d\d) (\d\d):(\d\d):(\d\d)(Z?)")


@dataclass(frozen=True, slots=True)
class Metadata:
    """The facts worth keeping about a photo; empty values where it has none."""

    taken: str = ""  # "YYYY:MM:DD HH:MM:SS" (local), a "Z" after it for UTC
    gps: tuple[float, float] | None = None
    rating: int = 0
    keywords: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.taken or self.gps or self.rating or self.keywords)


@dataclass(frozen=True, slots=True)
class MergeSource:
    """A group's kept photo and the copies leaving it, each with its companions."""

    keeper: str
    keeper_companions: tuple[Companion, ...]
    copies: tuple[tuple[str, tuple[Companion, ...]], ...]


def combine(found: Iterable[Metadata]) -> Metadata:
    """The first date, position and rating found, and every keyword (in order, once)."""
    taken, gps, rating, words = "", None, 0, {}
    for m in found:
        taken = taken or m.taken
        gps = gps or m.gps
        rating = rating or m.rating
        words.update(dict.fromkeys(m.keywords))
    return Metadata(taken, gps, rating, tuple(words))


def missing(have: Metadata, sources: Sequence[Metadata]) -> Metadata:
    """What the sources know that ``have`` lacks (keywords: those it does not have yet)."""
    known = combine(sources)
    return Metadata(
        taken="" if have.taken else known.taken,
        gps=None if have.gps else known.gps,
        rating=0 if have.rating else known.rating,
        keywords=tuple(k for k in known.keywords if k not in have.keywords),
    )


def companions_metadata(companions: Iterable[Companion]) -> Metadata:
    """What a photo's XMP and Takeout sidecars hold (as discovery read them)."""
    return combine(
        Metadata(c.taken, c.gps, c.rating, c.keywords)
        for c in companions
        if c.kind in (CompanionKind.XMP, CompanionKind.TAKEOUT)
    )


def _exiv2() -> ModuleType:
    """pyexiv2, imported on first use: a native library the scan itself never needs."""
    import pyexiv2

    pyexiv2.set_log_level(4)  # exiv2's warnings about odd files are not the user's business
    return pyexiv2


def _rational(text: str) -> float:
    num, _, den = text.partition("/")
    return float(num) / float(den or 1) if float(den or 1) else 0.0


def _exif_gps(exif: dict) -> tuple[float, float] | None:
    try:
        parts = [
            sum(_rational(v) / 60**i for i, v in enumerate(exif[key].split()[:3]))
            for key in ("Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLongitude")
        ]
    except (KeyError, ValueError, AttributeError):
        return None
    lat = -parts[0] if exif.get("Exif.GPSInfo.GPSLatitudeRef") == "S" else parts[0]
    lon = -parts[1] if exif.get("Exif.GPSInfo.GPSLongitudeRef") == "W" else parts[1]
    return lat, lon


def photo_metadata(path: str) -> Metadata:
    """What a photo file itself holds (EXIF and embedded XMP); empty when it cannot be read."""
    try:
        with _exiv2().Image(path) as img:
            exif, xmp = img.read_exif(), img.read_xmp()
    except Exception:  # exiv2 raises its own errors for odd files: they just hold nothing
        return Metadata()
    taken = exif.get("Exif.Photo.DateTimeOriginal", "")
    rating = str(xmp.get("Xmp.xmp.Rating", "0"))
    words = xmp.get("Xmp.dc.subject", [])
    return Metadata(
        taken=taken if _EXIF_TIME.fullmatch(taken) else "",
        gps=_exif_gps(exif),
        rating=min(int(rating), 5) if rating.isdigit() else 0,
        keywords=tuple(words) if isinstance(words, list) else (words,) if words else (),
    )


def gather(source: MergeSource) -> tuple[Metadata, dict[str, Metadata]]:
    """What the keeper has, and what each leaving copy knows (photo and sidecars)."""
    have = combine([photo_metadata(source.keeper), companions_metadata(source.keeper_companions)])
    copies = {
        path: combine([photo_metadata(path), companions_metadata(companions)])
        for path, companions in source.copies
    }
    return have, copies


def sidecar_for(source: MergeSource) -> str:
    """The kept copy's own XMP sidecar, or ``photo.ext.xmp`` (never one another photo uses)."""
    own = [
        c.path
        for c in source.keeper_companions
        if c.kind is CompanionKind.XMP and not c.shared_with
    ]
    return own[0] if own else source.keeper + ".xmp"


def _xmp_time(taken: str) -> str:
    m = _EXIF_TIME.fullmatch(taken)
    return "{}-{}-{}T{}:{}:{}{}".format(*m.groups()) if m else ""


def _xmp_gps(value: float, positive: str, negative: str) -> str:
    degrees, minutes = divmod(abs(value) * 60, 60)
    return f"{int(degrees)},{minutes:.4f}{positive if value >= 0 else negative}"


def xmp_packet(previous: bytes | None, meta: Metadata) -> bytes:
    """``previous`` (an XMP sidecar, or None for a new one) with ``meta`` added by exiv2."""
    changes: dict[str, object] = {}
    if when := _xmp_time(meta.taken):
        changes["Xmp.exif.DateTimeOriginal"] = when
    if meta.gps:
        changes["Xmp.exif.GPSLatitude"] = _xmp_gps(meta.gps[0], "N", "S")
        changes["Xmp.exif.GPSLongitude"] = _xmp_gps(meta.gps[1], "E", "W")
    if meta.rating:
        changes["Xmp.xmp.Rating"] = str(meta.rating)
    with _exiv2().ImageData(previous or _EMPTY_PACKET) as img:
        if meta.keywords:
            current = img.read_xmp().get("Xmp.dc.subject", [])
            current = current if isinstance(current, list) else [current] if current else []
            changes["Xmp.dc.subject"] = current + [k for k in meta.keywords if k not in current]
        img.modify_xmp(changes)
        return img.get_bytes()


def write_sidecar(journal: Journal, batch_id: str, source: MergeSource, meta: Metadata) -> str:
    """Add ``meta`` to the keeper's XMP sidecar, journalled first; the sidecar's path.

    Raises OSError (or exiv2's error) when the sidecar cannot be read or written, and
    JournalError when the journal cannot record it (then nothing is written).
    """
    path = sidecar_for(source)
    previous = None
    if os.path.lexists(path):
        if not os.path.isfile(path) or os.path.islink(path):
            raise OSError(f"{path} is not a regular file")
        if os.path.getsize(path) > MAX_SIDECAR_BYTES:
            raise OSError(f"{path} is too large for a sidecar")
        with open(path, "rb") as fh:
            previous = fh.read()
    data = xmp_packet(previous, meta)
    seq = journal.begin_write(batch_id, path, previous)
    write_whole(path, data)
    st = os.stat(path)
    journal.written(batch_id, seq, st.st_size, st.st_mtime_ns, file_digest(path))
    return path
