"""Review marks: engine suggestions, marking rules, auto-select, removal after a trash."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from photodedup.core.discovery import is_under
from photodedup.core.models import (
    DuplicateGroup,
    Fingerprint,
    GroupKind,
    GroupMember,
    Relation,
)
from photodedup.core.review import Review


def member(path: str, size: int = 1000, keep: bool = False, reference: bool = False) -> GroupMember:
    fp = Fingerprint(
        path=path,
        size=size,
        mtime_ns=1,
        digest="d" + path,
        pixel_digest="p" + path,
        width=100,
        height=80,
        format="JPEG",
        phashes=(0,) * 8,
        dhashes=(0,) * 8,
        thumb=bytes(256),
        flat=False,
    )
    relation = Relation.KEEPER if keep else Relation.RESIZED
    return GroupMember(fp, keep, "largest" if keep else "smaller", 0, relation, reference)


def group(gid: int, *members: GroupMember) -> DuplicateGroup:
    return DuplicateGroup(gid, GroupKind.SIMILAR, tuple(members))


def sample() -> Review:
    return Review(
        [
            group(
                1,
                member("/a/1.jpg", 300, keep=True),
                member("/b/1.jpg", 200),
                member("/c/1.jpg", 100),
            ),
            group(2, member("/ref/2.jpg", 50, reference=True, keep=True), member("/b/2.jpg", 70)),
        ]
    )


def test_marks_start_from_engine_keep_flags() -> None:
    r = sample()
    assert r.is_kept("/a/1.jpg")
    assert not r.is_kept("/b/1.jpg")
    assert not r.is_kept("/c/1.jpg")
    assert not r.is_kept("/b/2.jpg")
    assert r.trash_count_and_bytes() == (3, 370)
    assert r.group_trash(1) == (2, 300)


def test_unknown_paths_are_kept() -> None:
    keep = sample().keep_fn()
    assert keep("/elsewhere.jpg") is True
    assert keep("/b/1.jpg") is False


def test_last_kept_file_cannot_be_marked() -> None:
    r = sample()
    assert not r.can_mark(1, "/a/1.jpg")
    assert r.set_keep(1, "/a/1.jpg", False) is False
    assert r.is_kept("/a/1.jpg")
    assert r.toggle(1, "/a/1.jpg") is False
    # Once another file is kept, the first may go.
    assert r.toggle(1, "/b/1.jpg") is True
    assert r.is_kept("/b/1.jpg")
    assert r.set_keep(1, "/a/1.jpg", False) is True
    assert not r.is_kept("/a/1.jpg")
    assert r.group_trash(1) == (2, 400)


def test_reference_files_cannot_be_marked() -> None:
    r = sample()
    r.set_keep(2, "/b/2.jpg", True)
    assert not r.can_mark(2, "/ref/2.jpg")
    assert r.set_keep(2, "/ref/2.jpg", False) is False
    assert r.toggle(2, "/ref/2.jpg") is False
    assert r.is_kept("/ref/2.jpg")


def test_keep_only_trashes_others_but_never_references() -> None:
    r = sample()
    assert r.keep_only(1, "/c/1.jpg")
    assert [r.is_kept(p) for p in ("/a/1.jpg", "/b/1.jpg", "/c/1.jpg")] == [False, False, True]
    assert r.keep_only(2, "/b/2.jpg")
    assert r.is_kept("/ref/2.jpg") and r.is_kept("/b/2.jpg")
    assert r.keep_only(1, "/nowhere.jpg") is False


def test_file_of_another_group_is_refused() -> None:
    r = sample()
    assert r.set_keep(2, "/b/1.jpg", True) is False
    assert not r.is_kept("/b/1.jpg")


def test_clear_keeps_everything_and_auto_select_restores_engine() -> None:
    r = sample()
    r.clear()
    assert r.trash_count_and_bytes() == (0, 0)
    r.auto_select()
    assert r.trash_count_and_bytes() == (3, 370)


def test_auto_select_prefers_folder() -> None:
    r = sample()
    r.auto_select(prefer_folder="/c")
    assert [r.is_kept(p) for p in ("/a/1.jpg", "/b/1.jpg", "/c/1.jpg")] == [False, False, True]
    # No member under /c in group 2: the engine's choice stands.
    assert r.is_kept("/ref/2.jpg") and not r.is_kept("/b/2.jpg")


def test_auto_select_prefer_folder_keeps_reference_and_adds_preferred() -> None:
    r = sample()
    r.auto_select(prefer_folder="/b/")
    assert r.is_kept("/ref/2.jpg") and r.is_kept("/b/2.jpg")
    assert [r.is_kept(p) for p in ("/a/1.jpg", "/b/1.jpg", "/c/1.jpg")] == [False, True, False]


def test_auto_select_leaves_group_whose_keeper_is_already_in_folder() -> None:
    r = sample()
    r.auto_select(prefer_folder="/a")
    assert [r.is_kept(p) for p in ("/a/1.jpg", "/b/1.jpg", "/c/1.jpg")] == [True, False, False]


def test_is_under_matches_whole_components() -> None:
    assert is_under("/photos/x.jpg", "/photos")
    assert is_under("/photos/sub/x.jpg", "/photos/")
    assert not is_under("/photos2/x.jpg", "/photos")
    assert is_under(os.path.join("/p", "q"), "/p")


def test_remove_paths_drops_files_and_small_groups() -> None:
    r = sample()
    r.remove_paths(["/b/1.jpg", "/b/2.jpg"])
    assert [g.id for g in r.groups] == [1]
    assert [m.path for m in r.group(1).members] == ["/a/1.jpg", "/c/1.jpg"]
    assert r.trash_count_and_bytes() == (1, 100)
    assert r.is_kept("/ref/2.jpg")  # left the review: unknown paths count as kept


def test_remove_paths_of_engine_keeper_promotes_users_keeper() -> None:
    r = sample()
    r.keep_only(1, "/b/1.jpg")
    r.set_keep(1, "/c/1.jpg", True)
    r.remove_paths(["/a/1.jpg"])
    g = r.group(1)
    assert g.keeper.path == "/b/1.jpg"
    assert all(m.keep for m in g.members)
    # auto_select now falls back to the rebuilt suggestion, which still keeps a file.
    r.auto_select()
    assert r.is_kept("/b/1.jpg")


def test_remove_paths_never_leaves_group_without_keeper() -> None:
    r = sample()
    # Files can vanish from disk behind the app's back; the review must stay consistent.
    r.remove_paths(["/a/1.jpg"])
    assert r.group_trash(1) == (1, 100)
    assert r.is_kept("/b/1.jpg")


# -- property test of the invariant --------------------------------------------------------


@st.composite
def reviews(draw: st.DrawFn) -> Review:
    groups = []
    n = 0
    for gid in range(draw(st.integers(1, 4))):
        size = draw(st.integers(2, 5))
        refs = draw(st.lists(st.booleans(), min_size=size, max_size=size))
        keeper = draw(st.integers(0, size - 1))
        members = []
        for i in range(size):
            n += 1
            members.append(
                member(f"/d{i % 3}/f{n}.jpg", 10 * n, keep=i == keeper, reference=refs[i])
            )
        groups.append(group(gid, *members))
    return Review(groups)


operations = st.lists(
    st.tuples(
        st.sampled_from(
            ["set_keep", "set_trash", "toggle", "keep_only", "auto", "clear", "remove"]
        ),
        st.integers(0, 10),
        st.integers(0, 10),
        st.sampled_from([None, "/d0", "/d1", "/d2"]),
    ),
    max_size=30,
)


def check_invariant(r: Review) -> None:
    count = size = 0
    for g in r.groups:
        assert len(g.members) >= 2
        assert any(r.is_kept(m.path) for m in g.members)
        assert any(m.keep for m in g.members)
        for m in g.members:
            if m.reference:
                assert r.is_kept(m.path)
            if not r.is_kept(m.path):
                count += 1
                size += m.fingerprint.size
    # Remembered totals must follow every change (a stale cache shows here).
    assert r.trash_count_and_bytes() == (count, size)
    assert r.trash_bytes_by_group() == [r.group_trash(g.id)[1] for g in r.groups]


@settings(max_examples=200, deadline=None)
@given(reviews(), operations)
def test_invariant_holds_under_random_operations(r: Review, ops: list) -> None:
    check_invariant(r)
    for op, gi, mi, folder in ops:
        groups = r.groups
        if not groups:
            break
        g = groups[gi % len(groups)]
        path = g.members[mi % len(g.members)].path
        if op == "set_keep":
            assert r.set_keep(g.id, path, True)
        elif op == "set_trash":
            allowed = r.can_mark(g.id, path) or not r.is_kept(path)
            assert r.set_keep(g.id, path, False) == allowed
        elif op == "toggle":
            r.toggle(g.id, path)
        elif op == "keep_only":
            r.keep_only(g.id, path)
            assert r.is_kept(path)
        elif op == "auto":
            r.auto_select(folder)
        elif op == "clear":
            r.clear()
            assert r.trash_count_and_bytes() == (0, 0)
        else:
            r.remove_paths([path])
            assert path not in {m.path for grp in r.groups for m in grp.members}
        check_invariant(r)


def test_version_changes_with_every_mark_and_removal() -> None:
    r = sample()
    seen = [r.version]
    for change in (
        lambda: r.set_keep(1, "/b/1.jpg", True),
        lambda: r.set_keep(1, "/b/1.jpg", False),
        lambda: r.keep_only(1, "/c/1.jpg"),
        lambda: r.auto_select(),
        lambda: r.clear(),
        lambda: r.remove_paths(["/c/1.jpg"]),
    ):
        change()
        assert r.version not in seen
        seen.append(r.version)
    r.set_keep(2, "/ref/2.jpg", False)  # refused: a reference file stays kept
    r.remove_paths(["/nowhere.jpg"])
    assert r.version == seen[-1]
