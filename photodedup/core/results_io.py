"""Write scan results as JSON or CSV and load them back, validated as untrusted data."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

from photodedup.core.models import Companion, DuplicateGroup, ScanResult
from photodedup.core.results_schema import RESULTS_VERSION, ResultsError, parse_document
from photodedup.core.review import is_kept

# A results file larger than this is not one we wrote.
MAX_FILE_BYTES = 1 << 30

CSV_FIELDS = (
    "group",
    "kind",
    "path",
    "size",
    "mtime_ns",
    "width",
    "height",
    "format",
    "keep",
    "reason",
    "distance",
    "relation",
    "reference",
    "digest",
    "taken",
    "camera",
    "sharpness",
    "damaged",
    # A companion (sidecar, Live Photo video) has its own row after its photo's: the photo's
    # path here and its kind ("xmp", "takeout", "aae", "live_video"); empty on a photo's row.
    "companion_of",
    "companion_kind",
)


def companion_dict(c: Companion) -> dict:
    """A companion file as the results document lists it (core/results_schema.py reads it)."""
    entry: dict[str, Any] = {
        "path": c.path,
        "kind": str(c.kind),
        "size": c.size,
        "mtime_ns": c.mtime_ns,
    }
    if c.shared_with:
        entry["shared_with"] = list(c.shared_with)
    if c.rating:
        entry["rating"] = c.rating
    if c.keywords:
        entry["keywords"] = list(c.keywords)
    if c.edits:
        entry["edits"] = True
    if c.taken:
        entry["taken"] = c.taken
    if c.gps:
        entry["gps"] = list(c.gps)
    return entry


def _group_dict(group: DuplicateGroup, keep: Callable[[str], bool] | None) -> dict:
    files = []
    for m in group.members:
        fp = m.fingerprint
        entry = {
            "path": fp.path,
            "size": fp.size,
            "mtime_ns": fp.mtime_ns,
            "width": fp.width,
            "height": fp.height,
            "format": fp.format,
            "keep": is_kept(m, keep),
            "reason": m.reason,
            "distance": m.distance,
            "relation": str(m.relation),
            "reference": m.reference,
            "digest": fp.digest,
            "taken": fp.taken,
            "camera": fp.camera,
            "damaged": fp.damaged,
        }
        if m.sharpness is not None:
            entry["sharpness"] = m.sharpness
        if fp.companions:
            entry["companions"] = [companion_dict(c) for c in fp.companions]
        if m.reason_template:
            # What the app needs to show the reason in the user's language when it loads a review.
            entry["reason_template"] = m.reason_template
            entry["reason_values"] = dict(m.reason_values)
        files.append(entry)
    return {
        "id": group.id,
        "kind": str(group.kind),
        "low_detail": group.low_detail,
        "files": files,
    }


# The document's lists, built lazily by ``_sections`` (a group or an error at a time).
_LISTS = frozenset({"groups", "errors", "bursts"})


def _sections(
    result: ScanResult,
    keep: Callable[[str], bool] | None,
    burst_keep: Callable[[str], bool] | None,
) -> dict[str, Any]:
    sections: dict[str, Any] = {
        "version": RESULTS_VERSION,
        "roots": list(result.roots),
        "groups": (_group_dict(group, keep) for group in result.groups),
        "errors": ({"path": p.path, "error": p.error} for p in result.problems),
        "warnings": list(result.warnings),
        "stats": {
            "files": result.stats.files,
            "hashed": result.stats.hashed,
            "seconds": round(result.stats.seconds, 3),
            "decoded": result.stats.decoded,
            "cancelled": result.stats.cancelled,
        },
    }
    if result.bursts:
        sections["bursts"] = (_group_dict(group, burst_keep) for group in result.bursts)
    return sections


def result_to_dict(
    result: ScanResult,
    keep: Callable[[str], bool] | None = None,
    burst_keep: Callable[[str], bool] | None = None,
) -> dict:
    """The JSON document for ``result``; ``keep`` (the user marks) overrides the keep flags.

    Similar shots go under "bursts" with the same group schema (plus "sharpness" per file);
    their marks come from ``burst_keep`` (default: the engine's, which keep every file).
    """
    return {
        key: list(value) if key in _LISTS else value
        for key, value in _sections(result, keep, burst_keep).items()
    }


def json_pieces(
    result: ScanResult,
    keep: Callable[[str], bool] | None = None,
    burst_keep: Callable[[str], bool] | None = None,
) -> Iterator[str]:
    """The document of ``result_to_dict`` as compact ASCII JSON, in short pieces (a group each).

    Joined, they are one line that loads like ``write_json``'s file. A caller beside a window
    takes a few at a time between events (the autosave: 150 ms of encoding at 100,000 photos,
    which from a thread kept the GIL from the window). ASCII escapes carry any file name,
    even one that is not UTF-8.
    """
    yield "{"
    for n, (key, value) in enumerate(_sections(result, keep, burst_keep).items()):
        yield f"{',' if n else ''}{json.dumps(key)}:"
        if key in _LISTS:
            yield "["
            for i, item in enumerate(value):
                yield ("," if i else "") + json.dumps(item)
            yield "]"
        else:
            yield json.dumps(value)
    yield "}\n"


def write_text(text: str, dest: str) -> None:
    """Write ``text`` to ``dest`` ("-": stdout), whole or not at all (a file renamed into place)."""
    if dest == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    # Write beside the target and rename, so a crash never leaves a half-written results file.
    folder = os.path.dirname(os.path.abspath(dest))
    fd, tmp = tempfile.mkstemp(prefix=".photodedup-", suffix=".tmp", dir=folder)
    try:
        # A file name that is not valid UTF-8 is written back as its original bytes (CSV).
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise


def write_json(
    result: ScanResult,
    dest: str,
    keep: Callable[[str], bool] | None = None,
    burst_keep: Callable[[str], bool] | None = None,
) -> None:
    """Write ``result`` as indented JSON to ``dest`` ("-" for stdout); marks as in
    ``result_to_dict``."""
    doc = result_to_dict(result, keep, burst_keep)
    try:
        text = json.dumps(doc, indent=1, ensure_ascii=False)
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A file name that is not valid UTF-8 (kept by Python as lone surrogates): JSON's
        # \u escapes carry it exactly, and load_results turns it back into the same bytes.
        text = json.dumps(doc, indent=1, ensure_ascii=True)
    write_text(text + "\n", dest)


def _csv_safe(text: str) -> str:
    # EXIF text is written by whoever made the photo: spreadsheets must not run it as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(
    result: ScanResult,
    dest: str,
    keep: Callable[[str], bool] | None = None,
    burst_keep: Callable[[str], bool] | None = None,
) -> None:
    """Write ``result`` as CSV, a row per file (bursts after the groups), to ``dest``.

    A photo's companions follow its row, each marked kept or not as the photo is.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    rows = [(g, keep) for g in result.groups] + [(g, burst_keep) for g in result.bursts]
    for group, marks in rows:
        for m in group.members:
            fp = m.fingerprint
            writer.writerow(
                [
                    group.id,
                    str(group.kind),
                    fp.path,
                    fp.size,
                    fp.mtime_ns,
                    fp.width,
                    fp.height,
                    _csv_safe(fp.format),
                    "yes" if is_kept(m, marks) else "no",
                    _csv_safe(m.reason),
                    m.distance,
                    str(m.relation),
                    "yes" if m.reference else "no",
                    fp.digest,
                    _csv_safe(fp.taken),
                    _csv_safe(fp.camera),
                    "" if m.sharpness is None else m.sharpness,
                    "yes" if fp.damaged else "no",
                    "",
                    "",
                ]
            )
            kept = "yes" if is_kept(m, marks) else "no"
            for c in fp.companions:
                row = [group.id, str(group.kind), c.path, c.size, c.mtime_ns, "", "", ""]
                row += [kept, *[""] * 9, fp.path, str(c.kind)]  # reason ... damaged: empty
                writer.writerow(row)
    write_text(buf.getvalue(), dest)


def _reject_constant(name: str) -> Any:
    raise ResultsError(f"{name} is not a valid number in a results file")


def load_results(path: str, *, require_keeper: bool = True) -> ScanResult:
    """Load and validate a results file; raise ResultsError with a message for people.

    ``require_keeper=False`` lets groups that keep no file through, for callers (the trash
    command) that refuse such groups one by one instead of refusing the whole file.
    """
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise ResultsError(f"{path} is too large to be a results file ({size} bytes)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ResultsError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        doc = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise ResultsError(f"{path} is not a results file: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ResultsError(
            f"{path} is not a results file: invalid JSON at line {exc.lineno}, column {exc.colno}"
        ) from None
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, ResultsError):
            raise
        # Python refuses integers with thousands of digits and very deep nesting.
        raise ResultsError(f"{path} is not a results file: {exc}") from None
    try:
        return parse_document(doc, require_keeper)
    except ResultsError as exc:
        raise ResultsError(f"{path}: {exc}") from None
