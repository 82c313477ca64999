"""Candidate components and their split into groups: every member a direct copy of its keeper."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.matching import (
    Link,
    UnionFind,
    candidate_components,
    group_indices,
    split_groups,
)
from photodedup.core.models import Fingerprint, ScanOptions
from photodedup.core.pipeline import run_scan


def _fp(n: int, digest: str = "", pixels: str = "") -> Fingerprint:
    return Fingerprint(
        path=f"/p{n}.jpg",
        size=1,
        mtime_ns=0,
        digest=digest or f"d{n}",
        pixel_digest=pixels or f"p{n}",
        width=400,
        height=300,
        format="JPEG",
        phashes=(0,),
        dhashes=(0,),
        thumb=b"",
        flat=False,
    )


def _link(a: int, b: int, distance: int) -> Link:
    return Link(a, b, distance, 0, 0)


def test_union_find_components_hold_two_or_more_in_order():
    uf = UnionFind(8)
    for a, b in [(5, 2), (2, 7), (3, 6)]:
        uf.union(a, b)
    assert uf.components() == [[2, 5, 7], [3, 6]]
    assert UnionFind(0).components() == []


def test_a_chain_is_cut_where_a_file_is_not_a_copy_of_the_keeper():
    fps = [_fp(n) for n in range(4)]
    chain = [_link(0, 1, 10), _link(1, 2, 10), _link(2, 3, 10)]
    assert split_groups(fps, [[0, 1, 2, 3]], chain, sorted) == [[0, 1], [2, 3]]
    # The middle file as the keeper takes both neighbours; the far end is left alone.
    middle_first = split_groups(fps, [[0, 1, 2, 3]], chain, lambda c: [1, 0, 2, 3])
    assert middle_first == [[1, 0, 2]]


def test_a_member_joins_its_closest_centre_and_identical_files_come_first():
    fps = [_fp(0), _fp(1), _fp(2, digest="d0"), _fp(3, pixels="p1")]
    links = [_link(0, 4, 3), _link(1, 4, 2)]
    fps.append(_fp(4))
    # 4 is linked to both centres 0 and 1 (not linked to each other): 1 is closer.
    assert split_groups(fps, [[0, 1, 2, 3, 4]], links, sorted) == [[0, 2], [1, 3, 4]]
    # Same bytes beat any link: 2 (identical to 0) stays with 0 though it is linked to 1.
    links.append(_link(1, 2, 0))
    assert split_groups(fps, [[0, 1, 2, 3, 4]], links, sorted) == [[0, 2], [1, 3, 4]]


@st.composite
def _graphs(draw: st.DrawFn) -> tuple[list[Fingerprint], list[Link], list[int]]:
    n = draw(st.integers(2, 14))
    # A few files share bytes or pixels with an earlier one.
    digest = [draw(st.integers(0, k)) if draw(st.booleans()) else k for k in range(n)]
    pixels = [draw(st.integers(0, k)) if draw(st.integers(0, 4)) == 0 else k for k in range(n)]
    fps = [_fp(k, f"d{digest[k]}", f"p{pixels[k]}") for k in range(n)]
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(0, 25))
    links = [_link(a, b, d) for a, b, d in draw(st.lists(pairs, max_size=3 * n)) if a != b]
    order = draw(st.permutations(range(n)))
    return fps, links, list(order)


def _distance(fps: list[Fingerprint], links: list[Link], a: int, b: int) -> int | None:
    if fps[a].digest == fps[b].digest:
        return -2
    if fps[a].pixel_digest == fps[b].pixel_digest:
        return -1
    found = [k.phash_distance for k in links if {k.a, k.b} == {a, b}]
    return min(found) if found else None


@settings(max_examples=300, deadline=None)
@given(_graphs())
def test_groups_of_any_link_graph_are_stars_around_their_closest_centre(graph):
    fps, links, order = graph
    uf = UnionFind(len(fps))
    for k in links:
        uf.union(k.a, k.b)
    for a in range(len(fps)):
        for b in range(a):
            if _distance(fps, [], a, b) is not None:
                uf.union(a, b)
    components = uf.components()
    place = {i: n for n, i in enumerate(order)}
    groups = split_groups(fps, components, links, lambda c: sorted(c, key=place.__getitem__))
    grouped = [i for g in groups for i in g]
    assert len(grouped) == len(set(grouped))  # no file twice
    centres = [g[0] for g in groups]
    for g in groups:
        assert len(g) > 1
        assert sorted(g[1:], key=place.__getitem__) == g[1:]  # members in the given order
        for m in g[1:]:
            mine = _distance(fps, links, g[0], m)
            assert mine is not None  # a direct copy of its centre
            for c in centres:
                d = _distance(fps, links, c, m)
                # Its centre is the closest one it is linked to; the earlier one on a tie.
                assert d is None or d > mine or (d == mine and place[c] >= place[g[0]])
    # Centres are never copies of one another, and every linked file found a group.
    for a in centres:
        assert all(_distance(fps, links, a, b) is None for b in centres if b != a)
    for comp in components:
        for i in comp:
            if i not in grouped:
                assert all(_distance(fps, links, i, c) is None for c in centres)


def _blend_chain(folder: Path, new_photo) -> list[Path]:
    """Four pictures, each a fifth of the way from one photo to another: neighbours are copies
    by the hashes' measure, files two steps apart are not."""
    start = np.asarray(new_photo(1, (800, 600)), dtype=np.float64)
    end = np.asarray(new_photo(2, (800, 600)), dtype=np.float64)
    folder.mkdir()
    paths = []
    for k, t in enumerate((0.0, 0.2, 0.4, 0.6)):
        mixed = np.clip((1 - t) * start + t * end, 0, 255).astype(np.uint8)
        width = 800 - 40 * k  # the first is the largest, so the keeper order is the chain's
        path = folder / f"step{k}.jpg"
        Image.fromarray(mixed).resize((width, width * 3 // 4)).save(path, quality=90)
        paths.append(path)
    return paths


def test_a_chain_of_real_pictures_gives_two_groups(tmp_path, new_photo):
    paths = _blend_chain(tmp_path / "lib", new_photo)
    fps = sorted((fingerprint_path(str(p)) for p in paths), key=lambda fp: fp.path)
    components, links = candidate_components(fps, 10, False)
    assert components == [[0, 1, 2, 3]]
    assert sorted((k.a, k.b) for k in links) == [(0, 1), (1, 2), (2, 3)]  # a chain, no more
    result = run_scan(ScanOptions(roots=(str(tmp_path / "lib"),), use_cache=False, workers=1))
    names = [[Path(m.fingerprint.path).name for m in g.members] for g in result.groups]
    assert names == [["step0.jpg", "step1.jpg"], ["step2.jpg", "step3.jpg"]]
    groups, inside = group_indices(fps, 10, False)
    assert groups == [[0, 1], [2, 3]]
    assert sorted((k.a, k.b) for k in inside) == [(0, 1), (2, 3)]
