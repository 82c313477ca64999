"""Words for a scan that found nothing to review: no photos, no readable photos, no duplicates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from photodedup.core.models import ScanResult
from photodedup.gui.formatting import plural

#: How many extensions of skipped files are named; the rest are counted together.
NAMED_EXTENSIONS = 5


def skipped_text(result: ScanResult) -> str:
    """ "Skipped, not photos: 1,461 files (.psd 1,200, .ico 261)"; "" when none were skipped."""
    total = sum(count for _ext, count in result.skipped)
    if not total:
        return ""
    locale = QLocale()
    no_extension = QCoreApplication.translate("Outcome", "no extension")
    named = [
        f"{ext or no_extension} {locale.toString(count)}"
        for ext, count in result.skipped[:NAMED_EXTENSIONS]
    ]
    if len(result.skipped) > NAMED_EXTENSIONS:
        named.append(QCoreApplication.translate("Outcome", "others"))
    text = QCoreApplication.translate("Outcome", "Skipped, not photos: %n file(s) (%1)", "", total)
    return plural(text, total).replace("%1", locale.createSeparatedList(named))


def nothing_found_text(result: ScanResult) -> str:
    """Why a finished scan shows no groups, with what the folders held instead."""
    hashed = result.stats.hashed
    if hashed:
        return QCoreApplication.translate(
            "Outcome", "No duplicates found: every photo in these folders is unique."
        )
    if result.problems:
        n = len(result.problems)
        text = QCoreApplication.translate(
            "Outcome", "None of the %n photo(s) found could be read: see Problems.", "", n
        )
        lines = [plural(text, n)]
    else:
        lines = [QCoreApplication.translate("Outcome", "No photos found in these folders.")]
    skipped = skipped_text(result)
    if skipped:
        lines.append(skipped)
    return "\n\n".join(lines)
