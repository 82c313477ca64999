"""Start the built PhotoDedup bundle offscreen and check that it works.

Two checks: ``--self-test`` (assets, a spawned worker, a real scan) must exit 0 with its OK
lines, and a normal start must open the window and run for a few seconds without logging an
error. Builds nothing: run ``pyinstaller packaging/photodedup.spec`` first, then
``python packaging/smoke_test.py [dist/PhotoDedup]`` from the same directory.
Exit status 0 when the bundle passed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

APP_NAME = "PhotoDedup"
#: Lines the self-test prints when the bundle's assets, worker processes and engine all work.
EXPECTED = ("OK assets", "OK process pool", "OK scan", "self-test passed")
#: What the app logs once the QApplication is up and the main window is about to be built.
STARTED = re.compile(r"PhotoDedup \S+ started")
#: How long a normal start must keep running after its start line to count as working.
SETTLE_SECONDS = 4.0


def find_executable(bundle: Path) -> Path:
    """The app's executable inside a one-folder bundle (or a macOS .app next to it)."""
    candidates = [
        bundle / APP_NAME,
        bundle / f"{APP_NAME}.exe",
        bundle.parent / f"{APP_NAME}.app" / "Contents" / "MacOS" / APP_NAME,
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit(
        f"no {APP_NAME} executable in {bundle}; build it with packaging/photodedup.spec"
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def isolated_env(home: str) -> dict[str, str]:
    """Offscreen Qt, and settings, cache, logs and trash kept away from the real user's."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = home
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = os.path.join(home, var.lower())
    return env


def run_self_test(executable: Path, timeout: float) -> tuple[int, str, float]:
    """Run the bundle's self-test in a throwaway home; return (exit code, output, seconds)."""
    with tempfile.TemporaryDirectory(prefix="photodedup-smoke-") as home:
        env = isolated_env(home)
        started = time.monotonic()
        completed = subprocess.run(
            [str(executable), "--self-test"],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        seconds = time.monotonic() - started
    return completed.returncode, completed.stdout + completed.stderr, seconds


def _read_logs(home: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in home.rglob("photodedup*.log"))


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen, seconds: float) -> bool:
    """Poll ``condition`` until it holds, the process exits or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.2)
    return condition()


def run_window(executable: Path, timeout: float) -> str | None:
    """Start the app normally; None when it came up and kept running, else what went wrong."""
    with tempfile.TemporaryDirectory(prefix="photodedup-smoke-") as tmp:
        home = Path(tmp)
        process = subprocess.Popen(
            [str(executable)],
            env=isolated_env(tmp),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            started = _wait_for(lambda: bool(STARTED.search(_read_logs(home))), process, timeout)
            if started:
                # Nothing to wait for: this only watches the window for an early exit.
                _wait_for(lambda: False, process, SETTLE_SECONDS)
            logs = _read_logs(home)
            exited = process.poll()
        finally:
            if process.poll() is None:
                process.terminate()
            output, _ = process.communicate(timeout=30)
    if not started:
        return f"the app did not start (exit status {exited}):\n{output}{logs}"
    if exited is not None:
        return f"the app quit by itself (exit status {exited}):\n{output}{logs}"
    if any(" ERROR " in line or " CRITICAL " in line for line in logs.splitlines()):
        return f"the app logged errors:\n{logs}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "bundle", nargs="?", default=f"dist/{APP_NAME}", help="the one-folder bundle to test"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before giving up")
    args = parser.parse_args(argv)

    bundle = Path(args.bundle).resolve()
    executable = find_executable(bundle)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")
    try:
        code, output, seconds = run_self_test(executable, args.timeout)
    except subprocess.TimeoutExpired:
        print(f"FAIL: {executable.name} --self-test did not finish in {args.timeout:.0f}s")
        return 1
    print(output.rstrip())
    missing = [line for line in EXPECTED if line not in output]
    # Windowed Windows builds have no stdout at all; there the exit status is all we can see.
    if sys.platform == "win32" and not output.strip():
        missing = []
    if code != 0 or missing:
        print(f"FAIL: exit status {code}, missing output: {', '.join(missing) or 'none'}")
        return 1
    print(f"self-test passed in {seconds:.1f}s")
    problem = run_window(executable, args.timeout)
    if problem:
        print(f"FAIL: {problem}")
        return 1
    print(f"window: started and ran {SETTLE_SECONDS:.0f}s offscreen without errors")
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
