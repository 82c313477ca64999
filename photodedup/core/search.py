"""Exact Hamming-radius search over 64-bit hashes, vectorised with numpy.

A pure-Python BK-tree (pybktree) is the reference structure and serves single-photo
queries, but grouping a whole library needs every pair within a radius: here a multi-index
hash (MIH) finds them. By the pigeonhole principle, two hashes within distance r agree to
within floor(r/m) bits on at least one of m disjoint chunks, so each chunk is indexed in a
direct-address table and probed with every flip pattern up to that many bits; candidates are
then checked on the full 64 bits. Small inputs fall back to a blocked brute-force XOR +
popcount, whichever the cost model says is cheaper. Results equal brute force exactly.
"""

from __future__ import annotations

from itertools import combinations
from math import comb

import numpy as np

from .models import CancelToken

_BITS = 64
#: Candidates checked in one numpy pass (about 100 MB of temporaries at most).
_MAX_CANDIDATES = 1 << 21


def popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x)


def _flip_masks(bits: int, radius: int) -> np.ndarray:
    masks = [0]
    for k in range(1, radius + 1):
        for combo in combinations(range(bits), k):
            masks.append(sum(1 << b for b in combo))
    return np.array(masks, dtype=np.int64)


def _chunk_bounds(m: int) -> list[tuple[int, int]]:
    base, extra = divmod(_BITS, m)
    bounds, lo = [], 0
    for c in range(m):
        width = base + (1 if c < extra else 0)
        bounds.append((lo, width))
        lo += width
    return bounds


def _plan(n_query: int, n_index: int, radius: int) -> int:
    """Number of MIH chunks to use, or 0 for brute force, by a rough cost model."""
    best_m, best_cost = 0, n_query * n_index / 4.0  # brute force: cheap per pair
    for m in (3, 4, 5, 6, 8):  # 3 chunks of 21-22 bits: the widest direct-address table
        width = _BITS // m
        probes = sum(comb(width, k) for k in range(radius // m + 1))
        cost = n_query * m * probes * (4.0 + n_index / 2.0**width)
        if cost < best_cost:
            best_m, best_cost = m, cost
    return best_m


def _brute(q: np.ndarray, idx: np.ndarray, radius: int, self_join: bool, cancel: CancelToken):
    out_q, out_i, out_d = [], [], []
    block = max(1, (1 << 22) // max(1, len(idx)))
    for s in range(0, len(q), block):
        cancel.check()
        part = q[s : s + block]
        d = popcount(part[:, None] ^ idx[None, :])
        qi, ii = np.nonzero(d <= radius)
        qi = qi + s
        if self_join:
            keep = qi < ii
            qi, ii = qi[keep], ii[keep]
        out_q.append(qi)
        out_i.append(ii)
        out_d.append(popcount(q[qi] ^ idx[ii]))
    return out_q, out_i, out_d


def _mih(q: np.ndarray, idx: np.ndarray, radius: int, self_join: bool, m: int, cancel: CancelToken):
    out: tuple[list, list, list] = ([], [], [])
    for lo, width in _chunk_bounds(m):
        mask = np.uint64((1 << width) - 1)
        ikeys = ((idx >> np.uint64(lo)) & mask).astype(np.int64)
        qkeys = ((q >> np.uint64(lo)) & mask).astype(np.int64)
        order = np.argsort(ikeys, kind="stable")
        start = np.searchsorted(ikeys[order], np.arange((1 << width) + 1))
        for flip in _flip_masks(width, radius // m):
            cancel.check()  # one probe takes milliseconds even at a million photos
            probe = qkeys ^ flip
            first = start[probe]
            counts = start[probe + 1] - first
            ends = np.cumsum(counts)
            if ends[-1] == 0:
                continue
            # Expand the candidates of a run of queries at a time: real hashes crowd some
            # buckets (dHash of smooth pictures), and all queries at once can mean gigabytes.
            lo_q = 0
            while lo_q < len(q):
                base = ends[lo_q - 1] if lo_q else 0
                hi_q = int(np.searchsorted(ends, base + _MAX_CANDIDATES, side="right"))
                hi_q = max(hi_q, lo_q + 1)
                _expand(q, idx, order, first, counts, lo_q, hi_q, radius, self_join, out)
                lo_q = hi_q
    return out


def _expand(
    q: np.ndarray,
    idx: np.ndarray,
    order: np.ndarray,
    first: np.ndarray,
    counts: np.ndarray,
    lo_q: int,
    hi_q: int,
    radius: int,
    self_join: bool,
    out: tuple[list, list, list],
) -> None:
    """Check the candidates of queries lo_q..hi_q on all 64 bits; keep the near ones."""
    counts = counts[lo_q:hi_q]
    total = int(counts.sum())
    if total == 0:
        return
    qi = np.repeat(np.arange(lo_q, hi_q), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    ii = order[np.repeat(first[lo_q:hi_q], counts) + offsets]
    if self_join:
        keep = qi < ii
        qi, ii = qi[keep], ii[keep]
    d = popcount(q[qi] ^ idx[ii])
    near = d <= radius
    out[0].append(qi[near])
    out[1].append(ii[near])
    out[2].append(d[near])


def radius_pairs(
    queries: np.ndarray,
    index: np.ndarray | None,
    radius: int,
    cancel: CancelToken | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All (query i, index j, distance) with Hamming distance <= radius, each pair once.

    With ``index=None`` the queries are joined with themselves and only i < j is returned.
    Raises Cancelled soon after ``cancel`` is set.
    """
    cancel = cancel or CancelToken()
    q = np.ascontiguousarray(queries, dtype=np.uint64)
    self_join = index is None
    idx = q if self_join else np.ascontiguousarray(index, dtype=np.uint64)
    empty = np.empty(0, dtype=np.int64)
    if len(q) == 0 or len(idx) == 0 or radius < 0:
        return empty, empty, empty
    m = _plan(len(q), len(idx), radius)
    if m:
        parts = _mih(q, idx, radius, self_join, m, cancel)
    else:
        parts = _brute(q, idx, radius, self_join, cancel)
    if not parts[0]:
        return empty, empty, empty
    qi, ii, d = (np.concatenate(p).astype(np.int64) for p in parts)
    # A pair close on several chunks is found once per chunk: keep one of each.
    _, first = np.unique(qi * len(idx) + ii, return_index=True)
    return qi[first], ii[first], d[first]
