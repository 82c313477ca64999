"""Which copy to keep, how each copy relates to it, and the reasons people read."""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .discovery import is_under
from .matching import best_variant
from .models import (
    RAW_FORMATS,
    DuplicateGroup,
    Fingerprint,
    GroupKind,
    GroupMember,
    ReasonValue,
    Relation,
)


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


#: Why a keeper is kept. Reasons are built from fixed templates whose {placeholders} are
#: ReasonValue names, so the app can translate them (gui/reasons.py lists every one of them).
KEEP_REFERENCE = "in a reference folder"
KEEP_RAW = "RAW original"
KEEP_JPEG = "JPEG preferred over the RAW"
KEEP_RESOLUTION = "largest resolution: {width}x{height}"
KEEP_SIZE = "largest file: {size}"
KEEP_OLDEST_TAKEN = "oldest: taken {time}"
KEEP_OLDEST_MODIFIED = "oldest: modified {time}"
KEEP_SHORTEST_PATH = "shortest path"
KEEP_FIRST_BY_NAME = "first by name"

#: What a copy is, by its relation to the keeper and whether it is in a reference folder.
COPY_TEMPLATES: dict[tuple[Relation, bool], str] = {
    (Relation.IDENTICAL, False): "identical file of {name}",
    (Relation.IDENTICAL, True): "identical file; in a reference folder, kept",
    (Relation.SAME_PIXELS, False): "same pixels, other metadata or format of {name}",
    (Relation.SAME_PIXELS, True): (
        "same pixels, other metadata or format; in a reference folder, kept"
    ),
    (Relation.RESIZED, False): "resized copy ({width}x{height}) of {name}",
    (Relation.RESIZED, True): "resized copy ({width}x{height}); in a reference folder, kept",
    (Relation.CONVERTED, False): "re-encoded or converted copy of {name}",
    (Relation.CONVERTED, True): "re-encoded or converted copy; in a reference folder, kept",
    (Relation.ROTATED, False): "rotated or mirrored copy of {name}",
    (Relation.ROTATED, True): "rotated or mirrored copy; in a reference folder, kept",
    (Relation.EDITED, False): "edited copy ({width}x{height}) of {name}",
    (Relation.EDITED, True): "edited copy ({width}x{height}); in a reference folder, kept",
}

#: Every template build_group can produce.
REASON_TEMPLATES: tuple[str, ...] = (
    KEEP_REFERENCE,
    KEEP_RAW,
    KEEP_JPEG,
    KEEP_RESOLUTION,
    KEEP_SIZE,
    KEEP_OLDEST_TAKEN,
    KEEP_OLDEST_MODIFIED,
    KEEP_SHORTEST_PATH,
    KEEP_FIRST_BY_NAME,
    *COPY_TEMPLATES.values(),
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(template: str) -> list[str]:
    """The value names a template uses, in order."""
    return _PLACEHOLDER.findall(template)


def fill_reason(template: str, values: Mapping[str, str], word: Callable[[str, str], str]) -> str:
    """The template with each {name} replaced by ``word(name, raw value)``.

    A plain substitution, not str.format: templates may come from a results file, and a format
    string can reach into the attributes of its arguments.
    """
    return _PLACEHOLDER.sub(lambda m: word(m.group(1), values[m.group(1)]), template)


#: Values whose raw form is an integer (the others are text, e.g. a file name).
INTEGER_VALUES = frozenset(ReasonValue) - {ReasonValue.NAME}


def english_value(name: str, raw: str) -> str:
    """A raw reason value worded in English, as the CLI and the results files show it."""
    if name == ReasonValue.SIZE:
        return human_size(int(raw))
    if name == ReasonValue.TIME:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(int(raw)))
    return raw


def explain(template: str, **values: object) -> dict[str, Any]:
    """GroupMember's reason fields: the English text, the template and the values it uses."""
    pairs = tuple((name, str(values[name])) for name in dict.fromkeys(placeholders(template)))
    return {
        "reason": fill_reason(template, dict(pairs), english_value),
        "reason_template": template,
        "reason_values": pairs,
    }


def _keeper_reason(best: Fingerprint, runner_up: Fingerprint) -> dict[str, Any]:
    if is_raw(best) != is_raw(runner_up):
        return explain(KEEP_RAW if is_raw(best) else KEEP_JPEG)
    if best.pixels != runner_up.pixels:
        return explain(KEEP_RESOLUTION, width=best.width, height=best.height)
    if best.size != runner_up.size:
        return explain(KEEP_SIZE, size=best.size)
    if capture_time(best) != capture_time(runner_up):
        when = math.floor(capture_time(best))
        return explain(KEEP_OLDEST_TAKEN if best.taken else KEEP_OLDEST_MODIFIED, time=when)
    if len(best.path) != len(runner_up.path):
        return explain(KEEP_SHORTEST_PATH)
    return explain(KEEP_FIRST_BY_NAME)


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
            why = explain(KEEP_REFERENCE) if is_ref else _keeper_reason(fp, ordered[1])
            members.append(
                GroupMember(fp, True, distance=0, relation=Relation.KEEPER, reference=is_ref, **why)
            )
            continue
        relation, distance = relation_to(keeper, fp, rotations)
        why = explain(
            COPY_TEMPLATES[relation, is_ref],
            width=fp.width,
            height=fp.height,
            name=os.path.basename(keeper.path),
        )
        members.append(
            GroupMember(fp, is_ref, distance=distance, relation=relation, reference=is_ref, **why)
        )
    kind = GroupKind.IDENTICAL if len({fp.digest for fp in fps}) == 1 else GroupKind.SIMILAR
    return DuplicateGroup(group_id, kind, tuple(members), low_detail=all(fp.flat for fp in fps))
