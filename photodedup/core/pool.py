"""Worker processes that fingerprint files: paths in, small results out, killable at any time.

A plain ProcessPoolExecutor cannot stop a decoder stuck on one hostile file, nor survive a
worker that crashes. Here each worker gets one chunk at a time and answers file by file, so
the parent knows which file a worker is on and for how long: a file over the time limit or a
crashed worker costs that one file (reported), the worker is replaced and the scan goes on.
Cancel terminates the workers at once; everything already answered is kept.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, TypeAlias

from .models import CancelToken, Fingerprint, Problem

if TYPE_CHECKING:  # imported by the workers only: the command line starts them before numpy
    from .scan_work import Graphic

#: What a worker answers: a fingerprint (a graphic's with its picture: core/scan_work.py), or a
#: Problem, or another job's answer (core/detail.py).
Result: TypeAlias = "Fingerprint | Graphic | Problem | tuple"

#: What the fork server imports once (see ``_context``): the decoders, their plugins (a
#: missing one is skipped), the hashing and the pixel comparison.
FORK_SERVER_PRELOAD = [
    "photodedup.core.scan_work",
    "pillow_heif",
    "pillow_jxl",
]

#: Workers that die before taking their first chunk, in a row, before the pool gives up.
MAX_DEAD_ON_ARRIVAL = 3
#: A spawned worker costs about a third of a second of CPU to start (Python, numpy, Pillow),
#: as much as decoding a hundred small photos: a job this small per worker gets no more
#: workers. (A worker forked from the fork server starts in milliseconds: any job gets all.)
MIN_FILES_PER_WORKER = 64
#: How much lower than the app the decoder processes run (Unix niceness, 0-19).
WORKER_NICENESS = 5
#: The most files a worker is given at once (see ``_chunks``).
MAX_CHUNK = 32


def _context() -> mp.context.BaseContext:
    """On Linux, workers are forked from a fork server: a clean process started once (never
    the app itself, which runs Qt threads) that imported the decoders, so that each pool after
    the first starts in milliseconds instead of a third of a second of CPU per worker.
    Elsewhere they are spawned: macOS's system libraries are not safe to fork once loaded,
    Windows cannot fork, and a frozen bundle's executable only knows freeze_support's spawn."""
    if sys.platform.startswith("linux") and not getattr(sys, "frozen", False):
        context = mp.get_context("forkserver")
        context.set_forkserver_preload(FORK_SERVER_PRELOAD)
        return context
    return mp.get_context("spawn")


def prepare_workers() -> None:
    """Start the fork server now (on Linux; elsewhere there is none): it imports the decoders
    in its own process, a fifth of a second of CPU, while the app waits for the user, and a
    first scan's workers then fork at once. A server that cannot start is left to the scan,
    which then spawns its workers."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(OSError):
            forkserver.ensure_running()


def _worker_main(
    conn: Connection, work: Callable[[str], object] | None, niceness: int | None
) -> None:
    if niceness is not None:
        # Decoding is background work: when the cores are busy, the app's window (or the
        # user's other programs) comes first. Only this worker process is lowered, before
        # its imports (a spawned worker's): a first scan starts its workers while the window
        # shows the discovery. The level is the app's plus WORKER_NICENESS, whatever the fork
        # server's own level.
        os.nice(max(0, niceness - os.nice(0)))
    # The decoders (numpy, Pillow, LibRaw) are imported here, in the worker, not by this
    # module: the command line starts its workers before it imports them itself.
    from .imageio import start_decoder_process
    from .scan_work import scan_file

    work = work or scan_file
    start_decoder_process()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if chunk is None:
            # Nothing left to flush (every answer went out whole): skip the interpreter's
            # teardown of numpy and the decoders, which the parent would wait for.
            os._exit(0)
        for item in chunk:
            conn.send(work(item))


def _chunks(paths: Sequence[str], workers: int) -> Iterator[list[str]]:
    """The files in chunks of falling size: a quarter of each worker's share of what is left
    (at most MAX_CHUNK), down to single files at the end. With chunks of one size, a worker
    given the last one finished up to a chunk's time after the others (0.65 s of 25 camera
    photos, while the other core idled)."""
    start = 0
    while start < len(paths):
        size = max(1, min(MAX_CHUNK, (len(paths) - start) // (workers * 4)))
        yield list(paths[start : start + size])
        start += size


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    chunk: list[str] = field(default_factory=list)
    pos: int = 0
    started: float = 0.0

    @property
    def busy(self) -> bool:
        return self.pos < len(self.chunk)


class FingerprintPool:
    """Fingerprints many files in ``workers`` worker processes (see ``_context``).

    ``work`` is a scan's job when None (``scan_work.scan_file``); else another per-item job
    that never raises, a module-level function (the workers import it): the pool then runs it
    on its items the same way (see core/detail.py).
    """

    def __init__(
        self,
        workers: int,
        file_timeout: float = 60.0,
        work: Callable[[str], object] | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.file_timeout = file_timeout
        self.work = work
        self._ctx = _context()
        self._pool: list[_Worker] = []
        self._starting: threading.Thread | None = None

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        niceness = min(os.nice(0) + WORKER_NICENESS, 19) if hasattr(os, "nice") else None
        proc = self._ctx.Process(
            target=_worker_main, args=(child, self.work, niceness), daemon=True
        )
        try:
            proc.start()
        except OSError:
            if self._ctx.get_start_method() != "forkserver":
                raise
            # The fork server could not start (its socket's folder, a sandbox): spawn instead.
            parent.close()
            child.close()
            self._ctx = mp.get_context("spawn")
            return self._spawn()
        child.close()
        return _Worker(proc, parent)

    def start(self) -> None:
        """Start every worker in the background, before there is work: a scan calls this
        before it looks for files (the command line before it imports the engine), so that
        the workers' start-up overlaps that; the first pool waits a fifth of a second for the
        fork server's imports. ``run`` and ``close`` wait for the start."""
        if self._starting is not None or self._pool:
            return
        thread = threading.Thread(
            target=self._start_all, name="photodedup-start-workers", daemon=True
        )
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: ``run`` starts the workers itself
            return
        self._starting = thread

    def _start_all(self) -> None:
        for _ in range(self.workers - len(self._pool)):
            # A worker that cannot start here is started again by ``run``, which says why.
            with contextlib.suppress(Exception):
                self._pool.append(self._spawn())

    def _wait_for_start(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None

    @property
    def started(self) -> bool:
        """Whether the workers are up or starting (``start``)."""
        return bool(self._pool) or self._starting is not None

    def _retire(self, w: _Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join(1.0)
        w.conn.close()
        self._pool.remove(w)

    def run(
        self,
        paths: Sequence[str],
        on_result: Callable[[Result], None],
        cancel: CancelToken | None = None,
    ) -> bool:
        """Fingerprint paths, calling on_result for each; False when cancelled.

        The workers stay up for the next run until ``close``; a cancel stops them at once.
        """
        self._wait_for_start()
        if not paths:
            return True
        # Workers already started (``start``) all take part; more start only for a job large
        # enough to pay for them (forked from the server, any job is).
        per_worker = 1 if self._ctx.get_start_method() == "forkserver" else MIN_FILES_PER_WORKER
        wanted = min(self.workers, -(-len(paths) // per_worker))
        todo = deque(_chunks(paths, self.workers))
        dead_on_arrival = 0  # workers in a row that died before taking any work
        finished = False
        try:
            while todo or any(w.busy for w in self._pool):
                if cancel is not None and cancel.cancelled:
                    return False
                while todo and len(self._pool) < wanted:
                    self._pool.append(self._spawn())
                for w in list(self._pool):
                    if not w.busy and todo:
                        chunk = todo.popleft()
                        try:
                            w.conn.send(chunk)
                        except OSError:  # died while idle: no file to blame, try another
                            todo.appendleft(chunk)
                            self._retire(w)
                            dead_on_arrival += 1
                            if dead_on_arrival > MAX_DEAD_ON_ARRIVAL:
                                self._give_up(todo, on_result)
                            continue
                        dead_on_arrival = 0
                        w.chunk, w.pos, w.started = chunk, 0, time.monotonic()
                busy = [w for w in self._pool if w.busy]
                ready = wait([w.conn for w in busy], timeout=0.1)
                now = time.monotonic()
                for w in busy:
                    if w.conn in ready:
                        self._receive(w, todo, on_result)
                    elif now - w.started > self.file_timeout:
                        on_result(
                            Problem(
                                w.chunk[w.pos],
                                f"gave up after {self.file_timeout:.0f} s: the decoder is stuck "
                                "on this file",
                            )
                        )
                        self._requeue(w, todo)
            finished = True
            return True
        finally:
            if not finished:  # cancelled, or the caller's on_result raised
                self.close()

    def _give_up(self, todo: deque, on_result: Callable[[Result], None]) -> None:
        """Workers die as soon as they start (a broken install): report what is left."""
        while todo:
            for path in todo.popleft():
                on_result(Problem(path, "the decoder process could not start"))

    def _receive(self, w: _Worker, todo: deque, on_result: Callable[[Result], None]) -> None:
        try:
            result = w.conn.recv()
        except Exception:  # died mid-file (EOF), or sent a message cut short
            on_result(Problem(w.chunk[w.pos], "the decoder crashed on this file"))
            self._requeue(w, todo)
            return
        on_result(result)
        w.pos += 1
        w.started = time.monotonic()

    def _requeue(self, w: _Worker, todo: deque) -> None:
        """Drop a dead or stuck worker; the rest of its chunk goes to another one."""
        rest = w.chunk[w.pos + 1 :]
        if rest:
            todo.appendleft(rest)
        w.chunk = []
        self._retire(w)

    def close(self) -> None:
        self._wait_for_start()
        for w in list(self._pool):
            if not w.busy:
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        deadline = time.monotonic() + 1.0
        for w in list(self._pool):
            w.process.join(max(0.0, deadline - time.monotonic()))
            self._retire(w)
