"""The worker pool: a crashed or stuck decoder costs one file, never the scan."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from photodedup.core.models import CancelToken, Fingerprint, Problem
from photodedup.core.pool import FingerprintPool


def _photos(tmp_path, make_photo, n: int) -> list[str]:
    return [str(make_photo(tmp_path / f"p{i}.png", i, (64, 48))) for i in range(n)]


def test_a_worker_that_dies_costs_one_file_and_is_replaced(tmp_path, make_photo):
    paths = _photos(tmp_path, make_photo, 12)
    pool = FingerprintPool(workers=1)
    results: list[Fingerprint | Problem] = []
    killed = []

    def on_result(result: Fingerprint | Problem) -> None:
        results.append(result)
        if len(results) == 3 and not killed:
            # Kill the worker as a crashing decoder would die, somewhere in the files it
            # has not answered yet (it may have finished one more already).
            killed.extend(set(paths) - {r.path for r in results})
            os.kill(pool._pool[0].process.pid, signal.SIGKILL)

    assert pool.run(paths, on_result)
    assert sorted(r.path for r in results) == sorted(paths)  # every file answered once
    (crashed,) = [r for r in results if isinstance(r, Problem)]
    assert crashed.path in killed
    assert crashed.error == "the decoder crashed on this file"
    assert sum(isinstance(r, Fingerprint) for r in results) == 11
    pool.close()


def test_cancel_stops_the_workers_at_once(tmp_path, make_photo):
    paths = _photos(tmp_path, make_photo, 40)
    pool = FingerprintPool(workers=2)
    cancel = CancelToken()
    seen = []

    def on_result(result: Fingerprint | Problem) -> None:
        seen.append(result)
        cancel.cancel()

    assert not pool.run(paths, on_result, cancel)
    assert 1 <= len(seen) < 40
    assert pool._pool == []  # no worker left running


def test_a_worker_that_dies_while_idle_is_replaced_without_blaming_a_file(tmp_path, make_photo):
    paths = _photos(tmp_path, make_photo, 8)
    pool = FingerprintPool(workers=1)
    results: list[Fingerprint | Problem] = []
    killed = []

    def on_result(result: Fingerprint | Problem) -> None:
        results.append(result)
        worker = pool._pool[0]
        if len(results) == 2 and worker.pos == len(worker.chunk) - 1:
            # Its chunk is done: kill it and wait, so the next chunk meets a dead worker.
            worker.process.kill()
            worker.process.join()
            killed.append(worker)

    assert pool.run(paths, on_result)
    assert killed, "the worker was killed between chunks"
    assert sorted(r.path for r in results) == sorted(paths)
    assert all(isinstance(r, Fingerprint) for r in results)
    pool.close()


def test_workers_that_cannot_start_end_the_run_with_problems(tmp_path, make_photo, monkeypatch):
    paths = _photos(tmp_path, make_photo, 6)
    pool = FingerprintPool(workers=1)
    real_spawn = pool._spawn

    def spawn_dead():
        worker = real_spawn()
        worker.process.kill()  # as if the worker crashed while importing its decoders
        worker.process.join()
        return worker

    monkeypatch.setattr(pool, "_spawn", spawn_dead)
    results: list[Fingerprint | Problem] = []
    assert pool.run(paths, results.append)  # returns instead of spawning forever
    assert sorted(r.path for r in results) == sorted(paths)
    assert {r.error for r in results} == {"the decoder process could not start"}


def test_a_small_job_gets_the_workers_it_pays_for_and_started_ones_all_take_part(
    tmp_path, make_photo
):
    paths = _photos(tmp_path, make_photo, 6)
    pool = FingerprintPool(workers=2)
    spawned = []
    spawn = pool._spawn
    pool._spawn = lambda: spawned.append(1) or spawn()  # type: ignore[method-assign]
    results: list[Fingerprint | Problem] = []
    assert pool.run(paths, results.append)
    if pool._ctx.get_start_method() == "forkserver":
        assert len(spawned) == 2  # forked from the server in milliseconds: both take part
    else:
        assert len(spawned) == 1  # a second spawned worker costs more than these 6 photos
    assert sorted(r.path for r in results) == sorted(paths)
    assert all(isinstance(r, Fingerprint) for r in results)

    started = FingerprintPool(workers=2)
    started.start()  # as a scan does while it looks for files
    busy = set()

    def on_result(result: Fingerprint | Problem) -> None:
        results.append(result)
        busy.update(w.process.pid for w in started._pool if w.busy)

    assert started.run(paths, on_result)
    assert len(busy) == 2  # both started workers were given files
    alive = [w.process for w in started._pool]
    assert len(alive) == 2 and all(p.is_alive() for p in alive)  # kept for the next run
    started.close()
    assert started._pool == [] and not any(p.is_alive() for p in alive)
    pool.close()


def worker_niceness(item: str) -> tuple[str, int]:
    """A pool job (imported by the workers): the worker's niceness."""
    return item, os.nice(0)


def test_workers_run_below_the_app_from_their_start():
    from photodedup.core.pool import WORKER_NICENESS

    answers = []
    pool = FingerprintPool(workers=1, work=worker_niceness)
    assert pool.run(["a"], answers.append)
    pool.close()
    ((item, niceness),) = answers
    assert item == "a"
    assert niceness == min(os.nice(0) + WORKER_NICENESS, 19)


def worker_parent(item: str) -> tuple[str, int]:
    """A pool job (imported by the workers): the worker's parent process."""
    return item, os.getppid()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux's")
def test_workers_are_forked_from_one_server_not_started_afresh():
    parents = []
    for _ in range(2):
        pool = FingerprintPool(workers=1, work=worker_parent)
        assert pool.run(["a"], parents.append)
        pool.close()
    ((_, first), (_, second)) = parents
    assert first == second != os.getpid()  # the fork server, which imported the decoders once


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux's")
def test_workers_are_spawned_when_the_fork_server_cannot_start(monkeypatch):
    from multiprocessing import forkserver

    def refuse(self) -> None:
        raise OSError("no room for the fork server's socket")

    monkeypatch.setattr(forkserver.ForkServer, "ensure_running", refuse)
    answers = []
    pool = FingerprintPool(workers=1, work=worker_parent)
    assert pool.run(["a"], answers.append)
    pool.close()
    assert answers[0][1] == os.getpid()  # spawned by this process, not by a server
    assert pool._ctx.get_start_method() == "spawn"


def test_start_does_not_wait_for_the_workers_and_run_does(tmp_path, make_photo):
    import threading

    paths = _photos(tmp_path, make_photo, 4)
    pool = FingerprintPool(workers=2)
    release = threading.Event()
    spawn = pool._spawn

    def slow_spawn():
        assert release.wait(10)  # a fork server still importing its decoders
        return spawn()

    pool._spawn = slow_spawn  # type: ignore[method-assign]
    pool.start()  # returns at once: the caller goes on looking for files meanwhile
    assert pool.started and pool._pool == []
    release.set()
    results: list[Fingerprint | Problem] = []
    assert pool.run(paths, results.append)
    assert len(pool._pool) == 2  # the two started in the background, no third
    assert sorted(r.path for r in results) == sorted(paths)
    pool.close()


def test_chunks_shrink_to_single_files_so_no_worker_finishes_long_after_the_other():
    from photodedup.core.pool import MAX_CHUNK, _chunks

    paths = [f"p{i}" for i in range(1000)]
    chunks = list(_chunks(paths, 2))
    assert [p for chunk in chunks for p in chunk] == paths  # every file once, in order
    sizes = [len(chunk) for chunk in chunks]
    assert sizes[0] == MAX_CHUNK and sizes == sorted(sizes, reverse=True)
    assert sizes[-8:] == [1] * 8  # the last files go out one by one


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux's")
def test_the_app_starts_the_fork_server_before_the_first_scan():
    import subprocess

    # The server is forked, then runs its own command line: until then /proc shows this
    # probe's, so the probe reads it until it changes (at most 10 s).
    probe = (
        "import multiprocessing.forkserver as f, time\n"
        "from photodedup.core import pool\n"
        "{call}"
        "pid = f._forkserver._forkserver_pid\n"
        "cmd = ''\n"
        "deadline = time.monotonic() + 10\n"
        "while pid and 'forkserver' not in cmd and time.monotonic() < deadline:\n"
        "    cmd = open(f'/proc/{{pid}}/cmdline').read().replace(chr(0), ' ')\n"
        "    time.sleep(0.01)\n"
        "print(pid and cmd)\n"
    )
    found = [
        subprocess.run(
            [sys.executable, "-c", probe.format(call=call)],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout.strip()
        for call in ("", "pool.prepare_workers()\n")
    ]
    assert found[0] == "None"  # nothing starts it by itself
    assert "forkserver" in found[1] and "photodedup.core.scan_work" in found[1]


def test_a_worker_that_cannot_start_in_the_background_is_started_by_the_run(tmp_path, make_photo):
    import threading

    paths = _photos(tmp_path, make_photo, 4)
    pool = FingerprintPool(workers=2)
    spawn = pool._spawn
    failures = [1]
    started_by: list[str] = []

    def first_fails():
        if failures:
            failures.pop()
            raise OSError("no more processes")
        started_by.append(threading.current_thread().name)
        return spawn()

    pool._spawn = first_fails  # type: ignore[method-assign]
    pool.start()
    results: list[Fingerprint | Problem] = []
    assert pool.run(paths, results.append)
    # The second started in the background all the same, the first by run.
    assert started_by == ["photodedup-start-workers", "MainThread"]
    assert sorted(r.path for r in results) == sorted(paths)
    assert all(isinstance(r, Fingerprint) for r in results)
    pool.close()


def test_closing_a_pool_while_its_workers_start_leaves_none_running():
    pool = FingerprintPool(workers=2)
    pool.start()
    pool.close()  # a scan cancelled at once
    assert pool._pool == [] and not pool.started
