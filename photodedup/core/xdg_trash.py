"""Find files in the freedesktop.org trash (home and per-volume) and move them back safely."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

INFO_SUFFIX = ".trashinfo"
MAX_INFO_BYTES = 64 * 1024
# send2trash names clashing files "name 1.ext", "name 2.ext"...; stop probing somewhere sane.
MAX_PROBES = 100_000


@dataclass(frozen=True, slots=True)
class TrashedFile:
    """One file in a trash folder, with what its .trashinfo says about it."""

    files_path: str
    info_path: str
    original: str
    deleted: str  # DeletionDate as written, "YYYY-MM-DDThh:mm:ss" (sorts as text)


def data_home() -> str:
    return os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")


def _mount_point(path: str) -> str:
    path = os.path.realpath(path)
    while not os.path.exists(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    while not os.path.ismount(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    return path


def _writable_dir(path: str) -> bool:
    return os.path.isdir(path) and os.access(path, os.W_OK | os.X_OK)


def _volume_trash_usable(top: str) -> bool:
    """Whether send2trash finds a trash it may write to on the volume mounted at ``top``."""
    uid = str(os.getuid())
    shared = os.path.join(top, ".Trash")
    with contextlib.suppress(OSError):
        st = os.lstat(shared)
        # The freedesktop.org rules: a real directory with the sticky bit, then one per user.
        if stat.S_ISDIR(st.st_mode) and st.st_mode & stat.S_ISVTX:
            mine = os.path.join(shared, uid)
            if _writable_dir(mine) or (not os.path.lexists(mine) and _writable_dir(shared)):
                return True
    own = os.path.join(top, ".Trash-" + uid)
    return _writable_dir(own) if os.path.lexists(own) else _writable_dir(top)


def _home_device() -> int:
    return os.stat(os.path.realpath(os.path.expanduser("~"))).st_dev


def volumes_without_trash(paths: Iterable[str]) -> list[str]:
    """The mount points of ``paths`` where no trash can take them, checked before a batch.

    Files on the home volume go to the home trash; elsewhere send2trash needs a trash on the
    volume itself (a read-only or network share often has none). Always empty on Windows and
    macOS, where the system's own trash decides.
    """
    if sys.platform in ("win32", "darwin"):
        return []
    home = _home_device()
    tops: dict[int, str] = {}
    for folder in {os.path.dirname(p) for p in paths}:
        try:
            dev = os.stat(folder).st_dev
        except OSError:
            continue  # gone: the batch skips its files anyway
        if dev != home and dev not in tops:
            tops[dev] = _mount_point(folder)
    return sorted(top for top in tops.values() if not _volume_trash_usable(top))


def trash_roots(originals: Iterable[str]) -> list[tuple[str, str]]:
    """(trash dir, top dir for relative Path= values) pairs that may hold these files."""
    home = data_home()
    roots = [(os.path.join(home, "Trash"), home)]
    uid = str(os.getuid())
    for top in sorted({_mount_point(os.path.dirname(p)) for p in originals}):
        roots.append((os.path.join(top, ".Trash", uid), top))
        roots.append((os.path.join(top, ".Trash-" + uid), top))
    seen: set[str] = set()
    unique = []
    for trash, top in roots:
        key = os.path.realpath(trash)
        if key not in seen and os.path.isdir(os.path.join(trash, "info")):
            seen.add(key)
            unique.append((trash, top))
    return unique


def parse_info(info_path: str, topdir: str) -> tuple[str, str] | None:
    """(original path, deletion date) from a .trashinfo file, or None if it is not one."""
    try:
        with open(info_path, "rb") as fh:
            text = fh.read(MAX_INFO_BYTES).decode("utf-8", "surrogateescape")
    except OSError:
        return None
    if "[Trash Info]" not in text:
        return None
    original = deleted = None
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if not sep:
            continue
        if key.strip() == "Path" and original is None:
            original = unquote(value.strip(), errors="surrogateescape")
        elif key.strip() == "DeletionDate" and deleted is None:
            deleted = value.strip()
    if not original:
        return None
    if not os.path.isabs(original):
        original = os.path.join(topdir, original)
    return os.path.normpath(original), deleted or ""


def _entry(trash: str, topdir: str, name: str) -> TrashedFile | None:
    info = os.path.join(trash, "info", name + INFO_SUFFIX)
    parsed = parse_info(info, topdir)
    files_path = os.path.join(trash, "files", name)
    if parsed is None or not os.path.lexists(files_path):
        return None
    return TrashedFile(files_path, info, parsed[0], parsed[1])


def index(originals: Iterable[str]) -> dict[str, list[TrashedFile]]:
    """Trashed files whose original path is one of ``originals``, latest deletion first."""
    wanted = {os.path.normpath(p) for p in originals}
    found: dict[str, list[TrashedFile]] = {}
    for trash, topdir in trash_roots(wanted):
        try:
            names = os.listdir(os.path.join(trash, "info"))
        except OSError:
            continue
        for info_name in names:
            if not info_name.endswith(INFO_SUFFIX):
                continue
            entry = _entry(trash, topdir, info_name[: -len(INFO_SUFFIX)])
            if entry is not None and entry.original in wanted:
                found.setdefault(entry.original, []).append(entry)
    for entries in found.values():
        entries.sort(key=lambda e: e.deleted, reverse=True)
    return found


def locate(original: str) -> TrashedFile | None:
    """Where send2trash just put ``original``, found by probing the names it picks."""
    original = os.path.normpath(original)
    name = os.path.basename(original)
    stem, ext = os.path.splitext(name)
    best: TrashedFile | None = None
    for trash, topdir in trash_roots([original]):
        for n in range(MAX_PROBES):
            candidate = name if n == 0 else f"{stem} {n}{ext}"
            if not os.path.lexists(os.path.join(trash, "files", candidate)) and not (
                os.path.lexists(os.path.join(trash, "info", candidate + INFO_SUFFIX))
            ):
                break
            entry = _entry(trash, topdir, candidate)
            # Equal dates (same second): the higher counter was created later.
            if (
                entry is not None
                and entry.original == original
                and (best is None or entry.deleted >= best.deleted)
            ):
                best = entry
    return best


def beside_names(path: str) -> Iterable[str]:
    """``path`` itself, then "name (restored).ext", "name (restored 2).ext"..."""
    yield path
    stem, ext = os.path.splitext(path)
    yield f"{stem} (restored){ext}"
    n = 2
    while True:
        yield f"{stem} (restored {n}){ext}"
        n += 1


def _copy_exclusive(src: str, dst: str) -> None:
    """Copy ``src`` to a new ``dst`` (never over an existing file), then remove ``src``.

    On any failure ``dst`` is removed again: a partial copy left behind would make the next
    restore put the photo beside a corrupt file.
    """
    with open(src, "rb") as fin:
        fout = open(dst, "xb")  # noqa: SIM115 - closed below; dst must be ours before cleanup
        try:
            with fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
                fout.flush()
                os.fsync(fout.fileno())
            shutil.copystat(src, dst)
            os.unlink(src)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(dst)
            raise


def move_no_overwrite(src: str, dst: str) -> None:
    """Move ``src`` to ``dst``; raise FileExistsError rather than replace anything at ``dst``."""
    try:
        # A hard link fails atomically when dst exists, unlike rename on POSIX.
        os.link(src, dst, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "a file exists there", dst) from exc
        # Another volume, or no hard links here (FAT, some network shares): rename would
        # replace a file that appears at dst after the check above, an exclusive copy cannot.
        _copy_exclusive(src, dst)
        return
    os.unlink(src)


def restore_file(trashed: TrashedFile, original: str) -> str:
    """Move a trashed file back to ``original`` (or beside it when taken); return where it went."""
    os.makedirs(os.path.dirname(original), exist_ok=True)
    for dest in beside_names(original):
        if os.path.lexists(dest):
            continue
        try:
            move_no_overwrite(trashed.files_path, dest)
        except FileExistsError:
            continue
        break
    with contextlib.suppress(FileNotFoundError):
        os.unlink(trashed.info_path)
    return dest
