"""Decoders that misbehave on purpose, run in the thumbnail decoder process by the tests.

They live in a module of their own so that the spawned decoder process can import them by name.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from photodedup.core.decoder import Pixels, decode_pixels


def segfault_on_crash_names(path: str, side: int) -> Pixels:
    """Dies of SIGSEGV, as a decoder with a memory bug would, on files named crash*."""
    if Path(path).name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return decode_pixels(path, side)


def raise_on_odd_names(path: str, side: int) -> Pixels:
    """A decoder bug: an unexpected exception on files named odd*."""
    if Path(path).name.startswith("odd"):
        raise ValueError("decoder bug")
    return decode_pixels(path, side)
