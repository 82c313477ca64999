"""Plain data shared by every stage of the engine (no behaviour, no Qt)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

#: Bump when decoding or hashing changes, so cached fingerprints are recomputed.
ALGORITHM_VERSION = 7
#: Bump when the pixel comparison (core/detail.py) changes: its cached answers are kept under
#: this version and ALGORITHM_VERSION together (its first stage's pictures come from the
#: decode for hashing). 2: those pictures, no longer decoded apart; 3: the second stage's
#: JPEGs DCT-scaled to their reduced size.
COMPARISON_VERSION = 3

#: Camera RAW files: fingerprinted from their embedded JPEG preview (see core/raw.py).
RAW_EXTENSIONS = frozenset(
    {".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf", ".dng", ".pef", ".srw"}
)

#: ``Fingerprint.format`` of a RAW file: its extension in capitals ("CR2", "DNG"...).
RAW_FORMATS = frozenset(ext[1:].upper() for ext in RAW_EXTENSIONS)

IMAGE_EXTENSIONS = RAW_EXTENSIONS | frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"}
    | {".jxl"}
)

#: The keeper rule by default: the original, from the evidence in the files.
DEFAULT_KEEPER_RULES: tuple[str, ...] = ("original",)

#: Default Hamming distance between 64-bit pHashes for a similar pair (see docs/matching.md).
DEFAULT_THRESHOLD = 10


class GroupKind(StrEnum):
    """What binds a group: byte-identical files, perceptually similar ones, or a burst.

    BURST groups are different photos (shots taken moments apart by one camera), never
    duplicates: they live in ``ScanResult.bursts`` and keep every file.
    """

    IDENTICAL = "identical"
    SIMILAR = "similar"
    BURST = "burst"


class Relation(StrEnum):
    """How a file relates to the keeper of its group."""

    KEEPER = "keeper"
    IDENTICAL = "identical"  # same bytes
    SAME_PIXELS = "same_pixels"  # same picture data, metadata or container differs
    RESIZED = "resized"
    CONVERTED = "converted"  # re-encoded or another format, same size
    ROTATED = "rotated"  # rotated or mirrored copy
    EDITED = "edited"  # cropped, recoloured, filtered...
    FRAMED = "framed"  # the same picture with a frame added around it
    DAMAGED = "damaged"  # decodes only in part, or its file structure is broken
    BURST_SHOT = "burst_shot"  # another moment of the same burst, not a copy


class ReasonValue(StrEnum):
    """Names of the values in a reason template, each with its raw form (see GroupMember)."""

    WIDTH = "width"  # pixels, an integer
    HEIGHT = "height"  # pixels, an integer
    SIZE = "size"  # bytes, an integer
    TIME = "time"  # seconds since the epoch, an integer
    NAME = "name"  # a file name
    CAMERA = "camera"  # a camera's make and model
    FORMAT = "format"  # a file format ("JPEG", "PNG")
    QUALITY = "quality"  # a JPEG quality, an integer 1-100
    SECONDS = "seconds"  # a whole number of seconds
    PERCENT = "percent"  # a whole percentage


class Stage(StrEnum):
    """Steps of a scan, reported through progress callbacks."""

    DISCOVER = "discover"
    CACHE = "cache"
    HASH = "hash"
    MATCH = "match"
    DONE = "done"


class CompanionKind(StrEnum):
    """A file that belongs to a photo and travels with it (see core/companions.py)."""

    XMP = "xmp"  # Lightroom, darktable, digiKam: edits, rating, keywords
    TAKEOUT = "takeout"  # Google Takeout's JSON: capture date, GPS, description
    AAE = "aae"  # an iPhone's edits
    LIVE_VIDEO = "live_video"  # the video half of a Live Photo


@dataclass(frozen=True, slots=True)
class Companion:
    """A companion file of a photo, as found beside it, with what it holds.

    ``shared_with`` names the other photos it belongs to as well (``IMG_1.xmp`` beside
    ``IMG_1.NEF`` and ``IMG_1.jpg``): it moves only when none of them stays.
    """

    path: str
    kind: CompanionKind
    size: int
    mtime_ns: int
    shared_with: tuple[str, ...] = ()
    rating: int = 0  # XMP rating, 0 when none
    keywords: tuple[str, ...] = ()
    edits: bool = False  # develop settings (XMP) or an iPhone's adjustments (AAE)
    taken: str = ""  # capture time "YYYY:MM:DD HH:MM:SS" (local; a "Z" after it: UTC)
    gps: tuple[float, float] | None = None  # latitude, longitude in degrees

    @property
    def holds_work(self) -> bool:
        """Whether the user put work into it: edits, a rating or keywords."""
        return self.edits or self.rating > 0 or bool(self.keywords)


@dataclass(frozen=True, slots=True)
class ImageFile:
    """A candidate file found by discovery."""

    path: str
    size: int
    mtime_ns: int
    dev: int = 0
    inode: int = 0


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Everything the engine knows about one decoded photo.

    ``phashes`` and ``dhashes`` hold the hashes of the 8 orientations (index 0 is the
    photo as displayed; ``fingerprint.orientation_variants`` gives the order); ``thumb`` is the
    32x32 luma thumbnail of the picture inside its frame (1,024 bytes), followed for a colour
    photo by its 8x8 Cb and Cr planes (128 bytes); empty when loaded from a results file.
    """

    path: str
    size: int
    mtime_ns: int
    digest: str  # blake2b of the file bytes
    pixel_digest: str  # blake2b of the decoded, oriented pixels
    width: int
    height: int
    format: str
    phashes: tuple[int, ...]
    dhashes: tuple[int, ...]
    thumb: bytes
    flat: bool  # too little detail for perceptual hashes to mean anything
    taken: str = ""  # EXIF DateTimeOriginal as "YYYY:MM:DD HH:MM:SS", when present
    camera: str = ""  # EXIF Make and Model
    # The picture inside a uniform frame (a border added around a copy), in full-size pixels;
    # 0 when there is no frame (the whole image is the picture).
    content_width: int = 0
    content_height: int = 0
    quality: int = 0  # a JPEG's quality on libjpeg's 1-100 scale, from its luma table; 0: other
    custom_tables: bool = False  # JPEG tables that are not libjpeg's scaled ones (cameras' own)
    damaged: bool = False  # decoded only in part (truncated) or with broken structure
    # Files that travel with this photo (sidecars, Live Photo video): found by each scan's
    # discovery, never cached (they change without the photo changing).
    companions: tuple[Companion, ...] = ()

    @property
    def phash(self) -> int:
        return self.phashes[0] if self.phashes else 0

    @property
    def dhash(self) -> int:
        return self.dhashes[0] if self.dhashes else 0

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def content_size(self) -> tuple[int, int]:
        """Width and height of the picture itself, a frame around it left out."""
        if self.content_width and self.content_height:
            return self.content_width, self.content_height
        return self.width, self.height

    @property
    def content_pixels(self) -> int:
        w, h = self.content_size
        return w * h


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be fingerprinted or acted on, with a reason for people."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class GroupMember:
    """One file in a duplicate group with the engine's suggestion."""

    fingerprint: Fingerprint
    keep: bool
    reason: str
    distance: int  # pHash distance to the keeper (0 for the keeper)
    relation: Relation
    reference: bool = False  # under a reference folder: never trashed
    sharpness: float | None = None  # variance of the Laplacian (bursts only; higher is sharper)
    # ``reason`` is the English text of ``reason_template`` (one of the engine's fixed
    # templates, "largest file: {size}") filled with ``reason_values`` ((name, raw value) pairs,
    # e.g. ("size", "24000")), so a UI can translate the template and word the values in its
    # own locale. Empty when the reason has no template (e.g. results saved by an older version).
    reason_template: str = ""
    reason_values: tuple[tuple[str, str], ...] = ()

    @property
    def path(self) -> str:
        return self.fingerprint.path


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Files showing the same photo; the keeper first."""

    id: int
    kind: GroupKind
    members: tuple[GroupMember, ...]
    low_detail: bool = False  # near-uniform photos: grouped on identical pixels only

    @property
    def keeper(self) -> GroupMember:
        return next(m for m in self.members if m.keep)

    @property
    def reclaimable(self) -> int:
        """Bytes the suggested trash frees: the copies and the companions only they use."""
        return sum(
            m.fingerprint.size + sum(c.size for c in m.fingerprint.companions if not c.shared_with)
            for m in self.members
            if not m.keep
        )


@dataclass(frozen=True, slots=True)
class ScanStats:
    files: int  # candidate files found
    hashed: int  # fingerprinted (from cache or decoded)
    decoded: int  # decoded in this scan (cache misses)
    seconds: float
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class ScanResult:
    roots: tuple[str, ...]
    groups: tuple[DuplicateGroup, ...]
    problems: tuple[Problem, ...]
    stats: ScanStats
    warnings: tuple[str, ...] = ()  # about the scan itself (e.g. the cache), not about files
    bursts: tuple[DuplicateGroup, ...] = ()  # "similar shots" (GroupKind.BURST), all kept
    # Files that are not photos, left out: (extension, count), the most common first.
    skipped: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What to scan and how; the CLI and the app both build one of these."""

    roots: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    hidden: bool = False
    references: tuple[str, ...] = ()
    threshold: int = DEFAULT_THRESHOLD
    rotations: bool = False
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    use_cache: bool = True
    cache_dir: str | None = None  # None: the user cache dir
    file_timeout: float = 60.0  # seconds one file may take to decode before it is given up
    prefer_jpeg: bool = False  # keep the JPEG of a RAW+JPEG pair instead of the RAW
    # Which copy to keep, in order (core/ranking.py: "original", "size", "folder:PATH"...).
    keeper_rules: tuple[str, ...] = DEFAULT_KEEPER_RULES
    ignore_list: str | None = None  # "not a duplicate" decisions file (core/ignore.py); None: none
    bursts: bool = False  # also look for similar shots (bursts), listed in ScanResult.bursts


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress report: the stage, counts and the file being worked on."""

    stage: Stage
    done: int
    total: int
    current: str = ""


ProgressCallback = Callable[[Progress], None]


class Cancelled(Exception):
    """Raised by ``CancelToken.check`` inside long computations (matching) to unwind them."""


class CancelToken:
    """Set from any thread to stop a long operation at its next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise Cancelled when cancel() was called: for loops deep inside a computation."""
        if self._event.is_set():
            raise Cancelled
