"""The verification's layout and shape checks, pair by pair and for many pairs at once."""

from __future__ import annotations

import numpy as np
import pytest

from photodedup.core import matching
from photodedup.core.fingerprint import THUMB_SIDE, orientation_variants
from photodedup.core.matching import UnionFind, _layouts_match, same_shape, thumbs_match
from photodedup.core.models import Fingerprint


def _fp(thumb: np.ndarray | bytes, width: int = 400, height: int = 300) -> Fingerprint:
    data = thumb if isinstance(thumb, bytes) else thumb.astype(np.uint8).tobytes()
    return Fingerprint(
        path="/p.jpg",
        size=1,
        mtime_ns=0,
        digest="d",
        pixel_digest="p",
        width=width,
        height=height,
        format="JPEG",
        phashes=(0,),
        dhashes=(0,),
        thumb=data,
        flat=False,
    )


def _layout(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(THUMB_SIDE, THUMB_SIDE))


@pytest.mark.parametrize("variant", range(8))
def test_a_turned_layout_matches_only_in_its_own_orientation(variant):
    shown = _layout(1)
    turned = orientation_variants(shown)
    # b turned by `variant` is a: b is the picture that orientation_variants turns into a.
    a = _fp(turned[variant])
    b = _fp(shown)
    assert thumbs_match(a, b, variant)
    others = [v for v in range(8) if v != variant]
    assert not any(thumbs_match(a, b, v) for v in others)


def test_upright_copies_pass_with_noise_and_other_pictures_do_not():
    rng = np.random.default_rng(3)
    original = _layout(2)
    noisy = np.clip(original + rng.integers(-30, 31, original.shape), 0, 255)
    assert thumbs_match(_fp(original), _fp(noisy), 0)
    assert not thumbs_match(_fp(original), _fp(_layout(4)), 0)
    assert not thumbs_match(_fp(original), _fp(b""), 0)  # loaded from a results file
    uniform = np.full((THUMB_SIDE, THUMB_SIDE), 128)
    assert not thumbs_match(_fp(uniform), _fp(uniform), 0)  # no layout to agree on


def test_many_pairs_at_once_equal_one_pair_at_a_time(monkeypatch):
    monkeypatch.setattr(matching, "_PAIRS_AT_ONCE", 64)  # several runs of pairs
    fps = [_fp(_layout(s % 5)) for s in range(12)] + [_fp(b"")]
    rng = np.random.default_rng(7)
    a = rng.integers(0, len(fps), 200)
    b = rng.integers(0, len(fps), 200)
    variant = rng.integers(0, 8, 200)
    variant[:60] = 0
    together = _layouts_match(fps, a, b, variant)
    alone = [thumbs_match(fps[i], fps[j], int(v)) for i, j, v in zip(a, b, variant, strict=True)]
    assert together.tolist() == alone
    assert any(alone)  # the same layouts recur, so some pairs match


def test_shape_survives_a_quarter_turn_but_not_a_landscape_portrait_swap():
    landscape, portrait = _fp(b"", 400, 300), _fp(b"", 300, 400)
    assert same_shape(landscape, portrait, 1)  # turned by 90 degrees
    assert not same_shape(landscape, portrait, 0)
    assert same_shape(landscape, _fp(b"", 420, 300), 0)  # a few % of crop


def test_union_find_components_hold_two_or_more_in_order():
    uf = UnionFind(8)
    for a, b in [(5, 2), (2, 7), (3, 6)]:
        uf.union(a, b)
    assert uf.components() == [[2, 5, 7], [3, 6]]
    assert UnionFind(0).components() == []
