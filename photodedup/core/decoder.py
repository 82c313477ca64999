"""Pictures decoded for display in a child process, so a file that crashes a decoder costs one
picture, never the app.

The app shows thumbnails of the same untrusted files the engine fingerprints in its killable
worker processes (core/pool.py). ``DecoderProcess`` gives display decoding the same isolation:
one spawned process answers one request at a time; a request it dies on, or takes longer than
the time limit for, raises ``DecodeError`` and the next request starts a fresh process.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from .imageio import DecodeError, open_oriented, start_decoder_process

#: A decoder run in the child: (path, longest side or 0) -> the picture, or DecodeError.
Decode = Callable[[str, int], "Pixels"]


class DecoderBug(DecodeError):
    """The decoder failed in a way no damaged file should cause; ``trace`` is its traceback."""

    def __init__(self, message: str, trace: str) -> None:
        super().__init__(message)
        self.trace = trace


@dataclass(frozen=True, slots=True)
class Pixels:
    """A decoded picture as plain bytes (RGBA, 8 bits each)."""

    width: int
    height: int
    rgba: bytes


def decode_pixels(path: str, side: int) -> Pixels:
    """Decode a photo upright, reduced to fit ``side`` (0 = full size); raises DecodeError."""
    img = open_oriented(path, max_side=side or None)
    rgba = img.convert("RGBA")
    return Pixels(rgba.width, rgba.height, rgba.tobytes("raw", "RGBA"))


@dataclass(frozen=True, slots=True)
class _Failed:
    message: str
    #: Not a damaged file but a decoder bug: the parent logs the child's traceback.
    trace: str = ""


def _child_main(conn: Connection, decode: Decode) -> None:
    start_decoder_process()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if request is None:
            return
        path, side = request
        try:
            answer: Pixels | _Failed = decode(path, side)
        except DecodeError as exc:
            answer = _Failed(str(exc))
        except OSError as exc:
            answer = _Failed(exc.strerror or str(exc))
        except MemoryError:
            answer = _Failed("the picture is too large to show")
        except Exception as exc:
            answer = _Failed(f"{type(exc).__name__}: {exc}", traceback.format_exc())
        conn.send(answer)


class DecoderProcess:
    """One child process that decodes pictures on request; safe to call from one thread at a
    time (callers share it through a lock).

    ``decode`` runs in the child: a module-level function, found there by its import name.
    """

    def __init__(self, decode: Decode = decode_pixels, timeout: float = 30.0) -> None:
        self.decode = decode
        self.timeout = timeout
        self._ctx = mp.get_context("spawn")
        self._proc: mp.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    def __call__(self, path: str, side: int) -> Pixels:
        """Decode ``path`` to fit ``side``; DecodeError for a file the child cannot show, or
        dies on, or is stuck on; DecoderBug when the decoder itself failed."""
        with self._lock:
            conn = self._start()
            try:
                conn.send((path, side))
                if not conn.poll(self.timeout):
                    self._stop()
                    raise DecodeError(
                        f"gave up after {self.timeout:.0f} s: the decoder is stuck on this file"
                    )
                answer = conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise DecodeError("the decoder crashed on this file") from None
        if isinstance(answer, _Failed):
            if answer.trace:
                raise DecoderBug(answer.message, answer.trace)
            raise DecodeError(answer.message)
        return answer

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._proc.pid if self._proc is not None else None

    def close(self) -> None:
        """Stop the child (waits for a decode in progress)."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
                self._proc.join(1.0)  # type: ignore[union-attr]
            self._stop()

    def _start(self) -> Connection:
        if self._conn is None:
            parent, child = self._ctx.Pipe()
            self._proc = self._ctx.Process(
                target=_child_main, args=(child, self.decode), name="photodedup-thumbs", daemon=True
            )
            self._proc.start()
            child.close()
            self._conn = parent
        return self._conn

    def _stop(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(1.0)
        if self._conn is not None:
            self._conn.close()
        self._proc, self._conn = None, None
