"""Which copy of a photo is the original: evidence from the files, strongest first.

Each ``Step`` compares two copies of one picture on one kind of evidence and says which one
it prefers, or that it cannot tell. The default ladder (``ORIGINAL_STEPS``) goes from the
strongest evidence to the weakest; docs/keeper.md explains each step and what it was measured
on. Every step looks only at facts the fingerprint already holds (size, format, EXIF, JPEG
tables, the frame around the picture, path, the sidecars found beside it), so ranking costs
no decoding at all.
"""

from __future__ import annotations

import functools
import math
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from .models import RAW_FORMATS, Fingerprint

#: Two pictures whose areas differ by less than this share have "the same" resolution: a
#: frame trimmed at reduced scale is measured to within a few pixels of the full size.
SAME_AREA_TOLERANCE = 0.02

#: A JPEG this many quality points below another copy's was visibly re-compressed: decided
#: before the weaker evidence of names and folders. Smaller gaps come after them.
QUALITY_GAP = 10

#: Formats that cameras and phones write (besides RAW): a copy in another format at the
#: same size was converted.
CAMERA_FORMATS = frozenset({"JPEG", "MPO", "HEIF", "HEIC"})
#: Lossless formats: a photo saved in them holds no more than the picture it was made from.
LOSSLESS_FORMATS = frozenset({"PNG", "TIFF", "BMP"})

#: File names that cameras and phones write.
_CAMERA_NAME = re.compile(
    r"^(?:IMG_\d{4}|IMG_\d{8}_\d{6}|DSC[NF_]?\d{4,5}|_DSC\d{4}|_MG_\d{4}|PXL_\d{8}_\d{6,9}"
    r"|P\d{7}|DJI_\d{4}|GOPR\d{4}|G[HX]\d{6}|CIMG\d{4}|DSCF\d{4}|R\d{7}|MVIMG_\d{8}_\d{6}"
    r"|PANO_\d{8}_\d{6}|\d{8}_\d{6}|IMG\d{4})(?:[._-]\w*)?$",
    re.IGNORECASE,
)
#: File names that messengers, browsers, exports and file managers give copies.
_COPY_NAME = re.compile(
    r"(?:-WA\d{4}|^FB_IMG_|^received_|[ _-]?\(\d+\)$|[ _-]copy(?:[ _-]?\d+)?$|[ _-]kopie$"
    r"|[ _-]edit(?:ed)?$|^[0-9a-f]{16,}$|^image\d*$|^download(?:[ _-]?\d+)?$)",
    re.IGNORECASE,
)
#: Folders where copies pile up: downloads, messengers, exports, edits and backups.
_COPY_FOLDER = re.compile(
    r"^(?:downloads?|whatsapp(?: images)?|telegram(?: images)?|signal|messenger|exports?"
    r"|exported|edited|edits|backups?|copies)$",
    re.IGNORECASE,
)


def has_camera_data(fp: Fingerprint) -> bool:
    """Whether the file carries the camera's EXIF (make and model, or the capture time)."""
    return bool(fp.camera or fp.taken)


def taken_seconds(taken: str) -> float | None:
    """An EXIF time ("YYYY:MM:DD HH:MM:SS[.fraction]") as seconds since the epoch (local
    time, whole seconds); None when it is empty or not a time."""
    return _whole_seconds(taken[:19])


# Sorting a group's files asks for each file's evidence many times (strptime: 10 us a call);
# the frames of a burst share their whole second.
@functools.lru_cache(maxsize=4096)
def _whole_seconds(taken: str) -> float | None:
    try:
        return time.mktime(time.strptime(taken, "%Y:%m:%d %H:%M:%S"))
    except (ValueError, OverflowError):
        return None


def taken_epoch(fp: Fingerprint) -> int | None:
    """The EXIF capture time as whole seconds since the epoch, None without one."""
    seconds = taken_seconds(fp.taken)
    return None if seconds is None else int(seconds)


def capture_time(fp: Fingerprint) -> float:
    """EXIF capture time when the photo has one, else the file's modification time."""
    taken = taken_epoch(fp)
    return float(taken) if taken is not None else fp.mtime_ns / 1e9


def is_raw(fp: Fingerprint) -> bool:
    """Whether the file is a camera RAW (fingerprinted from its embedded preview)."""
    return fp.format in RAW_FORMATS


def camera_name(fp: Fingerprint) -> bool:
    """A file name as cameras and phones write it (IMG_1234, DSC_0001, PXL_...)."""
    return _path_evidence(fp.path)[0]


def copy_name(fp: Fingerprint) -> bool:
    """A file name as copies get it ("(1)", " copy", WhatsApp's -WA0001, a hash...)."""
    return _path_evidence(fp.path)[1]


def in_copy_folder(fp: Fingerprint) -> bool:
    """Whether a folder on the file's path is where copies pile up (Downloads, WhatsApp...)."""
    return _path_evidence(fp.path)[2]


@functools.lru_cache(maxsize=4096)
def _path_evidence(path: str) -> tuple[bool, bool, bool]:
    """(camera name, copy name, copy folder) of a path, kept: sorting asks again and again."""
    name = os.path.splitext(os.path.basename(path))[0]
    parts = os.path.dirname(path).replace("\\", "/").split("/")
    return (
        bool(_CAMERA_NAME.match(name)),
        bool(_COPY_NAME.search(name)),
        any(_COPY_FOLDER.match(part.strip()) for part in parts),
    )


def format_tier(fp: Fingerprint, camera_copies: bool) -> int:
    """How original a file's format is, lower first.

    Among copies that carry camera data, the camera's own formats come first: a PNG or TIFF
    with a camera's EXIF was converted from the camera's JPEG. Among copies without camera
    data (screenshots, graphics, scans), a lossless file comes first: the JPEG of a
    screenshot is the copy. Web formats (WebP, AVIF, GIF) are never what a camera wrote.
    """
    if is_raw(fp):
        return 0
    if fp.format in CAMERA_FORMATS:
        return 1 if camera_copies else 2
    if fp.format in LOSSLESS_FORMATS:
        return 2 if camera_copies else 1
    return 3


def context_score(fp: Fingerprint) -> int:
    """The weakest evidence: a camera's file name counts for, a copy's name or folder against."""
    return camera_name(fp) - copy_name(fp) - in_copy_folder(fp)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A step's answer: which file it prefers (-1: a, 1: b) and why, as a reason template."""

    prefer: int
    template: str
    values: tuple[tuple[str, object], ...] = ()


#: Compares two files on one kind of evidence; None when it cannot tell them apart.
Step = Callable[[Fingerprint, Fingerprint], Verdict | None]

# Reason templates (placeholders are core.models.ReasonValue names; gui/reasons.py lists
# every template for the translators).
KEEP_INTACT = "intact file: another copy is damaged"
KEEP_RAW = "RAW original"
KEEP_JPEG = "JPEG preferred over the RAW"
KEEP_RESOLUTION = "largest resolution: {width}x{height}"
KEEP_UNFRAMED = "without the frame another copy added"
KEEP_SIDECAR_WORK = "its sidecar holds your edits, rating or keywords"
KEEP_CAMERA = "camera original: {camera}, taken {time}"
KEEP_CAMERA_MODEL = "camera original: {camera}"
KEEP_CAMERA_TAKEN = "camera original: taken {time}"
KEEP_CAMERA_FORMAT = "{format} as the camera wrote it; the other copies are conversions"
KEEP_LOSSLESS = "lossless {format}; the other copies are compressed"
KEEP_CAMERA_TABLES = "JPEG with the camera's own compression tables"
KEEP_QUALITY = "highest JPEG quality: {quality}"
KEEP_CAMERA_NAME = "camera file name: {name}"
KEEP_NOT_COPY_NAME = "the other copies are named as copies"
KEEP_NOT_COPY_FOLDER = "the other copies are in download, messenger, export or backup folders"
KEEP_SIZE = "largest file: {size}"
KEEP_OLDEST_TAKEN = "oldest: taken {time}"
KEEP_OLDEST_MODIFIED = "oldest: modified {time}"
KEEP_NEWEST_MODIFIED = "newest: modified {time}"
KEEP_FORMAT_RULE = "preferred format: {format}"
KEEP_FOLDER_RULE = "in the preferred folder {name}"
KEEP_SHORTEST_PATH = "shortest path"
KEEP_FIRST_BY_NAME = "first by name"


def _by(a: object, b: object, template: str, *values: tuple[str, object]) -> Verdict | None:
    """Prefer the file with the larger value (a True over a False)."""
    if a == b:
        return None
    return Verdict(-1 if a > b else 1, template, values)  # type: ignore[operator]


def _values(fp: Fingerprint, template: str) -> tuple[tuple[str, object], ...]:
    """The values a keeper template names, taken from the keeper itself."""
    taken = taken_epoch(fp)
    when = taken if taken is not None else math.floor(fp.mtime_ns / 1e9)
    known = {
        "width": fp.width,
        "height": fp.height,
        "size": fp.size,
        "camera": fp.camera,
        "time": when,
        "format": fp.format,
        "quality": fp.quality,
        "name": os.path.basename(fp.path),
    }
    names = re.findall(r"\{(\w+)\}", template)
    return tuple((n, known[n]) for n in names)


def intact(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """A damaged file is never kept while an intact copy exists."""
    return _by(not a.damaged, not b.damaged, KEEP_INTACT)


def raw_first(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """A camera RAW is the original its JPEGs were developed from."""
    return _by(is_raw(a), is_raw(b), KEEP_RAW)


def jpeg_over_raw(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """The user prefers the camera's JPEG to its RAW."""
    return _by(not is_raw(a), not is_raw(b), KEEP_JPEG)


def resolution(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """More picture is more original: copies are resized or cropped, frames do not count.

    Two files of one size hold as much picture: where their frames were cut apart (JPEG
    ringing in a re-encoded icon's white margin moved its cut by 5 px, 9 % of its area), the
    frame rule and the formats decide.
    """
    if (a.width, a.height) == (b.width, b.height):
        return None
    pa, pb = a.content_pixels, b.content_pixels
    if abs(pa - pb) <= SAME_AREA_TOLERANCE * max(pa, pb):
        return None
    return _by(pa, pb, KEEP_RESOLUTION)


def unframed(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """A frame around the picture is added by an edit: cameras never write one."""
    fa = a.content_size != (a.width, a.height)
    fb = b.content_size != (b.width, b.height)
    return _by(not fa, not fb, KEEP_UNFRAMED)


def holds_work(fp: Fingerprint) -> bool:
    """Whether a sidecar of the file holds the user's edits, a rating or keywords."""
    return any(c.holds_work for c in fp.companions)


def sidecar_work(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """The copy the user rated, tagged or edited (an XMP or .AAE sidecar) over a bare copy.

    After the RAW, the resolution and the frame: the user's work decides among copies of the
    same picture, never at the cost of the RAW or of pixels.
    """
    return _by(holds_work(a), holds_work(b), KEEP_SIDECAR_WORK)


def camera_data(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """Copies lose the camera's EXIF (messengers and many exports strip it), never gain it."""
    verdict = _by(has_camera_data(a), has_camera_data(b), KEEP_CAMERA)
    if verdict is None:
        return None
    keeper = a if verdict.prefer < 0 else b
    template = (
        KEEP_CAMERA
        if keeper.camera and keeper.taken
        else KEEP_CAMERA_MODEL
        if keeper.camera
        else KEEP_CAMERA_TAKEN
    )
    return Verdict(verdict.prefer, template)


def original_format(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """The format the picture was made in: a camera's JPEG, a screenshot's PNG (see tiers)."""
    cameras = has_camera_data(a) or has_camera_data(b)
    ta, tb = format_tier(a, cameras), format_tier(b, cameras)
    if ta == tb:
        return None
    keeper = a if ta < tb else b
    lossless_first = keeper.format in LOSSLESS_FORMATS
    return Verdict(-1 if ta < tb else 1, KEEP_LOSSLESS if lossless_first else KEEP_CAMERA_FORMAT)


def camera_tables(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """A camera compresses with its own tables; libraries and editors re-save with libjpeg's."""
    if a.format != "JPEG" or b.format != "JPEG":
        return None
    return _by(a.custom_tables, b.custom_tables, KEEP_CAMERA_TABLES)


def _quality(a: Fingerprint, b: Fingerprint, gap: int) -> Verdict | None:
    if a.format != "JPEG" or b.format != "JPEG" or not a.quality or not b.quality:
        return None
    if abs(a.quality - b.quality) < gap:
        return None
    return _by(a.quality, b.quality, KEEP_QUALITY)


def much_higher_quality(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """A copy re-compressed at a visibly lower JPEG quality is derived."""
    return _quality(a, b, QUALITY_GAP)


def higher_quality(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """Of two JPEGs with no other evidence, the higher quality holds more of the picture."""
    return _quality(a, b, 1)


def context(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """Names and folders: a camera's file name, a copy's name, a downloads or export folder."""
    if context_score(a) == context_score(b):
        return None
    prefer = -1 if context_score(a) > context_score(b) else 1
    keeper, other = (a, b) if prefer < 0 else (b, a)
    if camera_name(keeper) and not camera_name(other):
        return Verdict(prefer, KEEP_CAMERA_NAME)
    if copy_name(other) and not copy_name(keeper):
        return Verdict(prefer, KEEP_NOT_COPY_NAME)
    return Verdict(prefer, KEEP_NOT_COPY_FOLDER)


def larger_file(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """More bytes for the same picture: less compressed."""
    return _by(a.size, b.size, KEEP_SIZE)


def oldest(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """The older file was there first (capture time, else modification time)."""
    ta, tb = capture_time(a), capture_time(b)
    if ta == tb:
        return None
    keeper = a if ta < tb else b
    template = KEEP_OLDEST_TAKEN if keeper.taken else KEEP_OLDEST_MODIFIED
    return Verdict(-1 if ta < tb else 1, template)


def newest(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    """The most recently modified file (a user rule: the latest edit)."""
    return _by(a.mtime_ns, b.mtime_ns, KEEP_NEWEST_MODIFIED)


def shortest_path(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    return _by(-len(a.path), -len(b.path), KEEP_SHORTEST_PATH)


def first_by_name(a: Fingerprint, b: Fingerprint) -> Verdict | None:
    if a.path == b.path:
        return None
    return Verdict(-1 if a.path < b.path else 1, KEEP_FIRST_BY_NAME)


#: The evidence that a file is the original, strongest first (docs/keeper.md says why).
ORIGINAL_STEPS: tuple[Step, ...] = (
    intact,
    raw_first,
    resolution,
    unframed,
    sidecar_work,
    camera_data,
    original_format,
    camera_tables,
    much_higher_quality,
    context,
    higher_quality,
    larger_file,
    oldest,
)

#: After every rule: a stable order that never depends on the order files were scanned in.
TIE_BREAKERS: tuple[Step, ...] = (shortest_path, first_by_name)


def _first(a: Fingerprint, b: Fingerprint, steps: tuple[Step, ...]) -> Verdict:
    for step in (*steps, *TIE_BREAKERS):
        verdict = step(a, b)
        if verdict is not None:
            return verdict
    return Verdict(-1, KEEP_FIRST_BY_NAME)


def prefers(a: Fingerprint, b: Fingerprint, steps: tuple[Step, ...]) -> int:
    """Which of a (-1) and b (1) the first step that tells them apart prefers: ``decide``
    without the values of its reason, for sorting."""
    return _first(a, b, steps).prefer


def decide(a: Fingerprint, b: Fingerprint, steps: tuple[Step, ...]) -> Verdict:
    """The first step that tells a from b, with the values its reason names."""
    verdict = _first(a, b, steps)
    keeper = a if verdict.prefer < 0 else b
    values = verdict.values or _values(keeper, verdict.template)
    return Verdict(verdict.prefer, verdict.template, values)
