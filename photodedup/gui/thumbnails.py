"""Thumbnails decoded in child processes, delivered to the GUI thread, kept in a bounded cache.

A photo that crashes a decoder (a hostile file, a decoder bug) kills a decoder process, not
the app: the request answers "cannot show" and the next one starts a fresh process
(core/decoder.py). The decoder processes and the plain Python threads that feed them are
shared by every loader of the app; no Qt type is used off the GUI thread except emitting the
signal of a bridge object that is a child of its loader.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from photodedup.core.decoder import (
    Decode,
    DecoderBug,
    DecoderProcess,
    Pixels,
    decode_pixels,
)
from photodedup.core.imageio import DecodeError

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

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

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
    """A child of the loader, so it lives and dies on the GUI thread; decoder threads only emit
    its signal, delivered queued to the loader: ``decoded(turn, key, pixels, error)``, with
    ``key`` None when the turn found the loader's queue empty."""

    decoded = Signal(object, object, object, str)


@dataclass(eq=False)
class _Turn:
    """A loader's permission to have one of its queued requests decoded."""

    queue: _Queue
    bridge: _Bridge
    done: threading.Event = field(default_factory=threading.Event)


class DecoderService:
    """``processes`` decoder processes, each fed by a plain Python thread, started on first use.

    Loaders post turns; a thread takes the newest request of the turn's loader, has its process
    decode it, and emits the answer on the loader's bridge.
    """

    def __init__(self, processes: int = 2, decode: Decode = decode_pixels) -> None:
        self._count = max(1, processes)
        self._decode = decode
        self._turns: queue.SimpleQueue[_Turn | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._decoders: list[DecoderProcess] = []
        self._lock = threading.Lock()

    def post(self, turn: _Turn) -> None:
        with self._lock:
            while len(self._threads) < self._count:
                decoder = DecoderProcess(self._decode)
                thread = threading.Thread(
                    target=self._run, args=(decoder,), name="photodedup-thumbs", daemon=True
                )
                self._decoders.append(decoder)
                self._threads.append(thread)
                thread.start()
        self._turns.put(turn)

    def decoder_pids(self) -> list[int]:
        """The decoder processes running now."""
        return [pid for d in self._decoders if (pid := d.pid) is not None]

    def close(self) -> None:
        """Stop the threads and their processes (turns still queued are dropped)."""
        with self._lock:
            threads, self._threads = self._threads, []
            decoders, self._decoders = self._decoders, []
        for _ in threads:
            self._turns.put(None)
        for thread in threads:
            thread.join(5.0)
        for decoder in decoders:
            decoder.close()

    def _run(self, decoder: DecoderProcess) -> None:
        while (turn := self._turns.get()) is not None:
            key = turn.queue.pop_newest()
            pixels: Pixels | None = None
            error = ""
            if key is not None:
                try:
                    pixels = decoder(key.path, key.side)
                except DecoderBug as exc:
                    # A decoder bug on one odd file must still answer the request: unanswered,
                    # its tile would show "loading" forever.
                    log.error("Unexpected error decoding %s\n%s", key.path, exc.trace)
                    error = str(exc)
                except DecodeError as exc:
                    error = str(exc)
                except Exception as exc:  # the decoder process cannot start (no memory, no fds)
                    log.exception("No decoder process for %s", key.path)
                    error = f"{type(exc).__name__}: {exc}"
            # RuntimeError: the loader was destroyed meanwhile; nobody wants the answer.
            with contextlib.suppress(RuntimeError):
                turn.bridge.decoded.emit(turn, key, pixels, error)
            turn.done.set()
            del turn, pixels


_shared: DecoderService | None = None


def shared_decoders() -> DecoderService:
    """The app's decoder processes, shared by all its loaders (started on first request)."""
    global _shared
    if _shared is None:
        _shared = DecoderService()
    return _shared


class ThumbnailLoader(QObject):
    """Loads thumbnails off the GUI thread; ask again after ``thumbnailReady`` to get the pixmap.

    Requests for the same file version are merged while in flight; at most ``max_pending`` wait,
    newest first, so only what was recently painted (the visible rows) gets decoded, by at most
    ``threads`` of the decoder processes at once. The cache holds at most ``max_items``
    thumbnails and ``max_bytes`` of pixels (the newest one always).
    """

    thumbnailReady = Signal(str)

    def __init__(
        self,
        max_items: int = 600,
        max_pending: int = 96,
        threads: int = 2,
        parent: QObject | None = None,
        max_bytes: int = 256 * 2**20,
        decoders: DecoderService | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[ThumbKey, QPixmap | str] = OrderedDict()
        self._max_items = max_items
        self._max_bytes = max_bytes
        self._bytes = 0
        self._in_flight: set[ThumbKey] = set()
        self._queue = _Queue(max_pending)
        self._threads = max(1, threads)
        self._turns: list[_Turn] = []
        self._decoders = decoders
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
            self._pump()
        return Thumb(ThumbState.LOADING)

    def pending_count(self) -> int:
        """Requests not yet answered (queued or decoding)."""
        return len(self._in_flight)

    def cached_count(self) -> int:
        return len(self._cache)

    def cached_bytes(self) -> int:
        """The pixels the cache holds (4 bytes a pixel)."""
        return self._bytes

    def clear(self) -> None:
        """Forget cached thumbnails and queued requests (decodes already running still land)."""
        for key in self._queue.clear():
            self._in_flight.discard(key)
        self._cache.clear()
        self._bytes = 0

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Drop queued work and wait for running decodes (call before the app quits)."""
        for key in self._queue.clear():
            self._in_flight.discard(key)
        deadline = time.monotonic() + timeout_ms / 1000
        for turn in self._turns:
            turn.done.wait(max(0.0, deadline - time.monotonic()))

    def _pump(self) -> None:
        """Give the decoders as many turns as queued requests, up to ``threads`` at once."""
        while len(self._turns) < min(self._threads, len(self._queue)):
            turn = _Turn(self._queue, self._bridge)
            self._turns.append(turn)
            (self._decoders or shared_decoders()).post(turn)

    @Slot(object, object, object, str)
    def _on_decoded(
        self, turn: _Turn, key: ThumbKey | None, pixels: Pixels | None, error: str
    ) -> None:
        self._turns.remove(turn)
        if key is not None:
            self._in_flight.discard(key)
            self._store(key, QPixmap.fromImage(to_qimage(pixels)) if pixels is not None else error)
            self.thumbnailReady.emit(key.path)
        self._pump()

    def _store(self, key: ThumbKey, value: QPixmap | str) -> None:
        old = self._cache.pop(key, None)
        self._bytes += _size(value) - _size(old)
        self._cache[key] = value
        while len(self._cache) > 1 and (
            len(self._cache) > self._max_items or self._bytes > self._max_bytes
        ):
            self._bytes -= _size(self._cache.popitem(last=False)[1])

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


def _size(value: QPixmap | str | None) -> int:
    return 4 * value.width() * value.height() if isinstance(value, QPixmap) else 0
