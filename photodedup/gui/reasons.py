"""Engine reasons in the UI's language: each template translated, its values worded locally."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from photodedup.core.models import GroupMember, Problem, ReasonValue
from photodedup.core.problems import ProblemKind, classify
from photodedup.core.ranking import fill_reason, placeholders
from photodedup.gui.formatting import human_size, human_time

# Every template the engine words reasons with (core/ranking.py, core/bursts.py), spelled out
# here so lupdate collects them for the translators; tests check that none is missing.
TEMPLATES = frozenset(
    (
        QT_TRANSLATE_NOOP("Reason", "in a reference folder"),
        QT_TRANSLATE_NOOP("Reason", "RAW original"),
        QT_TRANSLATE_NOOP("Reason", "JPEG preferred over the RAW"),
        QT_TRANSLATE_NOOP("Reason", "largest resolution: {width}x{height}"),
        QT_TRANSLATE_NOOP("Reason", "largest file: {size}"),
        QT_TRANSLATE_NOOP("Reason", "oldest: taken {time}"),
        QT_TRANSLATE_NOOP("Reason", "oldest: modified {time}"),
        QT_TRANSLATE_NOOP("Reason", "shortest path"),
        QT_TRANSLATE_NOOP("Reason", "first by name"),
        QT_TRANSLATE_NOOP("Reason", "identical file of {name}"),
        QT_TRANSLATE_NOOP("Reason", "identical file; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "same pixels, other metadata or format of {name}"),
        QT_TRANSLATE_NOOP(
            "Reason", "same pixels, other metadata or format; in a reference folder, kept"
        ),
        QT_TRANSLATE_NOOP("Reason", "resized copy ({width}x{height}) of {name}"),
        QT_TRANSLATE_NOOP("Reason", "resized copy ({width}x{height}); in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "re-encoded or converted copy of {name}"),
        QT_TRANSLATE_NOOP("Reason", "re-encoded or converted copy; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "rotated or mirrored copy of {name}"),
        QT_TRANSLATE_NOOP("Reason", "rotated or mirrored copy; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "edited copy ({width}x{height}) of {name}"),
        QT_TRANSLATE_NOOP("Reason", "edited copy ({width}x{height}); in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "chosen by you"),
        QT_TRANSLATE_NOOP("Reason", "intact file: another copy is damaged"),
        QT_TRANSLATE_NOOP("Reason", "without the frame another copy added"),
        QT_TRANSLATE_NOOP("Reason", "its sidecar holds your edits, rating or keywords"),
        QT_TRANSLATE_NOOP("Reason", "camera original: {camera}, taken {time}"),
        QT_TRANSLATE_NOOP("Reason", "camera original: {camera}"),
        QT_TRANSLATE_NOOP("Reason", "camera original: taken {time}"),
        QT_TRANSLATE_NOOP(
            "Reason", "{format} as the camera wrote it; the other copies are conversions"
        ),
        QT_TRANSLATE_NOOP("Reason", "lossless {format}; the other copies are compressed"),
        QT_TRANSLATE_NOOP("Reason", "JPEG with the camera's own compression tables"),
        QT_TRANSLATE_NOOP("Reason", "highest JPEG quality: {quality}"),
        QT_TRANSLATE_NOOP("Reason", "camera file name: {name}"),
        QT_TRANSLATE_NOOP("Reason", "the other copies are named as copies"),
        QT_TRANSLATE_NOOP(
            "Reason", "the other copies are in download, messenger, export or backup folders"
        ),
        QT_TRANSLATE_NOOP("Reason", "newest: modified {time}"),
        QT_TRANSLATE_NOOP("Reason", "preferred format: {format}"),
        QT_TRANSLATE_NOOP("Reason", "in the preferred folder {name}"),
        QT_TRANSLATE_NOOP("Reason", "{format} conversion of {name}"),
        QT_TRANSLATE_NOOP("Reason", "{format} conversion; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "re-encoded copy (JPEG quality {quality}) of {name}"),
        QT_TRANSLATE_NOOP(
            "Reason", "re-encoded copy (JPEG quality {quality}); in a reference folder, kept"
        ),
        QT_TRANSLATE_NOOP("Reason", "copy with a frame added ({width}x{height}) of {name}"),
        QT_TRANSLATE_NOOP(
            "Reason", "copy with a frame added ({width}x{height}); in a reference folder, kept"
        ),
        QT_TRANSLATE_NOOP("Reason", "damaged copy of {name}"),
        QT_TRANSLATE_NOOP("Reason", "damaged copy; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "sharpest shot of the burst"),
        QT_TRANSLATE_NOOP("Reason", "sharpest shot of the burst; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "first shot"),
        QT_TRANSLATE_NOOP("Reason", "first shot; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "another shot of the burst"),
        QT_TRANSLATE_NOOP("Reason", "another shot of the burst; in a reference folder, kept"),
        QT_TRANSLATE_NOOP("Reason", "another shot of the burst, {percent} % as sharp"),
        QT_TRANSLATE_NOOP(
            "Reason", "another shot of the burst, {percent} % as sharp; in a reference folder, kept"
        ),
        QT_TRANSLATE_NOOP("Reason", "another shot of the burst (same second)"),
        QT_TRANSLATE_NOOP(
            "Reason", "another shot of the burst (same second); in a reference folder, kept"
        ),
        QT_TRANSLATE_NOOP(
            "Reason", "another shot of the burst (same second), {percent} % as sharp"
        ),
        QT_TRANSLATE_NOOP(
            "Reason",
            "another shot of the burst (same second), {percent} % as sharp; "
            "in a reference folder, kept",
        ),
        QT_TRANSLATE_NOOP("Reason", "another shot of the burst ({seconds} s apart)"),
        QT_TRANSLATE_NOOP(
            "Reason", "another shot of the burst ({seconds} s apart); in a reference folder, kept"
        ),
        QT_TRANSLATE_NOOP(
            "Reason", "another shot of the burst ({seconds} s apart), {percent} % as sharp"
        ),
        QT_TRANSLATE_NOOP(
            "Reason",
            "another shot of the burst ({seconds} s apart), {percent} % as sharp; "
            "in a reference folder, kept",
        ),
    )
)


# The sentences of core/problems.py, for lupdate (the engine's SENTENCES are their source).
PROBLEM_SENTENCES = {
    ProblemKind.DAMAGED: QT_TRANSLATE_NOOP("Problem", "The file is damaged or cut short"),
    ProblemKind.UNSUPPORTED: QT_TRANSLATE_NOOP("Problem", "This format is not supported"),
    ProblemKind.TOO_LARGE: QT_TRANSLATE_NOOP("Problem", "The picture is too large to open"),
    ProblemKind.EMPTY: QT_TRANSLATE_NOOP("Problem", "The file is empty"),
    ProblemKind.PERMISSION: QT_TRANSLATE_NOOP("Problem", "You are not allowed to read this file"),
    ProblemKind.DISK: QT_TRANSLATE_NOOP("Problem", "The file could not be read from the disk"),
    ProblemKind.NOT_A_FILE: QT_TRANSLATE_NOOP("Problem", "This is not a regular file"),
    ProblemKind.FOLDER: QT_TRANSLATE_NOOP("Problem", "The folder could not be read"),
}


def problem_text(problem: Problem) -> str:
    """Why a file could not be read, in a sentence of the UI's language (not the decoder's)."""
    return QCoreApplication.translate("Problem", PROBLEM_SENTENCES[classify(problem.error)])


def _word(name: str, raw: str) -> str:
    if name == ReasonValue.SIZE:
        return human_size(int(raw))
    if name == ReasonValue.TIME:
        return human_time(datetime.fromtimestamp(int(raw)))
    if name in (ReasonValue.SECONDS, ReasonValue.PERCENT):
        return QLocale().toString(int(raw))
    # Dimensions read best as bare digits ("4032x3024", not "4,032x3,024"); names as they are.
    return raw


def reason_text(member: GroupMember) -> str:
    """Why the engine suggests this file, in the UI's language.

    Falls back to the engine's English text for a reason without a known template (results
    saved by an older version) and for values the locale cannot word.
    """
    template = member.reason_template
    if template not in TEMPLATES:
        return member.reason
    values = dict(member.reason_values)
    translated = QCoreApplication.translate("Reason", template)
    if not set(placeholders(translated)) <= set(values):
        translated = template  # a translation naming a value the engine does not give
    try:
        return fill_reason(translated, values, _word)
    except (KeyError, ValueError, OverflowError, OSError):
        return member.reason
