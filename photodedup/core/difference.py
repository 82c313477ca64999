"""What differs between a keeper and one copy: the two pictures aligned, a heat map, a verdict.

The copy is decoded as it is shown (EXIF orientation applied, a RAW's preview), its frame cut
as the fingerprint cuts it (``fingerprint.border_box``), turned back by the dihedral variant
that lines it up (the order of ``fingerprint.orientation_variants``, as the matcher's links
use), cropped when it shows a part of the keeper, and scaled to the keeper's picture. The
difference is then measured after fitting the copy's colours to the keeper's, so a brighter
or re-toned copy shows where it was edited, not everywhere. The verdict says in a few words
what kind of difference remains (``Verdict``) and where (``Region``); the GUI words it.
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

_SEARCH_SIDE = 96  # long side of the coarse crop search


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


def _cut(rgb: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    h, w = rgb.shape[:2]
    left, top, right, bottom = box
    return rgb[round(top * h) : round(bottom * h), round(left * w) : round(right * w)]


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
    keeper, keeper_framed = _content(keeper)
    copy, copy_framed = _content(copy)
    variant = best_turn(keeper, copy, hint)
    copy = turn(copy, variant)
    cropped = False
    # A crop: the copy is a part of the keeper, or the keeper a part of the copy.
    inside = _find_crop(keeper, copy)
    outside = _find_crop(copy, keeper)
    if inside is not None and (outside is None or inside[4] <= outside[4]):
        keeper, cropped = _cut(keeper, inside[:4]), True
    elif outside is not None:
        copy, cropped = _cut(copy, outside[:4]), True
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
