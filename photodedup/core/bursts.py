"""Burst shots: different photos taken seconds apart by one camera that look alike.

Bursts are not duplicates: each frame is its own moment. They are found among the photos left
after duplicate matching (one file per duplicate group, its keeper), so a burst never pulls
photos into a duplicate group and a copy never shows up as a burst frame. Every frame is kept;
a sharpness measure helps the user pick the best frame by hand.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from enum import Enum

import numpy as np

from .discovery import is_under
from .imageio import open_oriented
from .matching import UnionFind
from .models import CancelToken, DuplicateGroup, Fingerprint, GroupKind, GroupMember, Relation
from .provenance import taken_seconds
from .ranking import explain
from .search import popcount

#: Frames at most this many seconds apart (EXIF capture time) can belong to one burst.
BURST_SECONDS = 3
#: Frames of a burst differ more than copies do (the subject moves): pHash bits, looser than
#: the duplicate threshold.
BURST_RADIUS = 20
#: More frames than this from one camera within BURST_SECONDS is faster than any camera
#: shoots: such dates are not capture times (a clock never set, dates written by a tool),
#: so those photos are left out rather than chained into one huge "burst".
MAX_CROWD = 120
#: Sharpness is measured on the photo reduced to this longer side, the same for every frame.
SHARPNESS_SIDE = 512


def find_bursts(
    photos: Sequence[Fingerprint], cancel: CancelToken | None = None
) -> list[list[int]]:
    """Indices (into ``photos``) of each burst of 2+ frames, frames in capture order.

    Two frames are linked when one camera took them at most BURST_SECONDS apart and their
    pHashes are within BURST_RADIUS; bursts are the connected components of those links.
    """
    by_camera: dict[str, list[tuple[float, int]]] = {}
    for i, fp in enumerate(photos):
        if not fp.camera or not fp.taken or fp.flat or not fp.phashes:
            continue
        when = taken_seconds(fp.taken)
        if when is not None:
            by_camera.setdefault(fp.camera, []).append((when, i))
    uf = UnionFind(len(photos))
    for shots in by_camera.values():
        if cancel is not None and cancel.cancelled:
            return []
        shots.sort(key=lambda s: (s[0], photos[s[1]].path))
        times = np.array([t for t, _i in shots])
        index = np.array([i for _t, i in shots])
        hashes = np.array([photos[i].phash for i in index], dtype=np.uint64)
        ends = np.searchsorted(times, times + BURST_SECONDS, "right")
        crowded = np.zeros(len(shots), dtype=bool)
        for k in np.flatnonzero(ends - np.arange(len(shots)) > MAX_CROWD).tolist():
            crowded[k : ends[k]] = True
        for k in range(len(shots) - 1):
            if crowded[k]:
                continue
            stop = int(ends[k])
            near = popcount(hashes[k + 1 : stop] ^ hashes[k]) <= BURST_RADIUS
            near &= ~crowded[k + 1 : stop]
            for j in index[k + 1 : stop][near].tolist():
                uf.union(int(index[k]), j)
    members: dict[int, list[int]] = {}
    for shots in by_camera.values():
        for _t, i in shots:
            members.setdefault(uf.find(i), []).append(i)
    return [m for m in members.values() if len(m) > 1]


def laplacian_variance(gray: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian: high for crisp edges, low for blur or shake."""
    a = gray.astype(np.float32)
    if a.shape[0] < 3 or a.shape[1] < 3:
        return 0.0
    lap = a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:] - 4 * a[1:-1, 1:-1]
    return float(lap.var())


def sharpness(path: str) -> float | None:
    """Sharpness of a photo as displayed, reduced to SHARPNESS_SIDE; None when unreadable."""
    try:
        img = open_oriented(path, max_side=SHARPNESS_SIDE)
        return round(laplacian_variance(np.asarray(img.convert("L"))), 1)
    except Exception:  # the file changed since the scan, or a decoder bug: no measure
        return None


def measure_sharpness(
    paths: Sequence[str], workers: int, cancel: CancelToken | None = None
) -> dict[str, float | None]:
    """Sharpness of each path, decoded on threads (Pillow decodes without holding the GIL)."""
    out: dict[str, float | None] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {path: pool.submit(_unless_cancelled, path, cancel) for path in paths}
        for path, future in futures.items():
            out[path] = future.result()
    return out


def _unless_cancelled(path: str, cancel: CancelToken | None) -> float | None:
    if cancel is not None and cancel.cancelled:
        return None
    return sharpness(path)


class _Gap(Enum):
    """How far apart two frames were taken, as the reasons word it."""

    UNKNOWN = "unknown"  # a frame without a readable capture time
    SAME_SECOND = "same second"
    APART = "apart"


#: The suggested frame's reason, by (sharpness measured, in a reference folder). Reasons are
#: fixed templates so the app can translate them (see ranking.explain, gui/reasons.py).
BURST_KEEPER_TEMPLATES: dict[tuple[bool, bool], str] = {
    (True, False): "sharpest shot of the burst",
    (True, True): "sharpest shot of the burst; in a reference folder, kept",
    (False, False): "first shot",
    (False, True): "first shot; in a reference folder, kept",
}

#: Every other frame's reason, by (time apart, sharpness compared, in a reference folder).
BURST_SHOT_TEMPLATES: dict[tuple[_Gap, bool, bool], str] = {
    (_Gap.UNKNOWN, False, False): "another shot of the burst",
    (_Gap.UNKNOWN, False, True): "another shot of the burst; in a reference folder, kept",
    (_Gap.UNKNOWN, True, False): "another shot of the burst, {percent} % as sharp",
    (_Gap.UNKNOWN, True, True): (
        "another shot of the burst, {percent} % as sharp; in a reference folder, kept"
    ),
    (_Gap.SAME_SECOND, False, False): "another shot of the burst (same second)",
    (_Gap.SAME_SECOND, False, True): (
        "another shot of the burst (same second); in a reference folder, kept"
    ),
    (_Gap.SAME_SECOND, True, False): (
        "another shot of the burst (same second), {percent} % as sharp"
    ),
    (_Gap.SAME_SECOND, True, True): (
        "another shot of the burst (same second), {percent} % as sharp; in a reference folder, kept"
    ),
    (_Gap.APART, False, False): "another shot of the burst ({seconds} s apart)",
    (_Gap.APART, False, True): (
        "another shot of the burst ({seconds} s apart); in a reference folder, kept"
    ),
    (_Gap.APART, True, False): (
        "another shot of the burst ({seconds} s apart), {percent} % as sharp"
    ),
    (_Gap.APART, True, True): (
        "another shot of the burst ({seconds} s apart), {percent} % as sharp; "
        "in a reference folder, kept"
    ),
}

#: Every template build_burst can produce.
REASON_TEMPLATES: tuple[str, ...] = (
    *BURST_KEEPER_TEMPLATES.values(),
    *BURST_SHOT_TEMPLATES.values(),
)


def _gap(a: Fingerprint, b: Fingerprint) -> tuple[_Gap, int]:
    ta, tb = taken_seconds(a.taken), taken_seconds(b.taken)
    if ta is None or tb is None:
        return _Gap.UNKNOWN, 0
    seconds = abs(tb - ta)
    return (_Gap.SAME_SECOND, 0) if seconds < 1 else (_Gap.APART, round(seconds))


def build_burst(
    group_id: int,
    frames: Sequence[Fingerprint],
    sharpness_of: Callable[[str], float | None],
    references: Sequence[str] = (),
) -> DuplicateGroup:
    """A burst group: the sharpest frame first (the suggestion), every frame kept."""

    def order(fp: Fingerprint) -> tuple:
        value = sharpness_of(fp.path)
        return (value is None, -(value or 0.0), fp.taken, fp.path)

    ordered = sorted(frames, key=order)
    best = ordered[0]
    best_value = sharpness_of(best.path)
    members = []
    for i, fp in enumerate(ordered):
        value = sharpness_of(fp.path)
        is_ref = any(is_under(fp.path, r) for r in references)
        if i == 0:
            why = explain(BURST_KEEPER_TEMPLATES[value is not None, is_ref])
        else:
            gap, seconds = _gap(best, fp)
            compared = value is not None and bool(best_value)
            percent = round(100 * value / best_value) if compared else 0
            why = explain(
                BURST_SHOT_TEMPLATES[gap, compared, is_ref], seconds=seconds, percent=percent
            )
        members.append(
            GroupMember(
                fingerprint=fp,
                keep=True,
                distance=(best.phash ^ fp.phash).bit_count(),
                relation=Relation.KEEPER if i == 0 else Relation.BURST_SHOT,
                reference=is_ref,
                sharpness=value,
                **why,
            )
        )
    return DuplicateGroup(group_id, GroupKind.BURST, tuple(members))


def burst_groups(
    photos: Sequence[Fingerprint],
    first_id: int,
    references: Sequence[str] = (),
    workers: int = os.cpu_count() or 1,
    cancel: CancelToken | None = None,
) -> list[DuplicateGroup]:
    """Burst groups among ``photos`` (one file per photo), numbered from ``first_id``."""
    bursts = find_bursts(photos, cancel)
    if not bursts or (cancel is not None and cancel.cancelled):
        return []
    paths = [photos[i].path for burst in bursts for i in burst]
    values = measure_sharpness(paths, workers, cancel)
    groups = [
        build_burst(0, [photos[i] for i in burst], values.get, references) for burst in bursts
    ]
    groups.sort(key=lambda g: min(m.path for m in g.members))
    return [
        DuplicateGroup(first_id + n, g.kind, g.members, g.low_detail) for n, g in enumerate(groups)
    ]
