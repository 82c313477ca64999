"""The exact radius search equals brute force and pybktree on random data."""

from __future__ import annotations

import numpy as np
import pybktree
import pytest

from photodedup.core import search
from photodedup.core.models import Cancelled, CancelToken
from photodedup.core.search import radius_pairs


def _brute(q: np.ndarray, idx: np.ndarray | None, r: int) -> set[tuple[int, int]]:
    other = q if idx is None else idx
    d = np.bitwise_count(q[:, None] ^ other[None, :])
    out = {(int(i), int(j)) for i, j in zip(*np.nonzero(d <= r), strict=True)}
    return {(i, j) for i, j in out if i < j} if idx is None else out


def _planted(rng: np.random.Generator, n: int, copies: int, max_flips: int) -> np.ndarray:
    """Random 64-bit hashes with near copies planted at 0..max_flips bits."""
    base = rng.integers(0, 2**63, size=n, dtype=np.uint64) * np.uint64(2) + rng.integers(
        0, 2, size=n, dtype=np.uint64
    )
    near = []
    for _ in range(copies):
        h = int(base[rng.integers(n)])
        for bit in rng.choice(64, size=rng.integers(0, max_flips + 1), replace=False):
            h ^= 1 << int(bit)
        near.append(h)
    return np.concatenate([base, np.array(near, dtype=np.uint64)])


@pytest.mark.parametrize("radius", [0, 3, 6, 10, 14])
@pytest.mark.parametrize("force_mih", [3, 4, 6, 8])
def test_self_join_equals_brute_force(radius, force_mih, monkeypatch):
    rng = np.random.default_rng(radius * 10 + force_mih)
    hashes = _planted(rng, 700, 300, radius + 2)
    monkeypatch.setattr(search, "_plan", lambda *_: force_mih)
    qi, ij, d = radius_pairs(hashes, None, radius)
    assert set(zip(qi.tolist(), ij.tolist(), strict=True)) == _brute(hashes, None, radius)
    assert np.array_equal(d, np.bitwise_count(hashes[qi] ^ hashes[ij]))


@pytest.mark.parametrize("radius", [4, 10])
def test_cross_join_equals_brute_force(radius, monkeypatch):
    rng = np.random.default_rng(radius)
    index = _planted(rng, 900, 400, radius + 1)
    queries = np.concatenate([index[::7], _planted(rng, 50, 0, 0)])
    expected = _brute(queries, index, radius)
    for plan in (0, 4):  # brute-force path and MIH path
        monkeypatch.setattr(search, "_plan", lambda *_, plan=plan: plan)
        qi, ij, _ = radius_pairs(queries, index, radius)
        assert set(zip(qi.tolist(), ij.tolist(), strict=True)) == expected


def test_cost_model_picks_the_index_for_large_inputs_and_brute_force_for_small():
    assert search._plan(100_000, 100_000, 10) > 0
    assert search._plan(50, 50, 10) == 0


def test_groups_equal_pybktree_queries():
    rng = np.random.default_rng(5)
    hashes = _planted(rng, 2000, 600, 12)
    radius = 10
    qi, ij, _ = radius_pairs(hashes, None, radius)
    ours = set(zip(qi.tolist(), ij.tolist(), strict=True))
    tree = pybktree.BKTree(
        lambda a, b: (a[0] ^ b[0]).bit_count(), [(int(h), i) for i, h in enumerate(hashes)]
    )
    theirs = set()
    for i, h in enumerate(hashes):
        for _d, (_h, j) in tree.find((int(h), -1), radius):
            if i < j:
                theirs.add((i, j))
    assert ours == theirs
    assert len(ours) >= 300  # the planted copies are there to be found


def test_empty_and_single_inputs():
    empty = np.array([], dtype=np.uint64)
    assert all(len(a) == 0 for a in radius_pairs(empty, None, 10))
    assert all(len(a) == 0 for a in radius_pairs(np.array([5], dtype=np.uint64), None, 10))


@pytest.mark.parametrize("slots", [0, 1, 3])
@pytest.mark.parametrize("self_join", [True, False])
def test_rows_that_overflow_into_the_spill_list_give_the_same_pairs(slots, self_join, monkeypatch):
    rng = np.random.default_rng(slots + 20)
    hashes = _planted(rng, 1200, 500, 10)
    queries = None if self_join else np.concatenate([hashes[::5], _planted(rng, 40, 0, 0)])
    monkeypatch.setattr(search, "_plan", lambda *_: 4)
    monkeypatch.setattr(search, "_slots", lambda _counts: slots)
    if self_join:
        qi, ij, d = radius_pairs(hashes, None, 10)
        expected = _brute(hashes, None, 10)
        assert np.array_equal(d, np.bitwise_count(hashes[qi] ^ hashes[ij]))
    else:
        qi, ij, _ = radius_pairs(queries, hashes, 10)
        expected = _brute(queries, hashes, 10)
    assert set(zip(qi.tolist(), ij.tolist(), strict=True)) == expected


def test_crowded_chunk_values_give_the_same_pairs(monkeypatch):
    """Smooth pictures' hashes cluster: hundreds share whole chunks, however bits are spread."""
    rng = np.random.default_rng(9)
    center = int(rng.integers(0, 2**63))
    cluster = [center ^ sum(1 << int(b) for b in rng.choice(64, 2)) for _ in range(600)]
    hashes = np.concatenate([np.array(cluster, dtype=np.uint64), _planted(rng, 3000, 300, 10)])
    spills = []
    build = search._Chunk.build

    def spy(*args):
        chunk = build(*args)
        spills.append(len(chunk.spill))
        return chunk

    monkeypatch.setattr(search._Chunk, "build", spy)
    qi, ij, _ = radius_pairs(hashes, None, 10)
    assert max(spills) > 0  # a crowded value overflowed its row
    assert set(zip(qi.tolist(), ij.tolist(), strict=True)) == _brute(hashes, None, 10)


def test_spreading_bits_keeps_every_distance():
    rng = np.random.default_rng(12)
    a, b = _planted(rng, 500, 0, 0), _planted(rng, 500, 0, 0)
    assert np.array_equal(
        np.bitwise_count(search._spread(a) ^ search._spread(b)), np.bitwise_count(a ^ b)
    )
    assert len(np.unique(search._spread(a))) == len(np.unique(a))


def test_candidates_checked_in_small_runs_give_the_same_pairs(monkeypatch):
    rng = np.random.default_rng(11)
    hashes = _planted(rng, 1500, 500, 10)
    expected = _brute(hashes, None, 10)
    monkeypatch.setattr(search, "_plan", lambda *_: 4)
    monkeypatch.setattr(search, "_slots", lambda _counts: 1)  # most candidates in the spill
    monkeypatch.setattr(search, "_MAX_CANDIDATES", 7)  # many runs, some single queries
    monkeypatch.setattr(search, "_BLOCK_SLOTS", 5)  # and many dense blocks
    qi, ij, _ = radius_pairs(hashes, None, 10)
    assert set(zip(qi.tolist(), ij.tolist(), strict=True)) == expected


def test_progress_rises_through_the_search_and_cancel_stops_it(monkeypatch):
    hashes = _planted(np.random.default_rng(4), 1500, 200, 10)
    monkeypatch.setattr(search, "_plan", lambda *_: 4)
    shares: list[float] = []
    radius_pairs(hashes, None, 10, progress=shares.append)
    assert shares[0] == 0 and shares == sorted(shares)
    assert 0.99 < shares[-1] < 1  # one report per probe: 428 probes at radius 10

    cancel = CancelToken()

    def stop_halfway(share: float) -> None:
        if share > 0.5:
            cancel.cancel()

    with pytest.raises(Cancelled):
        radius_pairs(hashes, None, 10, cancel=cancel, progress=stop_halfway)
