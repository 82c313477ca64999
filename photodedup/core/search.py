"""Exact Hamming-radius search over 64-bit hashes, vectorised with numpy.

A pure-Python BK-tree (pybktree) is the reference structure and serves single-photo
queries, but grouping a whole library needs every pair within a radius: here a multi-index
hash (MIH) finds them. The hash is cut into m disjoint chunks and chunk c gets a flip budget
t_c with sum(t_c + 1) = radius + 1 (the generalised pigeonhole principle): two hashes that
differ by more than t_c bits on every chunk differ by more than the radius, so every pair
within the radius agrees to within t_c bits on some chunk. The bits are first spread over
the chunks (neighbouring bits are correlated). Each chunk is indexed in a dense table (per
chunk value, a row holding 32 more bits of each of its hashes, padded to a few slots; crowded
values spill into a sorted overflow list) and probed with every flip pattern up to its budget:
a probe compares a whole block of queries with their rows in one XOR + popcount, and checks
the few that pass on all 64 bits. In a self-join a pair whose chunks differ is probed from
one side only. Small inputs fall back to a blocked brute-force XOR + popcount, whichever the
cost model says is cheaper. Results equal brute force exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations
from math import comb

import numpy as np

from .models import CancelToken

_BITS = 64
#: Candidates checked in one sparse pass (about 100 MB of temporaries at most).
_MAX_CANDIDATES = 1 << 21
#: Table slots compared in one dense step: small enough for the temporaries to stay in cache.
_BLOCK_SLOTS = 1 << 17
#: A candidate from the overflow list costs about this many dense slots (index arithmetic).
_SPARSE_COST = 8
#: Largest dense table, in slots (32 bits + id: 12 bytes each).
_MAX_TABLE_SLOTS = 1 << 23
#: Padding of rows no hash lives in (alternating bits: photos' degenerate hashes are runs).
_PAD = 0x55555555

_Hits = tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]
#: Called now and then with the share of the work done (0 to 1).
Progress = Callable[[float], None]


#: Before chunking, bit k of every hash moves to bit 29k mod 64. Neighbouring bits of a hash
#: are correlated (a row of the dHash grid, the low DCT frequencies of the pHash), so chunks of
#: contiguous bits crowd a few values when pictures are smooth (a generated 100,000-photo
#: library: 1,553 dHashes on one 16-bit chunk value; spread, 74). Any one permutation applied
#: to both sides keeps every Hamming distance.
_SPREAD = np.argsort((np.arange(_BITS) * 29) % _BITS)
#: Hashes per step: 64 bytes of temporaries each, and the GIL is let go between steps.
_SPREAD_BLOCK = 1 << 16


def _spread(values: np.ndarray) -> np.ndarray:
    out = np.empty_like(values)
    for s in range(0, len(values), _SPREAD_BLOCK):
        part = values[s : s + _SPREAD_BLOCK].view(np.uint8).reshape(-1, 8)
        bits = np.unpackbits(part, axis=1, bitorder="little")[:, _SPREAD]
        packed = np.ascontiguousarray(np.packbits(bits, axis=1, bitorder="little"))
        out[s : s + _SPREAD_BLOCK] = packed.view(np.uint64)[:, 0]
    return out


def popcount(x: np.ndarray) -> np.ndarray:
    return np.bitwise_count(x)


def _flip_masks(bits: int, radius: int) -> np.ndarray:
    masks = [0]
    for k in range(1, radius + 1):
        for combo in combinations(range(bits), k):
            masks.append(sum(1 << b for b in combo))
    return np.array(masks, dtype=np.intp)


def _chunk_bounds(m: int) -> list[tuple[int, int]]:
    base, extra = divmod(_BITS, m)
    bounds, lo = [], 0
    for c in range(m):
        width = base + (1 if c < extra else 0)
        bounds.append((lo, width))
        lo += width
    return bounds


def _budgets(radius: int, m: int) -> list[int]:
    """Flip budget per chunk, summing (t + 1) to radius + 1; -1 means the chunk is not probed."""
    share, extra = divmod(radius + 1, m)
    return [share + (1 if c < extra else 0) - 1 for c in range(m)]


def _plan(n_query: int, n_index: int, radius: int) -> int:
    """Number of MIH chunks to use, or 0 for brute force, by a rough cost model."""
    best_m, best_cost = 0, n_query * n_index / 4.0  # brute force: cheap per pair
    for m in (3, 4, 5, 6, 8):  # 3 chunks of 21-22 bits: the widest direct-address table
        cost = 0.0
        for (_lo, width), t in zip(_chunk_bounds(m), _budgets(radius, m), strict=True):
            probes = sum(comb(width, k) for k in range(t + 1))
            cost += n_query * probes * (4.0 + 1.5 * n_index / 2.0**width)
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


def _slots(counts: np.ndarray) -> int:
    """Slots per dense row: each probe reads a whole row, each item past it costs _SPARSE_COST
    per query that probes its chunk value.

    Queries probe the values one or two bits away from their own, so the queries probing a
    value are estimated by its neighbours' counts: crowded values have crowded neighbours
    when hashes cluster (smooth pictures), and then a long spill costs more than wide rows.
    """
    if len(counts) * 2 > _MAX_TABLE_SLOTS:
        return 0
    width = len(counts).bit_length() - 1
    values = np.flatnonzero(counts)
    if len(values) == 0:
        return 0
    probing = sum(counts[values ^ (1 << b)] for b in range(width)) / width
    order = np.argsort(counts[values])[::-1]
    sizes, weights = counts[values][order], probing[order]
    total = int(counts.sum())
    best_k, best_cost = 0, None
    for k in range(min(int(sizes[0]) + 1, _MAX_TABLE_SLOTS // len(counts) + 1)):
        over = sizes > k
        cost = total * k + _SPARSE_COST * float(((sizes[over] - k) * weights[over]).sum())
        if best_cost is None or cost < best_cost:
            best_k, best_cost = k, cost
    return best_k


@dataclass
class _Chunk:
    """One chunk's index: a dense table of rows plus an overflow list for crowded values."""

    shift: np.uint64
    mask: np.uint64
    rest: np.uint64  # where the 32 bits after the chunk start, for ``tail``
    table: np.ndarray  # (2**width, k) 32 bits of each hash beyond the chunk (``tail``)
    ids: np.ndarray  # (2**width, k) index positions, -1 for padding
    spill: np.ndarray  # index positions past the rows, sorted by chunk value
    spill_keys: np.ndarray  # the chunk values that overflow, ascending
    spill_start: np.ndarray  # (len(spill_keys) + 1,) offsets into spill

    @classmethod
    def build(cls, idx: np.ndarray, lo: int, width: int) -> _Chunk:
        shift, mask = np.uint64(lo), np.uint64((1 << width) - 1)
        keys = ((idx >> shift) & mask).astype(np.intp)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        counts = np.bincount(keys, minlength=1 << width)
        start = np.zeros(len(counts) + 1, dtype=np.intp)
        np.cumsum(counts, out=start[1:])
        k = _slots(counts)
        slot = np.arange(len(keys)) - start[keys]
        dense = slot < k
        rest = np.uint64((lo + width) % _BITS)
        tails = _tail(idx[order], rest)
        # Padding: the complement of a real hash of the same row, far from the queries that
        # probe the row when hashes cluster; any hit on it is dropped by its id.
        table = np.empty((len(counts), k), dtype=np.uint32)
        table[:] = np.uint32(_PAD)
        table[keys, :] = ~tails[:, None]
        ids = np.full((len(counts), k), -1, dtype=np.int32)
        table[keys[dense], slot[dense]] = tails[dense]
        ids[keys[dense], slot[dense]] = order[dense]  # a library has fewer than 2**31 photos
        spill_keys, spill_counts = np.unique(keys[~dense], return_counts=True)
        spill_start = np.zeros(len(spill_keys) + 1, dtype=np.intp)
        np.cumsum(spill_counts, out=spill_start[1:])
        return cls(shift, mask, rest, table, ids, order[~dense], spill_keys, spill_start)

    def keys(self, values: np.ndarray) -> np.ndarray:
        return ((values >> self.shift) & self.mask).astype(np.intp)


def _tail(values: np.ndarray, rest: np.uint64) -> np.ndarray:
    """The 32 bits starting at bit ``rest`` (wrapping around): none of them in the chunk."""
    turned = (values >> rest) | (values << ((np.uint64(_BITS) - rest) % np.uint64(_BITS)))
    return turned.astype(np.uint32)


def _query_sets(
    q: np.ndarray, keys: np.ndarray, flips: np.ndarray, self_join: bool
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(query positions, hashes, chunk values, flips) to probe, queries sorted by chunk value.

    In a self-join two items whose chunk values differ by a flip f are probed only from the
    one whose value has f's lowest set bit clear.
    """
    order = np.argsort(keys, kind="stable")
    pos, vals, ks = order, q[order], keys[order]
    if not self_join:
        yield pos, vals, ks, flips
        return
    yield pos, vals, ks, flips[flips == 0]
    low = flips & -flips
    for bit in np.unique(low[flips != 0]).tolist():
        sel = (ks & bit) == 0
        yield pos[sel], vals[sel], ks[sel], flips[low == bit]


def _probe_dense(
    chunk: _Chunk,
    pos: np.ndarray,
    vals: np.ndarray,
    tails: np.ndarray,
    flip: int,
    probe: np.ndarray,
    idx: np.ndarray,
    radius: int,
    out: _Hits,
) -> None:
    """Compare each query with the row it probes, 32 bits first, then the near ones in full.

    Within the radius means within ``radius - |flip|`` on the 32 bits past the chunk (the
    chunk itself differs by exactly |flip|): a cheap filter that passes under 1 % of slots.
    """
    k = chunk.table.shape[1]
    limit = radius - flip.bit_count()
    block = max(1, _BLOCK_SLOTS // k)
    buf = np.empty((min(block, len(probe)), k), dtype=np.uint32)
    cnt = np.empty(buf.shape, dtype=np.uint8)
    near = np.empty(buf.shape, dtype=bool)
    found = []
    for s in range(0, len(probe), block):
        n = min(block, len(probe) - s)
        rows = np.take(chunk.table, probe[s : s + n], axis=0, out=buf[:n])
        np.bitwise_xor(rows, tails[s : s + n, None], out=rows)
        hit = np.less_equal(np.bitwise_count(rows, out=cnt[:n]), limit, out=near[:n])
        if hit.any():
            found.append(np.flatnonzero(hit) + s * k)  # far faster than a 2-D nonzero
    if not found:
        return
    r, c = np.divmod(np.concatenate(found), k)
    j = chunk.ids[probe[r], c]
    r, j = r[j >= 0], j[j >= 0]
    full = popcount(vals[r] ^ idx[j])
    ok = full <= radius
    out[0].append(pos[r[ok]])
    out[1].append(j[ok])
    out[2].append(full[ok])


def _probe_spill(
    chunk: _Chunk,
    pos: np.ndarray,
    vals: np.ndarray,
    keys: np.ndarray,
    flip: int,
    idx: np.ndarray,
    radius: int,
    out: _Hits,
) -> None:
    """Compare the queries probing crowded chunk values with the items past their rows.

    Works from the overflow side (queries are sorted by chunk value), so it costs in
    proportion to the candidates, not to the number of queries.
    """
    wanted = chunk.spill_keys ^ flip
    q_lo = np.searchsorted(keys, wanted, side="left")
    q_n = np.searchsorted(keys, wanted, side="right") - q_lo
    (buckets,) = np.nonzero(q_n)
    if len(buckets) == 0:
        return
    # One run per query: the query, then the overflow items of the value it probes.
    q_n = q_n[buckets]
    bucket = np.repeat(buckets, q_n)
    qrow = np.repeat(q_lo[buckets] - np.cumsum(q_n) + q_n, q_n) + np.arange(len(bucket))
    first = chunk.spill_start[bucket]
    counts = chunk.spill_start[bucket + 1] - first
    ends = np.cumsum(counts)
    # Expand a run of queries at a time: real hashes crowd some chunk values (dHash of
    # smooth pictures), and all candidates at once can mean gigabytes.
    lo = 0
    while lo < len(counts):
        base = ends[lo - 1] if lo else 0
        hi = max(lo + 1, int(np.searchsorted(ends, base + _MAX_CANDIDATES, side="right")))
        c = counts[lo:hi]
        total = int(ends[hi - 1] - base)
        qi = np.repeat(qrow[lo:hi], c)
        offsets = np.arange(total) - np.repeat(np.cumsum(c) - c, c)
        ii = chunk.spill[np.repeat(first[lo:hi], c) + offsets]
        d = popcount(vals[qi] ^ idx[ii])
        hit = d <= radius
        out[0].append(pos[qi[hit]])
        out[1].append(ii[hit])
        out[2].append(d[hit])
        lo = hi


def _mih(
    q: np.ndarray,
    idx: np.ndarray,
    radius: int,
    self_join: bool,
    m: int,
    cancel: CancelToken,
    progress: Progress,
):
    out: _Hits = ([], [], [])
    plan = [
        (lo, width, budget)
        for (lo, width), budget in zip(_chunk_bounds(m), _budgets(radius, m), strict=True)
        if budget >= 0
    ]
    probes = sum(comb(width, k) for _lo, width, budget in plan for k in range(budget + 1))
    done = 0
    for lo, width, budget in plan:
        cancel.check()
        chunk = _Chunk.build(idx, lo, width)
        has_dense, has_spill = chunk.table.shape[1] > 0, len(chunk.spill) > 0
        flips = _flip_masks(width, budget)
        for pos, vals, keys, fl in _query_sets(q, chunk.keys(q), flips, self_join):
            tails = _tail(vals, chunk.rest)
            for flip in fl.tolist():
                cancel.check()  # one probe takes milliseconds even at a million photos
                progress(done / probes)
                done += 1
                probe = keys ^ flip
                if has_dense:
                    _probe_dense(chunk, pos, vals, tails, flip, probe, idx, radius, out)
                if has_spill:
                    _probe_spill(chunk, pos, vals, keys, flip, idx, radius, out)
    return out


def radius_pairs(
    queries: np.ndarray,
    index: np.ndarray | None,
    radius: int,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All (query i, index j, distance) with Hamming distance <= radius, each pair once.

    With ``index=None`` the queries are joined with themselves and only i < j is returned.
    Raises Cancelled soon after ``cancel`` is set; ``progress`` hears the share done.
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
        q = _spread(q)
        idx = q if self_join else _spread(idx)
        parts = _mih(q, idx, radius, self_join, m, cancel, progress or (lambda _share: None))
    else:
        parts = _brute(q, idx, radius, self_join, cancel)
    if not parts[0]:
        return empty, empty, empty
    qi, ii, d = (np.concatenate(p).astype(np.int64) for p in parts)
    if self_join:
        qi, ii = np.minimum(qi, ii), np.maximum(qi, ii)
        keep = qi != ii
        qi, ii, d = qi[keep], ii[keep], d[keep]
    # A pair close on several chunks is found once per chunk: keep one of each.
    _, first = np.unique(qi * len(idx) + ii, return_index=True)
    return qi[first], ii[first], d[first]
