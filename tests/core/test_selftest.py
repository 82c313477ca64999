"""Tests for `photodedup --self-test` (the checks the frozen bundle's smoke test relies on)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photodedup import selftest


def test_assets_are_packaged() -> None:
    detail = selftest.check_assets()
    assert "5 PNG icons" in detail


def test_corrupt_translation_fails_the_asset_check(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = selftest.assets()
    fake = tmp_path / "assets"
    (fake / "translations").mkdir(parents=True)
    (fake / "translations" / "photodedup_xx.qm").write_bytes(b"not a qm file")
    (fake / "icons").symlink_to(Path(str(real / "icons")))
    (fake / "desktop").symlink_to(Path(str(real / "desktop")))
    monkeypatch.setattr(selftest, "assets", lambda: fake)
    with pytest.raises(ValueError, match=r"photodedup_xx\.qm"):
        selftest.check_assets()


def test_synthetic_photo_has_detail(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    selftest.make_photo(photo)
    with Image.open(photo) as img:
        extrema = img.convert("L").getextrema()
    assert extrema[1] - extrema[0] > 100


def test_process_pool_fingerprints_in_another_process(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    selftest.make_photo(photo)
    assert "hashed p.jpg" in selftest.check_process_pool(photo)


def test_process_pool_reports_an_unreadable_photo(tmp_path: Path) -> None:
    photo = tmp_path / "broken.jpg"
    photo.write_bytes(b"\xff\xd8 truncated")
    with pytest.raises(RuntimeError, match="fingerprinting failed"):
        selftest.check_process_pool(photo)


def test_run_passes_on_a_working_install(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("photodedup.core.pipeline")
    assert selftest.run() == 0
    out = capsys.readouterr().out
    assert "OK scan: 1 group of 2" in out
    assert "self-test passed" in out


def test_scan_check_fails_without_duplicates(tmp_path: Path) -> None:
    pytest.importorskip("photodedup.core.pipeline")
    selftest.make_photo(tmp_path / "only.jpg")
    with pytest.raises(RuntimeError, match="expected 1 group, found 0"):
        selftest.check_scan(tmp_path, {str(tmp_path / "only.jpg")})
