"""Scan Pillow's own test images (over a thousand files, many deliberately broken).

Downloads the Pillow source distribution from PyPI (pip download), extracts Tests/images and
runs photodedup-cli scan on it. Passes when the scan finishes and every candidate file is
either fingerprinted or reported with a reason.

    python benchmarks/scan_pillow_tests.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time


def fetch_test_images(work: str) -> str:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-binary",
            ":all:",
            "--no-deps",
            "--dest",
            work,
            "pillow",
        ],
        check=True,
    )
    (sdist,) = glob.glob(os.path.join(work, "pillow-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if "/Tests/images/" in m.name]
        tar.extractall(work, members=members, filter="data")
    (images,) = glob.glob(os.path.join(work, "pillow-*", "Tests", "images"))
    return images


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="pillow-tests-")
    os.makedirs(work, exist_ok=True)
    images = fetch_test_images(work)
    total = sum(len(files) for _root, _dirs, files in os.walk(images))
    out = os.path.join(work, "results.json")
    start = time.monotonic()
    cli = os.path.join(os.path.dirname(sys.executable), "photodedup-cli")
    proc = subprocess.run([cli, "scan", images, "--json", out, "--no-cache"], timeout=900)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        print(f"scan failed with exit code {proc.returncode}")
        return 1
    with open(out, encoding="utf-8") as fh:
        doc = json.load(fh)
    stats = doc["stats"]
    file_errors = [e for e in doc["errors"] if not os.path.isdir(e["path"])]
    print(
        f"Pillow Tests/images: {total} files, {stats['files']} candidate photos, "
        f"{stats['hashed']} fingerprinted, {len(file_errors)} reported, "
        f"{len(doc['groups'])} groups, {seconds:.1f} s"
    )
    if stats["files"] != stats["hashed"] + len(file_errors):
        print("some candidate files were neither fingerprinted nor reported")
        return 1
    grouped = [f for g in doc["groups"] for f in g["files"]]
    bad_keepers = [
        g["files"][0]["path"]
        for g in doc["groups"]
        if g["files"][0]["damaged"] and not all(f["damaged"] for f in g["files"])
    ]
    print(
        f"{sum(f['damaged'] for f in grouped)} of {len(grouped)} grouped files damaged; "
        f"{len(bad_keepers)} damaged keepers while an intact copy exists"
    )
    if bad_keepers:
        print("damaged files suggested as keepers:", *bad_keepers, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
