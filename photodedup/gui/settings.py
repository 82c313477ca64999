"""Typed access to the app's remembered folders and options, stored with QSettings."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from PySide6.QtCore import QByteArray, QSettings

from photodedup.core import ranking
from photodedup.core.models import DEFAULT_THRESHOLD


class Language(StrEnum):
    """UI languages offered in the menu; SYSTEM follows the desktop's locale."""

    SYSTEM = "system"
    ENGLISH = "en"
    JAPANESE = "ja"
    CHINESE_SIMPLIFIED = "zh_CN"


class Similarity(IntEnum):
    """Positions of the similarity slider, valued as pHash distance thresholds."""

    IDENTICAL = 0  # byte-identical or same-pixel files only
    STRICT = max(DEFAULT_THRESHOLD - 4, 1)
    NORMAL = DEFAULT_THRESHOLD
    LOOSE = DEFAULT_THRESHOLD + 4

    @classmethod
    def nearest(cls, threshold: int) -> Similarity:
        """The level closest to a stored threshold (older settings may hold any number)."""
        return min(cls, key=lambda level: abs(level.value - threshold))


#: Every simple keeper rule in order, only the original switched on: what a new user gets.
DEFAULT_KEEPER_RULES: tuple[tuple[str, bool], ...] = tuple(
    (rule, rule == ranking.RULE_ORIGINAL) for rule in ranking.SIMPLE_RULES
)


class Key(StrEnum):
    FOLDERS = "scan/folders"
    THRESHOLD = "scan/threshold"
    ROTATIONS = "scan/rotations"
    PREFER_JPEG = "scan/prefer_jpeg"
    KEEPER_RULES = "scan/keeper_rules"
    MERGE_METADATA = "trash/merge_metadata"
    BURSTS = "scan/bursts"
    EXCLUDES = "scan/excludes"
    WORKERS = "scan/workers"
    LANGUAGE = "ui/language"
    GEOMETRY = "ui/geometry"
    WINDOW_STATE = "ui/window_state"
    LAST_DIR = "ui/last_dir"


@dataclass(frozen=True, slots=True)
class Folder:
    """A folder to scan; reference folders are never trashed from."""

    path: str
    reference: bool = False


def default_workers() -> int:
    return os.cpu_count() or 1


class Settings:
    """Reads and writes the app's settings; pass a QSettings to store them elsewhere (tests)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings()

    def sync(self) -> None:
        self._s.sync()

    @property
    def folders(self) -> list[Folder]:
        raw = self._s.value(Key.FOLDERS, "[]")
        try:
            items = json.loads(str(raw))
        except ValueError:
            return []
        folders = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                folders.append(Folder(item["path"], bool(item.get("reference", False))))
        return folders

    @folders.setter
    def folders(self, folders: list[Folder]) -> None:
        data = [{"path": f.path, "reference": f.reference} for f in folders]
        self._s.setValue(Key.FOLDERS, json.dumps(data))

    @property
    def similarity(self) -> Similarity:
        return Similarity.nearest(self._int(Key.THRESHOLD, Similarity.NORMAL.value))

    @similarity.setter
    def similarity(self, level: Similarity) -> None:
        self._s.setValue(Key.THRESHOLD, int(level))

    @property
    def rotations(self) -> bool:
        return self._bool(Key.ROTATIONS, False)

    @rotations.setter
    def rotations(self, value: bool) -> None:
        self._s.setValue(Key.ROTATIONS, bool(value))

    @property
    def prefer_jpeg(self) -> bool:
        """Keep the JPEG of a RAW+JPEG pair (default: the RAW, the camera's original)."""
        return self._bool(Key.PREFER_JPEG, False)

    @prefer_jpeg.setter
    def prefer_jpeg(self, value: bool) -> None:
        self._s.setValue(Key.PREFER_JPEG, bool(value))

    @property
    def keeper_rules(self) -> list[tuple[str, bool]]:
        """The keeper rules in the user's order, each switched on or off.

        Stored as strings, a switched-off rule with a leading "!"; unknown entries (written
        by a newer version, or by hand) are dropped, and simple rules missing are added off.
        """
        value = self._s.value(Key.KEEPER_RULES)
        stored = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        rules: list[tuple[str, bool]] = []
        for entry in stored:
            text = str(entry)
            try:
                rule = ranking.parse_rule(text.removeprefix("!"))
            except ranking.RuleError:
                continue
            if rule not in (r for r, _ in rules):
                rules.append((rule, not text.startswith("!")))
        if not rules:
            rules = list(DEFAULT_KEEPER_RULES)
        listed = {r for r, _ in rules}
        rules += [(rule, False) for rule in ranking.SIMPLE_RULES if rule not in listed]
        return rules

    @keeper_rules.setter
    def keeper_rules(self, rules: list[tuple[str, bool]]) -> None:
        self._s.setValue(Key.KEEPER_RULES, [rule if on else f"!{rule}" for rule, on in rules])

    @property
    def merge_metadata(self) -> bool:
        """Before a trash, write what the kept copy lacks into its XMP sidecar (off by default)."""
        return self._bool(Key.MERGE_METADATA, False)

    @merge_metadata.setter
    def merge_metadata(self, value: bool) -> None:
        self._s.setValue(Key.MERGE_METADATA, bool(value))

    @property
    def bursts(self) -> bool:
        """Look for similar shots (bursts) too; on by default in the app."""
        return self._bool(Key.BURSTS, True)

    @bursts.setter
    def bursts(self, value: bool) -> None:
        self._s.setValue(Key.BURSTS, bool(value))

    @property
    def excludes(self) -> str:
        return str(self._s.value(Key.EXCLUDES, "") or "")

    @excludes.setter
    def excludes(self, value: str) -> None:
        self._s.setValue(Key.EXCLUDES, value)

    @property
    def workers(self) -> int:
        return max(1, self._int(Key.WORKERS, default_workers()))

    @workers.setter
    def workers(self, value: int) -> None:
        self._s.setValue(Key.WORKERS, int(value))

    @property
    def language(self) -> Language:
        value = str(self._s.value(Key.LANGUAGE, Language.SYSTEM.value))
        try:
            return Language(value)
        except ValueError:
            return Language.SYSTEM

    @language.setter
    def language(self, value: Language) -> None:
        self._s.setValue(Key.LANGUAGE, value.value)

    @property
    def last_dir(self) -> str:
        """The folder the last file dialog was in ("" when none, or when it is gone)."""
        value = str(self._s.value(Key.LAST_DIR, "") or "")
        return value if value and os.path.isdir(value) else ""

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._s.setValue(Key.LAST_DIR, value)

    def geometry(self) -> QByteArray | None:
        return self._bytes(Key.GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self._bytes(Key.WINDOW_STATE)

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue(Key.GEOMETRY, geometry)
        self._s.setValue(Key.WINDOW_STATE, state)

    def _bytes(self, key: Key) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: Key, default: int) -> int:
        try:
            return int(self._s.value(key, default))
        except (TypeError, ValueError):
            return default

    def _bool(self, key: Key, default: bool) -> bool:
        value = self._s.value(key, default)
        # INI files hand booleans back as the strings "true"/"false".
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)
