"""The engine leaves its host process alone: no garbage-collector or GIL policy from core."""

from __future__ import annotations

import gc
import sys

from photodedup.core.models import ScanOptions
from photodedup.core.pipeline import run_scan


def test_a_scan_leaves_the_collector_and_the_switch_interval_as_they_were(
    library, tmp_path
) -> None:
    before = (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold(), sys.getswitchinterval())
    result = run_scan(
        ScanOptions(roots=(str(library),), cache_dir=str(tmp_path / "cache"), workers=1)
    )
    assert result.groups
    after = (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold(), sys.getswitchinterval())
    assert after == before
