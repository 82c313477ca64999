"""A whole scan: discover, fingerprint (cached, in worker processes), match, rank."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
import pybktree
from PIL import Image

from .bursts import burst_groups
from .cache import FingerprintCache
from .companions import with_facts
from .detail import (
    DETAIL_SIDE,
    MAX_DIFFERENT_SHARE,
    PREVIEW_SIDE,
    Blurred,
    difference_share,
    preview_item,
    preview_job,
)
from .discovery import discover
from .fingerprint import fingerprint_path
from .ignore import IgnoreList, IgnoreListError
from .layout_search import hash_blind, nearest_layouts
from .matching import Partners, best_variant, candidate_components, different_shots, split_groups
from .models import (
    Cancelled,
    CancelToken,
    Companion,
    DuplicateGroup,
    Fingerprint,
    Problem,
    Progress,
    ProgressCallback,
    ScanOptions,
    ScanResult,
    ScanStats,
    Stage,
)
from .pool import FingerprintPool
from .ranking import build_group, keeper_order, rule_steps
from .scan_work import Graphic
from .verify import GRAPHIC_VERIFY_FACTOR, DetailCheck, layouts_match, same_shapes, verified

#: Progress reports are throttled to this interval (10 Hz) at the source.
PROGRESS_INTERVAL = 0.1
#: Fingerprints are written to the cache in batches of this many (a cancelled scan keeps them).
CACHE_BATCH = 500
#: Scan-sized lists are freed this many items at a time (see ``_release``).
RELEASE_SLICE = 2000
#: The workers send each graphic's picture for the pixel comparison's first stage with its
#: fingerprint (core/scan_work.py); a scan keeps this many bytes of them (2,048 of 128x128
#: pixels, as many as a folder of screenshots may pair). A graphic beyond them is decoded
#: again if a pair of it is compared.
PICTURE_MEMORY = 32 * 1024 * 1024

#: Graphics' first-stage pictures by path (see PICTURE_MEMORY).
Pictures = dict[str, Image.Image]


class _Throttle:
    """Forward progress at most every PROGRESS_INTERVAL, but always stage changes and ends."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.last = 0.0
        self.stage: Stage | None = None

    def __call__(self, stage: Stage, done: int, total: int, current: str = "") -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        finished = total > 0 and done >= total  # total 0: not known yet (discovery)
        if stage != self.stage or finished or now - self.last >= PROGRESS_INTERVAL:
            self.stage, self.last = stage, now
            self.callback(Progress(stage, done, total, current))


def fingerprint_files(
    paths: Sequence[str],
    options: ScanOptions,
    cache: FingerprintCache,
    report: _Throttle,
    cancel: CancelToken,
    already: int = 0,
    total: int | None = None,
    pool: FingerprintPool | None = None,
    pictures: Pictures | None = None,
) -> tuple[list[Fingerprint], list[Problem], bool]:
    """Decode paths in the worker pool (``pool``, left open; or new workers, closed after),
    storing fingerprints in the cache as they come, and graphics' pictures in ``pictures``
    (up to PICTURE_MEMORY)."""
    fps: list[Fingerprint] = []
    problems: list[Problem] = []
    pending: list[Fingerprint] = []
    total = len(paths) if total is None else total
    room = [PICTURE_MEMORY]

    def on_result(result: Fingerprint | Graphic | Problem) -> None:
        if isinstance(result, Graphic):
            if pictures is not None and room[0] >= len(result.luma):
                size = (result.width, result.height)
                pictures[result.fingerprint.path] = Image.frombytes("L", size, result.luma)
                room[0] -= len(result.luma)
            result = result.fingerprint
        if isinstance(result, Fingerprint):
            fps.append(result)
            pending.append(result)
            if len(pending) >= CACHE_BATCH:
                cache.store(pending)
                pending.clear()
        else:
            problems.append(result)
        report(Stage.HASH, already + len(fps) + len(problems), total, result.path)

    own = pool is None
    pool = pool or FingerprintPool(options.workers, options.file_timeout)
    try:
        completed = pool.run(paths, on_result, cancel)
    finally:
        cache.store(pending)
        if own:
            pool.close()
    return fps, problems, completed


#: Pictures held at once while graphics are compared (core/detail.py), in 8-bit pixels: a
#: batch of pairs whose files need more is split.
DETAIL_MEMORY = 256 * 1024 * 1024


def detail_check(
    options: ScanOptions,
    cancel: CancelToken,
    digests: Mapping[str, str] | None = None,
    pictures: Pictures | None = None,
) -> DetailCheck:
    """Pairs of graphics compared pixel by pixel (core/detail.py): each file decoded once per
    stage in worker processes (a hostile one costs its pairs, never the scan), the pairs
    compared here. Every pair at PREVIEW_SIDE, then the ones still alike at DETAIL_SIDE.
    The first stage takes the ``pictures`` the scan's workers sent instead of decoding them.

    With ``digests`` (path -> content digest) the answers are kept in the cache by both
    files' contents and taken from it next time: a rescan decodes no file for this.
    """
    # Both stages' batches share these workers; ``compare`` closes them when it is done.
    workers = FingerprintPool(options.workers, options.file_timeout, preview_job)

    sent = pictures if pictures is not None else {}

    def held(paths: list[str], side: int) -> dict[str, Blurred]:
        found: dict[str, Blurred] = {}
        if side == PREVIEW_SIDE:
            found = {path: Blurred.of(sent[path]) for path in paths if path in sent}

        def on_result(result: object) -> None:
            if isinstance(result, tuple):
                found[result[0]] = Blurred.sent(*result[1:])

        items = [preview_item(path, side) for path in paths if path not in found]
        workers.run(items, on_result, cancel)
        return found

    def stage(pairs: Sequence[tuple[str, str, int]], which: np.ndarray, side: int) -> np.ndarray:
        shares = np.full(len(which), np.nan)
        todo = sorted(range(len(which)), key=lambda k: pairs[which[k]][:2])
        while todo and not cancel.cancelled:
            batch: list[int] = []
            files: set[str] = set()
            for k in todo:  # as many pairs as their pictures fit in DETAIL_MEMORY
                new = {p for p in pairs[which[k]][:2]} - files
                if batch and (len(files) + len(new)) * side * side > DETAIL_MEMORY:
                    break
                batch.append(k)
                files |= new
            todo = todo[len(batch) :]
            found = held(sorted(files), side)
            for k in batch:
                a, b, variant = pairs[which[k]]
                if a in found and b in found:
                    shares[k] = difference_share(found[a], found[b].turned(variant))
        return shares

    def compare(pairs: Sequence[tuple[str, str, int]]) -> np.ndarray:
        try:
            shares = stage(pairs, np.arange(len(pairs)), PREVIEW_SIDE)
            (alike,) = np.nonzero(shares <= MAX_DIFFERENT_SHARE)
            shares[alike] = stage(pairs, alike, DETAIL_SIDE)
        finally:
            workers.close()  # a next call starts them anew
        return shares

    if digests is None:
        return compare

    def check(pairs: Sequence[tuple[str, str, int]]) -> np.ndarray:
        keys = [
            (digests[a], digests[b], variant) if a in digests and b in digests else None
            for a, b, variant in pairs
        ]
        cache = FingerprintCache(options.cache_dir, options.use_cache)
        try:
            known = cache.pair_shares(key for key in keys if key is not None)
            shares = np.array([known.get(key, np.nan) if key else np.nan for key in keys])
            (todo,) = np.nonzero(np.isnan(shares))
            if len(todo):
                shares[todo] = compare([pairs[k] for k in todo.tolist()])
                found = {
                    key: float(shares[k])  # an unreadable file's pair (nan) is asked again
                    for k in todo.tolist()
                    if (key := keys[k]) is not None and not np.isnan(shares[k])
                }
                if not cancel.cancelled:  # a cancelled stage leaves pairs half answered
                    cache.store_pair_shares(found)
        finally:
            cache.close()
        return shares

    return check


Skipped = tuple[tuple[str, int], ...]


def _collect(
    options: ScanOptions,
    report: _Throttle,
    cancel: CancelToken,
    pool: FingerprintPool | None = None,
    pictures: Pictures | None = None,
) -> tuple[list[Fingerprint], list[Problem], int, int, list[str], bool, Skipped]:
    """Fingerprints of every photo under the roots: from the cache when unchanged; the
    graphics decoded now leave their first-stage pictures in ``pictures``.

    Also the files left out for not being photos, by extension, the most common first.
    """
    counter = itertools.count(1)
    cache = FingerprintCache(options.cache_dir, options.use_cache)
    pool = pool or FingerprintPool(options.workers, options.file_timeout)
    try:
        if not pool.started and not any(cache.knows_folder(r) for r in options.roots):
            # A first scan of these folders decodes every photo: the workers start up
            # (a third of a second of imports each) while discovery runs.
            pool.start()
        found = discover(
            options.roots,
            options.excludes,
            options.hidden,
            cancel,
            on_file=lambda p: report(Stage.DISCOVER, next(counter), 0, p),
        )
        files = found.files
        problems = list(found.problems)
        candidates = len(files) + found.rejected
        skipped = tuple(sorted(found.skipped.items(), key=lambda item: (-item[1], item[0])))
        if cancel.cancelled:
            return [], problems, candidates, 0, cache.warnings, False, skipped
        report(Stage.CACHE, 0, len(files))
        cached = cache.lookup(files)
        fps = [cached[f.path] for f in files if f.path in cached]
        misses = [f.path for f in files if f.path not in cached]
        total = len(files)
        report(Stage.HASH, len(fps), total)
        _release(files)
        new, failed, completed = fingerprint_files(
            misses,
            options,
            cache,
            report,
            cancel,
            already=len(fps),
            total=total,
            pool=pool,
            pictures=pictures,
        )
        fps.extend(new)
        problems.extend(failed)
        if found.companions:
            fps = [_with_companions(fp, found.companions) for fp in fps]
        return fps, problems, candidates, len(new), cache.warnings, completed, skipped
    finally:
        pool.close()
        cache.close()


def _with_companions(fp: Fingerprint, companions: dict[str, tuple[Companion, ...]]) -> Fingerprint:
    """The fingerprint with the companions discovery found beside its photo (never cached)."""
    found = companions.get(fp.path)
    return replace(fp, companions=found) if found else fp


def _read_sidecars(fp: Fingerprint) -> Fingerprint:
    """The fingerprint with what its sidecars hold: read for the photos in a group only."""
    return replace(fp, companions=with_facts(fp.companions)) if fp.companions else fp


def run_scan(
    options: ScanOptions,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    pool: FingerprintPool | None = None,
) -> ScanResult:
    """Scan the roots for duplicate photos. Never raises for a bad file: see ``problems``.

    ``pool``: the decoder processes to use (perhaps started already), closed by the scan.
    """
    start = time.monotonic()
    cancel = cancel or CancelToken()
    report = _Throttle(progress)
    options = _normalised(options)
    pictures: Pictures = {}
    collected = _collect(options, report, cancel, pool, pictures)
    fps, problems, candidates, decoded, warnings, completed, skipped = collected
    groups: tuple[DuplicateGroup, ...] = ()
    bursts: tuple[DuplicateGroup, ...] = ()
    if completed and not cancel.cancelled:
        report(Stage.MATCH, 0, len(fps))
        fps.sort(key=lambda fp: fp.path)
        partners = _ignore_partners(options, warnings)
        try:
            components, links = candidate_components(
                fps,
                options.threshold,
                options.rotations,
                partners,
                cancel,
                # The bar moves through the search, which is most of this stage's time.
                lambda share: report(Stage.MATCH, int(share * len(fps)), len(fps)),
                detail_check(options, cancel, {fp.path: fp.digest for fp in fps}, pictures),
            )
        except Cancelled:
            components, links = [], []
        pictures.clear()

        # What a grouped photo's sidecars hold (a rule weighs it) is read for these files only.
        for i in {i for component in components for i in component}:
            fps[i] = _read_sidecars(fps[i])
        steps = rule_steps(options.keeper_rules, options.prefer_jpeg)

        def keeper_first(component: list[int]) -> list[int]:
            # The centres of the groups are the files the keeper rules prefer.
            position = {id(fps[i]): i for i in component}
            ordered = keeper_order([fps[i] for i in component], steps, options.references)
            return [position[id(fp)] for fp in ordered]

        index_groups = split_groups(fps, components, links, keeper_first)
        built = [
            build_group(
                0,
                [fps[i] for i in idx],
                options.references,
                options.rotations,
                options.prefer_jpeg,
                options.keeper_rules,
                centre_first=True,
            )
            for idx in index_groups
        ]
        built.sort(key=lambda g: g.members[0].path)
        groups = tuple(
            DuplicateGroup(n, g.kind, g.members, g.low_detail) for n, g in enumerate(built, 1)
        )
        if options.bursts and not cancel.cancelled:
            bursts = tuple(_bursts(fps, index_groups, groups, options, cancel))
    cancelled = not completed or cancel.cancelled
    report(Stage.DONE, 1, 1)
    problems.sort(key=lambda p: p.path)
    hashed = len(fps)
    _release(fps)
    return ScanResult(
        roots=options.roots,
        groups=groups,
        problems=tuple(problems),
        stats=ScanStats(
            files=candidates,
            hashed=hashed,
            decoded=decoded,
            seconds=round(time.monotonic() - start, 3),
            cancelled=cancelled,
        ),
        warnings=tuple(warnings),
        bursts=bursts,
        skipped=skipped,
    )


def _release(items: list) -> None:
    """Empty a scan-sized list a slice at a time.

    Freeing 100,000 fingerprints in one go is one call into C that holds the GIL for 65 ms
    (22 ms for the files found), and the window's thread waits that long for it. Between
    slices the interpreter can hand the GIL over.
    """
    while items:
        del items[-RELEASE_SLICE:]


def _ignore_partners(options: ScanOptions, warnings: list[str]) -> Partners | None:
    """The "not a duplicate" decisions to honour; a file that cannot be read is a warning."""
    if options.ignore_list is None:
        return None
    try:
        ignore = IgnoreList.load(options.ignore_list)
    except IgnoreListError as exc:
        warnings.append(f"The list of photos marked as different was not used: {exc}")
        return None
    return ignore.partners if len(ignore) else None


def _bursts(
    fps: list[Fingerprint],
    index_groups: list[list[int]],
    groups: tuple[DuplicateGroup, ...],
    options: ScanOptions,
    cancel: CancelToken,
) -> list[DuplicateGroup]:
    """Similar shots among the photos: each duplicate group stands in by its keeper."""
    grouped = {i for idx in index_groups for i in idx}
    photos = [fp for i, fp in enumerate(fps) if i not in grouped]
    photos.extend(g.keeper.fingerprint for g in groups)
    photos.sort(key=lambda fp: fp.path)
    return burst_groups(photos, len(groups) + 1, options.references, options.workers, cancel)


def _normalised(options: ScanOptions) -> ScanOptions:
    return replace(
        options,
        roots=tuple(os.path.abspath(r) for r in options.roots),
        references=tuple(os.path.abspath(r) for r in options.references),
        ignore_list=os.path.abspath(options.ignore_list) if options.ignore_list else None,
    )


def find_copies(
    query: str,
    options: ScanOptions,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[tuple[Fingerprint, int]]:
    """Copies of one photo in the library under options.roots, closest first.

    Uses the cache (an indexed library answers at once) and a BK-tree over the library's
    pHashes (every orientation with options.rotations), and for a graphic or a fine texture
    its nearest layouts (core/layout_search.py), verified like a scan's pairs.
    Raises ValueError with a reason when the query itself cannot be read.
    """
    target = fingerprint_path(os.path.abspath(query))
    if isinstance(target, Problem):
        raise ValueError(f"{query}: {target.error}")
    cancel = cancel or CancelToken()
    report = _Throttle(progress)
    pictures: Pictures = {}
    collected = _collect(_normalised(options), report, cancel, pictures=pictures)
    fps, _problems, _c, _d, _w, completed, _s = collected
    if not completed:
        return []
    variants = 8 if options.rotations else 1
    hits: dict[int, int] = {}
    for i, fp in enumerate(fps):
        if fp.digest == target.digest or fp.pixel_digest == target.pixel_digest:
            hits[i] = 0
    if not target.flat and options.threshold > 0:
        # Like a scan: candidates close on pHash or on dHash, then both verified together.
        candidates: set[int] = set()
        for attr, value in (("phashes", target.phash), ("dhashes", target.dhash)):
            tree = pybktree.BKTree(
                lambda x, y: (x[0] ^ y[0]).bit_count(),
                [(getattr(fp, attr)[k], i) for i, fp in enumerate(fps) for k in range(variants)],
            )
            candidates.update(i for _d, (_h, i) in tree.find((value, -1), options.threshold))
        # Like a scan too: a graphic or fine texture with the nearest such layouts.
        by_layout: dict[int, int] = {}
        if hash_blind([target])[0]:
            (blind,) = np.nonzero(hash_blind(fps))
            # Not the query's own file, which would take one of its few places.
            mine = [fps[i].flat or os.path.abspath(fps[i].path) == target.path for i in blind]
            blind = blind[~np.array(mine, dtype=bool)]
            near, turns = nearest_layouts(target, [fps[i] for i in blind], options.rotations)
            by_layout = dict(zip(blind[near].tolist(), turns.tolist(), strict=True))
        found = sorted(i for i in candidates | set(by_layout) if not fps[i].flat)
        found = [i for i in found if not different_shots(target, fps[i])]
        best = np.array([best_variant(target, fps[i], options.rotations) for i in found], int)
        if len(found):
            v, p, d = best.T
            close = verified(p, d, options.threshold, turned=v != 0)
            ok = verified(p, d, options.threshold, v != 0, GRAPHIC_VERIFY_FACTOR)
            # Pairs the hashes do not pass on are compared in the layout's orientation.
            pixels = np.array([i in by_layout for i in found], dtype=bool) & ~ok
            for k in np.flatnonzero(pixels).tolist():
                turn = by_layout[found[k]]
                v[k] = turn
                p[k] = (target.phash ^ fps[found[k]].phashes[turn]).bit_count()
                d[k] = (target.dhash ^ fps[found[k]].dhashes[turn]).bit_count()
            close &= ~pixels
            ok |= pixels
            pool = [target, *(fps[i] for i in found)]
            query = np.zeros(len(found), dtype=int)
            others = np.arange(1, len(found) + 1)
            ok &= same_shapes(pool, query, others, v)
            digests = {fp.path: fp.digest for fp in pool}
            detail = detail_check(options, cancel, digests, pictures)
            ok &= layouts_match(
                pool, query, others, v, len(fps), detail, close, pixels_decide=pixels
            )
            for i, dist, accepted in zip(found, p.tolist(), ok.tolist(), strict=True):
                if accepted:
                    hits[i] = min(hits.get(i, dist), dist)
    ordered = sorted(hits.items(), key=lambda kv: (kv[1], fps[kv[0]].path))
    return [(fps[i], d) for i, d in ordered if os.path.abspath(fps[i].path) != target.path]
