"""The "not a duplicate" memory: pairs of photos, by content digest, never grouped again.

A decision holds the content digests of files the user called different photos; every pair
of them is ignored by later scans. Digests, not paths, so renaming or moving the files keeps
the decision. Byte-identical files share one digest: they are the same photo by definition
and cannot be called different.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import platformdirs

from .models import Fingerprint

IGNORE_FILE = "not_duplicates.json"
IGNORE_VERSION = 1

# A decisions file beyond these bounds is not one PhotoDedup wrote.
MAX_FILE_BYTES = 64 << 20
MAX_DIGESTS = 10_000  # per decision
_HEX = frozenset("0123456789abcdef")


class IgnoreListError(Exception):
    """A decisions file that cannot be read or written, or a decision that cannot be made."""


def default_path() -> str:
    """The user's decisions file (in the user data folder, beside the trash journal)."""
    return os.path.join(platformdirs.user_data_dir("photodedup", appauthor=False), IGNORE_FILE)


@dataclass(frozen=True, slots=True)
class Decision:
    """Files the user said are different photos; ``paths`` are where they were last seen."""

    id: str
    digests: tuple[str, ...]
    paths: tuple[str, ...]
    added: str  # local time, "YYYY-MM-DD HH:MM"

    def pairs(self) -> Iterable[tuple[str, str]]:
        return itertools.combinations(self.digests, 2)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _parse(doc: object, where: str) -> list[Decision]:
    def bad(what: str) -> IgnoreListError:
        return IgnoreListError(f"{where} is not a PhotoDedup decisions file: {what}")

    if not isinstance(doc, dict) or doc.get("version") != IGNORE_VERSION:
        raise bad("unknown version")
    raw = doc.get("decisions")
    if not isinstance(raw, list):
        raise bad("'decisions' must be a list")
    decisions = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise bad(f"decision {i} must be an object")
        digests, paths = item.get("digests"), item.get("paths", [])
        ident, added = item.get("id"), item.get("added", "")
        if not isinstance(digests, list) or not 2 <= len(digests) <= MAX_DIGESTS:
            raise bad(f"decision {i} must list 2 to {MAX_DIGESTS} digests")
        if not all(isinstance(d, str) and d and set(d) <= _HEX for d in digests):
            raise bad(f"decision {i} holds a digest that is not hexadecimal")
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise bad(f"decision {i}: 'paths' must be a list of strings")
        if not isinstance(ident, str) or not ident or not isinstance(added, str):
            raise bad(f"decision {i} needs an 'id' and an 'added' text")
        decisions.append(Decision(ident, tuple(digests), tuple(paths), added))
    return decisions


class IgnoreList:
    """Decisions stored in a JSON file; every change is written at once (atomically)."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or default_path()
        self._decisions: list[Decision] = []
        self._partners: dict[str, set[str]] = {}

    @classmethod
    def load(cls, path: str | None = None) -> IgnoreList:
        """Read a decisions file; a missing file is an empty list. Raises IgnoreListError."""
        ignore = cls(path)
        ignore.reload()
        return ignore

    def reload(self) -> None:
        try:
            size = os.stat(self.path).st_size
        except FileNotFoundError:
            self._set([])
            return
        except OSError as exc:
            raise IgnoreListError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        if size > MAX_FILE_BYTES:
            raise IgnoreListError(f"{self.path} is too large to be a decisions file")
        try:
            with open(self.path, encoding="utf-8") as fh:
                doc = json.load(fh)
        except OSError as exc:
            raise IgnoreListError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        except (ValueError, RecursionError):
            raise IgnoreListError(f"{self.path} is not a PhotoDedup decisions file") from None
        self._set(_parse(doc, self.path))

    def _set(self, decisions: list[Decision]) -> None:
        self._decisions = decisions
        self._partners = {}
        for decision in decisions:
            for a, b in decision.pairs():
                self._partners.setdefault(a, set()).add(b)
                self._partners.setdefault(b, set()).add(a)

    # -- queries ---------------------------------------------------------------------------

    @property
    def decisions(self) -> list[Decision]:
        """Every decision, oldest first."""
        return list(self._decisions)

    def __len__(self) -> int:
        return len(self._decisions)

    def is_ignored(self, digest_a: str, digest_b: str) -> bool:
        """Whether the user said files with these digests are different photos."""
        return digest_b in self._partners.get(digest_a, ())

    def partners(self, digest: str) -> frozenset[str]:
        """Digests of the photos the user called different from this one."""
        return frozenset(self._partners.get(digest, ()))

    def pairs(self) -> set[tuple[str, str]]:
        """Every ignored pair of digests, each as (smaller, larger)."""
        return {_pair(a, b) for d in self._decisions for a, b in d.pairs()}

    # -- changes ---------------------------------------------------------------------------

    def add(self, fingerprints: Sequence[Fingerprint]) -> Decision:
        """Remember that these files show different photos (all pairs of them); saved at once.

        Raises IgnoreListError when fewer than two different contents are given: identical
        files are one photo, so there is nothing to tell apart.
        """
        by_digest: dict[str, str] = {}
        for fp in fingerprints:
            if not fp.digest:
                raise IgnoreListError(
                    f"{fp.path} has no content digest (a results file without digests): "
                    "scan again to tell these photos apart"
                )
            by_digest.setdefault(fp.digest, fp.path)
        if len(by_digest) < 2:
            raise IgnoreListError(
                "These files are byte-identical: they are the same photo, so they cannot be "
                "marked as different photos."
            )
        self.reload()  # another window or a script may have changed the file meanwhile
        decision = Decision(
            id=secrets.token_hex(8),
            digests=tuple(by_digest),
            paths=tuple(by_digest.values()),
            added=time.strftime("%Y-%m-%d %H:%M"),
        )
        self._set([*self._decisions, decision])
        self.save()
        return decision

    def remove(self, decision_id: str) -> bool:
        """Forget a decision (its photos may be grouped again); False when there is none."""
        self.reload()
        kept = [d for d in self._decisions if d.id != decision_id]
        if len(kept) == len(self._decisions):
            return False
        self._set(kept)
        self.save()
        return True

    def save(self) -> None:
        doc = {
            "version": IGNORE_VERSION,
            "decisions": [
                {"id": d.id, "digests": list(d.digests), "paths": list(d.paths), "added": d.added}
                for d in self._decisions
            ],
        }
        folder = os.path.dirname(os.path.abspath(self.path))
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".photodedup-", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise IgnoreListError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, indent=1, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            os.unlink(tmp)
            raise IgnoreListError(f"cannot write {self.path}: {exc.strerror or exc}") from None
