"""Which copy to keep, how each copy relates to it, and the reasons people read."""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from . import provenance as pv
from .discovery import is_under
from .fingerprint import THUMB_SIDE
from .matching import best_variant
from .models import (
    DEFAULT_KEEPER_RULES,
    DuplicateGroup,
    Fingerprint,
    GroupKind,
    GroupMember,
    ReasonValue,
    Relation,
)
from .provenance import is_raw
from .verify import carries_colour


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


#: Why a keeper is kept. Reasons are built from fixed templates whose {placeholders} are
#: ReasonValue names, so the app can translate them (gui/reasons.py lists every one of them).
KEEP_REFERENCE = "in a reference folder"
KEEP_USER = "chosen by you"
KEEP_RAW = pv.KEEP_RAW
KEEP_JPEG = pv.KEEP_JPEG
KEEP_RESOLUTION = pv.KEEP_RESOLUTION
KEEP_SIZE = pv.KEEP_SIZE
KEEP_OLDEST_TAKEN = pv.KEEP_OLDEST_TAKEN
KEEP_OLDEST_MODIFIED = pv.KEEP_OLDEST_MODIFIED
KEEP_SHORTEST_PATH = pv.KEEP_SHORTEST_PATH
KEEP_FIRST_BY_NAME = pv.KEEP_FIRST_BY_NAME

KEEP_TEMPLATES: tuple[str, ...] = (
    KEEP_REFERENCE,
    KEEP_USER,
    pv.KEEP_INTACT,
    pv.KEEP_RAW,
    pv.KEEP_JPEG,
    pv.KEEP_RESOLUTION,
    pv.KEEP_UNFRAMED,
    pv.KEEP_SIDECAR_WORK,
    pv.KEEP_CAMERA,
    pv.KEEP_CAMERA_MODEL,
    pv.KEEP_CAMERA_TAKEN,
    pv.KEEP_CAMERA_FORMAT,
    pv.KEEP_LOSSLESS,
    pv.KEEP_CAMERA_TABLES,
    pv.KEEP_QUALITY,
    pv.KEEP_CAMERA_NAME,
    pv.KEEP_NOT_COPY_NAME,
    pv.KEEP_NOT_COPY_FOLDER,
    pv.KEEP_SIZE,
    pv.KEEP_OLDEST_TAKEN,
    pv.KEEP_OLDEST_MODIFIED,
    pv.KEEP_NEWEST_MODIFIED,
    pv.KEEP_FORMAT_RULE,
    pv.KEEP_FOLDER_RULE,
    pv.KEEP_SHORTEST_PATH,
    pv.KEEP_FIRST_BY_NAME,
)

#: What a copy is, by its kind and whether it is in a reference folder ("converted" and
#: "re-encoded" are both Relation.CONVERTED; the template says which).
COPY_TEMPLATES: dict[tuple[str, bool], str] = {
    ("identical", False): "identical file of {name}",
    ("identical", True): "identical file; in a reference folder, kept",
    ("same_pixels", False): "same pixels, other metadata or format of {name}",
    ("same_pixels", True): "same pixels, other metadata or format; in a reference folder, kept",
    ("resized", False): "resized copy ({width}x{height}) of {name}",
    ("resized", True): "resized copy ({width}x{height}); in a reference folder, kept",
    ("converted", False): "{format} conversion of {name}",
    ("converted", True): "{format} conversion; in a reference folder, kept",
    ("reencoded", False): "re-encoded copy (JPEG quality {quality}) of {name}",
    ("reencoded", True): "re-encoded copy (JPEG quality {quality}); in a reference folder, kept",
    ("recompressed", False): "re-encoded or converted copy of {name}",
    ("recompressed", True): "re-encoded or converted copy; in a reference folder, kept",
    ("rotated", False): "rotated or mirrored copy of {name}",
    ("rotated", True): "rotated or mirrored copy; in a reference folder, kept",
    ("edited", False): "edited copy ({width}x{height}) of {name}",
    ("edited", True): "edited copy ({width}x{height}); in a reference folder, kept",
    ("framed", False): "copy with a frame added ({width}x{height}) of {name}",
    ("framed", True): "copy with a frame added ({width}x{height}); in a reference folder, kept",
    ("damaged", False): "damaged copy of {name}",
    ("damaged", True): "damaged copy; in a reference folder, kept",
}

#: Every template build_group can produce.
REASON_TEMPLATES: tuple[str, ...] = (*KEEP_TEMPLATES, *COPY_TEMPLATES.values())

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
INTEGER_VALUES = frozenset(ReasonValue) - {
    ReasonValue.NAME,
    ReasonValue.CAMERA,
    ReasonValue.FORMAT,
}


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


# -- keeper rules --------------------------------------------------------------------------

#: The rules a user can order (``--prefer`` in the CLI, the keeper rules dialog in the app).
RULE_ORIGINAL = "original"
RULE_RESOLUTION = "resolution"
RULE_SIZE = "size"
RULE_OLDEST = "oldest"
RULE_NEWEST = "newest"
RULE_FORMAT = "format"  # "format:JPEG"
RULE_FOLDER = "folder"  # "folder:/path/to/folder"
SIMPLE_RULES = (RULE_ORIGINAL, RULE_RESOLUTION, RULE_SIZE, RULE_OLDEST, RULE_NEWEST)
DEFAULT_RULES = DEFAULT_KEEPER_RULES


class RuleError(ValueError):
    """A keeper rule that cannot be understood; the message says which forms exist."""


def parse_rule(text: str) -> str:
    """A rule in its normal form ("format:JPEG", "folder:/abs/path"); RuleError when unknown."""
    kind, _, value = text.strip().partition(":")
    kind = kind.strip().lower()
    if kind in SIMPLE_RULES and not value:
        return kind
    if kind == RULE_FORMAT and value.strip():
        name = value.strip().upper()
        return f"{RULE_FORMAT}:{'JPEG' if name == 'JPG' else 'TIFF' if name == 'TIF' else name}"
    if kind == RULE_FOLDER and value.strip():
        return f"{RULE_FOLDER}:{os.path.abspath(os.path.expanduser(value.strip()))}"
    raise RuleError(
        f"unknown keeper rule {text!r}: use {', '.join(SIMPLE_RULES)}, format:FORMAT "
        "(format:JPEG) or folder:PATH"
    )


def _format_step(fmt: str) -> pv.Step:
    def prefer_format(a: Fingerprint, b: Fingerprint) -> pv.Verdict | None:
        verdict = pv._by(a.format == fmt, b.format == fmt, pv.KEEP_FORMAT_RULE)
        return verdict and pv.Verdict(verdict.prefer, verdict.template, (("format", fmt),))

    return prefer_format


def _folder_step(folder: str) -> pv.Step:
    def prefer_folder(a: Fingerprint, b: Fingerprint) -> pv.Verdict | None:
        verdict = pv._by(is_under(a.path, folder), is_under(b.path, folder), pv.KEEP_FOLDER_RULE)
        return verdict and pv.Verdict(verdict.prefer, verdict.template, (("name", folder),))

    return prefer_folder


def rule_steps(rules: Sequence[str], prefer_jpeg: bool = False) -> tuple[pv.Step, ...]:
    """The comparison steps of an ordered list of rules (parsed with ``parse_rule``).

    A damaged file never wins while an intact copy exists, whatever the rules say; what the
    rules leave open, the evidence of the original decides.
    """
    original = list(pv.ORIGINAL_STEPS)
    if prefer_jpeg:
        original[original.index(pv.raw_first)] = pv.jpeg_over_raw
    steps: list[pv.Step] = [pv.intact]
    simple = {
        RULE_ORIGINAL: original,
        RULE_RESOLUTION: [pv.resolution],
        RULE_SIZE: [pv.larger_file],
        RULE_OLDEST: [pv.oldest],
        RULE_NEWEST: [pv.newest],
    }
    for rule in rules:
        kind, _, value = rule.partition(":")
        if kind in simple:
            steps.extend(s for s in simple[kind] if s not in steps)
        elif kind == RULE_FORMAT:
            steps.append(_format_step(value))
        elif kind == RULE_FOLDER:
            steps.append(_folder_step(value))
    # Below the user's rules, the evidence of the original still decides what they leave open.
    steps.extend(s for s in original if s not in steps)
    return tuple(steps)


def rank(fps: Sequence[Fingerprint], steps: tuple[pv.Step, ...]) -> list[Fingerprint]:
    """The files best keeper first, by the steps' evidence."""
    return sorted(fps, key=functools.cmp_to_key(lambda a, b: pv.prefers(a, b, steps)))


def _in_reference(fp: Fingerprint, references: Sequence[str]) -> bool:
    return any(is_under(fp.path, r) for r in references)


def keeper_order(
    fps: Sequence[Fingerprint], steps: tuple[pv.Step, ...], references: Sequence[str] = ()
) -> list[Fingerprint]:
    """The files best keeper first: files in reference folders before all others (they are
    kept whatever the rules say), each part ordered by the steps' evidence."""
    ordered = rank(fps, steps)
    return sorted(ordered, key=lambda fp: not _in_reference(fp, references))


# -- relations -----------------------------------------------------------------------------


def _same_size(a: tuple[int, int], b: tuple[int, int], tolerance: float = 0.01) -> bool:
    return abs(a[0] - b[0]) <= tolerance * max(a[0], b[0]) and abs(a[1] - b[1]) <= tolerance * max(
        a[1], b[1]
    )


def _same_pixels(a: Fingerprint, b: Fingerprint) -> bool:
    return bool(a.pixel_digest) and a.pixel_digest == b.pixel_digest


#: A copy of the keeper's size whose 32x32 luma thumbnail differs from the keeper's by this
#: much (mean absolute difference, 8-bit levels) was edited, not only re-encoded or converted.
#: On the dev corpus and two package-photo corpora, re-encodes (quality 95 to 40) and
#: conversions (PNG, TIFF, BMP, WebP, HEIC) stay at 0.86 or less, one copy stored sideways
#: with an EXIF orientation 1.26; brightness, contrast and gamma edits reach 3.97 or more,
#: watermarks 1.09 to 7.87 (the faintest stay "re-encoded"). Blurred, sharpened or noisy
#: copies (0.13-1.42) barely move at 32x32 and stay "re-encoded" too.
EDITED_LUMA = 2.0
#: The same for the 8x8 colour planes: re-encodes and conversions 0.66 or less, saturation
#: edits 0.88 or more.
EDITED_CHROMA = 0.8

_LUMA = THUMB_SIDE * THUMB_SIDE


def _looks_edited(keeper: Fingerprint, fp: Fingerprint) -> bool:
    """Whether a copy of the keeper's size changed in tones or colours (see EDITED_LUMA), or
    lost or gained its colours; False when either has no thumbnail (a results file's)."""
    a, b = keeper.thumb, fp.thumb
    if len(a) < _LUMA or len(b) < _LUMA:
        return False
    if np.abs(_levels(a[:_LUMA]) - _levels(b[:_LUMA])).mean() >= EDITED_LUMA:
        return True
    ca, cb = _levels(a[_LUMA:]), _levels(b[_LUMA:])
    if len(ca) and len(cb):
        return bool(np.abs(ca - cb).mean() >= EDITED_CHROMA)
    colour = ca if len(ca) else cb  # a gray file against one stored in colour
    return bool(len(colour)) and bool(carries_colour(colour.reshape(1, 2, -1, 1))[0])


def _levels(data: bytes) -> np.ndarray:
    return np.frombuffer(data, np.uint8).astype(np.int16)


def copy_kind(keeper: Fingerprint, fp: Fingerprint, rotations: bool) -> tuple[str, int]:
    """What fp is to the keeper (a COPY_TEMPLATES kind) and its pHash distance to it."""
    if fp.digest == keeper.digest:
        return "identical", 0
    if _same_pixels(fp, keeper):
        return "same_pixels", 0
    variant, pdist, ddist = best_variant(keeper, fp, rotations)
    if fp.damaged and not keeper.damaged:
        return "damaged", pdist
    if variant:
        return "rotated", pdist
    same_aspect = abs(fp.width * keeper.height - fp.height * keeper.width) <= 0.01 * (
        keeper.width * keeper.height
    )
    if is_raw(fp) != is_raw(keeper) and same_aspect:
        # A camera's JPEG of its RAW: the sensor size and the JPEG size often differ a little.
        return "converted", pdist
    framed = (fp.width, fp.height) != fp.content_size
    if framed and _same_size(fp.content_size, keeper.content_size, 0.03):
        return "framed", pdist
    if (fp.width, fp.height) != (keeper.width, keeper.height):
        return ("resized" if same_aspect else "edited"), pdist
    if pdist <= 2 and ddist <= 2 and not _looks_edited(keeper, fp):
        if fp.format != keeper.format:
            return "converted", pdist
        return ("reencoded" if fp.quality else "recompressed"), pdist
    return "edited", pdist


_RELATION = {
    "identical": Relation.IDENTICAL,
    "same_pixels": Relation.SAME_PIXELS,
    "resized": Relation.RESIZED,
    "converted": Relation.CONVERTED,
    "reencoded": Relation.CONVERTED,
    "recompressed": Relation.CONVERTED,
    "rotated": Relation.ROTATED,
    "edited": Relation.EDITED,
    "framed": Relation.FRAMED,
    "damaged": Relation.DAMAGED,
}


def relation_to(keeper: Fingerprint, fp: Fingerprint, rotations: bool) -> tuple[Relation, int]:
    """How fp relates to the keeper, and its pHash distance to it."""
    kind, distance = copy_kind(keeper, fp, rotations)
    return _RELATION[kind], distance


def _copy_member(
    keeper: Fingerprint, fp: Fingerprint, keep: bool, is_ref: bool, rotations: bool
) -> GroupMember:
    kind, distance = copy_kind(keeper, fp, rotations)
    why = explain(
        COPY_TEMPLATES[kind, is_ref],
        width=fp.width,
        height=fp.height,
        name=os.path.basename(keeper.path),
        format=fp.format,
        quality=fp.quality,
    )
    return GroupMember(
        fp, keep, distance=distance, relation=_RELATION[kind], reference=is_ref, **why
    )


def _keeper_member(fp: Fingerprint, keep: bool, is_ref: bool, why: dict[str, Any]) -> GroupMember:
    return GroupMember(fp, keep, distance=0, relation=Relation.KEEPER, reference=is_ref, **why)


def build_group(
    group_id: int,
    fps: Sequence[Fingerprint],
    references: Sequence[str] = (),
    rotations: bool = False,
    prefer_jpeg: bool = False,
    rules: Sequence[str] = DEFAULT_RULES,
    centre_first: bool = False,
) -> DuplicateGroup:
    """Rank the files of one group: keeper(s) first, each with a reason and its relation.

    The keeper is the file the rules prefer (by default the original, from the evidence in
    core/provenance.py); a file in a reference folder is kept over every rule. A damaged
    file is the keeper only when every copy is damaged, and it is then never marked. With
    ``centre_first``, ``fps[0]`` is the group's centre (every other file was verified against
    it: see matching.split_groups) and stays the keeper unless a reference file is there.
    """
    steps = rule_steps(rules, prefer_jpeg)
    ordered = keeper_order(fps, steps, references)
    refs = [fp for fp in ordered if _in_reference(fp, references)]
    if centre_first and (not refs or fps[0] in refs):
        ordered.remove(fps[0])
        ordered.insert(0, fps[0])
    keeper = ordered[0]
    if refs:
        why = explain(KEEP_REFERENCE)
    else:
        # Why this picture over the others: a byte-identical file is no evidence of anything.
        other = next(
            (
                fp
                for fp in ordered[1:]
                if fp.digest != keeper.digest and not _same_pixels(fp, keeper)
            ),
            ordered[1],
        )
        verdict = pv.decide(keeper, other, steps)
        why = explain(verdict.template, **dict(verdict.values))
    # Every copy damaged: nothing is suggested for the trash (the user decides).
    all_damaged = keeper.damaged
    members = [_keeper_member(keeper, True, bool(refs), why)]
    for fp in ordered[1:]:
        is_ref = fp in refs
        members.append(_copy_member(keeper, fp, is_ref or all_damaged, is_ref, rotations))
    kind = GroupKind.IDENTICAL if len({fp.digest for fp in fps}) == 1 else GroupKind.SIMILAR
    return DuplicateGroup(group_id, kind, tuple(members), low_detail=all(fp.flat for fp in fps))


def relabel(group: DuplicateGroup, keeper_path: str) -> DuplicateGroup:
    """The group as seen from the keeper the user chose: every relation and reason recomputed.

    The members' ``keep`` flags (the engine's suggestion) stay as they were; only the words
    and the order change, so undoing the choice gives the engine's group back.
    """
    chosen = next((m for m in group.members if m.path == keeper_path), None)
    if chosen is None or chosen is group.members[0]:
        return group
    rotations = any(m.relation == Relation.ROTATED for m in group.members)
    keeper = chosen.fingerprint
    why = explain(KEEP_REFERENCE) if chosen.reference else explain(KEEP_USER)
    members = [_keeper_member(keeper, chosen.keep, chosen.reference, why)]
    for m in group.members:
        if m is not chosen:
            members.append(_copy_member(keeper, m.fingerprint, m.keep, m.reference, rotations))
    return DuplicateGroup(group.id, group.kind, tuple(members), group.low_detail)
