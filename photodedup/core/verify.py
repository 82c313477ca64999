"""Verify candidate pairs on their pictures: hash agreement, shape, then luma and colour layouts.

The numbers behind every limit are in docs/matching.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .detail import MAX_DIFFERENT_SHARE
from .fingerprint import CHROMA_SIDE, THUMB_SIDE
from .models import Fingerprint

#: Verification limit on pHash + dHash distance, as a multiple of the threshold.
VERIFY_FACTOR = 2.5
#: Graphics compared pixel by pixel (``DetailCheck``) may differ by this multiple of the
#: threshold: a 128 px icon halved moves its pHash by 21 bits (26 with dHash), and the pixel
#: comparison, not the hashes, tells look-alikes apart there.
GRAPHIC_VERIFY_FACTOR = 3.2

#: Compares pairs of files at full detail: for each (path a, path b, b's orientation), the
#: share of pixels that differ (core/detail.py), NaN where it could not be measured.
DetailCheck = Callable[[Sequence[tuple[str, str, int]]], np.ndarray]

#: A turned copy's thumbnail, turned back, correlates with the original's at 0.999 or more on
#: both corpora; two quadrants of one round photo, mirrored, reached 0.983.
TURNED_MIN_CORRELATION = 0.99
#: Upright copies keep the picture's layout: their 16x16 thumbnails correlate at 0.70 or more
#: on our corpora (a watermark; crops 0.84), while look-alikes whose hashes agree (smooth
#: generated pictures) mostly fall below 0.6.
UPRIGHT_MIN_CORRELATION = 0.6

#: Colour photos: the Cb and Cr planes of copies correlate at 0.949 or more on our corpora
#: (a 4 % crop; every other edit 0.96 or more), unrelated pictures whose hashes and luma agree
#: at 0.66 or less (11,333 such pairs in a generated 100,000-file library).
MIN_COLOUR_CORRELATION = 0.85

#: Graphics (``GRAPHIC_FLATNESS``): copies' 32x32 luma, tone-fitted, differs in its worst 2x2
#: block by at most 0.2 of the tonal range (a 128 px icon halved: 0.197; re-encodes 0.12),
#: while slides, cards and icons of one family differ by 0.08 to 0.9, most above 0.2. Photos
#: are exempt: a crop or a watermark moves their texture by up to 0.8.
MAX_GRAPHIC_RESIDUAL = 0.2

#: The 32x32 luma correlation asked of a pair grows with the library (``fine_limit``): from
#: FINE_BASE at FINE_FROM files or fewer, by FINE_PER_DECADE for each tenfold more, to FINE_MAX.
FINE_BASE = 0.6
FINE_FROM = 1_000
FINE_PER_DECADE = 0.1
FINE_MAX = 0.9

#: Copies keep their shape (a 4 % crop or a thin frame changes it by a few %): a landscape
#: photo and a portrait one are never copies, however alike their hashes.
MAX_ASPECT_CHANGE = 1.25

_LUMA = THUMB_SIDE * THUMB_SIDE
_CHROMA = 2 * CHROMA_SIDE * CHROMA_SIDE
_PAIRS_AT_ONCE = 512


def verify_limit(threshold: int) -> int:
    """The most pHash + dHash bits an upright pair may differ by, for a threshold."""
    return int(VERIFY_FACTOR * threshold)


def verified(
    phash_distance: int | np.ndarray,
    dhash_distance: int | np.ndarray,
    threshold: int,
    turned: bool | np.ndarray = False,
    factor: float = VERIFY_FACTOR,
) -> bool | np.ndarray:
    """Whether candidate pairs' hashes agree (works on ints and on numpy arrays alike).

    Upright, both hashes must agree together: their sum within VERIFY_FACTOR * threshold.
    (dHash alone within half the threshold would find a watermarked copy whose pHash moved
    32 bits, but on smooth, low-contrast pictures dHash is nearly constant: a generated
    10,000-photo library then showed 53 false pairs at pHash 26-34, dHash 3-4.)

    ``turned`` pairs (one photo rotated or mirrored) must agree within ``threshold`` on the
    sum: comparing 8 orientations gives chance 8 tries, and round, centred compositions
    (a globe, an eye) look alike upside down. Turned copies are plain transforms of the same
    pixels: on both corpora they sit at 3 bits or less, look-alikes at 15 or more (see also
    ``thumbs_match``). ``factor`` replaces VERIFY_FACTOR (GRAPHIC_VERIFY_FACTOR for graphics
    that ``layouts_match`` compares pixel by pixel).
    """
    total = phash_distance + dhash_distance
    return np.where(turned, total <= threshold, total <= int(factor * threshold))


def _involved(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The photos in pairs (a[i], b[i]), each once, and each side's position among them."""
    used, pos = np.unique(np.concatenate([a, b]), return_inverse=True)
    return used, pos[: len(a)], pos[len(a) :]


def _turned(y: np.ndarray, variant: np.ndarray) -> np.ndarray:
    """Each grid y[i] ((n, side, side)) turned by variant[i]."""
    y = y.copy()
    for v in np.unique(variant).tolist():
        sel = variant == v
        # The order of fingerprint.orientation_variants: turns of the block, then of its mirror.
        base = y[sel] if v < 4 else np.flip(y[sel], axis=2)
        y[sel] = np.rot90(base, v % 4, axes=(1, 2))
    return y


def _correlation(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per pair, x[i] against y[i] ((n, planes, side, side)): the planes' means taken out,
    one joint scale (a saturation change scales both chroma planes alike)."""
    x = x - x.mean(axis=(2, 3), keepdims=True)
    y = y - y.mean(axis=(2, 3), keepdims=True)
    xx, yy = (x * x).sum(axis=(1, 2, 3)), (y * y).sum(axis=(1, 2, 3))
    norm = np.sqrt(xx * yy)
    return np.where(norm > 0, (x * y).sum(axis=(1, 2, 3)) / np.where(norm > 0, norm, 1.0), -1.0)


@dataclass(frozen=True, slots=True)
class LayoutScores:
    """Per pair: how alike the two pictures are, b turned to a (NaN where not measurable)."""

    coarse: np.ndarray  # luma correlation at 16x16
    fine: np.ndarray  # luma correlation at 32x32
    colour: np.ndarray  # Cb+Cr correlation at 8x8; NaN when either photo has no colour
    residual: np.ndarray  # 32x32 luma after a tone fit: worst 2x2 block, share of the range;
    # NaN unless ``graphic``
    graphic: np.ndarray  # either picture is mostly flat areas (``flatness``)
    real: np.ndarray  # both have thumbnails (a results file's fingerprints have none)


#: Chroma planes varying less than this (RMS, in 8-bit levels) carry no colour to compare: a
#: grayscale photo saved in colour, or a gray copy of a colour one.
MIN_CHROMA_RMS = 2.0


def carries_colour(chroma: np.ndarray) -> np.ndarray:
    """Per file, its Cb and Cr planes ((n, 2, side, side)) vary by MIN_CHROMA_RMS or more."""
    return chroma.astype(np.float64).std(axis=(2, 3)).max(axis=1) >= MIN_CHROMA_RMS


#: A 32x32 luma thumbnail whose pixels are this share or more flat (their right and lower
#: neighbours within 2 levels) is a graphic (icon, slide, card, chart: mostly 0.35 to 0.77 in
#: benchmarks/graphics.py). Photos' texture keeps them lower, but a fundus photo's black
#: surround reaches 0.26, and a crop moves its edge (residual 0.49).
GRAPHIC_FLATNESS = 0.3


def flatness(luma: np.ndarray) -> np.ndarray:
    """Per thumbnail ((n, side, side), uint8): the share of pixels in flat areas."""
    # On the uint8 pixels (max - min: no int16 copies) and summed row by row: 0.24 s for
    # 100,000 thumbnails instead of 0.63 (the layout search measures every file).
    here = luma[:, :-1, :-1]
    right, down = luma[:, :-1, 1:], luma[:, 1:, :-1]
    flat = (np.maximum(here, right) - np.minimum(here, right)) <= 2
    flat &= (np.maximum(here, down) - np.minimum(here, down)) <= 2
    return flat.reshape(len(luma), -1).sum(axis=1) / flat[0].size


def luma_grids(fps: Sequence[Fingerprint]) -> tuple[np.ndarray, np.ndarray]:
    """The files' 32x32 luma thumbnails ((n, 32, 32) uint8, zeros where a file has none) and
    which files have one."""
    luma = [fp.thumb[:_LUMA] for fp in fps]
    real = np.array([len(t) == _LUMA for t in luma], dtype=bool)
    joined = b"".join(t if ok else bytes(_LUMA) for t, ok in zip(luma, real, strict=True))
    return np.frombuffer(joined, np.uint8).reshape(-1, THUMB_SIDE, THUMB_SIDE), real


def graphics(fps: Sequence[Fingerprint], indices: np.ndarray) -> np.ndarray:
    """Per index: fps[i] is a graphic (its 32x32 luma mostly flat, see GRAPHIC_FLATNESS)."""
    grids, real = luma_grids([fps[i] for i in indices.tolist()])
    runs = range(0, len(grids), _PAIRS_AT_ONCE)  # int16 copies of every grid at once: 200 MB
    flat = np.concatenate([flatness(grids[s : s + _PAIRS_AT_ONCE]) for s in runs] or [[]])
    return real & (flat >= GRAPHIC_FLATNESS)


def is_graphic(fp: Fingerprint) -> bool:
    """``graphics`` of one file, in a third of its time: a scan's worker asks it of every file
    (30 us a file was 5 % of a small generated file's fingerprint)."""
    if len(fp.thumb) < _LUMA:
        return False
    grid = np.frombuffer(fp.thumb, np.uint8, _LUMA).reshape(THUMB_SIDE, THUMB_SIDE)
    grid = grid.astype(np.int16)
    here = grid[:-1, :-1]
    flat = (np.abs(grid[:-1, 1:] - here) <= 2) & (np.abs(grid[1:, :-1] - here) <= 2)
    return np.count_nonzero(flat) / flat.size >= GRAPHIC_FLATNESS


def _halved(x: np.ndarray) -> np.ndarray:
    """Each grid of x ((n, side, side)) reduced to half its side by 2x2 sums."""
    return x[:, ::2, ::2] + x[:, 1::2, ::2] + x[:, ::2, 1::2] + x[:, 1::2, 1::2]


def _residual(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per pair ((n, side, side)): y mapped onto x's tones by a least-squares line, the worst
    2x2 block's mean difference as a share of x's tonal range (2nd to 98th percentile)."""
    flat_x, flat_y = x.reshape(len(x), -1), y.reshape(len(y), -1)
    mx, my = flat_x.mean(axis=1, keepdims=True), flat_y.mean(axis=1, keepdims=True)
    vy = ((flat_y - my) ** 2).sum(axis=1, keepdims=True)
    gain = np.where(vy > 0, ((flat_x - mx) * (flat_y - my)).sum(axis=1, keepdims=True), 0.0)
    gain = gain / np.where(vy > 0, vy, 1.0)
    off = np.abs(flat_x - (mx + gain * (flat_y - my))).reshape(x.shape)
    blocks = _halved(off).max(axis=(1, 2)) / 4
    spread = np.percentile(flat_x, 98, axis=1) - np.percentile(flat_x, 2, axis=1)
    return blocks / (spread + 1.0)


def layout_scores(
    fps: Sequence[Fingerprint], a: np.ndarray, b: np.ndarray, variant: np.ndarray
) -> LayoutScores:
    """The layout scores of pairs (fps[a[i]], fps[b[i]] turned by variant[i]), all at once."""
    used, pa, pb = _involved(a, b)
    thumbs = [fps[i].thumb for i in used.tolist()]
    real = np.array([len(t) in (_LUMA, _LUMA + _CHROMA) for t in thumbs], dtype=bool)
    has_chroma = np.array([len(t) == _LUMA + _CHROMA for t in thumbs], dtype=bool)
    luma_bytes = (t[:_LUMA] if ok else bytes(_LUMA) for t, ok in zip(thumbs, real, strict=True))
    luma = np.frombuffer(b"".join(luma_bytes), np.uint8).reshape(-1, 1, THUMB_SIDE, THUMB_SIDE)
    pairs = zip(thumbs, has_chroma, strict=True)
    chroma_bytes = (t[_LUMA:] if c else bytes(_CHROMA) for t, c in pairs)
    chroma = np.frombuffer(b"".join(chroma_bytes), np.uint8)
    chroma = chroma.reshape(-1, 2, CHROMA_SIDE, CHROMA_SIDE)
    coloured = has_chroma & carries_colour(chroma)
    # In runs, like the pairs below: int16 copies of 100,000 thumbnails would take 200 MB.
    runs = range(0, len(luma), _PAIRS_AT_ONCE)
    flat = np.concatenate([flatness(luma[s : s + _PAIRS_AT_ONCE, 0]) for s in runs] or [[]])
    flat = flat >= GRAPHIC_FLATNESS
    n = len(a)
    coarse, fine, residual = np.empty(n), np.empty(n), np.full(n, np.nan)
    colour = np.full(n, np.nan)
    for s in range(0, n, _PAIRS_AT_ONCE):  # some 30 MB of floating-point temporaries
        part = slice(s, s + _PAIRS_AT_ONCE)
        v = variant[part]
        x = luma[pa[part]].astype(np.float64)
        y = _turned(luma[pb[part]][:, 0].astype(np.float64), v)[:, None]
        fine[part] = _correlation(x, y)
        # 16x16 by 2x2 sums: the thumbnail these checks were measured on before 32x32.
        coarse[part] = _correlation(_halved(x[:, 0])[:, None], _halved(y[:, 0])[:, None])
        graphic = flat[pa[part]] | flat[pb[part]]
        if graphic.any():  # the residual only matters for graphics (and costs a percentile)
            out = residual[part]
            out[graphic] = _residual(x[graphic, 0], y[graphic, 0])
            residual[part] = out
        both = coloured[pa[part]] & coloured[pb[part]]
        if both.any():
            cx = chroma[pa[part]][both].astype(np.float64)
            cy = chroma[pb[part]][both].astype(np.float64)
            vb = v[both]
            cy = np.stack([_turned(cy[:, k], vb) for k in range(2)], axis=1)
            out = colour[part]
            out[both] = _correlation(cx, cy)
            colour[part] = out
    graphic = flat[pa] | flat[pb]
    return LayoutScores(coarse, fine, colour, residual, graphic, real[pa] & real[pb])


def _tints(fps: Sequence[Fingerprint], indices: np.ndarray) -> np.ndarray:
    """Per index ((n, 2)): how fps[i]'s Cb and Cr follow its luma at 8x8 (the least-squares
    slopes, means taken out): which colour its light parts have against its dark parts.

    Both planes come from one cut of one file, so unlike a correlation of two files' planes
    this does not depend on where each file's frame was trimmed.
    """
    out = np.zeros((len(indices), 2))
    cell = THUMB_SIDE // CHROMA_SIDE
    for k, i in enumerate(indices.tolist()):
        thumb = fps[i].thumb
        if len(thumb) != _LUMA + _CHROMA:
            continue
        luma = np.frombuffer(thumb[:_LUMA], np.uint8).astype(np.float64)
        y = luma.reshape(CHROMA_SIDE, cell, CHROMA_SIDE, cell).mean(axis=(1, 3)).ravel()
        c = np.frombuffer(thumb[_LUMA:], np.uint8).astype(np.float64).reshape(2, -1)
        y -= y.mean()
        c -= c.mean(axis=1, keepdims=True)
        out[k] = c @ y / max(float(y @ y), 1e-9)
    return out


def tints_match(fps: Sequence[Fingerprint], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair: the two files' tints (``_tints``) point the same way, cosine at least
    MIN_COLOUR_CORRELATION (copies of the graphics corpus: 0.985 and more; one icon in
    other colours, whose luma is the same: 0.71 at most)."""
    used, pa, pb = _involved(a, b)
    t = _tints(fps, used)
    ta, tb = t[pa], t[pb]
    norm = np.linalg.norm(ta, axis=1) * np.linalg.norm(tb, axis=1)
    cos = (ta * tb).sum(axis=1) / np.where(norm > 0, norm, 1.0)
    return (norm > 0) & (cos >= MIN_COLOUR_CORRELATION)


def fine_limit(library_size: int) -> float:
    """The least 32x32 luma correlation a pair needs in a library of this many photos."""
    decades = np.log10(max(library_size, FINE_FROM) / FINE_FROM)
    return float(min(FINE_BASE + FINE_PER_DECADE * decades, FINE_MAX))


def layouts_match(
    fps: Sequence[Fingerprint],
    a: np.ndarray,
    b: np.ndarray,
    variant: np.ndarray,
    library_size: int,
    detail: DetailCheck | None = None,
    hashes_close: np.ndarray | None = None,
    pixels_decide: np.ndarray | None = None,
) -> np.ndarray:
    """Per pair: fps[b[i]] turned by variant[i] shows fps[a[i]]'s picture.

    Upright copies keep the picture's layout at 16x16 (UPRIGHT_MIN_CORRELATION) and at 32x32
    (``fine_limit``, stricter in a larger library), and its colours (MIN_COLOUR_CORRELATION,
    when both photos have colour: a gray copy is compared on luma). Turned copies are plain
    transforms of the same pixels, held to TURNED_MIN_CORRELATION at 16x16.

    Graphics (either side mostly flat) keep their colours too, and are then compared pixel by
    pixel: by ``detail`` at the smaller file's own size when given (core/detail.py: it alone
    decides, hashes within GRAPHIC_VERIFY_FACTOR), or else at 32x32 with their layout, tones
    fitted (MAX_GRAPHIC_RESIDUAL). ``hashes_close`` says which pairs' hashes are within the
    photos' limit (all of them when None): only graphics with ``detail`` may go beyond it.
    ``pixels_decide`` marks pairs that ``detail`` alone decides (after the colour check, or
    failing it, ``tints_match``), graphics or not: the layout search's candidates
    (core/layout_search.py).
    """
    s = layout_scores(fps, a, b, variant)
    coarse = np.where(variant != 0, TURNED_MIN_CORRELATION, UPRIGHT_MIN_CORRELATION)
    colour = np.isnan(s.colour) | (np.nan_to_num(s.colour) >= MIN_COLOUR_CORRELATION)
    close = np.ones(len(a), dtype=bool) if hashes_close is None else hashes_close
    layout = close & s.real & (s.coarse >= coarse) & (s.fine >= fine_limit(library_size))
    if detail is None:
        residual = np.nan_to_num(s.residual, nan=np.inf) <= MAX_GRAPHIC_RESIDUAL
        return layout & colour & (~s.graphic | residual)
    by_pixels = s.graphic if pixels_decide is None else s.graphic | pixels_decide
    ok = layout & colour & ~by_pixels
    if pixels_decide is not None:
        # Their frames may be cut apart (JPEG ringing in a margin), which misaligns the
        # colour planes: the tints, taken within each file, do not depend on the cut.
        (retry,) = np.nonzero(pixels_decide & ~colour)
        colour[retry] = tints_match(fps, a[retry], b[retry])
    (ask,) = np.nonzero(s.real & colour & by_pixels)
    if len(ask):
        pairs = [(fps[a[i]].path, fps[b[i]].path, int(variant[i])) for i in ask.tolist()]
        ok[ask] = np.nan_to_num(detail(pairs), nan=np.inf) <= MAX_DIFFERENT_SHARE
    return ok


def thumbs_match(a: Fingerprint, b: Fingerprint, variant: int, library_size: int) -> bool:
    """b seen in orientation ``variant`` shows a's picture (see ``layouts_match``)."""
    one = np.array([variant])
    return bool(layouts_match([a, b], np.array([0]), np.array([1]), one, library_size)[0])


def same_shapes(
    fps: Sequence[Fingerprint], a: np.ndarray, b: np.ndarray, variant: np.ndarray
) -> np.ndarray:
    """Per pair: a's aspect ratio within MAX_ASPECT_CHANGE of b's, as b is turned."""
    used, pa, pb = _involved(a, b)
    sizes = np.array([(fps[i].width, fps[i].height) for i in used.tolist()], dtype=np.float64)
    ratio = np.log(np.maximum(sizes.reshape(-1, 2), 1.0)) @ np.array([1.0, -1.0])
    ra, rb = ratio[pa], ratio[pb]
    quarter = (variant % 2) == 1  # 90 and 270 degree turns swap width and height
    return np.abs(ra - np.where(quarter, -rb, rb)) <= np.log(MAX_ASPECT_CHANGE)


def same_shape(a: Fingerprint, b: Fingerprint, variant: int) -> bool:
    """a's aspect ratio is within MAX_ASPECT_CHANGE of b's, b turned by ``variant``."""
    return bool(same_shapes([a, b], np.array([0]), np.array([1]), np.array([variant]))[0])
