"""A second look at graphics: two files compared pixel by pixel at the smaller one's own size.

Hashes and 32x32 thumbnails see a layout. Icons, cards and slides of one family share their
layout and differ in details a few pixels wide (a club or a spade, one bullet's words), and a
halved thin-line chart looks less like its original at 32x32 than two slides of one template
do. At the smaller picture's own size these differences are plain: a copy, once the larger
picture is reduced to the same size, differs from it only by resampling and compression noise
(never by a quarter of the tonal range, after a slight blur), while different pictures differ
that much on 1 % of their pixels or more. The numbers are in docs/matching.md.

The files are decoded again, so this runs in the worker pool, for the pairs of graphics that
reach it only, in two stages: every file once at PREVIEW_SIDE (``preview_job``), its pairs
compared there in the scan's process, and only the pairs that still look alike at full
detail (``detail_job``; each worker keeps the last files it decoded: the pool is made for
one batch, so a file changed since is never seen from memory). 600 screenshots and slides
of two templates make 27,948 such pairs: the full-detail stage alone took 29 minutes.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image, ImageFilter

from .fingerprint import orientation_variants
from .imageio import DecodeError, open_oriented
from .models import Problem

#: Pictures are compared at the smaller one's size, at most this many pixels on the long side
#: (a slide's words still differ at 1024 px reduced to a third).
DETAIL_SIDE = 512
#: The first stage's size: a copy differs less from its original reduced than at full detail
#: (resampling averages its noise), so a pair over the limit here is over it there too.
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


@lru_cache(maxsize=64)  # a worker's pairs come sorted: a file's pairs mostly follow each other
def _gray(path: str, side: int = DETAIL_SIDE) -> Image.Image:
    """The file upright, transparency flattened onto white, as 8-bit luma of at most ``side``
    pixels on its long side."""
    img = open_oriented(path, side, reduce=False)
    if img.mode == "RGBA":
        img = Image.alpha_composite(Image.new("RGBA", img.size, (255, 255, 255, 255)), img)
    img = img.convert("L")  # one channel to reduce, not three
    img.thumbnail((side, side), Image.Resampling.LANCZOS)
    return img


def _percentile(levels: np.ndarray, share: float) -> int:
    """The 8-bit level below which ``share`` of ``levels`` lie (a sort-free percentile)."""
    counts = np.cumsum(np.bincount(levels.ravel(), minlength=256))
    return int(np.searchsorted(counts, share * counts[-1]))


def difference_share(a: Image.Image, b: Image.Image) -> float:
    """The share of pixels where 8-bit luma pictures a and b (same orientation) differ.

    The larger is reduced to the smaller's size, both are blurred by BLUR_RADIUS, b's tones are
    fitted to a's by a least-squares line, and a pixel differs when it is off by more than
    DIFFERENT_PIXEL of a's tonal range.
    """
    if a.width * a.height > b.width * b.height:
        a, b = b, a
    b = b.resize(a.size, Image.Resampling.LANCZOS, reducing_gap=2.0)
    small = np.asarray(a.filter(ImageFilter.GaussianBlur(BLUR_RADIUS)))
    x = small.ravel().astype(np.float32)
    y = np.asarray(b.filter(ImageFilter.GaussianBlur(BLUR_RADIUS))).ravel().astype(np.float32)
    mx, my = x.mean(), y.mean()
    vy = float(np.dot(y - my, y - my))
    gain = float(np.dot(x - mx, y - my)) / vy if vy > 0 else 0.0
    off = np.abs(x - (mx + gain * (y - my)))
    spread = _percentile(small, 0.98) - _percentile(small, 0.02) + 1.0
    return float(np.count_nonzero(off > DIFFERENT_PIXEL * spread) / len(off))


def pair_item(path_a: str, path_b: str, variant: int) -> str:
    """The pool's work item for a pair: b seen in orientation ``variant`` against a."""
    return _SEPARATOR.join((path_a, path_b, str(variant)))


def split_item(item: str) -> tuple[str, str, int]:
    """The paths and variant of a ``pair_item``."""
    path_a, path_b, variant = item.split(_SEPARATOR)
    return path_a, path_b, int(variant)


def turned(img: Image.Image, variant: int) -> Image.Image:
    """The picture in orientation ``variant`` (the order of ``orientation_variants``)."""
    return Image.fromarray(np.ascontiguousarray(orientation_variants(np.asarray(img))[variant]))


def preview_job(path: str) -> tuple[str, int, int, bytes] | Problem:
    """The pool's first-stage work: (path, width, height, 8-bit luma) at PREVIEW_SIDE."""
    try:
        img = _gray(path, PREVIEW_SIDE)
        return path, img.width, img.height, img.tobytes()
    except DecodeError as exc:
        return Problem(path, str(exc))
    except Exception as exc:  # a decoder bug must cost its pairs (not confirmed), not the scan
        return Problem(path, f"unexpected decoder error: {type(exc).__name__}: {exc}")


def detail_job(item: str) -> tuple[str, float] | Problem:
    """The pool's work: (item, ``difference_share``) for a ``pair_item``, or a Problem naming
    it."""
    path_a, path_b, variant = split_item(item)
    try:
        return item, difference_share(_gray(path_a), turned(_gray(path_b), variant))
    except DecodeError as exc:
        return Problem(item, str(exc))
    except Exception as exc:  # a decoder bug must cost one pair (not confirmed), not the scan
        return Problem(item, f"unexpected decoder error: {type(exc).__name__}: {exc}")
