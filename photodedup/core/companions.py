"""A photo's companion files: XMP and Google Takeout sidecars, iPhone .AAE edits, Live Photos.

Discovery hands each folder's photos and candidate companions to ``match_folder``, which says
which photo each companion belongs to by the naming rules of the apps that write them:

- XMP: ``DSC_0001.xmp`` (Lightroom; every photo named ``DSC_0001.*``) or ``DSC_0001.NEF.xmp``
  (darktable, digiKam; that one photo).
- Takeout: ``IMG_1.jpg.json`` or ``IMG_1.jpg.supplemental-metadata.json``, the name cut to
  51 characters (the tag first), and a copy's ``(1)`` moved to the end: ``IMG_1.jpg(1).json``
  for ``IMG_1(1).jpg``.
- ``IMG_0042.AAE`` (or ``IMG_O0042.AAE``) and ``IMG_0042.MOV`` / ``.MP4`` beside ``IMG_0042.HEIC``.

A companion that several photos claim is shared: it moves only with the last of them. A Live
Photo video whose content identifier is another photo's stays (checked before the photo
moves, core/live_photo.py).
"""

from __future__ import annotations

import bisect
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from .models import RAW_EXTENSIONS, Companion, CompanionKind

#: Extensions of the files that can be companions, by kind.
COMPANION_EXTENSIONS: dict[str, CompanionKind] = {
    ".xmp": CompanionKind.XMP,
    ".json": CompanionKind.TAKEOUT,
    ".aae": CompanionKind.AAE,
    ".mov": CompanionKind.LIVE_VIDEO,
    ".mp4": CompanionKind.LIVE_VIDEO,
}

#: Sidecars larger than this are not parsed (they still travel with their photo).
MAX_SIDECAR_BYTES = 4 << 20

#: Google Takeout cuts a sidecar's name to this many characters (".json" included).
TAKEOUT_NAME_LIMIT = 51
_TAKEOUT_TAG = "supplemental-metadata"
_NUMBERED = re.compile(r"^(.*?)(\(\d+\))$")
_AAE_ORIGINAL = re.compile(r"^(IMG_)O(\d+)$", re.IGNORECASE)

_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "lr": "http://ns.adobe.com/lightroom/1.0/",
    "crs": "http://ns.adobe.com/camera-raw-settings/1.0/",
    "darktable": "http://darktable.sf.net/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


class _Photos:
    """A folder's photo names, found by lower-case name, by stem, and by the start of a name."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_name = {n.lower(): n for n in names}
        self.by_stem: dict[str, list[str]] = {}
        for low, name in sorted(self.by_name.items()):
            self.by_stem.setdefault(os.path.splitext(low)[0], []).append(name)
        self.sorted = sorted(self.by_name)

    def starting_with(self, prefix: str) -> list[str]:
        low = prefix.lower()
        i = bisect.bisect_left(self.sorted, low)
        hits = []
        while i < len(self.sorted) and self.sorted[i].startswith(low) and len(hits) < 2:
            hits.append(self.by_name[self.sorted[i]])
            i += 1
        return hits


def _takeout_photo(name: str, photos: _Photos) -> str | None:
    """The photo a Takeout JSON named ``name`` describes, or None."""
    core = name[: -len(".json")]
    number = ""
    if m := _NUMBERED.match(core):
        core, number = m.group(1), m.group(2)
    candidates = [core]
    cut_tag = False
    dot = core.rfind(".")
    tag = core[dot + 1 :].lower() if dot > 0 else ""
    if tag and _TAKEOUT_TAG.startswith(tag):
        candidates.insert(0, core[:dot])
        cut_tag = tag != _TAKEOUT_TAG
    for cand in candidates:
        stem, ext = os.path.splitext(cand)
        full = f"{stem}{number}{ext}" if number else cand
        if full.lower() in photos.by_name:
            return photos.by_name[full.lower()]
    # Cut short by Takeout: the one photo whose name starts with what is left.
    if cut_tag or len(name) - len(number) >= TAKEOUT_NAME_LIMIT:
        for cand in filter(None, candidates):
            hits = photos.starting_with(cand)
            if len(hits) == 1:
                return hits[0]
    return None


def _claimants(name: str, kind: CompanionKind, photos: _Photos) -> list[str]:
    """The photos (names) a companion file named ``name`` belongs to."""
    if kind is CompanionKind.TAKEOUT:
        photo = _takeout_photo(name, photos)
        return [photo] if photo else []
    base = os.path.splitext(name)[0]
    if kind is CompanionKind.XMP and base.lower() in photos.by_name:
        return [photos.by_name[base.lower()]]  # DSC_0001.NEF.xmp: that one photo
    if kind is CompanionKind.AAE and (m := _AAE_ORIGINAL.match(base)):
        base = m.group(1) + m.group(2)
    return photos.by_stem.get(base.lower(), [])


def belongs_to(companion: str, photo: str) -> bool:
    """Whether the file named ``companion`` is, by its name, a companion of ``photo``."""
    kind = COMPANION_EXTENSIONS.get(os.path.splitext(companion)[1].lower())
    return kind is not None and bool(_claimants(companion, kind, _Photos([photo])))


def match_folder(
    folder: str, photos: Iterable[str], others: Mapping[str, tuple[int, int]]
) -> dict[str, tuple[Companion, ...]]:
    """Companions of the photos (names) in ``folder``, by photo path.

    ``others`` maps the folder's other file names to (size, mtime_ns); only those with a
    companion extension are considered. A RAW file has no Live Photo video. What the
    companions hold is not read here: see ``with_facts``.
    """
    names = _Photos(photos)
    if not names.by_name:
        return {}
    claims: dict[str, list[Companion]] = {}
    for name, (size, mtime_ns) in others.items():
        kind = COMPANION_EXTENSIONS.get(os.path.splitext(name)[1].lower())
        if kind is None:
            continue
        owners = [os.path.join(folder, p) for p in _claimants(name, kind, names)]
        if kind is CompanionKind.LIVE_VIDEO:
            owners = [o for o in owners if os.path.splitext(o)[1].lower() not in RAW_EXTENSIONS]
        if not owners:
            continue
        path = os.path.join(folder, name)
        for owner in owners:
            shared = tuple(o for o in owners if o != owner)
            claims.setdefault(owner, []).append(Companion(path, kind, size, mtime_ns, shared))
    return {owner: tuple(sorted(found, key=lambda c: c.path)) for owner, found in claims.items()}


def with_facts(companions: tuple[Companion, ...]) -> tuple[Companion, ...]:
    """The companions with what they hold read from disk (see ``read_facts``).

    Discovery only names companions; the scan reads them for the photos it groups, which in
    a library with a sidecar per photo are few of them.
    """
    return tuple(replace(c, **read_facts(c.path, c.kind, c.size)) for c in companions)


def read_facts(path: str, kind: CompanionKind, size: int) -> dict:
    """What a sidecar holds (Companion's rating, keywords, edits, taken, gps fields)."""
    if kind is CompanionKind.AAE:
        return {"edits": True}
    if kind is CompanionKind.LIVE_VIDEO or size > MAX_SIDECAR_BYTES:
        return {}
    try:
        with open(path, "rb") as fh:
            data = fh.read(size)  # known from the listing: no larger buffer than needed
    except OSError:
        return {}
    if kind is CompanionKind.XMP:
        return xmp_facts(data)
    return takeout_facts(data)


def _texts(el: ET.Element, attr: str) -> list[str]:
    """An XMP property's values, whether written as an attribute, a text or an rdf list."""
    out: list[str] = []
    for node in el.iter():
        if attr in node.attrib:
            out.append(node.attrib[attr])
        if node.tag == attr:
            items = [li.text or "" for li in node.iter(_q("rdf", "li"))]
            out.extend(items if items else [node.text or ""])
    return [t.strip() for t in out if t and t.strip()]


def _gps_degrees(text: str) -> float | None:
    """XMP's "51,30.5N" (degrees, minutes and a direction) as signed degrees."""
    m = re.fullmatch(r"(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])", text.strip())
    if not m:
        return None
    value = int(m.group(1)) + float(m.group(2)) / 60 + float(m.group(3) or 0) / 3600
    return -value if m.group(4) in "SW" else value


def xmp_facts(data: bytes) -> dict:
    """Rating, keywords, edits, capture time and GPS of an XMP packet; {} when unreadable."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return {}
    facts: dict = {}
    rating = _texts(root, _q("xmp", "Rating"))
    if rating and re.fullmatch(r"-?\d+", rating[0]) and int(rating[0]) > 0:
        facts["rating"] = min(int(rating[0]), 5)
    words = _texts(root, _q("dc", "subject")) + _texts(root, _q("lr", "hierarchicalSubject"))
    if words:
        facts["keywords"] = tuple(dict.fromkeys(words))
    crs = _texts(root, _q("crs", "HasSettings")) + _texts(root, _q("crs", "HasCrop"))
    history = _texts(root, _q("darktable", "history"))
    if any(v.lower() == "true" for v in crs) or history:
        facts["edits"] = True
    for prop in (_q("exif", "DateTimeOriginal"), _q("photoshop", "DateCreated")):
        if when := _texts(root, prop):
            if m := re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)", when[0]):
                facts["taken"] = "{}:{}:{} {}:{}:{}".format(*m.groups())
            break
    lat = _texts(root, _q("exif", "GPSLatitude"))
    lon = _texts(root, _q("exif", "GPSLongitude"))
    if lat and lon:
        la, lo = _gps_degrees(lat[0]), _gps_degrees(lon[0])
        if la is not None and lo is not None:
            facts["gps"] = (la, lo)
    return facts


def takeout_facts(data: bytes) -> dict:
    """Capture time and GPS of a Google Takeout JSON; {} when it is not one."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(doc, dict):
        return {}
    facts: dict = {}
    taken = doc.get("photoTakenTime")
    stamp = taken.get("timestamp") if isinstance(taken, dict) else None
    if isinstance(stamp, str) and stamp.isdigit():
        when = datetime.fromtimestamp(int(stamp), UTC)
        facts["taken"] = when.strftime("%Y:%m:%d %H:%M:%SZ")  # Takeout's times are UTC
    geo = doc.get("geoData")
    if isinstance(geo, dict):
        lat, lon = geo.get("latitude"), geo.get("longitude")
        if isinstance(lat, int | float) and isinstance(lon, int | float) and (lat or lon):
            facts["gps"] = (float(lat), float(lon))
    return facts
