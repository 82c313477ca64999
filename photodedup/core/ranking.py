"""Which copy to keep, how each copy relates to it, and the reasons people read."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from .discovery import is_under
from .matching import best_variant
from .models import RAW_FORMATS, DuplicateGroup, Fingerprint, GroupKind, GroupMember, Relation


def human_size(size: float) -> str:
    """'212 MB', '1.5 GB', '512 bytes': decimal units, one decimal only below 10 (as the app)."""
    value = float(size)
    for unit in ("bytes", "kB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            break
        value /= 1000
    if unit == "bytes":
        return f"{value:.0f} bytes"
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"


def capture_time(fp: Fingerprint) -> float:
    """EXIF capture time when the photo has one, else the file's modification time."""
    if fp.taken:
        try:
            return time.mktime(time.strptime(fp.taken[:19], "%Y:%m:%d %H:%M:%S"))
        except (ValueError, OverflowError):
            pass
    return fp.mtime_ns / 1e9


def is_raw(fp: Fingerprint) -> bool:
    """Whether the file is a camera RAW (fingerprinted from its embedded preview)."""
    return fp.format in RAW_FORMATS


def _order_key(fp: Fingerprint, prefer_jpeg: bool = False) -> tuple:
    # A RAW is the camera's original, so it comes first unless the user prefers the JPEG; then
    # most pixels, largest file, oldest, shortest path (then the path itself, so the choice
    # never depends on scan order).
    raw_tier = is_raw(fp) if prefer_jpeg else not is_raw(fp)
    return (raw_tier, -fp.pixels, -fp.size, capture_time(fp), len(fp.path), fp.path)


def _keeper_reason(best: Fingerprint, runner_up: Fingerprint) -> str:
    if is_raw(best) != is_raw(runner_up):
        return "RAW original" if is_raw(best) else "JPEG preferred over the RAW"
    if best.pixels != runner_up.pixels:
        return f"largest resolution: {best.width}x{best.height}"
    if best.size != runner_up.size:
        return f"largest file: {human_size(best.size)}"
    if capture_time(best) != capture_time(runner_up):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(capture_time(best)))
        return f"oldest: {'taken' if best.taken else 'modified'} {when}"
    if len(best.path) != len(runner_up.path):
        return "shortest path"
    return "first by name"


def relation_to(keeper: Fingerprint, fp: Fingerprint, rotations: bool) -> tuple[Relation, int]:
    """How fp relates to the keeper, and its pHash distance to it."""
    if fp.digest == keeper.digest:
        return Relation.IDENTICAL, 0
    if fp.pixel_digest and fp.pixel_digest == keeper.pixel_digest:
        return Relation.SAME_PIXELS, 0
    variant, pdist, ddist = best_variant(keeper, fp, rotations)
    if variant:
        return Relation.ROTATED, pdist
    same_aspect = abs(fp.width * keeper.height - fp.height * keeper.width) <= 0.01 * (
        keeper.width * keeper.height
    )
    if is_raw(fp) != is_raw(keeper) and same_aspect:
        # A camera's JPEG of its RAW: the sensor size and the JPEG size often differ a little.
        return Relation.CONVERTED, pdist
    if (fp.width, fp.height) != (keeper.width, keeper.height):
        return (Relation.RESIZED if same_aspect else Relation.EDITED), pdist
    if pdist <= 2 and ddist <= 2:
        return Relation.CONVERTED, pdist
    return Relation.EDITED, pdist


_RELATION_WORDS = {
    Relation.IDENTICAL: "identical file",
    Relation.SAME_PIXELS: "same pixels, other metadata or format",
    Relation.RESIZED: "resized copy",
    Relation.CONVERTED: "re-encoded or converted copy",
    Relation.ROTATED: "rotated or mirrored copy",
    Relation.EDITED: "edited copy",
}


def build_group(
    group_id: int,
    fps: Sequence[Fingerprint],
    references: Sequence[str] = (),
    rotations: bool = False,
    prefer_jpeg: bool = False,
) -> DuplicateGroup:
    """Rank the files of one group: keeper(s) first, each with a reason and its relation.

    A RAW file is kept over its JPEGs unless ``prefer_jpeg``.
    """
    ordered = sorted(fps, key=lambda fp: _order_key(fp, prefer_jpeg))
    refs = [fp for fp in ordered if any(is_under(fp.path, r) for r in references)]
    keeper = refs[0] if refs else ordered[0]
    ordered.remove(keeper)
    ordered.insert(0, keeper)
    members = []
    for i, fp in enumerate(ordered):
        is_ref = fp in refs
        if i == 0:
            reason = "in a reference folder" if is_ref else _keeper_reason(fp, ordered[1])
            members.append(GroupMember(fp, True, reason, 0, Relation.KEEPER, is_ref))
            continue
        relation, distance = relation_to(keeper, fp, rotations)
        words = _RELATION_WORDS[relation]
        if relation in (Relation.RESIZED, Relation.EDITED):
            words += f" ({fp.width}x{fp.height})"
        if is_ref:
            reason = f"{words}; in a reference folder, kept"
        else:
            reason = f"{words} of {os.path.basename(keeper.path)}"
        members.append(GroupMember(fp, is_ref, reason, distance, relation, is_ref))
    kind = GroupKind.IDENTICAL if len({fp.digest for fp in fps}) == 1 else GroupKind.SIMILAR
    return DuplicateGroup(group_id, kind, tuple(members), low_detail=all(fp.flat for fp in fps))
