"""Hostile input never hangs or stops a scan: every file is fingerprinted or reported."""

from __future__ import annotations

import io
import os
import socket
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from photodedup.cli import main
from photodedup.core.fingerprint import fingerprint_bytes, fingerprint_path
from photodedup.core.imageio import DecodeError
from photodedup.core.models import Fingerprint, Problem, ScanOptions
from photodedup.core.pipeline import run_scan


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims the given size (a decompression bomb's calling card)."""
    buf = io.BytesIO()
    Image.new("L", (1, 1)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


@pytest.fixture
def hostile(tmp_path, new_photo) -> tuple[Path, dict[str, str]]:
    """A folder of hostile files beside one real duplicate pair; name -> expected reason."""
    root = tmp_path / "hostile"
    root.mkdir()
    photo = new_photo(40, (600, 400))
    photo.save(root / "good.jpg", quality=90)
    photo.resize((300, 200)).save(root / "good_small.jpg", quality=85)
    expected = {}
    (root / "empty.jpg").write_bytes(b"")
    expected["empty.jpg"] = "empty"
    (root / "fake.png").write_text("I am a text file wearing a .png")
    expected["fake.png"] = "not an image"
    (root / "truncated.jpg").write_bytes((root / "good.jpg").read_bytes()[:2000])
    expected["truncated.jpg"] = "truncated"
    (root / "bomb.png").write_bytes(_png_claiming(100_000, 100_000))
    expected["bomb.png"] = "too large"
    (root / "zero_size.png").write_bytes(_png_claiming(0, 0))
    expected["zero_size.png"] = ""
    os.mkfifo(root / "fifo.jpg")
    expected["fifo.jpg"] = "not a regular file"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "socket.jpg"))
    expected["socket.jpg"] = "not a regular file"
    os.symlink("/dev/zero", root / "device.jpg")
    expected["device.jpg"] = "not a regular file"
    os.symlink(root / "nowhere.jpg", root / "dangling.jpg")
    expected["dangling.jpg"] = "cannot read file"
    os.symlink(root, root / "loop")
    # A name that is not UTF-8, and one at the file system's length limit.
    os.close(os.open(os.fsencode(root) + b"/caf\xe9.jpg", os.O_CREAT | os.O_WRONLY))
    photo.save(os.fsdecode(os.fsencode(root) + b"/caf\xe9.jpg"), "JPEG", quality=80)
    photo.save(root / ("long" * 62 + ".jpg"), quality=80)
    return root, expected


def test_a_hostile_folder_is_scanned_to_the_end(hostile, tmp_path):
    root, expected = hostile
    result = run_scan(ScanOptions(roots=(str(root),), use_cache=False, workers=2))
    assert not result.stats.cancelled
    problems = {os.path.basename(p.path): p.error for p in result.problems}
    for name, reason in expected.items():
        assert name in problems, name
        assert reason in problems[name], (name, problems[name])
    # Every candidate is accounted for: fingerprinted, or reported with a reason.
    assert result.stats.files == result.stats.hashed + len(result.problems)
    (group,) = result.groups
    assert len(group.members) == 4  # good, good_small, the non-UTF-8 and the long name
    names = {os.fsencode(os.path.basename(m.path)) for m in group.members}
    assert b"caf\xe9.jpg" in names


def test_hostile_results_are_written_as_json(hostile, tmp_path, capsys):
    root, _expected = hostile
    out = tmp_path / "r.json"
    assert main(["scan", str(root), "--json", str(out), "--no-cache"]) == 0
    assert out.stat().st_size > 0
    assert "could not be read" in capsys.readouterr().out


def test_a_file_that_vanishes_before_decoding_is_reported(tmp_path):
    result = fingerprint_path(str(tmp_path / "gone.jpg"))
    assert isinstance(result, Problem)
    assert "disappeared" in result.error


def _sample_images() -> list[bytes]:
    out = []
    img = Image.radial_gradient("L").resize((96, 64)).convert("RGB")
    for fmt, kw in (
        ("JPEG", {"quality": 80}),
        ("PNG", {}),
        ("GIF", {}),
        ("WEBP", {}),
        ("TIFF", {}),
        ("BMP", {}),
    ):
        buf = io.BytesIO()
        img.save(buf, fmt, **kw)
        out.append(buf.getvalue())
    return out


SAMPLES = _sample_images()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# A TIFF whose next-frame offset points into its header: Pillow raised TypeError ("Missing
# dimensions") while counting its frames, found by this test.
@example(sample=SAMPLES[4], cuts=[(130, 1)], truncate=None, insert=b"")
# A BMP whose header claims 131,120 rows of 64 pixels: reducing it to 512 px rounded its width
# to 0 and Pillow raised ValueError, found by this test.
@example(sample=SAMPLES[-1], cuts=[(24, 2)], truncate=None, insert=b"")
@given(
    sample=st.sampled_from(SAMPLES),
    cuts=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=12),
    truncate=st.one_of(st.none(), st.integers(0, 4000)),
    insert=st.binary(max_size=64),
)
def test_fuzzed_image_bytes_decode_or_fail_with_a_reason(sample, cuts, truncate, insert):
    data = bytearray(sample)
    for pos, value in cuts:
        if data:
            data[pos % len(data)] = value
    if truncate is not None:
        data = data[:truncate]
    if insert and data:
        at = len(insert) % len(data)
        data[at:at] = insert
    try:
        fp = fingerprint_bytes("fuzz", len(data), 0, bytes(data))
    except DecodeError as exc:
        assert str(exc)  # a reason people can read
    else:
        assert isinstance(fp, Fingerprint)
        assert fp.width > 0 and fp.height > 0


def test_a_non_utf8_name_survives_the_results_file(hostile, tmp_path):
    from photodedup.core.results_io import load_results

    root, _expected = hostile
    out = tmp_path / "r.json"
    assert (
        main(
            ["scan", str(root), "--json", str(out), "--csv", str(tmp_path / "r.csv"), "--no-cache"]
        )
        == 0
    )
    loaded = load_results(str(out))
    paths = {os.fsencode(m.path) for g in loaded.groups for m in g.members}
    assert os.fsencode(root) + b"/caf\xe9.jpg" in paths
    assert b"caf\xe9.jpg" in (tmp_path / "r.csv").read_bytes()
