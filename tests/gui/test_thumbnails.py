"""Thumbnail loader: off-thread decoding, EXIF orientation, HEIC fallback, errors, bounded cache."""

from __future__ import annotations

import sys
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image
from PySide6.QtGui import QImageReader

from photodedup.gui.thumbnails import ThumbKey, ThumbnailLoader, ThumbState, _Queue


@pytest.fixture
def loader(qtbot):
    loader = ThumbnailLoader(max_items=50)
    yield loader
    loader.shutdown()


def stat_of(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


def load(qtbot, loader: ThumbnailLoader, path: Path, side: int = 64):
    first = loader.request(*stat_of(path), side)
    if first.state is not ThumbState.LOADING:
        return first
    with qtbot.waitSignal(
        loader.thumbnailReady, timeout=5000, check_params_cb=lambda p: p == str(path)
    ):
        pass
    return loader.request(*stat_of(path), side)


def test_thumbnail_is_scaled_keeping_aspect(qtbot, loader, tmp_path: Path, draw) -> None:
    path = draw(tmp_path / "wide.jpg", (400, 200), 1)
    thumb = load(qtbot, loader, path, side=64)
    assert thumb.state is ThumbState.READY
    assert (thumb.pixmap.width(), thumb.pixmap.height()) == (64, 32)


def test_small_images_are_not_enlarged(qtbot, loader, tmp_path: Path, draw) -> None:
    path = draw(tmp_path / "tiny.png", (20, 10), 1)
    thumb = load(qtbot, loader, path, side=64)
    assert (thumb.pixmap.width(), thumb.pixmap.height()) == (20, 10)


def test_exif_orientation_is_applied(qtbot, loader, tmp_path: Path, draw) -> None:
    path = tmp_path / "rotated.jpg"
    img = draw(tmp_path / "src.png", (400, 200), 2)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown rotated 90° (portrait)
    Image.open(img).convert("RGB").save(path, exif=exif)
    thumb = load(qtbot, loader, path, side=100)
    assert thumb.state is ThumbState.READY
    assert (thumb.pixmap.width(), thumb.pixmap.height()) == (50, 100)


def test_heic_falls_back_to_pillow(qtbot, loader, tmp_path: Path) -> None:
    assert b"heic" not in [bytes(f) for f in QImageReader.supportedImageFormats()]
    pillow_heif.register_heif_opener()
    path = tmp_path / "phone.heic"
    Image.new("RGB", (300, 200), (200, 10, 10)).save(path)
    thumb = load(qtbot, loader, path, side=60)
    assert thumb.state is ThumbState.READY
    assert (thumb.pixmap.width(), thumb.pixmap.height()) == (60, 40)
    red = thumb.pixmap.toImage().pixelColor(30, 20)
    assert red.red() > 150 and red.green() < 60


def test_unreadable_file_gives_error(qtbot, loader, tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"this is not a photo" * 10)
    thumb = load(qtbot, loader, path)
    assert thumb.state is ThumbState.FAILED
    assert thumb.error
    assert thumb.pixmap is None


def test_requests_for_the_same_file_are_merged(qtbot, loader, tmp_path: Path, draw) -> None:
    path = draw(tmp_path / "a.jpg", (300, 300), 3)
    paths: list[str] = []
    loader.thumbnailReady.connect(paths.append)
    assert loader.request(*stat_of(path), 64).state is ThumbState.LOADING
    assert loader.request(*stat_of(path), 64).state is ThumbState.LOADING
    assert loader.pending_count() == 1
    qtbot.waitUntil(lambda: loader.pending_count() == 0, timeout=5000)
    assert paths == [str(path)]
    assert loader.request(*stat_of(path), 64).state is ThumbState.READY


def test_changed_file_is_a_new_thumbnail(qtbot, loader, tmp_path: Path, draw) -> None:
    path = draw(tmp_path / "a.jpg", (300, 300), 3)
    assert load(qtbot, loader, path).state is ThumbState.READY
    draw(path, (100, 300), 4)
    thumb = loader.request(*stat_of(path), 64)
    assert thumb.state is ThumbState.LOADING
    thumb = load(qtbot, loader, path)
    assert thumb.pixmap.height() == 64 and thumb.pixmap.width() < 30


def test_cache_is_bounded_lru(qtbot, tmp_path: Path, draw) -> None:
    loader = ThumbnailLoader(max_items=2)
    try:
        files = [draw(tmp_path / f"{i}.png", (50, 50), i) for i in range(3)]
        for f in files:
            load(qtbot, loader, f)
        assert loader.cached_count() == 2
        assert loader.request(*stat_of(files[2]), 64).state is ThumbState.READY
        assert loader.request(*stat_of(files[0]), 64).state is ThumbState.LOADING
    finally:
        loader.shutdown()


def test_queue_keeps_newest_requests() -> None:
    queue = _Queue(limit=2)
    keys = [ThumbKey(f"/{i}", 0, 0, 64) for i in range(3)]
    assert queue.push(keys[0]) is None
    assert queue.push(keys[1]) is None
    assert queue.push(keys[2]) == keys[0]  # scrolled out of view long ago: dropped
    assert queue.pop_newest() == keys[2]
    assert queue.pop_newest() == keys[1]
    assert queue.pop_newest() is None


def test_emitting_signals_keeps_true_alive(qtbot) -> None:
    # PySide6 6.12.0 loses one reference to True per emit and aborts Python after a few
    # thousand: pyproject.toml keeps it out, and this test fails if it ever comes back.
    loader = ThumbnailLoader()
    seen: list[str] = []
    loader.thumbnailReady.connect(seen.append)
    before = sys.getrefcount(True)
    for _ in range(1000):
        loader.thumbnailReady.emit("x")
    assert len(seen) == 1000
    assert sys.getrefcount(True) >= before - 50


def test_an_unexpected_decoder_error_gives_the_error_tile(
    qtbot, loader, tmp_path: Path, monkeypatch, caplog
) -> None:
    from photodedup.gui import thumbnails

    def broken_decoder(path: str, max_side: int | None = None) -> Image.Image:
        raise ValueError("decoder bug")

    monkeypatch.setattr(thumbnails, "open_oriented", broken_decoder)
    path = tmp_path / "odd.jpg"
    path.write_bytes(b"not a picture Qt can read")
    thumb = load(qtbot, loader, path)
    assert thumb.state is ThumbState.FAILED
    assert "decoder bug" in thumb.error
    assert loader.pending_count() == 0  # nothing stays "loading" forever
    assert "decoder bug" in caplog.text


def test_decoding_threads_call_no_qt_wrapper(tmp_path: Path, draw) -> None:
    # PySide creates its types lazily; two pool threads creating one at once crashed the app
    # (docs/threads.md). Decoding must therefore not call into PySide at all.
    import threading

    from photodedup.gui.thumbnails import decode_pixels

    path = draw(tmp_path / "photo.jpg", (300, 200), 1)
    qt_calls: list[str] = []

    def profile(frame, event, arg):
        if event == "c_call":
            owner = getattr(arg, "__self__", None)
            module = getattr(type(owner), "__module__", "") or getattr(arg, "__module__", "")
            if module and module.startswith(("PySide6", "shiboken6")):
                qt_calls.append(f"{module}.{arg.__qualname__}")

    pixels = []

    def run() -> None:
        sys.setprofile(profile)
        try:
            pixels.append(decode_pixels(str(path), 64))
        finally:
            sys.setprofile(None)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert (pixels[0].width, pixels[0].height) == (64, 43)
    assert qt_calls == []
