"""PhotoDedup: find duplicate photos and send the extra copies to the trash, safely."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is looked up on first use: importlib.metadata costs every decoder process
    # (which imports this package) about 50 ms, and they never need it.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("photodedup")
    except PackageNotFoundError:  # running from a source tree that was not installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
