"""PhotoDedup: find duplicate photos and send the extra copies to the trash, safely."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("photodedup")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
