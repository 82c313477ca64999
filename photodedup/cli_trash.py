"""Command line subcommands that act on results: trash, move, journal, restore."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from photodedup.core.models import CancelToken, ScanResult

if TYPE_CHECKING:
    from photodedup.core.trash import TrashPlan, TrashProgress, TrashReport

# The engine (trash, journal, results: numpy and Pillow with them) is imported by the commands
# that use it: every 'photodedup-cli' run builds this parser, and a scan starts its decoder
# processes only once the parser is built.

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``trash``, ``move``, ``journal`` and ``restore`` to the photodedup-cli parser."""
    p = subparsers.add_parser(
        "trash",
        help="send the files a results file marks keep: false to the system trash",
        description=(
            "Without --yes, print what would go to the trash and why. With --yes, move each "
            "marked file to the system trash after checking it still has the size and "
            "modified time of the scan and that a kept copy of it still exists. A photo's "
            "companions (XMP and Takeout sidecars, .AAE edits, Live Photo video) go with it. "
            "Every batch is journalled: 'restore --last' puts it back."
        ),
    )
    p.add_argument("results", metavar="RESULTS.json", help="a file written by 'scan --json'")
    p.add_argument(
        "--yes", action="store_true", help="move the files (default: only print the plan)"
    )
    p.add_argument(
        "--merge-metadata",
        action="store_true",
        help="write the capture date, GPS, rating and keywords that a trashed copy (or its "
        "sidecar) has and the kept copy lacks into the kept copy's XMP sidecar (never into "
        "the photo); undone by restore",
    )
    p.set_defaults(func=cmd_trash)

    m = subparsers.add_parser(
        "move",
        help="move the files a results file marks keep: false to a folder (no trash needed)",
        description=(
            "Like 'trash', for volumes without a usable trash (network shares, some removable "
            "drives) or to look through the extra copies again: each marked file, with its "
            "companions, goes to DEST/<scanned folder's name>/<its path under that folder>; a "
            "name already taken gets ' (2)'. Across volumes each file is copied, compared "
            "byte for byte, then removed. DEST may not be inside a scanned folder. Without "
            "--yes, only print the plan. 'restore' puts the files back."
        ),
    )
    m.add_argument("results", metavar="RESULTS.json", help="a file written by 'scan --json'")
    m.add_argument("dest", metavar="DEST", help="the folder to move the files into")
    m.add_argument(
        "--yes", action="store_true", help="move the files (default: only print the plan)"
    )
    m.set_defaults(func=cmd_move)

    j = subparsers.add_parser("journal", help="list the trash batches that can be restored")
    j.set_defaults(func=cmd_journal)

    r = subparsers.add_parser("restore", help="put the files of a trash batch back")
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("--last", action="store_true", help="the most recent batch")
    which.add_argument("batch_id", nargs="?", metavar="BATCH_ID", help="a batch id from 'journal'")
    r.set_defaults(func=cmd_restore)


def _print_plan(plan: TrashPlan, verb: str = "trash") -> None:
    from photodedup.core.ranking import human_size

    by_group: dict[int, list] = {}
    for item in plan.items:
        by_group.setdefault(item.group_id, []).append(item)
    for group_id, items in by_group.items():
        first = items[0]
        print(f"Group {group_id}: keep {first.keeper} ({first.keeper_reason})")
        for item in items:
            why = f": {item.reason}" if item.reason else ""
            label = "  + with it" if item.companion_of else verb
            print(f"  {label} {item.path} ({human_size(item.size)}){why}")
    for refused in plan.refused:
        print(f"Refused group {refused.group_id}: {refused.reason}")
        for path in refused.paths:
            print(f"  untouched {path}")


def _progress_printer(where: str = "the trash") -> TrashProgress:
    def show(done: int, total: int, current: str) -> None:
        name = os.path.basename(current)
        sys.stderr.write(f"\r\x1b[KMoving to {where}: {done}/{total} {name}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _execute_interruptible(
    run: Callable[[CancelToken], TrashReport],
) -> tuple[TrashReport, bool]:
    """Run the batch in a worker so Ctrl-C cancels it between files; (report, interrupted).

    A KeyboardInterrupt raised inside the batch would abandon it mid-file and lose the report:
    here it only reaches this thread, which asks the batch to stop and waits for its report.
    """
    cancel = CancelToken()
    outcome: list[TrashReport | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            outcome.append(run(cancel))
        except BaseException as exc:  # handed to the main thread below
            outcome.append(exc)
        finally:
            done.set()

    threading.Thread(target=work, name="photodedup-trash").start()
    interrupted = False
    while not done.is_set():
        try:
            # An event, not Thread.join: a join interrupted by Ctrl-C can mark a running thread
            # as finished (Python 3.11). Timed waits let Ctrl-C through on every platform.
            done.wait(0.2)
        except KeyboardInterrupt:
            cancel.cancel()
            if not interrupted:
                print("\nInterrupted: stopping after the current file.", file=sys.stderr)
            interrupted = True
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result, interrupted


def _print_report(report: TrashReport, where: str = "the trash") -> None:
    print(f"Moved {len(report.moved)} file(s) to {where}, skipped {len(report.skipped)}.")
    if report.skipped:
        counts = Counter(reason for _, reason in report.skipped)
        for reason, count in counts.most_common():
            print(f"  {count} skipped: {reason}")
        for path, reason in report.skipped:
            print(f"  skipped {path}: {reason}")
    for path in report.written:
        print(f"  kept the trashed copies' metadata in {path}")
    if report.moved:
        print(f"Batch {report.batch_id}. Undo with: photodedup-cli restore {report.batch_id}")


def cmd_trash(args: argparse.Namespace) -> int:
    """Print the trash plan of a results file, or carry it out with --yes."""
    from photodedup.core import xdg_trash
    from photodedup.core.journal import JournalError
    from photodedup.core.ranking import human_size
    from photodedup.core.trash import execute_plan, plan_trash

    result = _load(args.results)
    if result is None:
        return EXIT_REFUSED
    plan = plan_trash(result.groups)
    if not args.yes:
        _print_plan(plan)
        print(
            f"{len(plan.items)} file(s), {human_size(plan.total_bytes)}, would go to the trash; "
            f"{len(plan.refused)} group(s) refused. Run again with --yes to move them."
        )
        return EXIT_OK
    for refused in plan.refused:
        print(f"Refused group {refused.group_id}: {refused.reason}")
    if not plan.items:
        print("Nothing to move.")
        return EXIT_OK
    # Before the batch, not file by file halfway through it.
    if no_trash := xdg_trash.volumes_without_trash(i.path for i in plan.items):
        print(
            f"photodedup-cli: nothing moved: no usable trash on {', '.join(no_trash)} "
            "(a network share or read-only volume?). Move the files to a folder instead: "
            f"photodedup-cli move {args.results} DEST --yes",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    progress = _progress_printer() if sys.stderr.isatty() else None
    try:
        report, interrupted = _execute_interruptible(
            lambda cancel: execute_plan(plan, progress, cancel, args.merge_metadata)
        )
    except JournalError as exc:
        print(f"photodedup-cli: nothing moved: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _print_report(report)
    return EXIT_INTERRUPTED if interrupted else EXIT_OK


def _load(path: str) -> ScanResult | None:
    from photodedup.core.results_io import ResultsError, load_results

    try:
        # Groups that keep nothing are refused one by one by the plan, not the whole file.
        return load_results(path, require_keeper=False)
    except ResultsError as exc:
        print(f"photodedup-cli: refused: {exc}", file=sys.stderr)
        return None


def cmd_move(args: argparse.Namespace) -> int:
    """Print the plan of a move to DEST, or carry it out with --yes."""
    from photodedup.core import move_to_folder
    from photodedup.core.journal import JournalError
    from photodedup.core.ranking import human_size
    from photodedup.core.trash import plan_trash

    result = _load(args.results)
    if result is None:
        return EXIT_REFUSED
    dest = os.path.abspath(os.path.expanduser(args.dest))
    problem = move_to_folder.destination_problem(dest, result.roots, create=args.yes)
    if problem:
        print(f"photodedup-cli: refused: {problem}", file=sys.stderr)
        return EXIT_REFUSED
    plan = plan_trash(result.groups)
    if not args.yes:
        _print_plan(plan, verb="move")
        print(
            f"{len(plan.items)} file(s), {human_size(plan.total_bytes)}, would move to {dest}; "
            f"{len(plan.refused)} group(s) refused. Run again with --yes to move them."
        )
        return EXIT_OK
    for refused in plan.refused:
        print(f"Refused group {refused.group_id}: {refused.reason}")
    if not plan.items:
        print("Nothing to move.")
        return EXIT_OK
    progress = _progress_printer(dest) if sys.stderr.isatty() else None
    try:
        report, interrupted = _execute_interruptible(
            lambda cancel: move_to_folder.execute_move(plan, dest, result.roots, progress, cancel)
        )
    except (JournalError, move_to_folder.DestinationError) as exc:
        print(f"photodedup-cli: nothing moved: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _print_report(report, dest)
    return EXIT_INTERRUPTED if interrupted else EXIT_OK


def cmd_journal(args: argparse.Namespace) -> int:
    """List the trash batches, newest first."""
    from photodedup.core import journal

    try:
        batches = journal.list_batches()
    except journal.JournalError as exc:
        print(f"photodedup-cli: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not batches:
        print("No trash batches yet.")
        return EXIT_OK
    for b in batches:
        state = ["to a folder"] if b.action == journal.MOVE else []
        if b.restored:
            state.append(f"restored {b.restored}")
        if not b.finished:
            state.append("interrupted")
        tail = f"  ({', '.join(state)})" if state else ""
        print(f"{b.id}  {b.created}  moved {b.moved}  skipped {b.skipped}{tail}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Put the files of a batch back where they were, never over an existing file."""
    from photodedup.core import journal

    try:
        report = journal.restore(None if args.last else args.batch_id)
    except journal.JournalError as exc:
        print(f"photodedup-cli: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    for src, dest in report.restored:
        print(f"restored {dest}  (from {src})")
    for path, reason in report.failed:
        print(f"not restored {path}: {reason}")
    if report.message:
        print(report.message)
    print(f"Batch {report.batch_id}: {len(report.restored)} restored, {len(report.failed)} not.")
    return EXIT_FAILED if report.failed else EXIT_OK
