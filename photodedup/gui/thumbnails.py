"""Thumbnails decoded on a thread pool, delivered to the GUI thread, kept in a bounded LRU cache."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum

from PIL import Image
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPen, QPixmap

from photodedup.core.imageio import DecodeError, open_oriented
from photodedup.core.raw import is_raw_name

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


def pil_to_qimage(img: Image.Image) -> QImage:
    """Convert a Pillow image to a QImage that owns its pixels (safe to pass between threads)."""
    rgba = img.convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    image = QImage(data, rgba.width, rgba.height, 4 * rgba.width, QImage.Format.Format_RGBA8888)
    return image.copy()


def decode_image(path: str, side: int) -> QImage:
    """Decode a photo upright, reduced to fit ``side`` (0 = full size); raises DecodeError.

    Qt's readers come first (fast, scaled while decoding); Pillow reads what Qt cannot (HEIC, AVIF).
    """
    if is_raw_name(path):
        # Qt would read a RAW's first TIFF directory (often a tiny thumbnail, unturned).
        return pil_to_qimage(open_oriented(path, max_side=side or None))
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    source = reader.size()
    if side and source.isValid() and max(source.width(), source.height()) > side:
        # Fitting into a square box keeps the aspect whether or not EXIF rotates it afterwards.
        scaled = source.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(QSize(max(1, scaled.width()), max(1, scaled.height())))
    image = reader.read()
    if not image.isNull():
        return image
    return pil_to_qimage(open_oriented(path, max_side=side or None))


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
    # Emitted from pool threads; the loader lives on the GUI thread, so delivery is queued there.
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
            image, error = decode_image(key.path, key.side), ""
        except DecodeError as exc:
            image, error = None, str(exc)
        except OSError as exc:
            image, error = None, exc.strerror or str(exc)
        except Exception as exc:
            # A decoder bug on one odd file must still answer the request: unanswered, its tile
            # would show "loading" forever.
            log.exception("Unexpected error decoding %s", key.path)
            image, error = None, f"{type(exc).__name__}: {exc}"
        # RuntimeError: the loader was destroyed while this file decoded; nobody wants the result.
        with contextlib.suppress(RuntimeError):
            self._bridge.decoded.emit(key, image, error)


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
        self._bridge = _Bridge()
        self._bridge.decoded.connect(self._on_decoded)

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
    def _on_decoded(self, key: ThumbKey, image: QImage | None, error: str) -> None:
        self._in_flight.discard(key)
        self._cache[key] = QPixmap.fromImage(image) if image is not None else error
        self._cache.move_to_end(key)
        while len(self._cache) > self._max_items:
            self._cache.popitem(last=False)
        self.thumbnailReady.emit(key.path)


_tiles: dict[tuple[str, int, int], QPixmap] = {}


def placeholder_tile(width: int, height: int) -> QPixmap:
    """A neutral tile shown while a thumbnail loads."""
    key = ("wait", width, height)
    if key not in _tiles:
        pix = QPixmap(width, height)
        pix.fill(QColor(0xD8, 0xD8, 0xD8))
        _tiles[key] = pix
    return _tiles[key]


def error_tile(width: int, height: int) -> QPixmap:
    """A tile with a red cross for files that cannot be decoded."""
    key = ("error", width, height)
    if key not in _tiles:
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
        _tiles[key] = pix
    return _tiles[key]
