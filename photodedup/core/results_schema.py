"""Validation of a results document read from an untrusted file: every field checked and bounded."""

from __future__ import annotations

import math
import os
import re
from typing import Any

from photodedup.core import bursts, ranking
from photodedup.core.companions import COMPANION_EXTENSIONS, belongs_to
from photodedup.core.models import (
    IMAGE_EXTENSIONS,
    Companion,
    CompanionKind,
    DuplicateGroup,
    Fingerprint,
    GroupKind,
    GroupMember,
    Problem,
    Relation,
    ScanResult,
    ScanStats,
)

RESULTS_VERSION = 2  # 2: each file's "companions"; version 1 files still load
READABLE_VERSIONS = (1, 2)
MAX_KEYWORDS = 1000

# Bounds for a results file we are willing to act on; anything beyond is not a scan we wrote.
MAX_PATH_CHARS = 4096
MAX_TEXT_CHARS = 2000
MAX_SIZE = 1 << 44  # 16 TiB for one photo is already absurd
MAX_DIMENSION = 1 << 20
MAX_COUNT = 1 << 40
MAX_GROUP_ID = 1 << 40
MAX_DISTANCE = 64 * 8
MIN_INT64, MAX_INT64 = -(1 << 63), (1 << 63) - 1


class ResultsError(ValueError):
    """A results file that is unreadable, malformed or not safe to act on."""


class _Checker:
    """Typed accessors that turn every malformed value into a ResultsError naming its place."""

    def obj(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise ResultsError(f"{where} must be an object")
        return value

    def lst(self, value: Any, where: str) -> list:
        if not isinstance(value, list):
            raise ResultsError(f"{where} must be a list")
        return value

    def field(self, obj: dict, key: str, where: str) -> Any:
        if key not in obj:
            raise ResultsError(f"{where} is missing {key!r}")
        return obj[key]

    def int_(self, value: Any, where: str, lo: int, hi: int) -> int:
        # bool is an int in Python; a results file saying "size": true is malformed.
        if not isinstance(value, int) or isinstance(value, bool):
            raise ResultsError(f"{where} must be an integer")
        if not lo <= value <= hi:
            raise ResultsError(f"{where} is out of range ({value})")
        return value

    def bool_(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise ResultsError(f"{where} must be true or false")
        return value

    def str_(self, value: Any, where: str, limit: int = MAX_TEXT_CHARS) -> str:
        if not isinstance(value, str):
            raise ResultsError(f"{where} must be a string")
        if len(value) > limit:
            raise ResultsError(f"{where} is too long")
        if "\x00" in value:
            raise ResultsError(f"{where} contains a NUL character")
        return value

    def opt_str(self, obj: dict, key: str, where: str) -> str:
        return self.str_(obj[key], f"{where}.{key}") if key in obj else ""


def _abs_path(check: _Checker, value: Any, where: str) -> str:
    path = check.str_(value, where, MAX_PATH_CHARS)
    if not path or not os.path.isabs(path):
        raise ResultsError(f"{where} is not an absolute path: {path!r}")
    parts = path.replace("\\", "/").split("/")
    if ".." in parts:
        raise ResultsError(f"{where} contains '..': {path!r}")
    return os.path.normpath(path)


def _inside(path: str, root: str) -> bool:
    if path == root:
        return False
    prefix = root if root.endswith(os.sep) else root + os.sep
    return path.startswith(prefix)


def _parse_member(
    check: _Checker, raw: Any, where: str, roots: tuple[str, ...], kind: GroupKind
) -> GroupMember:
    f = check.obj(raw, where)
    path = _abs_path(check, check.field(f, "path", where), f"{where}.path")
    if not any(_inside(path, root) for root in roots):
        raise ResultsError(f"{where}.path is outside the scanned folders: {path}")
    if os.path.splitext(path)[1].lower() not in IMAGE_EXTENSIONS:
        raise ResultsError(f"{where}.path is not a photo file: {path}")
    keep = check.bool_(check.field(f, "keep", where), f"{where}.keep")
    default_relation = Relation.KEEPER if keep else Relation.IDENTICAL
    if kind is GroupKind.SIMILAR and not keep:
        default_relation = Relation.EDITED
    elif kind is GroupKind.BURST and not keep:
        default_relation = Relation.BURST_SHOT
    relation = default_relation
    if "relation" in f:
        raw_rel = check.str_(f["relation"], f"{where}.relation")
        try:
            relation = Relation(raw_rel)
        except ValueError:
            raise ResultsError(f"{where}.relation is unknown: {raw_rel!r}") from None
    digest = check.opt_str(f, "digest", where)
    if digest and (len(digest) > 128 or any(c not in "0123456789abcdef" for c in digest)):
        raise ResultsError(f"{where}.digest is not a hex digest")
    fp = Fingerprint(
        path=path,
        size=check.int_(check.field(f, "size", where), f"{where}.size", 0, MAX_SIZE),
        mtime_ns=check.int_(
            check.field(f, "mtime_ns", where), f"{where}.mtime_ns", MIN_INT64, MAX_INT64
        ),
        digest=digest,
        pixel_digest="",
        width=check.int_(check.field(f, "width", where), f"{where}.width", 0, MAX_DIMENSION),
        height=check.int_(check.field(f, "height", where), f"{where}.height", 0, MAX_DIMENSION),
        format=check.str_(check.field(f, "format", where), f"{where}.format", 64),
        phashes=(),
        dhashes=(),
        thumb=b"",
        flat=False,
        taken=check.opt_str(f, "taken", where),
        camera=check.opt_str(f, "camera", where),
        damaged=check.bool_(f["damaged"], f"{where}.damaged") if "damaged" in f else False,
        companions=tuple(
            _parse_companion(check, c, f"{where}.companions[{i}]", path, roots)
            for i, c in enumerate(check.lst(f.get("companions", []), f"{where}.companions"))
        ),
    )
    reference = check.bool_(f["reference"], f"{where}.reference") if "reference" in f else False
    sharpness = None
    if "sharpness" in f:
        value = f["sharpness"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ResultsError(f"{where}.sharpness must be a number")
        if not math.isfinite(value) or not 0 <= value <= 1e12:
            raise ResultsError(f"{where}.sharpness is out of range ({value})")
        sharpness = float(value)
    template, values = _parse_reason_parts(check, f, where)
    return GroupMember(
        fingerprint=fp,
        keep=keep,
        reason=check.str_(check.field(f, "reason", where), f"{where}.reason"),
        reason_template=template,
        reason_values=values,
        distance=check.int_(
            check.field(f, "distance", where), f"{where}.distance", 0, MAX_DISTANCE
        ),
        relation=relation,
        reference=reference,
        sharpness=sharpness,
    )


def _parse_companion(
    check: _Checker, raw: Any, where: str, photo: str, roots: tuple[str, ...]
) -> Companion:
    """A companion as a results file lists it: beside its photo, with a companion's extension.

    A results file decides what goes to the trash: a "companion" anywhere else, or of another
    kind of file, is refused.
    """
    c = check.obj(raw, where)
    path = _abs_path(check, check.field(c, "path", where), f"{where}.path")
    if os.path.dirname(path) != os.path.dirname(photo) or path == photo:
        raise ResultsError(f"{where}.path is not beside its photo: {path}")
    raw_kind = check.str_(check.field(c, "kind", where), f"{where}.kind")
    try:
        kind = CompanionKind(raw_kind)
    except ValueError:
        raise ResultsError(f"{where}.kind is unknown: {raw_kind!r}") from None
    if COMPANION_EXTENSIONS.get(os.path.splitext(path)[1].lower()) is not kind:
        raise ResultsError(f"{where}.path is not a {kind} file: {path}")
    if not belongs_to(os.path.basename(path), os.path.basename(photo)):
        raise ResultsError(f"{where}.path is not named as a companion of its photo: {path}")
    shared = tuple(
        _abs_path(check, p, f"{where}.shared_with[{i}]")
        for i, p in enumerate(check.lst(c.get("shared_with", []), f"{where}.shared_with"))
    )
    if any(not any(_inside(p, root) for root in roots) for p in shared):
        raise ResultsError(f"{where}.shared_with names a file outside the scanned folders")
    keywords = check.lst(c.get("keywords", []), f"{where}.keywords")
    if len(keywords) > MAX_KEYWORDS:
        raise ResultsError(f"{where}.keywords has too many keywords")
    gps = None
    if "gps" in c:
        pair = check.lst(c["gps"], f"{where}.gps")
        if len(pair) != 2 or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and abs(v) <= 180 for v in pair
        ):
            raise ResultsError(f"{where}.gps must be a latitude and a longitude")
        gps = (float(pair[0]), float(pair[1]))
    return Companion(
        path=path,
        kind=kind,
        size=check.int_(check.field(c, "size", where), f"{where}.size", 0, MAX_SIZE),
        mtime_ns=check.int_(
            check.field(c, "mtime_ns", where), f"{where}.mtime_ns", MIN_INT64, MAX_INT64
        ),
        shared_with=shared,
        rating=check.int_(c.get("rating", 0), f"{where}.rating", 0, 5),
        keywords=tuple(check.str_(k, f"{where}.keywords[]", 256) for k in keywords),
        edits=check.bool_(c.get("edits", False), f"{where}.edits"),
        taken=check.opt_str(c, "taken", where),
        gps=gps,
    )


_REASON_TEMPLATES = frozenset(ranking.REASON_TEMPLATES + bursts.REASON_TEMPLATES)
_INTEGER = re.compile(r"-?[0-9]{1,20}")


def _parse_reason_parts(
    check: _Checker, f: dict, where: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The optional template and values of a reason (the plain ``reason`` is what counts).

    Malformed parts are an error like any other field; a template this version does not know
    (or values that do not fit it) is dropped, and the app shows the plain reason instead.
    """
    if "reason_template" not in f and "reason_values" not in f:
        return "", ()
    template = check.str_(check.field(f, "reason_template", where), f"{where}.reason_template")
    raw = check.obj(check.field(f, "reason_values", where), f"{where}.reason_values")
    values = {}
    for name, value in raw.items():
        value = check.str_(value, f"{where}.reason_values.{name}", 256)
        if name in ranking.INTEGER_VALUES and not _INTEGER.fullmatch(value):
            raise ResultsError(f"{where}.reason_values.{name} must be a whole number")
        values[name] = value
    if template not in _REASON_TEMPLATES or set(values) != set(ranking.placeholders(template)):
        return "", ()
    return template, tuple(values.items())


def _parse_groups(
    check: _Checker, raw_list: Any, name: str, roots: tuple[str, ...], require_keeper: bool
) -> list[DuplicateGroup]:
    groups: list[DuplicateGroup] = []
    seen_paths: set[str] = set()
    seen_ids: set[int] = set()
    for gi, raw_group in enumerate(check.lst(raw_list, name)):
        where = f"{name}[{gi}]"
        g = check.obj(raw_group, where)
        gid = check.int_(check.field(g, "id", where), f"{where}.id", 0, MAX_GROUP_ID)
        if gid in seen_ids:
            raise ResultsError(f"{where}.id {gid} is used by two groups")
        seen_ids.add(gid)
        raw_kind = check.str_(check.field(g, "kind", where), f"{where}.kind")
        try:
            kind = GroupKind(raw_kind)
        except ValueError:
            raise ResultsError(f"{where}.kind is unknown: {raw_kind!r}") from None
        if (kind is GroupKind.BURST) != (name == "bursts"):
            raise ResultsError(
                f"{where} is a {kind} group: similar shots belong under 'bursts', "
                "duplicates under 'groups'"
            )
        raw_files = check.lst(check.field(g, "files", where), f"{where}.files")
        if len(raw_files) < 2:
            raise ResultsError(f"{where} has fewer than two files")
        members = tuple(
            _parse_member(check, raw, f"{where}.files[{fi}]", roots, kind)
            for fi, raw in enumerate(raw_files)
        )
        for m in members:
            if m.path in seen_paths:
                raise ResultsError(f"{m.path} appears more than once in the {name}")
            seen_paths.add(m.path)
        if require_keeper and not any(m.keep or m.reference for m in members):
            raise ResultsError(f"group {gid} keeps no file: at least one copy must be kept")
        low_detail = (
            check.bool_(g["low_detail"], f"{where}.low_detail") if "low_detail" in g else False
        )
        groups.append(DuplicateGroup(id=gid, kind=kind, members=members, low_detail=low_detail))
    return groups


def parse_document(doc: Any, require_keeper: bool) -> ScanResult:
    """The ScanResult a decoded results document describes; ResultsError when it is unsafe."""
    check = _Checker()
    top = check.obj(doc, "the results file")
    version = check.field(top, "version", "the results file")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise ResultsError(f"unsupported results version {version!r} (expected {RESULTS_VERSION})")
    raw_roots = check.lst(check.field(top, "roots", "the results file"), "roots")
    if not raw_roots:
        raise ResultsError("roots is empty: there is no scanned folder to act in")
    roots = tuple(_abs_path(check, r, f"roots[{i}]") for i, r in enumerate(raw_roots))
    if len(roots) > 10_000:
        raise ResultsError("too many roots")

    raw_groups = check.field(top, "groups", "the results file")
    groups = _parse_groups(check, raw_groups, "groups", roots, require_keeper)
    bursts = _parse_groups(check, top.get("bursts", []), "bursts", roots, require_keeper)
    ids = [g.id for g in groups] + [g.id for g in bursts]
    if len(set(ids)) != len(ids):
        raise ResultsError("a group id is used by two groups")

    problems = []
    for ei, raw in enumerate(check.lst(top.get("errors", []), "errors")):
        e = check.obj(raw, f"errors[{ei}]")
        problems.append(
            Problem(
                path=check.str_(
                    check.field(e, "path", f"errors[{ei}]"), f"errors[{ei}].path", MAX_PATH_CHARS
                ),
                error=check.str_(check.field(e, "error", f"errors[{ei}]"), f"errors[{ei}].error"),
            )
        )

    warnings = tuple(
        check.str_(w, f"warnings[{i}]")
        for i, w in enumerate(check.lst(top.get("warnings", []), "warnings"))
    )

    s = check.obj(check.field(top, "stats", "the results file"), "stats")
    files = check.int_(check.field(s, "files", "stats"), "stats.files", 0, MAX_COUNT)
    hashed = check.int_(check.field(s, "hashed", "stats"), "stats.hashed", 0, MAX_COUNT)
    seconds = check.field(s, "seconds", "stats")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ResultsError("stats.seconds must be a number")
    if not math.isfinite(seconds) or not 0 <= seconds <= 1e9:
        raise ResultsError(f"stats.seconds is out of range ({seconds})")
    decoded = check.int_(s["decoded"], "stats.decoded", 0, MAX_COUNT) if "decoded" in s else hashed
    cancelled = check.bool_(s["cancelled"], "stats.cancelled") if "cancelled" in s else False
    stats = ScanStats(
        files=files, hashed=hashed, decoded=decoded, seconds=float(seconds), cancelled=cancelled
    )
    return ScanResult(
        roots=roots,
        groups=tuple(groups),
        problems=tuple(problems),
        stats=stats,
        warnings=warnings,
        bursts=tuple(bursts),
    )
