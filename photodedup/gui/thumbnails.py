"""Thumbnails decoded on a thread pool, delivered to the GUI thread, kept in a bounded LRU cache."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from photodedup.core.imageio import DecodeError, open_oriented

log = logging.getLogger(__name__)


class ThumbState(Enum):
    """Where a requested thumbnail stands."""

    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ThumbKey:
    """A file version at a given size: a changed file (mtime or size) is a new thumbnail."""

    path: str
    mtime_ns: int
    size: int
    side: int  # longest side in pixels; 0 = full size


@dataclass(frozen=True, slots=True)
class Thumb:
    """The answer to a request: a pixmap when ready, the reason when the file cannot be read."""

    state: ThumbState
    pixmap: QPixmap | None = None
    error: str = ""


@dataclass(frozen=True, slots=True)
class Pixels:
    """A decoded picture as plain bytes (RGBA, 8 bits each): made off the GUI thread without
    any Qt type, turned into a QImage on the GUI thread."""

    width: int
    height: int
    rgba: bytes


def decode_pixels(path: str, side: int) -> Pixels:
    """Decode a photo upright, reduced to fit ``side`` (0 = full size); raises DecodeError.

    Pillow only, never Qt: PySide creates its Python types lazily on first use, and two pool
    threads creating the same type at once crashed the app (a race inside shiboken's type
    table, see docs/threads.md). Worker threads therefore use no Qt wrapper at all.
    """
    img = open_oriented(path, max_side=side or None)
    rgba = img.convert("RGBA")
    return Pixels(rgba.width, rgba.height, rgba.tobytes("raw", "RGBA"))


def to_qimage(pixels: Pixels) -> QImage:
    """A QImage owning a copy of ``pixels`` (GUI thread)."""
    image = QImage(
        pixels.rgba, pixels.width, pixels.height, 4 * pixels.width, QImage.Format.Format_RGBA8888
    )
    return image.copy()


class _Queue:
    """Pending requests, newest first: rows scrolled past are dropped, visible ones load first."""

    def __init__(self, limit: int) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[ThumbKey, None] = OrderedDict()
        self._limit = limit

    def push(self, key: ThumbKey) -> ThumbKey | None:
        """Queue a key; returns the oldest key dropped to stay within the limit, if any."""
        with self._lock:
            self._items[key] = None
            self._items.move_to_end(key)
            if len(self._items) > self._limit:
                return self._items.popitem(last=False)[0]
        return None

    def pop_newest(self) -> ThumbKey | None:
        with self._lock:
            return self._items.popitem(last=True)[0] if self._items else None

    def clear(self) -> list[ThumbKey]:
        with self._lock:
            keys = list(self._items)
            self._items.clear()
        return keys


class _Bridge(QObject):
    """A child of the loader, so it lives and dies on the GUI thread; pool threads only emit
    its signal, delivered queued to the loader."""

    decoded = Signal(object, object, str)


class _Job(QRunnable):
    def __init__(self, queue: _Queue, bridge: _Bridge) -> None:
        super().__init__()
        self._queue = queue
        self._bridge = bridge

    def run(self) -> None:
        key = self._queue.pop_newest()
        if key is None:
            return
        try:
            pixels, error = decode_pixels(key.path, key.side), ""
        except DecodeError as exc:
            pixels, error = None, str(exc)
        except OSError as exc:
            pixels, error = None, exc.strerror or str(exc)
        except Exception as exc:
            # A decoder bug on one odd file must still answer the request: unanswered, its tile
            # would show "loading" forever.
            log.exception("Unexpected error decoding %s", key.path)
            pixels, error = None, f"{type(exc).__name__}: {exc}"
        # RuntimeError: the loader was destroyed while this file decoded; nobody wants the result.
        with contextlib.suppress(RuntimeError):
            self._bridge.decoded.emit(key, pixels, error)


class ThumbnailLoader(QObject):
    """Loads thumbnails off the GUI thread; ask again after ``thumbnailReady`` to get the pixmap.

    Requests for the same file version are merged while in flight; at most ``max_pending`` wait,
    newest first, so only what was recently painted (the visible rows) gets decoded.
    """

    thumbnailReady = Signal(str)

    def __init__(
        self,
        max_items: int = 600,
        max_pending: int = 96,
        threads: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[ThumbKey, QPixmap | str] = OrderedDict()
        self._max_items = max_items
        self._in_flight: set[ThumbKey] = set()
        self._queue = _Queue(max_pending)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._bridge = _Bridge(self)
        self._bridge.decoded.connect(self._on_decoded, Qt.ConnectionType.QueuedConnection)
        self._tiles: dict[tuple[str, int, int], QPixmap] = {}

    def request(self, path: str, mtime_ns: int, size: int, side: int) -> Thumb:
        """The thumbnail if cached; otherwise schedule it (once) and answer LOADING."""
        key = ThumbKey(path, mtime_ns, size, side)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            if isinstance(hit, str):
                return Thumb(ThumbState.FAILED, error=hit)
            return Thumb(ThumbState.READY, pixmap=hit)
        if key not in self._in_flight:
            self._in_flight.add(key)
            dropped = self._queue.push(key)
            if dropped is not None:
                self._in_flight.discard(dropped)
            self._pool.start(_Job(self._queue, self._bridge))
        return Thumb(ThumbState.LOADING)

    def pending_count(self) -> int:
        """Requests not yet answered (queued or decoding)."""
        return len(self._in_flight)

    def cached_count(self) -> int:
        return len(self._cache)

    def clear(self) -> None:
        """Forget cached thumbnails and queued requests (decodes already running still land)."""
        for key in self._queue.clear():
            self._in_flight.discard(key)
        self._cache.clear()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Drop queued work and wait for running decodes (call before the app quits)."""
        for key in self._queue.clear():
            self._in_flight.discard(key)
        self._pool.waitForDone(timeout_ms)

    @Slot(object, object, str)
    def _on_decoded(self, key: ThumbKey, pixels: Pixels | None, error: str) -> None:
        self._in_flight.discard(key)
        self._cache[key] = QPixmap.fromImage(to_qimage(pixels)) if pixels is not None else error
        self._cache.move_to_end(key)
        while len(self._cache) > self._max_items:
            self._cache.popitem(last=False)
        self.thumbnailReady.emit(key.path)

    # -- tiles: owned by the loader, so no pixmap outlives the QApplication -------------------

    def placeholder_tile(self, width: int, height: int) -> QPixmap:
        """A neutral tile shown while a thumbnail loads."""
        key = ("wait", width, height)
        if key not in self._tiles:
            pix = QPixmap(width, height)
            pix.fill(QColor(0xD8, 0xD8, 0xD8))
            self._tiles[key] = pix
        return self._tiles[key]

    def error_tile(self, width: int, height: int) -> QPixmap:
        """A tile with a red cross for files that cannot be decoded."""
        key = ("error", width, height)
        if key not in self._tiles:
            pix = QPixmap(width, height)
            pix.fill(QColor(0xF4, 0xDC, 0xDC))
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(0xC0, 0x30, 0x30), max(2, min(width, height) // 16)))
            m = min(width, height) // 3
            cx, cy = width // 2, height // 2
            painter.drawLine(cx - m // 2, cy - m // 2, cx + m // 2, cy + m // 2)
            painter.drawLine(cx + m // 2, cy - m // 2, cx - m // 2, cy + m // 2)
            painter.end()
            self._tiles[key] = pix
        return self._tiles[key]
