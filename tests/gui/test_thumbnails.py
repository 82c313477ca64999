"""Thumbnail loader: decoding in a child process that may crash, orientation, errors, cache."""

from __future__ import annotations

import sys
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image
from PySide6.QtGui import QImageReader

from photodedup.gui.thumbnails import (
    DecoderService,
    ThumbKey,
    ThumbnailLoader,
    ThumbState,
    _Queue,
)


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


@pytest.fixture
def hostile_loader(qtbot, request):
    """A loader whose decoder process runs one of tests/gui/hostile_decoders.py's decoders."""
    import hostile_decoders

    decoders = DecoderService(processes=1, decode=getattr(hostile_decoders, request.param))
    loader = ThumbnailLoader(max_items=50, decoders=decoders)
    yield loader, decoders
    loader.shutdown()
    decoders.close()


@pytest.mark.parametrize("hostile_loader", ["raise_on_odd_names"], indirect=True)
def test_an_unexpected_decoder_error_gives_the_error_tile(
    qtbot, hostile_loader, tmp_path: Path, caplog, draw
) -> None:
    loader, _decoders = hostile_loader
    path = draw(tmp_path / "odd.jpg", (100, 100), 1)
    thumb = load(qtbot, loader, path)
    assert thumb.state is ThumbState.FAILED
    assert "decoder bug" in thumb.error
    assert loader.pending_count() == 0  # nothing stays "loading" forever
    assert "decoder bug" in caplog.text  # with the decoder process's traceback
    assert "raise_on_odd_names" in caplog.text


@pytest.mark.parametrize("hostile_loader", ["segfault_on_crash_names"], indirect=True)
def test_a_file_that_kills_the_decoder_cannot_be_shown_and_the_next_one_can(
    qtbot, hostile_loader, tmp_path: Path, draw
) -> None:
    loader, decoders = hostile_loader
    good = draw(tmp_path / "good.jpg", (200, 100), 1)
    assert load(qtbot, loader, good).state is ThumbState.READY
    (first_pid,) = decoders.decoder_pids()
    crash = draw(tmp_path / "crash.jpg", (200, 100), 2)
    thumb = load(qtbot, loader, crash)
    assert thumb.state is ThumbState.FAILED
    assert thumb.error == "the decoder crashed on this file"
    assert decoders.decoder_pids() == []  # the dead process is gone, not waited on later
    assert loader.pending_count() == 0
    # The app goes on: the next file is decoded by a fresh process.
    other = draw(tmp_path / "other.jpg", (100, 200), 3)
    thumb = load(qtbot, loader, other)
    assert thumb.state is ThumbState.READY
    assert (thumb.pixmap.width(), thumb.pixmap.height()) == (32, 64)
    (second_pid,) = decoders.decoder_pids()
    assert second_pid != first_pid
    # The failure is remembered: asking again shows the error tile without a new crash.
    assert loader.request(*stat_of(crash), 64).state is ThumbState.FAILED
    assert decoders.decoder_pids() == [second_pid]


def test_the_cache_is_bounded_in_bytes(qtbot, tmp_path: Path, draw) -> None:
    # 64 x 64 thumbnails are 16 KiB each: three fit in 40 KiB, the oldest one leaves.
    loader = ThumbnailLoader(max_items=50, max_bytes=40 * 1024)
    try:
        files = [draw(tmp_path / f"{i}.png", (64, 64), i) for i in range(3)]
        for f in files:
            load(qtbot, loader, f)
        assert loader.cached_count() == 2
        assert loader.cached_bytes() == 2 * 64 * 64 * 4
        assert loader.request(*stat_of(files[0]), 64).state is ThumbState.LOADING
        assert loader.request(*stat_of(files[2]), 64).state is ThumbState.READY
    finally:
        loader.shutdown()


def test_decoding_threads_call_no_qt_wrapper(tmp_path: Path, draw) -> None:
    # PySide creates its types lazily; two pool threads creating one at once crashed the app
    # (docs/threads.md). Decoding must therefore not call into PySide at all.
    import threading

    from photodedup.core.decoder import decode_pixels

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
