"""Speed and memory, side by side on the same files: PhotoDedup, Czkawka and plain imagehash.

  bench_speed.py scan DIR [DIR...] [--peers floor,floor-colour,czkawka,imagehash] [--workers 2]
                      [--rounds 3] [--baseline SRC]
  bench_speed.py grouping [--n 1000000] [--sample 300] [--bktree 10000,100000,1000000]
                           [--queries 200]   (pybktree above 30,000: that many lookups)

Every tool runs as its own process tree; its wall time, CPU time (user + system, children
included) and peak memory (sum of the RSS of the process and all its children, sampled every
0.1 s) are measured from outside. "floor" is ``floor.py``: every file decoded once at its
smallest useful size and nothing else. With ``--rounds N`` the tools run interleaved, round
after round (a shared machine's load moves between rounds, so ratios are taken within a
round); the summary gives each ratio's median over the rounds. Run with
benchmarks/.venv/bin/python (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
#: Each sample walks every process of the machine (1.5 ms of CPU): every 20 ms that took 7 %
#: of a core from the tool measured, most from one with several processes at a lower priority.
SAMPLE_EVERY = 0.1
FLOOR = Path(__file__).resolve().with_name("floor.py")

CZKAWKA = """
import sys
from pathlib import Path
from czkawka import ImageSimilarity
f = ImageSimilarity()
f.set_directories([Path(sys.argv[1])])
f.set_similarity(10)
groups = f.find_similar()
print(sum(len(g) for g in groups), "files in", len(groups), "groups")
"""

IMAGEHASH = """
import os, sys, imagehash
from PIL import Image
import pillow_heif
pillow_heif.register_heif_opener()
EXT = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".heic", ".heif"}
n = 0
for root, _dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if os.path.splitext(name)[1].lower() in EXT:
            with Image.open(os.path.join(root, name)) as im:
                imagehash.phash(im)  # full decode, as most scripts do
            n += 1
print(n, "files hashed")
"""


def app_python() -> str:
    app = REPO / ".venv" / "bin" / "python"
    return str(app) if app.exists() else sys.executable


def _adopt_orphans() -> None:
    """Become the reaper of this process's orphaned descendants (Linux): a tool's process
    that outlives it, such as multiprocessing's fork server whose workers it reaped, then
    reports its CPU time here instead of to init."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap_orphans() -> None:
    """Wait for every descendant left behind by a tool (see ``_adopt_orphans``)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall seconds, CPU seconds and peak RSS (MB) of the whole process tree of ``cmd``."""
    _adopt_orphans()
    before = os.times()
    start = time.perf_counter()
    proc = psutil.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            procs = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            procs = []
        for p in procs:
            with contextlib.suppress(psutil.NoSuchProcess):
                total += p.memory_info().rss
        peak = max(peak, total)
        time.sleep(SAMPLE_EVERY)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    _reap_orphans()
    after = os.times()
    # Every tool waits for its own children, so the reaped children's times are its tree's.
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({proc.returncode}):\n{err[-2000:]}")
    return {
        "seconds": round(seconds, 2),
        "cpu": round(cpu, 2),
        "peak_mb": round(peak / 2**20),
        "out": out.strip(),
    }


def count_files(root: Path) -> int:
    return sum(len(files) for _r, _d, files in os.walk(root)) - (root / "truth.json").exists()


def _row(name: str, r: dict, files: int, cold: float) -> None:
    print(
        f"| {name} | {r['seconds']} | {r['cpu']} | {1000 * r['seconds'] / max(1, files):.1f} | "
        f"{r['peak_mb']} | {r['seconds'] / cold:.2f}x |  {r['out']}",
        flush=True,
    )


def bench_round(
    root: Path, peers: list[str], workers: int, files: int, baseline: Path | None = None
) -> dict:
    """One run of every tool on root, printed row by row as measured."""
    tmp = Path(tempfile.mkdtemp(prefix="pd-speed-"))
    res: dict[str, dict] = {}
    try:
        cache = tmp / "cache"
        scan = [app_python(), "-m", "photodedup.cli", "scan", str(root), "--workers", str(workers)]
        scan += ["--json", str(tmp / "out.json"), "--cache-dir", str(cache)]
        if baseline is not None:  # another source tree of PhotoDedup, run cold first
            env = dict(os.environ, PYTHONPATH=str(baseline))
            r = measure([*scan[:-1], str(tmp / "baseline-cache")], env)
            res["baseline cold"] = r
            print(
                f"| baseline cold ({baseline}) | {r['seconds']} | {r['cpu']} | | {r['peak_mb']} |"
            )
        for name in ("photodedup cold", "photodedup warm"):
            r = measure(scan)
            stats = json.loads((tmp / "out.json").read_text())["stats"]
            r["out"] = f"{stats['hashed']} hashed, {stats['decoded']} decoded"
            res[name] = r
            _row(name, r, files, res["photodedup cold"]["seconds"])
        runs = {
            "floor": lambda: measure(
                [sys.executable, str(FLOOR), str(root), "--workers", str(workers)]
            ),
            "floor-colour": lambda: measure(
                [sys.executable, str(FLOOR), str(root), "--workers", str(workers), "--colour"]
            ),
            "czkawka": lambda: measure(
                [sys.executable, "-c", CZKAWKA, str(root)], _fresh_home(tmp)
            ),
            "imagehash (1 process)": lambda: measure([sys.executable, "-c", IMAGEHASH, str(root)]),
        }
        for name, run in runs.items():
            if name.split()[0] in peers:
                res[name] = run()
                _row(name, res[name], files, res["photodedup cold"]["seconds"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


def _fresh_home(tmp: Path) -> dict[str, str]:
    """An environment with a fresh home: Czkawka's own cache must not help it."""
    home = tmp / "czkawka-home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    return env


def _ratios(res: dict) -> dict[str, float]:
    """PhotoDedup's cold time over each peer's, and warm over cold, within one round; in wall
    seconds, then in CPU seconds (which a shared machine's load disturbs less)."""
    cold = res["photodedup cold"]
    out = {"warm / cold": res["photodedup warm"]["seconds"] / cold["seconds"]}
    for unit in ("seconds", "cpu"):
        for name in ("baseline cold", "floor", "floor-colour", "czkawka", "imagehash (1 process)"):
            if name in res:
                key = f"photodedup cold / {name}" + (" (CPU)" if unit == "cpu" else "")
                out[key] = cold[unit] / max(res[name][unit], 0.01)
    return out


def compile_sources(*trees: Path) -> None:
    """Byte-compile PhotoDedup's modules first, as installing it does: with
    PYTHONDONTWRITEBYTECODE set (as on the machines these runs were taken on) every run would
    compile them again, 0.08 s of the scan's process and as much in the fork server."""
    for tree in trees:
        subprocess.run(
            [app_python(), "-m", "compileall", "-q", str(tree / "photodedup")],
            check=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        )


def cmd_scan(args: argparse.Namespace) -> None:
    peers = [p for p in args.peers.split(",") if p]
    compile_sources(REPO, *([args.baseline] if args.baseline else []))
    report: dict[str, dict] = {
        str(root): {"files": count_files(root), "rounds": []} for root in args.dirs
    }
    for n in range(1, args.rounds + 1):
        for root in args.dirs:  # interleaved: every set once per round
            files = report[str(root)]["files"]
            load = os.getloadavg()
            print(
                f"\n### {root} ({files} files), workers {args.workers}, round {n}/{args.rounds}, "
                f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
            )
            print(
                "| tool | seconds | CPU seconds | ms/file | peak MB (all processes) | "
                "ratio to PhotoDedup cold |"
            )
            print("|---|---|---|---|---|---|", flush=True)
            res = bench_round(root, peers, args.workers, files, args.baseline)
            res["load"] = load[0]
            report[str(root)]["rounds"].append(res)
    for root, rep in report.items():
        rounds = rep["rounds"]
        loads = [r["load"] for r in rounds]
        print(
            f"\n### {root}: medians over {len(rounds)} rounds "
            f"(load {min(loads):.2f}-{max(loads):.2f})"
        )
        print("| | median | rounds |")
        print("|---|---|---|")
        for name in (
            "baseline cold",
            "photodedup cold",
            "photodedup warm",
            "floor",
            "floor-colour",
            "czkawka",
            "imagehash (1 process)",
        ):
            if name in rounds[0]:
                values = [r[name]["seconds"] for r in rounds]
                cpu = [r[name]["cpu"] for r in rounds]
                print(
                    f"| {name} seconds (CPU) | {statistics.median(values):.2f} "
                    f"({statistics.median(cpu):.2f}) | {', '.join(map(str, values))} |"
                )
        for key in _ratios(rounds[0]):
            values = [_ratios(r)[key] for r in rounds]
            print(
                f"| {key} | **{statistics.median(values):.2f}** | "
                f"{', '.join(f'{v:.2f}' for v in values)} |"
            )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


def cmd_grouping(args: argparse.Namespace) -> None:
    """Runs grouping.py in a child so its peak memory is measured alone."""
    child = [sys.executable, str(Path(__file__).with_name("grouping.py"))]
    child += ["--n", str(args.n), "--sample", str(args.sample)]
    r = measure(child)
    print(r["out"])
    print(
        f"whole process: {r['seconds']} s wall, peak {r['peak_mb']} MB (hash generation included)"
    )
    for n in [int(x) for x in args.bktree.split(",") if x]:
        sampled = ["--queries", str(args.queries)] if n > 30_000 else []
        r = measure([*child[:2], "--bktree", str(n), *sampled])
        print(r["out"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan")
    s.add_argument("dirs", type=Path, nargs="+")
    s.add_argument("--peers", default="floor,floor-colour,czkawka,imagehash")
    s.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    s.add_argument("--rounds", type=int, default=1)
    s.add_argument(
        "--baseline",
        type=Path,
        help="a source tree of another PhotoDedup (e.g. git archive main) to scan cold too",
    )
    s.add_argument("--json", type=Path)
    g = sub.add_parser("grouping")
    g.add_argument("--n", type=int, default=1_000_000)
    g.add_argument("--sample", type=int, default=300)
    g.add_argument("--bktree", default="10000,100000,1000000")
    g.add_argument("--queries", type=int, default=200, help="pybktree lookups above 30,000")
    a = ap.parse_args()
    cmd_scan(a) if a.cmd == "scan" else cmd_grouping(a)


if __name__ == "__main__":
    main()
