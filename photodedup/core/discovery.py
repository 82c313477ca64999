"""Find candidate photo files under several roots, safely and each file once."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .companions import COMPANION_EXTENSIONS, match_folder
from .models import IMAGE_EXTENSIONS, CancelToken, Companion, ImageFile, Problem


@dataclass
class Discovery:
    """What a walk found: candidate files (each once) and folders or files it could not read."""

    files: list[ImageFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected: int = 0  # candidate files (by name) that could not be listed: counted, reported
    # Files left out for not being photos, by extension (lower case, "" for none): "no photos
    # found" should say what was there instead.
    skipped: dict[str, int] = field(default_factory=dict)
    # Each photo's sidecars and Live Photo video, by photo path (core/companions.py).
    companions: dict[str, tuple[Companion, ...]] = field(default_factory=dict)


def _excluded(path: str, name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


def is_under(path: str, folder: str) -> bool:
    """True when path is the folder itself or inside it (textually, after normalising)."""
    folder = os.path.normpath(os.path.abspath(folder))
    path = os.path.normpath(os.path.abspath(path))
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def discover(
    roots: Iterable[str],
    excludes: Iterable[str] = (),
    hidden: bool = False,
    cancel: CancelToken | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Discovery:
    """Walk roots with os.scandir; follow folder links once, skip loops and non-regular files.

    A file reached twice (overlapping roots, hard links, links to files) is listed once, under
    the first path found: it must never be reported as its own duplicate.
    """
    patterns = tuple(excludes)
    found = Discovery()
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for root in roots:
        root = os.path.abspath(root)
        try:
            st = os.stat(root)
        except OSError as exc:
            found.problems.append(Problem(root, f"folder not found or unreadable: {exc.strerror}"))
            continue
        if not stat.S_ISDIR(st.st_mode):
            found.problems.append(Problem(root, "not a folder"))
            continue
        stack = [root]
        while stack:
            if cancel is not None and cancel.cancelled:
                return found
            folder = stack.pop()
            try:
                fst = os.stat(folder)
            except OSError as exc:
                found.problems.append(Problem(folder, f"cannot read folder: {exc.strerror}"))
                continue
            key = (fst.st_dev, fst.st_ino)
            if key in seen_dirs:  # a link back up the tree, or an overlapping root
                continue
            seen_dirs.add(key)
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                found.problems.append(Problem(folder, f"cannot read folder: {exc.strerror}"))
                continue
            subdirs = []
            photos: list[str] = []  # names of this folder's photos, for their companions
            others: dict[str, tuple[int, int]] = {}
            for n, entry in enumerate(entries):
                if n % 1000 == 999 and cancel is not None and cancel.cancelled:
                    return found  # a folder of a hundred thousand files is worth checking in
                name = entry.name
                if not hidden and name.startswith("."):
                    continue
                path = entry.path
                if patterns and _excluded(path, name, patterns):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=True):
                        subdirs.append(path)
                        continue
                except OSError:
                    continue
                ext = os.path.splitext(name)[1].lower()
                if ext in COMPANION_EXTENSIONS:
                    with contextlib.suppress(OSError):
                        cst = entry.stat(follow_symlinks=False)
                        if stat.S_ISREG(cst.st_mode):  # a link is never moved as a companion
                            others[name] = (cst.st_size, cst.st_mtime_ns)
                    continue
                if ext not in IMAGE_EXTENSIONS:
                    found.skipped[ext] = found.skipped.get(ext, 0) + 1
                    continue
                try:
                    est = entry.stat(follow_symlinks=True)
                except OSError as exc:
                    found.problems.append(Problem(path, f"cannot read file: {exc.strerror}"))
                    found.rejected += 1
                    continue
                if not stat.S_ISREG(est.st_mode):
                    found.problems.append(Problem(path, "not a regular file (skipped)"))
                    found.rejected += 1
                    continue
                fkey = (est.st_dev, est.st_ino)
                if fkey in seen_files:
                    continue
                seen_files.add(fkey)
                found.files.append(ImageFile(path, est.st_size, est.st_mtime_ns, *fkey))
                photos.append(name)
                if on_file is not None:
                    on_file(path)
            if others:
                found.companions.update(match_folder(folder, photos, others))
            stack.extend(reversed(subdirs))
    return found
