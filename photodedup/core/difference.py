"""What differs between a keeper and one copy: the two pictures aligned, a heat map, a verdict.

The copy is decoded as it is shown (EXIF orientation applied, a RAW's preview), turned back
by the dihedral variant that lines it up (the order of ``fingerprint.orientation_variants``,
as the matcher's links use), its frame cut as the fingerprint finds it
(``fingerprint.border_box``) where that fits better, cropped when it shows a part of the
keeper (or the keeper a part of it), placed to a pixel, and scaled onto the keeper's picture.
The difference is measured after fitting the copy's colours to the keeper's, so a brighter
or re-toned copy shows where it was edited, not everywhere. The verdict says in a few words
what kind of difference remains (``Verdict``) and where (``Region``); the GUI words it.
benchmarks/differences.py gives the verdicts per kind of copy on a corpus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PIL import Image, ImageFilter

from .fingerprint import border_box
from .imageio import DecodeError, open_oriented

#: Pictures are decoded for the view at most this long side (the keeper's picture sets the
#: size both are shown at).
VIEW_SIDE = 2048
#: The difference is measured at most this long side (and never above the smaller picture's
#: own size, so a resized copy is compared at its own detail, not on its upscaling blur).
ANALYSIS_SIDE = 640
#: Both pictures are blurred this much (pixels at the analysis size) before they are
#: compared: compression blocks and resampling ringing fall below the limit below.
BLUR_RADIUS = 1.0
#: A pixel differs when, colours fitted, a channel is this many levels (of 255) off after the
#: blur. On the tests' 1200x900 library photo (tests/conftest.py), no pixel away from the
#: edges of a 50 % resize, JPEG quality 40, WebP 80, HEIC, a 4 % crop or a frame (each lined
#: up) reaches 12; the watermark's pixels reach 96 and more.
CHANGED_LEVELS = 24
#: The heat map is full red at this many levels of difference.
HEAT_FULL_LEVELS = 96
#: The verdict leaves out this share of each side (see ``compare_pictures``).
EDGE_MARGIN = 0.02
#: Below this share of differing pixels the copy is the same picture (noise at most).
NOISE_SHARE = 0.003
#: Differing pixels whose middle 90 % span at most this share of the width and of the height
#: are one edit in one part of the picture.
LOCAL_SPAN = 0.5
#: A copy whose colours the fit changes by this many levels on average was re-toned.
TONE_LEVELS = 6.0
#: Another orientation than the matcher's (or upright) is chosen only when its layout
#: correlates this much better: a symmetric picture must not turn on noise.
TURN_MARGIN = 0.02
#: Crops are looked for down to this share of the keeper's side (the matcher's own limit
#: for a frame is 20 %: copies cropped more do not group).
MIN_CROP_SCALE = 0.8
#: A crop is taken only when it fits this much better (mean difference) than no crop.
CROP_GAIN = 0.7

#: The colour fit is made on about this many pixels.
FIT_SAMPLE = 20_000

#: A placement is refined at this long side (from the coarse search's 96 px), then at the
#: size the difference is measured, by up to REFINE_REACH pixels: a crop found coarsely,
#: or no crop (a frame cut a pixel apart).
REFINE_SIDE = 320
REFINE_REACH = (4, 2)
#: Without a crop, a refined placement is taken only when it fits this much better.
REFINE_GAIN = 0.9
#: A placement that leaves out more than this share of a picture is reported as a crop.
CROP_AREA = 0.02

_SEARCH_SIDE = 96  # long side of the coarse crop search

#: (left, top, right, bottom) as shares of a picture's width and height.
Box = tuple[float, float, float, float]
FULL: Box = (0.0, 0.0, 1.0, 1.0)


class Verdict(StrEnum):
    """What kind of difference remains once the copy is aligned to the keeper."""

    SAME_PIXELS = "same_pixels"  # equal to within rounding
    NOISE = "noise"  # compression or resampling noise only
    TONE = "tone"  # brightness or colours changed (black and white, a filter), shapes kept
    LOCAL = "local"  # an edit in one part of the picture (``Region``)
    WIDE = "wide"  # differs across much of the picture


class Region(StrEnum):
    """Where the differences are: a ninth of the picture, or all over it."""

    TOP_LEFT = "top-left"
    TOP = "top"
    TOP_RIGHT = "top-right"
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"
    BOTTOM_LEFT = "bottom-left"
    BOTTOM = "bottom"
    BOTTOM_RIGHT = "bottom-right"
    WHOLE = "whole"


_GRID = (
    (Region.TOP_LEFT, Region.TOP, Region.TOP_RIGHT),
    (Region.LEFT, Region.CENTRE, Region.RIGHT),
    (Region.BOTTOM_LEFT, Region.BOTTOM, Region.BOTTOM_RIGHT),
)


class UnreadablePicture(Exception):
    """One of the two files cannot be decoded; ``reason`` is the decoder's message."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Difference:
    """A keeper and a copy lined up, and what differs between them.

    ``keeper`` and ``copy`` are (h, w, 3) uint8 pictures of one size: the keeper's picture
    (its frame left out) and the copy turned, cut and scaled onto it. ``heat`` is (h, w)
    float32 in 0..1, the difference after the colour fit (1: HEAT_FULL_LEVELS or more).
    """

    keeper: np.ndarray
    copy: np.ndarray
    heat: np.ndarray
    verdict: Verdict
    region: Region
    changed_share: float  # share of the picture that differs beyond noise
    variant: int  # the orientation the copy was turned by (0: upright)
    keeper_framed: bool  # a frame around the keeper was left out
    copy_framed: bool  # a frame around the copy was left out
    cropped: bool  # one picture shows only a part of the other: that part is compared
    tone_changed: bool  # the copy's brightness or colours differ over the whole picture
    residual: float  # mean difference after alignment and colour fit, in levels of 255


def turn(pixels: np.ndarray, variant: int) -> np.ndarray:
    """A picture ((h, w) or (h, w, c)) in orientation ``variant`` (0-3: turned 0, 90, 180, 270
    degrees counter-clockwise; 4-7: mirrored left-right, then turned)."""
    base = pixels[:, ::-1] if variant >= 4 else pixels
    return np.ascontiguousarray(np.rot90(base, variant % 4, axes=(0, 1)))


def load_picture(path: str, max_side: int = VIEW_SIDE) -> np.ndarray:
    """A photo as shown (upright, a RAW's preview), RGB uint8, transparency on white, its
    long side at most ``max_side``; raises UnreadablePicture with the reason."""
    if not os.path.isfile(path):
        raise UnreadablePicture(path, "file disappeared before it could be read")
    if not os.access(path, os.R_OK):
        raise UnreadablePicture(path, "permission denied")
    try:
        img = open_oriented(path, max_side)
    except DecodeError as exc:
        raise UnreadablePicture(path, str(exc)) from None
    except MemoryError:
        raise UnreadablePicture(path, "not enough memory to decode this image") from None
    except OSError as exc:
        raise UnreadablePicture(path, f"cannot read file: {exc.strerror or exc}") from None
    if img.mode == "RGBA":
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, img)
    return np.asarray(img.convert("RGB"))


def _gray(rgb: np.ndarray) -> np.ndarray:
    return np.asarray(Image.fromarray(rgb).convert("L"))


def _content(rgb: np.ndarray) -> tuple[np.ndarray, bool]:
    """The picture inside a uniform frame, and whether there was one."""
    box = border_box(_gray(rgb))
    if box is None:
        return rgb, False
    left, top, right, bottom = box
    return rgb[top:bottom, left:right], True


def _resized(rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``rgb`` at (width, height); reductions average (BOX), enlargements interpolate."""
    h, w = rgb.shape[:2]
    if (w, h) == size:
        return rgb
    shrink = size[0] <= w and size[1] <= h
    method = Image.Resampling.BOX if shrink else Image.Resampling.BICUBIC
    return np.asarray(Image.fromarray(rgb).resize(size, method))


def _fit_size(size: tuple[int, int], side: int) -> tuple[int, int]:
    w, h = size
    scale = min(1.0, side / max(w, h))
    return max(1, round(w * scale)), max(1, round(h * scale))


def _layout(rgb: np.ndarray, side: int = 32) -> np.ndarray:
    """The luma of a picture squeezed to side x side, mean removed, unit norm."""
    small = np.asarray(Image.fromarray(rgb).convert("L").resize((side, side), Image.Resampling.BOX))
    x = small.astype(np.float64) - small.mean()
    norm = np.sqrt((x * x).sum())
    return x / norm if norm > 0 else x


def best_turn(keeper: np.ndarray, copy: np.ndarray, hint: int | None = None) -> int:
    """The orientation that lines ``copy`` up with ``keeper``: the one whose layout correlates
    best, unless ``hint`` (the matcher's) or upright is within TURN_MARGIN of it."""
    target = _layout(_reduced(keeper, 128))
    copy = _reduced(copy, 128)
    scores = [float((target * _layout(turn(copy, v))).sum()) for v in range(8)]
    best = int(np.argmax(scores))
    for preferred in (hint, 0):
        if preferred is not None and scores[preferred] >= scores[best] - TURN_MARGIN:
            return preferred
    return best


def _reduced(rgb: np.ndarray, side: int) -> np.ndarray:
    """``rgb`` with its long side at most ``side``."""
    h, w = rgb.shape[:2]
    return _resized(rgb, _fit_size((w, h), side))


def _small(rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return _resized(rgb, size).astype(np.float32).mean(axis=2)


def _find_crop(
    big: np.ndarray, part: np.ndarray
) -> tuple[float, float, float, float, float] | None:
    """Where ``part`` sits inside ``big`` (both (h, w, 3)), as (left, top, right, bottom)
    shares of ``big`` and the mean difference there; None when no crop fits CROP_GAIN
    better than the whole picture."""
    bh, bw = big.shape[:2]
    size = _fit_size((bw, bh), _SEARCH_SIDE)
    ph, pw = part.shape[:2]
    part = _reduced(part, 2 * _SEARCH_SIDE)  # resized once, not at every scale
    base = _small(big, size)
    whole = float(np.abs(base - _small(part, size)).mean())
    best: tuple[float, int, int, int, int] | None = None
    for scale in np.arange(MIN_CROP_SCALE, 1.0, 0.01):
        # The part, scaled as it would appear inside big at this scale (aspect from part).
        w = round(size[0] * scale)
        h = round(w * ph / pw)
        if h > size[1] or w < 8 or h < 8:
            continue
        tile = _small(part, (w, h))
        windows = np.lib.stride_tricks.sliding_window_view(base, (h, w))
        # Mean absolute difference at every offset, tones left as they are (crops keep them).
        cost = np.abs(windows - tile).mean(axis=(2, 3))
        y, x = np.unravel_index(int(np.argmin(cost)), cost.shape)
        value = float(cost[y, x])
        if best is None or value < best[0]:
            best = (value, int(x), int(y), w, h)
    if best is None or best[0] > CROP_GAIN * whole:
        return None
    value, x, y, w, h = best
    sx, sy = bw / size[0], bh / size[1]
    return x * sx / bw, y * sy / bh, (x + w) * sx / bw, (y + h) * sy / bh, value


def _cut(rgb: np.ndarray, box: Box) -> np.ndarray:
    h, w = rgb.shape[:2]
    left, top, right, bottom = box
    return rgb[round(top * h) : round(bottom * h), round(left * w) : round(right * w)]


def _cost(base: np.ndarray, tile: np.ndarray) -> np.ndarray:
    """Mean absolute difference of ``tile`` at every offset in ``base``, each window's mean
    taken out (a re-toned copy fits where its shapes fit)."""
    windows = np.lib.stride_tricks.sliding_window_view(base, tile.shape)
    diff = windows - tile
    return np.abs(diff - diff.mean(axis=(2, 3), keepdims=True)).mean(axis=(2, 3))


def _refine(
    big: np.ndarray, part: np.ndarray, box: Box, side: int, reach: int
) -> tuple[Box, float]:
    """Where ``part`` fits best in ``big``: ``box`` (shares of ``big``) moved and resized by
    up to ``reach`` pixels at ``side``, the part keeping its shape; and the cost there."""
    bh, bw = big.shape[:2]
    width, height = _fit_size((bw, bh), side)
    base = _small(big, (width, height))
    ph, pw = part.shape[:2]
    source = _reduced(part, 2 * side)
    left, top, right, bottom = box[0] * width, box[1] * height, box[2] * width, box[3] * height
    best: tuple[float, Box] = (float("inf"), box)
    # Each width with the height that keeps the part's shape, and a pixel either side of it
    # (a crop's rounding, a frame cut a pixel apart).
    sizes = [
        (w, round(w * ph / pw) + dh)
        for w in range(round(right - left) - reach, round(right - left) + reach + 1)
        for dh in (-1, 0, 1)
    ]
    for w, h in sizes:
        if not (8 <= w <= width and 8 <= h <= height):
            continue
        x0, y0 = round((left + right - w) / 2), round((top + bottom - h) / 2)
        xa, ya = max(0, x0 - reach), max(0, y0 - reach)
        xb, yb = min(width - w, x0 + reach), min(height - h, y0 + reach)
        if xb < xa or yb < ya:
            continue
        cost = _cost(base[ya : yb + h, xa : xb + w], _small(source, (w, h)))
        y, x = (int(v) for v in np.unravel_index(int(np.argmin(cost)), cost.shape))
        if float(cost[y, x]) < best[0]:
            x, y = xa + x, ya + y
            placed = (x / width, y / height, (x + w) / width, (y + h) / height)
            best = (float(cost[y - ya, x - xa]), placed)
    return best[1], best[0]


def _plain_cost(big: np.ndarray, part: np.ndarray, side: int) -> float:
    """The ``_cost`` of ``part`` scaled onto all of ``big``, at ``side``."""
    bh, bw = big.shape[:2]
    size = _fit_size((bw, bh), side)
    return float(_cost(_small(big, size), _small(part, size))[0, 0])


def _align(keeper: np.ndarray, copy: np.ndarray) -> tuple[np.ndarray, np.ndarray, bool]:
    """Keeper and copy cut to the part both show: a crop found coarsely (``_find_crop``), then
    any placement (a crop, a frame cut a pixel apart) fitted to a pixel at the size the
    difference is measured. Returns both pictures and whether one is a crop of the other."""
    ch, cw = copy.shape[:2]
    kh, kw = keeper.shape[:2]
    side = min(ANALYSIS_SIDE, max(min(kw, cw), min(kh, ch)))
    inside, outside = _find_crop(keeper, copy), _find_crop(copy, keeper)
    if inside is not None and (outside is None or inside[4] <= outside[4]):
        starts = [(True, inside[:4], REFINE_REACH[0])]
    elif outside is not None:
        starts = [(False, outside[:4], REFINE_REACH[0])]
    else:  # no crop: the placement may still be a pixel or two off, either way round
        starts = [(True, FULL, REFINE_REACH[1]), (False, FULL, REFINE_REACH[1])]
    plain = _plain_cost(keeper, copy, side)
    best: tuple[float, bool, Box] = (float("inf"), True, FULL)
    for in_keeper, box, reach in starts:
        big, part = (keeper, copy) if in_keeper else (copy, keeper)
        box, _ = _refine(big, part, box, min(side, REFINE_SIDE), reach)
        box, cost = _refine(big, part, box, side, 1)
        if cost < best[0]:
            best = (cost, in_keeper, box)
    cost, in_keeper, box = best
    found = inside is not None or outside is not None
    if not found and cost > REFINE_GAIN * plain:
        return keeper, copy, False  # the plain scaling fits as well: nothing to move
    area = (box[2] - box[0]) * (box[3] - box[1])
    if in_keeper:
        keeper = _cut(keeper, box)
    else:
        copy = _cut(copy, box)
    return keeper, copy, area < 1 - CROP_AREA


def _colour_fit(copy: np.ndarray, keeper: np.ndarray) -> np.ndarray:
    """The copy's pixels ((n, c) float) mapped onto the keeper's colours by an affine
    transform, fitted twice (on a sample of FIT_SAMPLE pixels): the second time without the
    pixels an edit changed."""
    step = max(1, len(copy) // FIT_SAMPLE)
    x = np.concatenate([copy[::step], np.ones((len(copy[::step]), 1))], axis=1)
    y = keeper[::step]
    use = np.ones(len(x), dtype=bool)
    for _ in range(2):
        # The normal equations: a small system however many pixels (a gray copy's is
        # singular: lstsq then takes the least-norm solution).
        xu = x[use]
        matrix, *_rest = np.linalg.lstsq(xu.T @ xu, xu.T @ y[use], rcond=None)
        off = np.abs(x @ matrix - y).max(axis=1)
        use = off <= max(CHANGED_LEVELS, float(np.percentile(off, 80)))
        if use.sum() < 16:
            break
    return copy @ matrix[:-1] + matrix[-1]


def _region(changed: np.ndarray) -> Region:
    """Where the changed pixels are: the ninth of the picture their middle lies in when they
    span at most LOCAL_SPAN of each side, else the whole picture."""
    ys, xs = np.nonzero(changed)
    h, w = changed.shape
    x0, x1 = np.percentile(xs, (5, 95))
    y0, y1 = np.percentile(ys, (5, 95))
    if (x1 - x0) > LOCAL_SPAN * w or (y1 - y0) > LOCAL_SPAN * h:
        return Region.WHOLE
    cx, cy = (x0 + x1) / 2 / w, (y0 + y1) / 2 / h
    return _GRID[min(2, int(cy * 3))][min(2, int(cx * 3))]


def compare_pictures(keeper: np.ndarray, copy: np.ndarray, hint: int | None = None) -> Difference:
    """Align ``copy`` to ``keeper`` (RGB uint8 arrays as shown) and measure what differs.

    ``hint`` is the orientation the matcher found for the copy, if any.
    """
    cut_keeper, keeper_framed = _content(keeper)
    cut_copy, copy_framed = _content(copy)
    variant = best_turn(cut_keeper, cut_copy, hint)
    copy, cut_copy = turn(copy, variant), turn(cut_copy, variant)
    # A frame found on a side is cut when that fits better: a "frame" on both sides can be
    # the picture's own uniform edges (a night sky, a studio backdrop), found a pixel apart.
    options = []
    for k in {False, keeper_framed}:
        for c in {False, copy_framed}:
            pair = (cut_keeper if k else keeper, cut_copy if c else copy)
            options.append((_plain_cost(*pair, _SEARCH_SIDE), k, c))
    _, keeper_framed, copy_framed = min(options)  # on a tie, nothing cut
    keeper = cut_keeper if keeper_framed else keeper
    copy = cut_copy if copy_framed else copy
    keeper, copy, cropped = _align(keeper, copy)
    kh, kw = keeper.shape[:2]
    aligned = _resized(copy, (kw, kh))

    # Measured at the smaller picture's detail, both pictures blurred alike.
    ch, cw = copy.shape[:2]
    size = _fit_size((min(kw, cw), min(kh, ch)), ANALYSIS_SIDE)
    blur = ImageFilter.GaussianBlur(BLUR_RADIUS)
    k_small = Image.fromarray(_resized(keeper, size)).filter(blur)
    c_small = Image.fromarray(_resized(copy, size)).filter(blur)
    k = np.asarray(k_small, dtype=np.float64).reshape(-1, 3)
    c = np.asarray(c_small, dtype=np.float64).reshape(-1, 3)
    fitted = _colour_fit(c, k)
    off = np.abs(fitted - k).max(axis=1).reshape(size[1], size[0])
    # A frame cut or a crop found to within a pixel leaves a sliver at the edges: the verdict
    # looks inside EDGE_MARGIN of each side (the heat map shows everything).
    my, mx = (max(1, round(EDGE_MARGIN * n)) for n in off.shape)
    changed = off[my:-my, mx:-mx] > CHANGED_LEVELS
    share = float(changed.mean())
    tone_changed = float(np.abs(fitted - c).mean()) > TONE_LEVELS

    luma_k = np.asarray(k_small.convert("L"), dtype=np.float64).ravel()
    luma_c = np.asarray(c_small.convert("L"), dtype=np.float64).ravel()
    luma_fit = _colour_fit(luma_c[:, None], luma_k[:, None])[:, 0]
    luma_off = np.abs(luma_fit - luma_k).reshape(off.shape)[my:-my, mx:-mx]
    luma_share = float((luma_off > CHANGED_LEVELS).mean())

    region = Region.WHOLE
    if np.array_equal(keeper, aligned) or (
        not tone_changed and int(np.abs(keeper.astype(np.int16) - aligned).max()) <= 2
    ):
        verdict = Verdict.SAME_PIXELS
    elif share < NOISE_SHARE:
        verdict = Verdict.TONE if tone_changed else Verdict.NOISE
    elif (region := _region(changed)) is not Region.WHOLE:
        verdict = Verdict.LOCAL  # an edit in one place, whatever it did to the tones
    elif luma_share < NOISE_SHARE:
        verdict = Verdict.TONE  # colours changed all over, the shapes kept
    else:
        verdict = Verdict.WIDE

    heat_small = Image.fromarray(np.clip(off * (255.0 / HEAT_FULL_LEVELS), 0, 255).astype(np.uint8))
    heat = np.asarray(heat_small.resize((kw, kh), Image.Resampling.BILINEAR), dtype=np.float32)
    return Difference(
        keeper=np.ascontiguousarray(keeper),
        copy=np.ascontiguousarray(aligned),
        heat=heat / 255.0,
        verdict=verdict,
        region=region,
        changed_share=share,
        variant=variant,
        keeper_framed=keeper_framed,
        copy_framed=copy_framed,
        cropped=cropped,
        tone_changed=tone_changed,
        residual=float(np.abs(fitted - k).mean()),
    )


def compare_files(
    keeper_path: str, copy_path: str, hint: int | None = None, max_side: int = VIEW_SIDE
) -> Difference:
    """``compare_pictures`` on two files as they are shown; raises UnreadablePicture."""
    return compare_pictures(
        load_picture(keeper_path, max_side), load_picture(copy_path, max_side), hint
    )


def heat_overlay(difference: Difference) -> np.ndarray:
    """The heat map drawn over the keeper (RGB uint8): the keeper dimmed to gray, the
    differences from yellow (slight) to red (strong) on top."""
    heat = Image.fromarray(np.clip(difference.heat * 255.0, 0, 255).astype(np.uint8), "L")
    gray = Image.fromarray(_gray(difference.keeper)).point(lambda v: round(v * 0.45 + 40))
    base = Image.merge("RGB", (gray, gray, gray))
    # Yellow at the start of the scale, red at its top; more opaque the stronger it is.
    full, none = Image.new("L", heat.size, 255), Image.new("L", heat.size, 0)
    colour = Image.merge("RGB", (full, heat.point(lambda v: round(230 * (1 - v / 255))), none))
    alpha = heat.point(lambda v: round(255 * min(0.9, 1.6 * v / 255)))
    return np.asarray(Image.composite(colour, base, alpha))
