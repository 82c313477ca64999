"""Why a file could not be read, in a handful of kinds people understand.

The decoders' own words ("decoder error -2", "KeyError: 60416") stay in ``Problem.error`` for
the log and the details; ``classify`` sorts them into the kind a reader is shown.
"""

from __future__ import annotations

from enum import StrEnum


class ProblemKind(StrEnum):
    """What went wrong with a file, as a user would say it."""

    DAMAGED = "damaged"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    PERMISSION = "permission"
    DISK = "disk"  # the file could not be read from the disk (I/O error, gone, changing)
    NOT_A_FILE = "not_a_file"
    FOLDER = "folder"


#: First match wins: (kind, words any of which in the lower-cased text mean that kind).
_RULES: tuple[tuple[ProblemKind, tuple[str, ...]], ...] = (
    (ProblemKind.FOLDER, ("folder",)),
    (ProblemKind.PERMISSION, ("permission denied", "not permitted")),
    (ProblemKind.TOO_LARGE, ("too large", "decompression bomb", "not enough memory")),
    (ProblemKind.EMPTY, ("file is empty", "has no pixels")),
    (ProblemKind.NOT_A_FILE, ("not a regular file",)),
    (
        ProblemKind.DISK,
        (
            "input/output error",
            "disappeared",
            "changed while",
            "cannot open file",
            "cannot read file:",
        ),
    ),
    (
        ProblemKind.UNSUPPORTED,
        (
            "format photodedup cannot read",
            "unsupported",
            "not supported",
            "unknown preview format",
            "without a usable embedded preview",
            "cannot identify",
            "unknown raw",
        ),
    ),
)


def classify(error: str) -> ProblemKind:
    """The kind of a problem from its text; anything a decoder says otherwise: DAMAGED."""
    text = error.lower()
    for kind, words in _RULES:
        if any(word in text for word in words):
            return kind
    return ProblemKind.DAMAGED


#: The reader's sentence for each kind (the GUI shows its own translations of these).
SENTENCES: dict[ProblemKind, str] = {
    ProblemKind.DAMAGED: "The file is damaged or cut short",
    ProblemKind.UNSUPPORTED: "This format is not supported",
    ProblemKind.TOO_LARGE: "The picture is too large to open",
    ProblemKind.EMPTY: "The file is empty",
    ProblemKind.PERMISSION: "You are not allowed to read this file",
    ProblemKind.DISK: "The file could not be read from the disk",
    ProblemKind.NOT_A_FILE: "This is not a regular file",
    ProblemKind.FOLDER: "The folder could not be read",
}
