"""List model over the groups of a Review (in the chosen order), and the proxy that filters it."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)

from photodedup.core.models import DuplicateGroup, GroupKind, Relation
from photodedup.core.review import Review
from photodedup.gui.formatting import human_size, plural

#: Thumbnails shown in a row's strip; more files show as "+N".
STRIP_SIZE = 5

#: pHash length in bits, to turn a distance into a similarity percentage.
HASH_BITS = 64

_Index = QModelIndex | QPersistentModelIndex


class GroupRole(IntEnum):
    """Data roles of GroupListModel."""

    GROUP_ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2  # GroupKind
    FILE_COUNT = Qt.ItemDataRole.UserRole + 3
    RECLAIMABLE = Qt.ItemDataRole.UserRole + 4  # bytes marked for trash
    TRASH_COUNT = Qt.ItemDataRole.UserRole + 5  # files marked for trash
    DISTANCE = Qt.ItemDataRole.UserRole + 6  # largest pHash distance to the keeper
    SIMILARITY = Qt.ItemDataRole.UserRole + 7  # percent, from DISTANCE
    THUMBS = Qt.ItemDataRole.UserRole + 8  # [(path, mtime_ns, size, kept)] for the strip
    PATHS = Qt.ItemDataRole.UserRole + 9  # every member path, keeper first
    SEARCH = Qt.ItemDataRole.UserRole + 10  # case-folded paths, what the filter matches


class SortKey(IntEnum):
    """Orders offered by GroupFilterProxy.sort_by."""

    RECLAIMABLE = 0  # most space to gain first
    FILE_COUNT = 1  # largest groups first
    SIMILARITY = 2  # most alike first


def qt_text(text: str) -> str:
    """``text`` with the lone surrogates of names that are not UTF-8 shown as U+FFFD.

    Qt cannot match invalid UTF-16: such a name would hide its whole group from any filter.
    """
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


#: A group's kind when all its copies are one thing: the group is named after it.
_KIND_WORDS = {
    Relation.IDENTICAL: QT_TRANSLATE_NOOP("GroupListModel", "Identical"),
    Relation.SAME_PIXELS: QT_TRANSLATE_NOOP("GroupListModel", "Same pixels"),
    Relation.RESIZED: QT_TRANSLATE_NOOP("GroupListModel", "Resized"),
    Relation.CONVERTED: QT_TRANSLATE_NOOP("GroupListModel", "Converted"),
    Relation.ROTATED: QT_TRANSLATE_NOOP("GroupListModel", "Rotated"),
    Relation.EDITED: QT_TRANSLATE_NOOP("GroupListModel", "Edited"),
    Relation.FRAMED: QT_TRANSLATE_NOOP("GroupListModel", "Framed"),
    Relation.DAMAGED: QT_TRANSLATE_NOOP("GroupListModel", "Damaged copy"),
}


def marked_label(count: int) -> str:
    """How many files of a group are marked for trash, as its row says it."""
    if count == 0:
        return QCoreApplication.translate("GroupDelegate", "nothing marked")
    return QCoreApplication.translate("GroupDelegate", "{n} marked for trash").format(n=count)


def kind_label(group: DuplicateGroup) -> str:
    """What the group's copies are, from its members: "Identical", "Resized", "Edited"...

    Copies that are byte-identical or the same pixels count as the keeper itself, so a group of
    one resized copy and one identical file is "Resized"; copies of several kinds are "Mixed".
    """
    if group.kind is GroupKind.BURST:
        return QCoreApplication.translate("GroupListModel", "Similar shots")
    relations = {m.relation for m in group.members} - {Relation.KEEPER}
    if relations <= {Relation.IDENTICAL}:
        return QCoreApplication.translate("GroupListModel", "Identical")
    if relations <= {Relation.IDENTICAL, Relation.SAME_PIXELS}:
        return QCoreApplication.translate("GroupListModel", "Same pixels")
    changed = relations - {Relation.IDENTICAL, Relation.SAME_PIXELS}
    if len(changed) == 1 and (relation := next(iter(changed))) in _KIND_WORDS:
        return QCoreApplication.translate("GroupListModel", _KIND_WORDS[relation])
    return QCoreApplication.translate("GroupListModel", "Mixed copies")


def group_distance(group: DuplicateGroup) -> int:
    return max((m.distance for m in group.members), default=0)


class GroupListModel(QAbstractListModel):
    """One row per group of the review, ordered by a SortKey; marks are read live from the Review.

    The model orders its own rows: a QSortFilterProxyModel sorting 5,000 groups calls back into
    Python some 200,000 times (lessThan, rowCount, index), which froze the window for half a
    second when a 100,000-photo scan ended. The order is not dynamic on purpose: marking a file
    changes the reclaimable size, and the row being reviewed must not jump away under the user's
    hands; ``order_by`` and ``refresh`` apply it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._key = SortKey.RECLAIMABLE
        self._groups: list[DuplicateGroup] = []
        self._rows: dict[int, int] = {}
        self._search: list[str] = []

    def set_review(self, review: Review | None) -> None:
        self._review = review
        self.refresh()

    def review(self) -> Review | None:
        return self._review

    def refresh(self) -> None:
        """Rebuild the rows from the review (after files left it), in the current order."""
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def order_by(self, key: SortKey) -> None:
        """Order the rows: most reclaimable, largest group or most alike first (ties: engine's).

        A layout change, not a reset: the selected group stays selected where it moves.
        """
        self._key = key
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._groups[i.row()].id for i in before]
        self._arrange()
        self.changePersistentIndexList(before, [self.index(self._rows[g], 0) for g in ids])
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        groups = self._review.groups if self._review is not None else []
        keys = self._sort_keys(groups, self._key)
        self._groups = [groups[row] for row in sorted(range(len(groups)), key=keys.__getitem__)]
        self._rows = {g.id: row for row, g in enumerate(self._groups)}
        self._search = []  # built when a filter first asks (most reviews are never filtered)

    def group_changed(self, group_id: int) -> None:
        """The marks of one group changed: repaint its row."""
        row = self._rows.get(group_id)
        if row is not None and self._review is not None:
            # The review words a group from the keeper the user picked: take its new words.
            self._groups[row] = self._review.group(group_id)
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def marks_changed(self) -> None:
        """Marks of any group may have changed (auto-select, clear)."""
        if self._review is not None:
            self._groups = [self._review.group(g.id) for g in self._groups]
        if self._groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, 0))

    def row_of(self, group_id: int) -> int:
        """Source row of a group, -1 when it is not in the model."""
        return self._rows.get(group_id, -1)

    def _sort_keys(self, groups: list[DuplicateGroup], key: SortKey) -> list[tuple[int, int]]:
        """Per group, a value that orders them by ``key`` ascending (ties keep their order)."""
        if key is SortKey.RECLAIMABLE:
            sizes = self._review.trash_bytes_by_group() if self._review is not None else []
            return [(-size, row) for row, size in enumerate(sizes)]
        if key is SortKey.FILE_COUNT:
            return [(-len(g.members), row) for row, g in enumerate(groups)]
        return [(group_distance(g), row) for row, g in enumerate(groups)]

    def search_text(self, row: int) -> str:
        """Case-folded paths of the row's files, for filtering."""
        if len(self._search) != len(self._groups):
            self._search = [
                qt_text("\n".join(m.path for m in g.members).casefold()) for g in self._groups
            ]
        return self._search[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._groups) or index.column():
            return None
        group = self._groups[index.row()]
        if role == GroupRole.RECLAIMABLE:
            return self._trash(group)[1]
        if role == GroupRole.FILE_COUNT:
            return len(group.members)
        if role == GroupRole.DISTANCE:
            return group_distance(group)
        if role == GroupRole.GROUP_ID:
            return group.id
        if role == GroupRole.KIND:
            return group.kind
        if role == GroupRole.TRASH_COUNT:
            return self._trash(group)[0]
        if role == GroupRole.SIMILARITY:
            return round(100 * (HASH_BITS - group_distance(group)) / HASH_BITS)
        if role == GroupRole.THUMBS:
            review = self._review
            return [
                (
                    m.path,
                    m.fingerprint.mtime_ns,
                    m.fingerprint.size,
                    review is None or review.is_kept(m.path),
                )
                for m in group.members[:STRIP_SIZE]
            ]
        if role == GroupRole.PATHS:
            return [m.path for m in group.members]
        if role == GroupRole.SEARCH:
            return self.search_text(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._summary(group)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole row's words first: the row shortens them when the list is narrow.
            heading = f"{self._summary(group)} · {marked_label(self._trash(group)[0])}"
            return "\n".join([heading, *(m.path for m in group.members)])
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        for role in GroupRole:
            names[int(role)] = role.name.lower().encode()
        return names

    def _trash(self, group: DuplicateGroup) -> tuple[int, int]:
        return self._review.group_trash(group.id) if self._review is not None else (0, 0)

    def _summary(self, group: DuplicateGroup) -> str:
        n = len(group.members)
        text = QCoreApplication.translate(
            "GroupListModel", "%n file(s) · {size} reclaimable · {kind}", "", n
        )
        size = human_size(self._trash(group)[1])
        return plural(text, n).format(size=size, kind=kind_label(group))


class GroupFilterProxy(QSortFilterProxyModel):
    """Keeps the groups whose folder or file names contain the filter, in the model's order.

    The filter is Qt's own regular expression over the SEARCH role, not a Python
    ``filterAcceptsRow``: with no filter Qt then accepts every row without calling Python,
    where the override was called once per group at every reset (30 ms at 5,000 groups).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needles: list[str] = []
        self.setFilterRole(GroupRole.SEARCH)

    def sort_by(self, key: SortKey) -> None:
        """Order the rows: most reclaimable, largest group or most alike first."""
        self._source().order_by(key)

    def set_filter_text(self, text: str) -> None:
        """Keep groups with a path containing every word of ``text`` (case-insensitive)."""
        needles = qt_text(text.casefold()).split()
        if needles == self._needles:
            return
        self._needles = needles
        # Every word, in any order: one lookahead per word over the case-folded paths.
        pattern = "".join(f"(?=.*{QRegularExpression.escape(n)})" for n in needles)
        self.setFilterRegularExpression(
            QRegularExpression(
                f"^{pattern}" if pattern else "",
                QRegularExpression.PatternOption.DotMatchesEverythingOption,
            )
        )

    def filter_text_active(self) -> bool:
        return bool(self._needles)

    def _source(self) -> GroupListModel:
        source = self.sourceModel()
        assert isinstance(source, GroupListModel), "GroupFilterProxy works on a GroupListModel"
        return source
