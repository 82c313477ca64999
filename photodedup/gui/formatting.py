"""Sizes and times worded for people, in the UI's locale."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale


def human_size(size: int) -> str:
    """'212 MB', '1.5 GB', '512 bytes': decimal units, one decimal only below 10."""
    value, power = float(size), 0
    while value >= 1000 and power < 6:
        value /= 1000
        power += 1
    precision = 1 if power > 0 and value < 10 else 0
    return QLocale().formattedDataSize(size, precision, QLocale.DataSizeFormat.DataSizeSIFormat)


def human_time(moment: datetime) -> str:
    """A date and time in the locale's short format (ISO-like under the bare C locale)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QDateTime(moment).toString("yyyy-MM-dd HH:mm")
    return locale.toString(QDateTime(moment), QLocale.FormatType.ShortFormat)


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """Put values into %1..%9 of a translated string in one pass (PySide's tr() returns str)."""
    return _PLACEHOLDER.sub(
        lambda m: (
            str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m.group(0)
        ),
        text,
    )


def sentences(*parts: str) -> str:
    """Sentences one after the other, spaced as the UI's language writes them.

    Japanese and Chinese put no space after a full stop, so the joint is itself a translation.
    """
    joint = QCoreApplication.translate(
        "Formatting", "%1 %2", "two sentences in a row (no space in Japanese and Chinese)"
    )
    text = ""
    for part in parts:
        text = fill(joint, text, part) if text else part
    return text


_PLURAL_MARK = re.compile(r"(\w+)\((s|es|ies)\)")


def plural(text: str, n: int) -> str:
    """Resolve English "file(s)"/"copy(ies)" marks left when no translation is loaded.

    Call it on the result of ``tr(text, "", n)``: translations carry their own plural forms and
    no marks, so only the untranslated English source is changed.
    """

    def resolve(match: re.Match[str]) -> str:
        word, suffix = match.groups()
        if n == 1:
            return word
        return word[:-1] + suffix if suffix == "ies" else word + suffix

    return _PLURAL_MARK.sub(resolve, text)
