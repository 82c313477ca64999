"""photodedup-cli: the engine for scripts and power users (scan, find, trash, journal, restore)."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .core.models import (
    DEFAULT_KEEPER_RULES,
    DEFAULT_THRESHOLD,
    CancelToken,
    Progress,
    ScanOptions,
    ScanResult,
    Stage,
)

if TYPE_CHECKING:
    from .core.pool import FingerprintPool

# The engine (pipeline, matching, scipy...) is imported inside the commands, not here: the
# decoder processes are spawned, and each one re-imports this module as its ``__main__``, so
# every import at this level delays every worker's first photo.

_STAGE_WORDS = {
    Stage.DISCOVER: "Looking for photos",
    Stage.CACHE: "Reading the cache",
    Stage.HASH: "Fingerprinting",
    Stage.MATCH: "Comparing",
}


class _TerminalProgress:
    """One overwritten status line on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.start = time.monotonic()

    def __call__(self, p: Progress) -> None:
        if not self.enabled:
            return
        if p.stage == Stage.DISCOVER:
            line = f"{_STAGE_WORDS[p.stage]}: {p.done} found"
        elif p.stage == Stage.DONE:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            return
        else:
            line = f"{_STAGE_WORDS[p.stage]}: {p.done}/{p.total}"
            if p.stage == Stage.HASH and p.done:
                rate = p.done / max(1e-6, time.monotonic() - self.start)
                line += f" ({rate:.0f}/s)"
        width = max(20, os.get_terminal_size(sys.stderr.fileno()).columns - 1)
        name = os.path.basename(p.current)
        line = f"{line}  {name}"[:width]
        sys.stderr.write("\r\033[K" + line)
        sys.stderr.flush()


def _add_scan_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and folders whose name or path matches (repeatable)",
    )
    p.add_argument("--hidden", action="store_true", help="also look inside hidden folders")
    p.add_argument(
        "--threshold",
        type=int,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help="how different two copies may be, in bits of pHash or dHash (0: "
        f"identical files only; default {DEFAULT_THRESHOLD}; 6 strict; 14 loose)",
    )
    p.add_argument(
        "--rotations", action="store_true", help="also match rotated and mirrored copies"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes for decoding (default: all cores)",
    )
    p.add_argument("--cache-dir", metavar="DIR", help="where to keep the fingerprint cache")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument(
        "--prefer-jpeg",
        action="store_true",
        help="of a RAW and its JPEG, keep the JPEG (default: keep the RAW, the original)",
    )
    p.add_argument(
        "--prefer",
        action="append",
        default=[],
        metavar="RULE",
        type=_rule,
        help="which copy to keep, in order of the rules given (repeatable): original (the "
        "default: the camera original, from the evidence in the files), resolution, size, "
        "oldest, newest, format:FORMAT (format:JPEG), folder:PATH; reference folders win "
        "over every rule",
    )


def _rule(text: str) -> str:
    from .core.ranking import RuleError, parse_rule

    try:
        return parse_rule(text)
    except RuleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _ignore_list(args: argparse.Namespace) -> str | None:
    from .core.ignore import default_path as default_ignore_path

    if not hasattr(args, "ignore_list") or args.no_ignore_list:
        return None  # only scans honour the list
    return args.ignore_list or default_ignore_path()


def _options(args: argparse.Namespace, roots: Sequence[str]) -> ScanOptions:
    return ScanOptions(
        roots=tuple(roots),
        excludes=tuple(args.exclude),
        hidden=args.hidden,
        references=tuple(getattr(args, "reference", ()) or ()),
        threshold=args.threshold,
        rotations=args.rotations,
        workers=max(1, args.workers),
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
        prefer_jpeg=args.prefer_jpeg,
        keeper_rules=tuple(args.prefer) or DEFAULT_KEEPER_RULES,
        ignore_list=_ignore_list(args),
        bursts=getattr(args, "bursts", False),
    )


def _check_roots(roots: Sequence[str]) -> str | None:
    for root in roots:
        if not os.path.isdir(root):
            return f"not a folder: {root}"
    return None


def _n(count: int, one: str, many: str) -> str:
    """ "1 group", "2 groups": the count and the word in its number."""
    return f"{count} {one if count == 1 else many}"


#: Unreadable files listed in the summary; the JSON 'errors' holds them all.
LISTED_PROBLEMS = 20


def _problem_lines(result: ScanResult) -> list[str]:
    from .core.problems import SENTENCES, classify

    problems = result.problems
    lines = [f"{_n(len(problems), 'file', 'files')} could not be read:"]
    for problem in problems[:LISTED_PROBLEMS]:
        lines.append(f"  {problem.path}: {SENTENCES[classify(problem.error)]} ({problem.error})")
    if len(problems) > LISTED_PROBLEMS:
        rest = len(problems) - LISTED_PROBLEMS
        lines.append(f"  ... and {rest} more (see the JSON 'errors')")
    return lines


def _skipped_line(result: ScanResult) -> str:
    total = sum(count for _ext, count in result.skipped)
    named = ", ".join(f"{ext or 'no extension'} {count}" for ext, count in result.skipped[:5])
    more = ", others" if len(result.skipped) > 5 else ""
    return f"Skipped, not photos: {_n(total, 'file', 'files')} ({named}{more})"


def _summary(result: ScanResult) -> str:
    from .core.ranking import human_size

    stats = result.stats
    dupes = sum(len(g.members) - 1 for g in result.groups)
    trash = sum(1 for g in result.groups for m in g.members if not m.keep)
    if not stats.files:
        lines = ["No photos found in these folders."]
    else:
        read = f"{stats.hashed} fingerprinted"
        if stats.decoded and stats.decoded < stats.hashed:
            read += f" ({stats.decoded} decoded, the rest from the cache)"
        elif stats.hashed and not stats.decoded:
            read += " (all from the cache)"
        lines = [f"{_n(stats.files, 'photo', 'photos')} found, {read} in {stats.seconds:.1f} s"]
    if result.groups or stats.hashed:
        lines.append(
            f"{_n(len(result.groups), 'group', 'groups')} of duplicates: "
            f"{_n(dupes, 'extra copy', 'extra copies')}, {trash} suggested for the trash "
            f"({human_size(sum(g.reclaimable for g in result.groups))} reclaimable)"
        )
    if result.skipped:
        lines.append(_skipped_line(result))
    companions = {
        c.path for g in result.groups for m in g.members for c in m.fingerprint.companions
    }
    if companions:
        lines.append(
            f"{_n(len(companions), 'companion file', 'companion files')} (XMP and Takeout "
            "sidecars, .AAE edits, Live Photo videos) travel with their photos (see each file's "
            "'companions')"
        )
    if result.bursts:
        shots = sum(len(g.members) for g in result.bursts)
        lines.append(
            f"{_n(len(result.bursts), 'burst', 'bursts')} of similar shots "
            f"({_n(shots, 'photo', 'photos')}, all kept; see the JSON 'bursts')"
        )
    if result.problems:
        lines.extend(_problem_lines(result))
    lines.extend(f"warning: {w}" for w in result.warnings)
    if stats.cancelled:
        lines.append("Scan cancelled: nothing was grouped (fingerprints so far are cached).")
    return "\n".join(lines)


def _early_pool(options: ScanOptions) -> FingerprintPool:
    """The decoder processes, started at once when every photo will be decoded (a first scan
    of these folders): their start-up then overlaps this process's own imports."""
    from .core.cache import knows_any_folder
    from .core.pool import FingerprintPool

    pool = FingerprintPool(options.workers, options.file_timeout)
    roots = [os.path.abspath(r) for r in options.roots]
    if not (options.use_cache and knows_any_folder(options.cache_dir, roots)):
        pool.start()
    return pool


def cmd_scan(args: argparse.Namespace) -> int:
    from .core.ignore import IgnoreList, IgnoreListError

    problem = _check_roots(args.roots + args.reference)
    if problem is None and args.ignore_list and not args.no_ignore_list:
        try:
            IgnoreList.load(args.ignore_list)
        except IgnoreListError as exc:
            problem = str(exc)
    if problem:
        print(f"photodedup-cli: {problem}", file=sys.stderr)
        return 2
    cancel = CancelToken()
    options = _options(args, args.roots + args.reference)
    pool = _early_pool(options)
    try:
        # Imported after the workers started: numpy and the engine take a while.
        from .core.pipeline import run_scan
        from .core.results_io import write_csv, write_json

        result = run_scan(options, _TerminalProgress(), cancel, pool)
    except KeyboardInterrupt:
        pool.close()
        cancel.cancel()
        print("\ninterrupted", file=sys.stderr)
        return 130
    if args.json:
        write_json(result, args.json)
    if args.csv:
        write_csv(result, args.csv)
    print(_summary(result), file=sys.stderr if args.json == "-" else sys.stdout)
    return 1 if result.stats.cancelled else 0


def cmd_find(args: argparse.Namespace) -> int:
    from .core.pipeline import find_copies
    from .core.ranking import human_size

    problem = _check_roots(args.paths)
    if problem:
        print(f"photodedup-cli: {problem}", file=sys.stderr)
        return 2
    try:
        hits = find_copies(args.query, _options(args, args.paths), _TerminalProgress())
    except ValueError as exc:
        print(f"photodedup-cli: {exc}", file=sys.stderr)
        return 2
    for fp, distance in hits:
        print(f"{distance:3d}  {fp.width}x{fp.height}  {human_size(fp.size):>9}  {fp.path}")
    if not hits:
        print("No copies found.", file=sys.stderr)
    return 0 if hits else 1


def build_parser() -> argparse.ArgumentParser:
    # The version is looked up here, not at import: the decoder processes re-import this module.
    from . import __version__, cli_trash
    from .core.ignore import default_path as default_ignore_path

    parser = argparse.ArgumentParser(
        prog="photodedup-cli",
        description="Find duplicate photos (also resized, re-encoded or edited copies) and "
        "send the extra copies to the system trash, undoably.",
    )
    parser.add_argument("--version", action="version", version=f"photodedup {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = sub.add_parser("scan", help="find duplicate photos in folders")
    scan.add_argument("roots", nargs="+", metavar="FOLDER")
    scan.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder whose files are always kept, never trashed (repeatable)",
    )
    scan.add_argument("--json", metavar="FILE", help="write the results as JSON ('-': stdout)")
    scan.add_argument("--csv", metavar="FILE", help="write a row per file as CSV")
    scan.add_argument(
        "--bursts",
        action="store_true",
        help="also list similar shots (bursts: different photos taken seconds apart by one "
        "camera) under 'bursts'; they are never suggested for the trash",
    )
    scan.add_argument(
        "--ignore-list",
        metavar="FILE",
        help="photos marked 'not a duplicate' are never grouped (default: the app's list, "
        f"{default_ignore_path()})",
    )
    scan.add_argument(
        "--no-ignore-list", action="store_true", help="group photos marked 'not a duplicate' too"
    )
    _add_scan_options(scan)
    scan.set_defaults(func=cmd_scan)

    find = sub.add_parser("find", help="list the copies of one photo in folders")
    find.add_argument("query", metavar="PHOTO")
    find.add_argument("paths", nargs="+", metavar="FOLDER")
    _add_scan_options(find)
    find.set_defaults(func=cmd_find)

    cli_trash.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()
    # Print file names that are not valid UTF-8 as their bytes, like ls, instead of failing.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="surrogateescape")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
