"""A second look at graphics: two files compared pixel by pixel at the smaller one's own size.

Hashes and 32x32 thumbnails see a layout; icons, cards and slides of one family share it and
differ in details a few pixels wide. At the smaller picture's own size a copy differs from its
original only by resampling and compression noise, different pictures by much more (the
numbers, and the two stages, PREVIEW_SIDE then DETAIL_SIDE, are in docs/matching.md). The
first stage's pictures come from the decode that fingerprinted a file (``preview``: a graphic's
worker sent it along, core/scan_work.py); the others are decoded in the worker pool
(``preview_job``: a hostile file costs its pairs, not the scan).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from .fingerprint import orientation_variants, read_guarded
from .imageio import decode_for_hash, open_oriented
from .models import Problem

#: Pictures are compared at the smaller one's size, at most this many pixels on the long side
#: (a slide's words still differ at 1024 px reduced to a third).
DETAIL_SIDE = 512
#: The first stage's size: a copy differs less from its original reduced than at full detail
#: (resampling averages its noise): every copy of the graphics corpora passes here.
PREVIEW_SIDE = 128
#: A pixel differs when it is off by this share of the tonal range (2nd to 98th percentile)
#: after the tone fit.
DIFFERENT_PIXEL = 0.15
#: A pair shows one picture when at most this share of its pixels differ. On the graphics
#: corpus's pictures, copies made by JPEG at quality 30, a 64-colour dithered palette,
#: halving, reducing to a third or 0.6 (then JPEG) reach 0.0017; the closest different
#: pictures (a seven of clubs and one of spades, one of them halved) 0.0114. A halving by
#: dropping pixels (nearest neighbour) reaches 0.08 and is not found.
MAX_DIFFERENT_SHARE = 0.004
#: The blur, in pixels, taken off both pictures before they are compared: resampling and
#: compression move edges by a pixel.
BLUR_RADIUS = 1.0

_SEPARATOR = "\0"


def _gray(path: str, side: int, data: bytes | None = None) -> Image.Image:
    """The file (its bytes ``data`` when read already) upright, transparency flattened onto
    white, as 8-bit luma of at most ``side`` pixels on its long side."""
    img = open_oriented(path, side, reduce=False, data=data)
    if img.mode == "RGBA":
        img = Image.alpha_composite(Image.new("RGBA", img.size, (255, 255, 255, 255)), img)
    img = img.convert("L")  # one channel to reduce, not three
    img.thumbnail((side, side), Image.Resampling.LANCZOS)
    return img


def preview(gray: Image.Image) -> Image.Image:
    """The first stage's picture of a file from its decode for hashing (``decode_for_hash``:
    upright, transparency on white, luma): at most PREVIEW_SIDE on its long side. ``gray``
    is reduced in place."""
    gray.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), Image.Resampling.LANCZOS)
    return gray


def _spread(levels: np.ndarray) -> float:
    """The tonal range of 8-bit ``levels``: 2nd to 98th percentile, plus one (sort-free)."""
    counts = np.cumsum(np.bincount(levels.ravel(), minlength=256))
    low, high = np.searchsorted(counts, (0.02 * counts[-1], 0.98 * counts[-1]))
    return int(high) - int(low) + 1.0


@dataclass(frozen=True, slots=True)
class Blurred:
    """A luma picture ready to compare: its pixels blurred by BLUR_RADIUS, and its tonal
    range (2nd to 98th percentile, plus one)."""

    image: Image.Image
    pixels: np.ndarray  # uint8, blurred
    spread: float

    @classmethod
    def of(cls, image: Image.Image) -> Blurred:
        blurred = np.asarray(image.filter(ImageFilter.GaussianBlur(BLUR_RADIUS)))
        return cls(image, blurred, _spread(blurred))

    @classmethod
    def sent(cls, width: int, height: int, luma: bytes, blurred: bytes, spread: float) -> Blurred:
        """A picture blurred by a worker (``preview_job``)."""
        pixels = np.frombuffer(blurred, np.uint8).reshape(height, width)
        return cls(Image.frombytes("L", (width, height), luma), pixels, spread)

    def turned(self, variant: int) -> Blurred:
        """The same picture in orientation ``variant`` (a Gaussian blur turns with it)."""
        if variant == 0:
            return self
        pixels = np.ascontiguousarray(orientation_variants(self.pixels)[variant])
        return Blurred(turned(self.image, variant), pixels, self.spread)


def _share(x: np.ndarray, y: np.ndarray, spread: float) -> float:
    """The share of pixels of x (blurred) that y (blurred, same size) misses once fitted."""
    if x.min() == x.max():  # any y, fitted to a constant, would match a uniform x
        return 0.0 if y.min() == y.max() else 1.0
    x, y = x.ravel().astype(np.float32), y.ravel().astype(np.float32)
    mx, my = x.mean(), y.mean()
    y -= my  # each difference taken once: a pair at 512 px is 10 passes over 0.2 MP
    vy = float(np.dot(y, y))
    gain = float(np.dot(x - mx, y)) / vy if vy > 0 else 0.0
    y *= gain
    y += mx  # the fitted y
    np.subtract(x, y, out=y)
    np.abs(y, out=y)
    return float(np.count_nonzero(y > DIFFERENT_PIXEL * spread) / len(y))


def difference_share(a: Image.Image | Blurred, b: Image.Image | Blurred) -> float:
    """The share of pixels where 8-bit luma pictures a and b (same orientation) differ.

    The larger is reduced to the smaller's size, both are blurred by BLUR_RADIUS, b's tones are
    fitted to a's by a least-squares line, and a pixel differs when it is off by more than
    DIFFERENT_PIXEL of a's tonal range. Pictures already ``Blurred`` of one size are compared
    as they are (many pairs of one file: each is blurred once).
    """
    if isinstance(a, Blurred) and isinstance(b, Blurred) and a.image.size == b.image.size:
        return _share(a.pixels, b.pixels, a.spread)
    if _pixel_count(a) > _pixel_count(b):
        a, b = b, a
    small = a if isinstance(a, Blurred) else Blurred.of(a)
    b = b.image if isinstance(b, Blurred) else b
    large = Blurred.of(b.resize(small.image.size, Image.Resampling.LANCZOS, reducing_gap=2.0))
    return _share(small.pixels, large.pixels, small.spread)


def _pixel_count(picture: Image.Image | Blurred) -> int:
    image = picture.image if isinstance(picture, Blurred) else picture
    return image.width * image.height


def turned(img: Image.Image, variant: int) -> Image.Image:
    """The picture in orientation ``variant`` (the order of ``orientation_variants``)."""
    return Image.fromarray(np.ascontiguousarray(orientation_variants(np.asarray(img))[variant]))


def compare_files(path_a: str, path_b: str, variant: int, side: int = DETAIL_SIDE) -> float:
    """``difference_share`` of two files, b in orientation ``variant``, at most ``side``
    pixels a side (raises DecodeError for a file that cannot be read)."""
    return difference_share(_gray(path_a, side), turned(_gray(path_b, side), variant))


def preview_item(path: str, side: int) -> str:
    """The pool's work item for a file's picture: at PREVIEW_SIDE from its decode for hashing
    (``preview``), at another ``side`` decoded for it."""
    return f"{side}{_SEPARATOR}{path}"


def _picture(path: str, side: int, data: bytes) -> Image.Image:
    """A file's picture for the stage at ``side`` from its bytes (see ``preview_item``)."""
    return (
        preview(decode_for_hash(data, path).gray)
        if side == PREVIEW_SIDE
        else _gray(path, side, data)
    )


def preview_job(item: str) -> tuple[str, int, int, bytes, bytes, float] | Problem:
    """The pool's work: a ``preview_item``'s picture, blurred here rather than in the scan's
    process, as (path, width, height, 8-bit luma, blurred luma, tonal range)."""
    text, path = item.split(_SEPARATOR, 1)
    side = int(text)
    found = read_guarded(path, lambda path, _size, _mtime_ns, data: _picture(path, side, data))
    if isinstance(found, Problem):
        return found
    picture = Blurred.of(found)
    return (
        path,
        found.width,
        found.height,
        found.tobytes(),
        picture.pixels.tobytes(),
        picture.spread,
    )
