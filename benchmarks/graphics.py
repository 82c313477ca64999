"""A corpus of graphics in look-alike families, with real copies of some of them.

  graphics.py --out DIR

Icons, playing cards, UI screenshots, slides, text pages, charts, flat drawings, test
patterns and gradients (no copies of these: too smooth to match but on identical
pixels). Each family shares a layout and differs in content (a card's suit
and rank, a chart's values, a slide's words, an icon's glyph or colour), so a matcher that
only sees layout groups different pictures. Every third picture gets a real copy (re-encoded,
resized, PNG to JPEG, re-saved); truth.json is scored like the dev corpus:

  python3 ../shared/tools/score.py DIR r.json

No image is stored in the repository: the corpus is drawn here, from a seed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

Picture = tuple[str, Image.Image]  # (name, image)

SUITS = {"spades": (20, 20, 20), "hearts": (200, 20, 30), "diamonds": (200, 20, 30)}
SUITS["clubs"] = (20, 20, 20)
COLOURS = [
    (200, 40, 40),
    (40, 160, 60),
    (40, 80, 200),
    (230, 170, 20),
    (140, 50, 170),
    (0, 150, 160),
]
WORDS = [
    "photo",
    "library",
    "scan",
    "found",
    "copies",
    "many",
    "pictures",
    "taken",
    "holiday",
    "last",
    "year",
    "report",
    "plan",
]


def _text(d: ImageDraw.ImageDraw, xy: tuple[float, float], s: str, size: float, fill) -> None:
    d.text(xy, s, fill=fill, font_size=size)


def _suit(d: ImageDraw.ImageDraw, suit: str, cx: float, cy: float, r: float) -> None:
    colour = SUITS[suit]
    if suit == "hearts":
        d.ellipse([cx - r, cy - r, cx, cy], fill=colour)
        d.ellipse([cx, cy - r, cx + r, cy], fill=colour)
        d.polygon([(cx - r, cy - r / 2), (cx + r, cy - r / 2), (cx, cy + r)], fill=colour)
    elif suit == "diamonds":
        d.polygon([(cx, cy - r), (cx + 0.7 * r, cy), (cx, cy + r), (cx - 0.7 * r, cy)], fill=colour)
    elif suit == "clubs":
        for dx, dy in ((0, -0.45), (-0.45, 0.15), (0.45, 0.15)):
            x, y = cx + dx * r, cy + dy * r
            d.ellipse([x - r / 2, y - r / 2, x + r / 2, y + r / 2], fill=colour)
        d.polygon([(cx, cy), (cx - r / 3, cy + r), (cx + r / 3, cy + r)], fill=colour)
    else:
        d.ellipse([cx - r, cy - r / 2, cx, cy + r / 2], fill=colour)
        d.ellipse([cx, cy - r / 2, cx + r, cy + r / 2], fill=colour)
        d.polygon([(cx - r, cy), (cx + r, cy), (cx, cy - r * 1.2)], fill=colour)
        d.polygon([(cx, cy), (cx - r / 3, cy + r), (cx + r / 3, cy + r)], fill=colour)


def card(rank: str, suit: str, w: int = 164, h: int = 224) -> Image.Image:
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([1, 1, w - 2, h - 2], radius=10, outline=(0, 0, 0), width=2)
    colour = SUITS[suit]
    for x, y, flip in ((8, 6, False), (w - 26, h - 50, True)):
        _text(d, (x, y), rank, 20, colour)
        _suit(d, suit, x + 9, y + (36 if not flip else -8), 8)
    if rank in "JQK":  # a face: like real decks, each suit's figure is drawn differently
        k = list(SUITS).index(suit)
        robe = [(40, 60, 170), (230, 190, 40), (200, 30, 40), (30, 120, 60)][k]
        d.rectangle([34, 40, w - 34, h - 40], outline=colour, width=3)
        head = (w / 2 - 20 + 12 * (k - 1.5), 56 + 6 * k)
        d.ellipse([head[0], head[1], head[0] + 40, head[1] + 40], outline=colour, width=3)
        d.polygon([(44 + 8 * k, h - 50), (w / 2, 104), (w - 44 - 8 * (3 - k), h - 50)], fill=robe)
        for i in range(k + 2):  # the crown's points
            x = head[0] + 4 + i * 32 / (k + 1)
            d.polygon([(x - 4, head[1]), (x + 4, head[1]), (x, head[1] - 12)], fill=robe)
        _suit(d, suit, w / 2, h / 2 + 30, 14)
        _text(d, (w / 2 - 8, 112), rank, 22, colour)
        return img
    n = 1 if rank == "A" else int(rank)
    cols = 1 if n < 4 else 2 + (n >= 9)
    rows = -(-n // cols)
    k = 0
    for c in range(cols):
        for r in range(rows):
            if k < n:
                _suit(
                    d,
                    suit,
                    50 + c * (w - 100) / max(cols - 1, 1) if cols > 1 else w / 2,
                    55 + r * (h - 110) / max(rows - 1, 1) if rows > 1 else h / 2,
                    12,
                )
                k += 1
    return img


def cards() -> Iterator[Picture]:
    for suit in SUITS:
        yield f"cards/queen_{suit}.png", card("Q", suit)
        yield f"cards/seven_{suit}.png", card("7", suit)
    for rank in ("A", "2", "3", "4", "5", "6", "8", "9", "10"):
        yield f"cards/{rank}_hearts.png", card(rank, "hearts")


def icons() -> Iterator[Picture]:
    for _g, glyph in enumerate(("circle", "square", "triangle", "diamond", "ring", "bar")):
        for c, colour in enumerate(COLOURS[:4]):
            img = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
            d = ImageDraw.Draw(img)
            d.rounded_rectangle([8, 8, 120, 120], radius=24, fill=(*colour, 255))
            white = (255, 255, 255, 255)
            box = [36, 36, 92, 92]
            if glyph == "circle":
                d.ellipse(box, fill=white)
            elif glyph == "square":
                d.rectangle(box, fill=white)
            elif glyph == "triangle":
                d.polygon([(64, 32), (96, 92), (32, 92)], fill=white)
            elif glyph == "diamond":
                d.polygon([(64, 30), (98, 64), (64, 98), (30, 64)], fill=white)
            elif glyph == "ring":
                d.ellipse(box, outline=white, width=10)
            else:
                d.rectangle([30, 56, 98, 72], fill=white)
            yield f"icons/{glyph}_{c}.png", img


def screenshot(rng: random.Random, selected: int, dialog: bool) -> Image.Image:
    img = Image.new("RGB", (1280, 800), (250, 250, 250))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 1280, 36], fill=(60, 63, 70))
    _text(d, (16, 8), "Files - " + rng.choice(WORDS), 16, (230, 230, 230))
    d.rectangle([0, 36, 240, 800], fill=(235, 236, 240))
    for i in range(10):
        if i == selected:
            d.rectangle([0, 60 + 40 * i, 240, 96 + 40 * i], fill=(60, 120, 220))
        _text(d, (20, 68 + 40 * i), rng.choice(WORDS).title(), 16, (20, 20, 20))
    for i in range(16):
        _text(d, (270, 60 + 44 * i), " ".join(rng.choices(WORDS, k=5)), 16, (30, 30, 30))
        _text(d, (1100, 60 + 44 * i), f"{rng.randint(1, 999)} kB", 16, (90, 90, 90))
    if dialog:
        d.rectangle([440, 280, 840, 500], fill=(255, 255, 255), outline=(120, 120, 120), width=2)
        _text(d, (470, 310), "Delete " + rng.choice(WORDS) + "?", 22, (20, 20, 20))
        d.rectangle([700, 440, 820, 480], fill=(200, 50, 50))
    return img


def screenshots(rng: random.Random) -> Iterator[Picture]:
    for k in range(10):
        yield f"screens/shot_{k}.png", screenshot(rng, k % 10, k % 3 == 0)


def slide(rng: random.Random, accent: tuple[int, int, int]) -> Image.Image:
    img = Image.new("RGB", (1024, 768), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 1024, 120], fill=accent)
    _text(d, (50, 36), " ".join(rng.choices(WORDS, k=3)).title(), 44, (255, 255, 255))
    for i in range(rng.randint(3, 6)):
        d.ellipse([60, 190 + 90 * i, 76, 206 + 90 * i], fill=accent)
        _text(d, (100, 180 + 90 * i), " ".join(rng.choices(WORDS, k=5)), 32, (40, 40, 40))
    _text(d, (940, 730), str(rng.randint(2, 40)), 18, (120, 120, 120))
    return img


def slides(rng: random.Random) -> Iterator[Picture]:
    for k in range(12):
        yield f"slides/slide_{k}.png", slide(rng, COLOURS[k % 2])


def text_pages(rng: random.Random) -> Iterator[Picture]:
    for k in range(8):
        img = Image.new("RGB", (850, 1100), (246, 245, 240))
        d = ImageDraw.Draw(img)
        for y in range(110, 990, 34):
            _text(d, (85, y), " ".join(rng.choices(WORDS, k=rng.randint(4, 9))), 22, (30, 30, 30))
        yield f"pages/page_{k}.png", img


def chart(values: list[float], line: bool) -> Image.Image:
    img = Image.new("RGB", (800, 600), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.line([(80, 40), (80, 540), (760, 540)], fill=(0, 0, 0), width=2)
    for y in range(40, 540, 100):
        d.line([(80, y), (760, y)], fill=(220, 220, 220))
    step = 660 / len(values)
    points = [(110 + i * step, 540 - v * 480) for i, v in enumerate(values)]
    if line:
        d.line(points, fill=COLOURS[2], width=4)
        for x, y in points:
            d.ellipse([x - 6, y - 6, x + 6, y + 6], fill=COLOURS[2])
    else:
        for x, y in points:
            d.rectangle([x - step / 3, y, x + step / 3, 540], fill=COLOURS[2])
    return img


def charts(rng: random.Random) -> Iterator[Picture]:
    for k in range(12):
        values = [rng.uniform(0.1, 1.0) for _ in range(8)]
        yield f"charts/chart_{k}.png", chart(values, line=k % 2 == 1)


def drawing(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (600, 600), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 450, 600, 600], fill=(120, 190, 90))
    d.rectangle([180, 260, 420, 450], fill=(230, 200, 150), outline=(0, 0, 0), width=3)
    d.polygon([(160, 260), (300, 150), (440, 260)], fill=(180, 60, 50), outline=(0, 0, 0))
    d.rectangle([270, 360, 330, 450], fill=rng.choice(COLOURS))
    sx, sy = rng.randint(40, 560), rng.randint(40, 130)
    d.ellipse([sx - 35, sy - 35, sx + 35, sy + 35], fill=(250, 210, 40))
    for _ in range(rng.randint(0, 3)):
        tx = rng.choice([rng.randint(20, 140), rng.randint(460, 580)])
        d.rectangle([tx - 6, 380, tx + 6, 450], fill=(110, 70, 40))
        d.ellipse([tx - 35, 310, tx + 35, 390], fill=(40, 130, 50))
    return img


def drawings(rng: random.Random) -> Iterator[Picture]:
    for k in range(10):
        yield f"drawings/house_{k}.png", drawing(rng)


def patterns(rng: random.Random) -> Iterator[Picture]:
    bars = [(192, 192, 192), (192, 192, 0), (0, 192, 192), (0, 192, 0), (192, 0, 192)]
    bars += [(192, 0, 0), (0, 0, 192)]
    for k in range(6):
        order = bars[:]
        rng.shuffle(order)
        img = Image.new("RGB", (700, 480))
        d = ImageDraw.Draw(img)
        for i, c in enumerate(order):
            d.rectangle([i * 100, 0, i * 100 + 100, 480], fill=c)
        yield f"patterns/bars_{k}.png", img
    for k, cell in enumerate((16, 24, 32, 48)):
        a = ((np.indices((480, 640)) // cell).sum(axis=0) % 2 * 255).astype(np.uint8)
        yield f"patterns/checker_{k}.png", Image.fromarray(a).convert("RGB")
    for k in range(4):  # PngSuite-like: a rainbow whose alpha fades a different way
        x = np.linspace(0, 1, 256)[None, :]
        y = np.linspace(0, 1, 256)[:, None]
        hue = (x + k * 0.25) % 1.0
        rgb = np.stack(
            [np.abs(hue * 6 - 3) - 1, 2 - np.abs(hue * 6 - 2), 2 - np.abs(hue * 6 - 4)], -1
        )
        rgb = np.clip(rgb, 0, 1) * np.ones_like(y)[..., None]
        alpha = y if k % 2 == 0 else 1 - y
        rgba = np.concatenate([rgb, (alpha * np.ones_like(x))[..., None]], -1)
        yield f"patterns/rainbow_{k}.png", Image.fromarray((rgba * 255).astype(np.uint8), "RGBA")


def gradients(rng: random.Random) -> Iterator[Picture]:
    for k, (a, b) in enumerate(rng.sample(list(itertools.permutations(COLOURS, 2)), 8)):
        t = np.linspace(0, 1, 640)[None, :, None] * np.ones((480, 1, 1))
        if k % 2:
            t = np.linspace(0, 1, 480)[:, None, None] * np.ones((1, 640, 1))
        img = np.array(a) * (1 - t) + np.array(b) * t
        yield f"gradients/gradient_{k}.png", Image.fromarray(img.astype(np.uint8))


def _copy(img: Image.Image, kind: str) -> tuple[Image.Image, str, dict]:
    """A copy of a picture: the image, the file suffix and the save options."""
    if kind == "png_to_jpeg":
        return img.convert("RGBA"), ".jpg", {"quality": 90}
    if kind == "reencode_75":
        return img, ".jpg", {"quality": 75}
    if kind == "resize_50":
        w, h = img.size
        return img.resize((max(w // 2, 1), max(h // 2, 1)), Image.Resampling.LANCZOS), ".png", {}
    return img, ".png", {"optimize": True}  # png_resave


COPY_KINDS = ("png_to_jpeg", "resize_50", "reencode_75", "png_resave")


def _save(img: Image.Image, path: Path, options: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jpg" and img.mode != "RGB":
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, img.convert("RGBA")).convert("RGB")
    img.save(path, **options)


def build(out: Path, seed: int = 1) -> dict:
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    truth: dict[str, dict[str, str]] = {}
    families = [cards(), icons(), screenshots(rng), slides(rng), text_pages(rng), charts(rng)]
    families += [drawings(rng), patterns(rng), gradients(rng)]
    n = 0
    for family in families:
        for rel, img in family:
            ident = f"g{n:04d}"
            _save(img, out / rel, {})
            truth[rel] = {"id": ident, "kind": "original", "category": "original"}
            # A smooth ramp is low-detail by design (docs/matching.md): its copies are found
            # on identical pixels only, so gradients are look-alikes here, never copied.
            if n % 3 == 0 and not rel.startswith("gradients/"):
                kind = COPY_KINDS[(n // 3) % len(COPY_KINDS)]
                copy, suffix, options = _copy(img, kind)
                crel = f"copies/{Path(rel).stem}_{kind}{suffix}"
                _save(copy, out / crel, options)
                truth[crel] = {"id": ident, "kind": kind, "category": "must"}
            n += 1
    (out / "truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True))
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    truth = build(a.out)
    copies = sum(t["category"] == "must" for t in truth.values())
    print(f"{len(truth)} files ({copies} copies) in {a.out}")


if __name__ == "__main__":
    main()
