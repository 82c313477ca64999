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
    out_q, out_i, out_d = [], [], []
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
            total = int(counts.sum())
            if total == 0:
                continue
            qi = np.repeat(np.arange(len(q)), counts)
            offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            ii = order[np.repeat(first, counts) + offsets]
            if self_join:
                keep = qi < ii
                qi, ii = qi[keep], ii[keep]
            d = popcount(q[qi] ^ idx[ii])
            near = d <= radius
            out_q.append(qi[near])
            out_i.append(ii[near])
            out_d.append(d[near])
    return out_q, out_i, out_d


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
