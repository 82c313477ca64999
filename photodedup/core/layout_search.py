"""A second candidate search, for pictures whose hashes cannot be trusted: nearest layouts.

The radius search (search.py) finds a pair when its pHash or its dHash is within the
threshold. Two kinds of picture defeat both hashes while their thumbnails stay alike:

- *graphics* (``verify.GRAPHIC_FLATNESS``): a 128 px icon saved at JPEG quality 50 gets
  ringing in its white margin, so the frame trim cuts it 5 px wider than the original's and
  its hashes move by 23 + 11 bits (the pictures, 4 % apart in scale, still correlate at 0.83
  at 8x8);
- *fine textures*, whose detail is finer than the hash sees (``FINE_TEXTURE_SHARE``): a
  checkerboard of 40 cells across reduced to 0.4x aliases into a faint moire at 32x32 that
  both hashes read as noise (31 + 20 bits), while the two 32x32 thumbnails differ by 2 levels.

Among those files only, each is paired with its NEIGHBOURS nearest by the correlation of
their 8x8 luma layouts (block means of the 32x32 thumbnail, mean taken out, unit norm, so
brightness and contrast cancel) when it is MIN_LAYOUT_CORRELATION or more. The pairs found
are candidates, not copies: the files, compared pixel by pixel (core/detail.py), decide.
The numbers are in docs/matching.md.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .fingerprint import THUMB_SIDE, orientation_variants
from .models import CancelToken, Fingerprint
from .verify import GRAPHIC_FLATNESS, flatness, luma_grids

#: Side of the layout compared (block means of the 32x32 thumbnail): a 4 % change of scale
#: (the icon above) costs 0.17 of correlation here and 0.35 at 32x32.
LAYOUT_SIDE = 8
#: Least correlation of two layouts for a candidate pair: the icon above sits at 0.826, every
#: other copy of the graphics corpus (seeds 1-3) at 0.786 or more (a thin-line chart reduced
#: to 0.4x, found by its hashes), most at 0.96 or more.
MIN_LAYOUT_CORRELATION = 0.75
#: Each file's nearest layouts kept: icons of one glyph in several colours have one luma
#: layout (correlation 1.0), so a copy may rank behind them (the icon above: 4th and 2nd).
#: The cap keeps a library of one template (slides, screenshots) from making every pair a
#: candidate: each file brings at most NEIGHBOURS pairs to the pixel comparison.
NEIGHBOURS = 8
#: A thumbnail whose pHash frequencies (the 8x8 lowest of its DCT) hold less than this share
#: of its energy (mean taken out) has its detail finer than the hash sees: the checkerboards
#: of the graphics corpus and their copies 0.007 or less, the dev corpus's photos 0.21 and
#: more, the generated 100,000-file library's pictures 0.2 and more.
FINE_TEXTURE_SHARE = 0.05

#: Correlations computed at once (float32): 16 MB.
_BLOCK_CELLS = 1 << 22


def _dct_rows(n: int, k: int) -> np.ndarray:
    """The first k rows of the orthonormal DCT-II matrix of size n."""
    j = np.arange(n)
    rows = np.cos(np.pi * (2 * j[None, :] + 1) * np.arange(k)[:, None] / (2 * n))
    rows[0] /= np.sqrt(2.0)
    return rows * np.sqrt(2.0 / n)


_LOW = _dct_rows(THUMB_SIDE, 8).astype(np.float32)


def hash_blind(fps: Sequence[Fingerprint]) -> np.ndarray:
    """Per file: a graphic (mostly flat) or a fine texture, whose hashes cannot be trusted."""
    out = np.zeros(len(fps), dtype=bool)
    # A run of files at a time: every thumbnail at once would be 100 MB of bytes and 400 MB
    # of floats at 100,000 photos.
    for s in range(0, len(fps), 512):
        g, real = luma_grids(fps[s : s + 512])
        x = g.astype(np.float32)
        x -= x.mean(axis=(1, 2), keepdims=True)
        total = (x * x).sum(axis=(1, 2))
        low = _LOW @ x @ _LOW.T
        fine = (low * low).sum(axis=(1, 2)) < FINE_TEXTURE_SHARE * total
        out[s : s + 512] = ((flatness(g) >= GRAPHIC_FLATNESS) | fine) & real
    return out


def _layouts(fps: Sequence[Fingerprint], variants: int) -> np.ndarray:
    """(n, variants, LAYOUT_SIDE**2) float32: each file's layout in its first orientations."""
    grids, _real = luma_grids(fps)
    cell = THUMB_SIDE // LAYOUT_SIDE
    x = grids.reshape(-1, LAYOUT_SIDE, cell, LAYOUT_SIDE, cell).mean(axis=(2, 4))
    turned = np.stack([np.stack(orientation_variants(g)[:variants]) for g in x])
    flat = turned.reshape(len(x), variants, -1)
    flat = flat - flat.mean(axis=2, keepdims=True)
    norm = np.linalg.norm(flat, axis=2, keepdims=True)
    return (flat / np.where(norm > 0, norm, 1.0)).astype(np.float32)


def layout_pairs(
    fps: Sequence[Fingerprint], rotations: bool, cancel: CancelToken | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs (a, b, variant: b turned to a) among ``fps`` by their layouts.

    Each file with its NEIGHBOURS nearest (best orientation of each, upright only without
    ``rotations``) at MIN_LAYOUT_CORRELATION or more; each pair once. Quadratic in
    len(fps), in blocks: callers pass the hash-blind files only.
    """
    cancel = cancel or CancelToken()
    n = len(fps)
    empty = np.zeros(0, dtype=np.intp)
    if n < 2:
        return empty, empty, empty
    variants = 8 if rotations else 1
    lay = _layouts(fps, variants)
    query = lay[:, 0]
    index = lay.reshape(n * variants, -1)
    keep = min(NEIGHBOURS, n - 1)
    rows = max(1, _BLOCK_CELLS // (n * variants))
    found_a, found_b, found_v = [], [], []
    for s in range(0, n, rows):
        cancel.check()
        q = query[s : s + rows]
        corr = (q @ index.T).reshape(len(q), n, variants)
        if variants == 1:
            best, best_v = corr[:, :, 0], np.zeros((len(q), n), dtype=np.intp)
        else:
            best_v = corr.argmax(axis=2)
            best = np.take_along_axis(corr, best_v[:, :, None], axis=2)[:, :, 0]
        best[np.arange(len(q)), np.arange(s, s + len(q))] = -np.inf  # not itself
        hit = best >= MIN_LAYOUT_CORRELATION
        crowded = np.count_nonzero(hit, axis=1) > keep
        if crowded.any():  # only there: most rows have few alike layouts, or none
            (busy,) = np.nonzero(crowded)
            near = np.argpartition(-best[busy], keep - 1, axis=1)[:, :keep]
            hit[busy] = False
            hit[busy[:, None], near] = True
        r, b = np.nonzero(hit)
        found_a.append(r + s)
        found_b.append(b)
        found_v.append(best_v[r, b])
    a, b, v = (np.concatenate(p) for p in (found_a, found_b, found_v))
    if not len(a):
        return empty, empty, empty
    # Once per pair; a pair found from both sides keeps the turn of its smaller file's row.
    swap = a > b
    key = np.where(swap, b * n + a, a * n + b)
    order = np.lexsort((swap, key))
    first = order[np.r_[True, key[order][1:] != key[order][:-1]]]
    a, b, v = a[first], b[first], v[first]
    return a.astype(np.intp), b.astype(np.intp), v.astype(np.intp)


def nearest_layouts(
    query: Fingerprint, fps: Sequence[Fingerprint], rotations: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The query's NEIGHBOURS nearest layouts among ``fps`` (indices, and each one's turn to
    the query) at MIN_LAYOUT_CORRELATION or more: ``layout_pairs`` for one photo."""
    empty = np.zeros(0, dtype=np.intp)
    if not fps:
        return empty, empty
    variants = 8 if rotations else 1
    corr = _layouts(fps, variants) @ _layouts([query], 1)[0, 0]
    best_v = corr.argmax(axis=1)
    best = corr[np.arange(len(fps)), best_v]
    (hit,) = np.nonzero(best >= MIN_LAYOUT_CORRELATION)
    near = hit[np.argsort(-best[hit], kind="stable")[:NEIGHBOURS]]
    return near.astype(np.intp), best_v[near].astype(np.intp)
