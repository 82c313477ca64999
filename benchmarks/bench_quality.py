"""Matching quality: per-edit recall and pair precision on corpora, and hash robustness tables.

  bench_quality.py score CORPUS... [--out DIR]      scan each corpus (default and --rotations),
                                                    score it, explain every false pair and miss
  bench_quality.py robustness [--photos N]          Hamming distance original -> edit, per edit,
                                                    and the distances of unrelated pairs

Run with benchmarks/.venv/bin/python (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import photos
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from photodedup.core.fingerprint import fingerprint_bytes, fingerprint_path
from photodedup.core.matching import best_variant
from photodedup.core.models import DEFAULT_THRESHOLD, Fingerprint
from photodedup.core.verify import verify_limit

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORE = Path(os.environ.get("PHOTODEDUP_SCORE", SHARED / "tools" / "score.py"))
DEV_CORPUS = Path(os.environ.get("PHOTODEDUP_DEV_CORPUS", SHARED / "corpus_dev"))
REPO = Path(__file__).resolve().parent.parent


def cli_python() -> str:
    """The app's own environment when there is one, so the scan runs as users run it."""
    app = REPO / ".venv" / "bin" / "python"
    return str(app) if app.exists() else sys.executable


def scan(corpus: Path, out: Path, rotations: bool) -> dict:
    cmd = [cli_python(), "-m", "photodedup.cli", "scan", str(corpus), "--json", str(out)]
    # --no-ignore-list: a person's "not a duplicate" marks must not change the numbers.
    cmd += ["--no-cache", "--no-ignore-list"] + (["--rotations"] if rotations else [])
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())


def score(corpus: Path, results: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCORE), str(corpus), str(results), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def _distances(a: Fingerprint, b: Fingerprint, rotations: bool) -> str:
    variant, p, d = best_variant(a, b, rotations)
    limit = verify_limit(DEFAULT_THRESHOLD)
    direct = not a.flat and not b.flat and min(p, d) <= DEFAULT_THRESHOLD and p + d <= limit
    same = "same bytes" if a.digest == b.digest else ""
    same = same or ("same pixels" if a.pixel_digest == b.pixel_digest else "")
    flags = [f"pHash {p}", f"dHash {d}", f"sum {p + d}", f"variant {variant}"]
    flags += ["direct link" if direct or same else "linked through others"]
    flags += [s for s in (same, "flat" if a.flat or b.flat else "") if s]
    return ", ".join(flags)


def explain(corpus: Path, results: dict, rotations: bool) -> list[str]:
    """Every false pair and every missed copy, with the distances that made it so."""
    truth = json.loads((corpus / "truth.json").read_text())
    fps: dict[str, Fingerprint] = {}

    def fp(rel: str) -> Fingerprint:
        if rel not in fps:
            got = fingerprint_path(str(corpus / rel))
            if not isinstance(got, Fingerprint):
                raise SystemExit(f"{rel}: {got.error}")
            fps[rel] = got
        return fps[rel]

    group_of: dict[str, int] = {}
    lines = []
    for g in results["groups"]:
        rels = [os.path.relpath(f["path"], corpus) for f in g["files"]]
        for r in rels:
            group_of[r] = g["id"]
        for a, b in itertools.combinations(rels, 2):
            if truth[a]["id"] != truth[b]["id"]:
                lines.append(f"FALSE PAIR {a} <-> {b}: {_distances(fp(a), fp(b), rotations)}")
    original = {t["id"]: p for p, t in truth.items() if t["kind"] == "original"}
    for rel, t in sorted(truth.items()):
        if t["category"] == "must" or (t["category"] == "dihedral" and rotations):
            o = original[t["id"]]
            if rel not in group_of or group_of.get(o) != group_of[rel]:
                why = _distances(fp(o), fp(rel), rotations)
                lines.append(f"MISS {t['kind']} {rel} (original {o}): {why}")
    return lines


def cmd_score(args: argparse.Namespace) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    for corpus in args.corpus:
        for rotations in (False, True):
            label = f"{corpus.name}{'-rotations' if rotations else ''}"
            out = args.out / f"{label}.json"
            results = scan(corpus, out, rotations)
            s = score(corpus, out)
            edits = ", ".join(
                f"{k} {v}"
                for k, v in s["recall_by_edit"].items()
                if v.split("/")[0] != v.split("/")[1]
            )
            print(
                f"## {corpus} {'--rotations' if rotations else 'default'}: {s['files']} files, "
                f"{s['groups']} groups, recall {s['recall']}, pair precision "
                f"{s['pair_precision']} ({s['false_pairs']} false pairs, {s['impure_groups']} "
                f"impure groups), {results['stats']['seconds']} s"
            )
            print(f"   edits below 100 %: {edits or 'none'}")
            for line in explain(corpus, results, rotations):
                print("   " + line)


# --- robustness --------------------------------------------------------------------------


def _encode(img: Image.Image, fmt: str = "PNG", quality: int = 95) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.convert("RGB").save(buf, "JPEG", quality=quality)
    else:
        img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def _gamma(g: float) -> Callable[[Image.Image], Image.Image]:
    lut = [min(255, round(255 * (i / 255) ** g)) for i in range(256)]
    return lambda im: im.point(lut * 3)


def _resize(f: int) -> Callable[[Image.Image], Image.Image]:
    return lambda im: im.resize(
        (max(8, im.width // f), max(8, im.height // f)), Image.Resampling.LANCZOS
    )


def _blur(radius: float) -> Callable[[Image.Image], Image.Image]:
    return lambda im: im.filter(ImageFilter.GaussianBlur(radius))


def _shift(px: int) -> Callable[[Image.Image], Image.Image]:
    # The picture moves px to the left and up: those pixels leave the frame.
    return lambda im: im.crop((px, px, im.width, im.height))


def _crop(pct: int) -> Callable[[Image.Image], Image.Image]:
    def f(im: Image.Image) -> Image.Image:
        dx, dy = im.width * pct // 100, im.height * pct // 100
        return im.crop((dx, dy, im.width - dx, im.height - dy))

    return f


def _rotate(deg: float) -> Callable[[Image.Image], Image.Image]:
    # Rotated, then cropped to the largest centred box without the empty corners.
    def f(im: Image.Image) -> Image.Image:
        r = im.rotate(deg, Image.Resampling.BICUBIC)
        m = math.sin(math.radians(abs(deg)))
        dx, dy = int(im.height * m) + 1, int(im.width * m) + 1
        return r.crop((dx, dy, im.width - dx, im.height - dy))

    return f


def _text(im: Image.Image) -> Image.Image:
    im = im.copy()
    d = ImageDraw.Draw(im)
    size = max(12, im.height // 12)
    d.text((im.width // 10, im.height // 2), "Holiday 2021", fill=(255, 255, 0), font_size=size)
    return im


def edits() -> list[tuple[str, Callable[[Image.Image], Image.Image], str, int]]:
    """(name, edit, file format, JPEG quality) for the robustness table."""
    e: list[tuple[str, Callable[[Image.Image], Image.Image], str, int]] = []
    e += [(f"resize 1/{f}", _resize(f), "PNG", 0) for f in (2, 4, 8, 16)]
    e += [(f"JPEG q{q}", lambda im: im, "JPEG", q) for q in (10, 30, 50, 70, 90)]
    e += [(f"gamma {g}", _gamma(g), "PNG", 0) for g in (0.2, 0.5, 0.8, 1.25, 2.0)]
    e += [
        ("brightness +30 %", lambda im: ImageEnhance.Brightness(im).enhance(1.3), "PNG", 0),
        ("text overlay", _text, "PNG", 0),
        ("gray", lambda im: ImageOps.grayscale(im), "PNG", 0),
    ]
    e += [(f"blur r{r}", _blur(r), "PNG", 0) for r in (1, 2, 4)]
    e += [(f"shift {px} px", _shift(px), "PNG", 0) for px in (1, 2, 4, 8, 16, 32, 64)]
    e += [(f"crop {p} %", _crop(p), "PNG", 0) for p in (2, 5, 10)]
    e += [(f"rotate {d} deg", _rotate(d), "PNG", 0) for d in (1, 2, 3, 5)]
    return e


def robustness_photos(n: int) -> tuple[list[str], list[Image.Image]]:
    """Package photos and dev-corpus originals, at most 1024 px (a typical shared copy)."""
    paths = [p for p in photos.package_photos()]
    truth_file = DEV_CORPUS / "truth.json"
    if truth_file.exists():
        truth = json.loads(truth_file.read_text())
        paths += [DEV_CORPUS / p for p, t in sorted(truth.items()) if t["kind"] == "original"]
    paths = paths[:n]
    names = [
        p.name if DEV_CORPUS not in p.parents else str(p.relative_to(DEV_CORPUS)) for p in paths
    ]
    return names, [ImageOps.contain(photos.load_rgb(p), (1024, 1024)) for p in paths]


def _fp(data: bytes) -> Fingerprint:
    return fingerprint_bytes("<mem>", len(data), 0, data)


def cmd_robustness(args: argparse.Namespace) -> None:
    names, imgs = robustness_photos(args.photos)
    base = [_fp(_encode(im)) for im in imgs]
    print(f"{len(imgs)} photos (PNG originals, edits saved as PNG unless JPEG)")
    print(
        "| edit | pHash median | pHash max | dHash median | dHash max | sum max | over threshold |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, edit, fmt, q in edits():
        p, d = [], []
        for im, fp0 in zip(imgs, base, strict=True):
            fp1 = _fp(_encode(edit(im), fmt, q))
            p.append((fp0.phash ^ fp1.phash).bit_count())
            d.append((fp0.dhash ^ fp1.dhash).bit_count())
        pa, da = np.array(p), np.array(d)
        t, lim = DEFAULT_THRESHOLD, verify_limit(DEFAULT_THRESHOLD)
        lost = int(np.sum((np.minimum(pa, da) > t) | (pa + da > lim)))
        print(
            f"| {name} | {np.median(pa):.0f} | {pa.max()} | {np.median(da):.0f} | {da.max()} "
            f"| {(pa + da).max()} | {lost}/{len(pa)} |"
        )
    ph = np.array([f.phash for f in base], dtype=np.uint64)
    dh = np.array([f.dhash for f in base], dtype=np.uint64)
    i, j = np.triu_indices(len(base), 1)
    pd = np.bitwise_count(ph[i] ^ ph[j])
    dd = np.bitwise_count(dh[i] ^ dh[j])
    print(f"\nUnrelated pairs: {len(i)} pairs of {len(base)} distinct photos")
    print("| hash | min | 0.1 percentile | 1 percentile | median |")
    print("|---|---|---|---|---|")
    for name, arr in (("pHash", pd), ("dHash", dd), ("pHash + dHash", pd + dd)):
        print(
            f"| {name} | {arr.min()} | {np.percentile(arr, 0.1):.0f} | "
            f"{np.percentile(arr, 1):.0f} | {np.median(arr):.0f} |"
        )
    order = np.argsort(pd + dd)[:5]
    for k in order:
        print(f"  closest: {names[i[k]]} / {names[j[k]]}: pHash {pd[k]}, dHash {dd[k]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("corpus", type=Path, nargs="+")
    s.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "photodedup-quality")
    r = sub.add_parser("robustness")
    r.add_argument("--photos", type=int, default=120)
    a = ap.parse_args()
    cmd_score(a) if a.cmd == "score" else cmd_robustness(a)


if __name__ == "__main__":
    main()
