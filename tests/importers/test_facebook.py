"""The Facebook importer: posts, comments and reactions counted per day across the three folder layouts,
reactions written in both shapes counted once, bad timestamps reported, damaged files one clear error.

The fixtures carry Meta's mojibake (``\\u00c3\\u00a9`` for ``é``) in titles and texts, as real exports do:
the importer reads no text, so the counts must not depend on it, and no text may reach a record."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import dumps, entry_rows, hostile_json, touches, zip_folder

from footprint.errors import DataFileError
from footprint.importers.base import ImportContext, Issue, NotRead, Touch
from footprint.importers.meta.common import item_time
from footprint.importers.meta.facebook import Facebook
from footprint.importers.toolkit import unix_instant

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "facebook"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
CTX = ImportContext({}, ZoneInfo("Europe/Paris"), now=NOW)
# Messages name a file by its last folder and name: never the download's wrapper folder (the account's name).
POSTS_2024 = "posts/your_posts__check_ins__photos_and_videos_1.json"
REACTIONS_2024 = "comments_and_reactions/likes_and_reactions_1.json"


def _read(path: Path) -> list:
    return list(Facebook().read(path, CTX))


_touches = touches


def _issues(records: list) -> list[tuple[str, str]]:
    return sorted((r.kind, r.where) for r in records if isinstance(r, Issue) and not r.notice)


def _notices(records: list) -> list[tuple[str, str]]:
    return sorted((r.part, r.count) for r in records if isinstance(r, NotRead))


_zip = zip_folder


def _t(when: str, group: str) -> tuple:
    return (datetime.fromisoformat(when).replace(tzinfo=UTC), "facebook", 1, group)


EXPECTED = {
    "2019": [  # posts/your_posts_1.json, comments/comments.json, likes_and_reactions/posts_and_comments.json
        _t("2019-06-01 10:00:00", "posts"),
        _t("2019-06-01 21:30:00", "posts"),
        _t("2019-06-02 08:00:00", "comments"),
        _t("2019-06-03 12:00:00", "reactions"),
    ],
    "2021": [  # posts/, comments_and_reactions/comments.json, comments_and_reactions/posts_and_comments.json
        _t("2021-09-14 08:00:00", "posts"),
        _t("2021-09-14 20:00:00", "posts"),  # a photo: its time only on the media and in data[]
        _t("2021-09-15 08:00:00", "comments"),
        _t("2021-09-15 09:00:00", "comments"),  # its time only inside, after a GIF in data[]
        _t("2021-09-15 10:00:00", "comments"),  # data written as one object, not a list
        _t("2021-09-16 08:00:00", "reactions"),  # two in the same second: two
        _t("2021-09-16 08:00:00", "reactions"),
        _t("2021-09-17 08:00:00", "reactions"),
    ],
    "2023": [  # your_activity_across_facebook/…
        _t("2023-01-15 09:00:00", "posts"),
        _t("2023-01-15 18:00:00", "posts"),
        _t("2023-01-16 07:30:00", "comments"),
        _t("2023-01-16 07:31:00", "comments"),  # its time only inside data[].comment
        _t("2023-01-16 07:31:00", "reactions"),
    ],
    "2024": [  # your_facebook_activity/…, reactions in both shapes
        _t("2024-03-05 07:45:12", "posts"),
        _t("2024-03-05 12:00:00", "comments"),
        _t("2024-03-05 12:01:00", "reactions"),  # two in the same second, in the old shape: two
        _t("2024-03-05 12:01:00", "reactions"),
        _t("2024-03-05 19:00:00", "posts"),  # a check-in
        _t("2024-03-06 08:15:00", "comments"),
        _t("2024-03-06 09:00:00", "reactions"),  # in both shapes: one
        _t("2024-03-06 20:00:00", "comments"),
        _t("2024-03-07 10:00:00", "reactions"),  # only in the label_values shape
        _t("2024-03-08 11:00:00", "reactions"),  # only in the old shape
        _t("2024-03-09 23:30:00", "posts"),
    ],
}
ISSUES_2024 = [
    ("post with an impossible date (before 2004 or in the future)", f"{POSTS_2024} #6"),
    ("post with an unreadable date", f"{POSTS_2024} #5"),
    ("post without a date", f"{POSTS_2024} #4"),
    ("reaction with an impossible date (before 2004 or in the future)", f"{REACTIONS_2024} #5"),
]


_entries = entry_rows


# --- what is read -------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["2019", "2021", "2023", "2024"])
def test_each_folder_layout_gives_exactly_its_touches(layout: str, tmp_path: Path) -> None:
    records = _read(FIXTURES / layout)
    assert _touches(records) == EXPECTED[layout]
    assert _issues(records) == (ISSUES_2024 if layout == "2024" else [])
    assert all(r.note is None and r.source_ref is None for r in records if isinstance(r, Touch))
    zipped = _read(_zip(FIXTURES / layout, tmp_path / "facebook.zip", wrapper="facebook-camille-2024/"))
    assert _touches(zipped) == EXPECTED[layout]


def test_a_single_posts_file_is_read_alone() -> None:
    records = _read(FIXTURES / "2024" / "your_facebook_activity" / POSTS_2024)
    assert [r.group for r in records if isinstance(r, Touch)] == ["posts"] * 3
    assert len(_issues(records)) == 3


def test_a_single_comments_file_is_read_alone_but_not_claimed_by_its_common_name(tmp_path: Path) -> None:
    comments = FIXTURES / "2024" / "your_facebook_activity" / "comments_and_reactions" / "comments.json"
    assert [r.group for r in _read(comments)] == ["comments"] * 3
    assert not Facebook().detect(comments)  # many services export a comments.json
    assert Facebook().detect(comments.parent)  # beside likes_and_reactions_1.json it is Facebook's


def _write(path: Path, doc: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(doc), encoding="utf-8")
    return path


def test_reactions_in_both_shapes_count_once_and_distinct_ones_in_one_second_count_twice(tmp_path: Path) -> None:
    folder = tmp_path / "your_facebook_activity" / "comments_and_reactions"
    old = {"data": [{"reaction": {"reaction": "LIKE", "actor": "C"}}], "title": "C likes a post."}
    new = {"label_values": [{"label": "Reaction", "value": "Like"}]}
    _write(
        folder / "likes_and_reactions_1.json",
        [{"timestamp": 1709640060, **old}] * 2 + [{"timestamp": 1709715600, **old}],
    )
    _write(folder / "likes_and_reactions_2.json", [{"timestamp": 1709805600, **old}])  # a split file: not a copy
    _write(folder / "likes_and_reactions.json", [{"timestamp": t, **new} for t in (1709640060, 1709715600, 1709895600)])
    assert [t[0].isoformat() for t in _touches(_read(tmp_path))] == [
        "2024-03-05T12:01:00+00:00",
        "2024-03-05T12:01:00+00:00",
        "2024-03-06T09:00:00+00:00",
        "2024-03-07T10:00:00+00:00",
        "2024-03-08T11:00:00+00:00",
    ]


def test_a_comment_without_a_usable_time_is_one_issue(tmp_path: Path) -> None:
    bad = [{"data": 5}, {"data": [{"comment": "no time"}]}, {"timestamp": None, "data": {"comment": {}}}]
    _write(tmp_path / "comments_and_reactions" / "comments.json", {"comments_v2": bad})
    assert [r.kind for r in _read(tmp_path)] == ["comment without a date"] * 3


def test_an_array_wrapped_in_one_key_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "posts" / "your_posts.json", {"status_updates": [{"timestamp": 1559383200}]})
    assert _touches(_read(tmp_path)) == [_t("2019-06-01 10:00:00", "posts")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1709624712, datetime(2024, 3, 5, 7, 45, 12, tzinfo=UTC)),
        (1709624712.0, datetime(2024, 3, 5, 7, 45, 12, tzinfo=UTC)),
        ("1709624712", datetime(2024, 3, 5, 7, 45, 12, tzinfo=UTC)),
        (1709624712000, None),  # milliseconds: not guessed
        (-1, None),
        (float("nan"), None),
        (float("inf"), None),
        (True, None),
        ("yesterday", None),
        ("²", None),  # a digit to str.isdigit, not to int()
        ("9" * 5000, None),
        (None, None),
    ],
)
def test_unix_instant(value: object, expected: datetime | None) -> None:
    assert unix_instant(value) == expected


def test_detect_on_a_file_the_folder_and_the_zip(tmp_path: Path) -> None:
    facebook = Facebook()
    assert facebook.detect(FIXTURES / "2024" / "your_facebook_activity" / POSTS_2024)
    for layout in ("2019", "2021", "2023", "2024"):
        assert facebook.detect(FIXTURES / layout)
        assert facebook.detect(_zip(FIXTURES / layout, tmp_path / f"{layout}.zip", wrapper="facebook-x/"))
    assert not facebook.detect(FIXTURES / "2024" / "connections")
    assert not facebook.detect(FIXTURES.parent / "twitter")
    (tmp_path / "your_posts.txt").write_text("[]")
    assert not facebook.detect(tmp_path / "your_posts.txt")


# --- bad files ----------------------------------------------------------------------------------------


def test_an_export_without_posts_comments_or_reactions_is_an_error() -> None:
    with pytest.raises(DataFileError, match="no Facebook posts, comments or reactions files found"):
        _read(FIXTURES / "2024" / "connections")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"timestamp": 1709624712, "data": [{"post": "a single object"}]}', "not a list of records"),
        (b"<html><body>Download your information</body></html>", "not a list of records"),
        (b'[{"timestamp": 1709624712}, {"timest', "truncated"),
        (b"", "not a list of records"),
    ],
)
def test_a_posts_file_that_is_not_a_list_is_an_error_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "posts" / "your_posts_1.json"
    path.parent.mkdir()
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message) as error:
        _read(tmp_path)
    assert "posts/your_posts_1.json" in error.value.message


NAMES = [
    "posts/your_posts_1.json",
    "comments_and_reactions/comments.json",
    "comments_and_reactions/likes_and_reactions_1.json",
]


@given(junk=st.binary(max_size=300), name=st.sampled_from(NAMES))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_bytes_only_give_records_or_a_data_file_error(tmp_path: Path, junk: bytes, name: str) -> None:
    path = tmp_path / "junk" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(junk)
    try:
        records = _read(tmp_path / "junk")
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)


scalar = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | hostile_json
junk_json = st.recursive(
    scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4)
)
stamp = scalar | st.integers(min_value=1_000_000_000, max_value=1_800_000_000)
record = st.fixed_dictionaries(
    {"timestamp": stamp},
    optional={"data": junk_json | st.just([{"comment": {"timestamp": 1709640000}}]), "label_values": junk_json},
)
documents = st.lists(record | junk_json, max_size=6).flatmap(
    lambda items: st.sampled_from([items, {"comments_v2": items}, {"a": items, "b": 1}, items[:1]])
)


@given(doc=documents, name=st.sampled_from(NAMES))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_structures_only_give_records_or_a_data_file_error(tmp_path: Path, doc: object, name: str) -> None:
    path = tmp_path / "junk" / name
    _write(path, doc)
    try:
        records = _read(tmp_path / "junk")
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)


# --- through the CLI ----------------------------------------------------------------------------------


def test_import_counts_per_local_day_and_reimport_adds_nothing(cli, tmp_path: Path) -> None:
    archive = _zip(FIXTURES / "2024", tmp_path / "facebook-camille-2024.zip")
    result = cli("import", "facebook", str(archive))
    assert result.exit_code == 0, result.stderr
    assert "\n".join(result.stdout.splitlines()[:2]) == (
        "Imported from facebook: 11 touches, from 5 Mar 2024 to 10 Mar 2024.\n  New entries: 8; updated: 0."
    )
    assert len(result.stderr.splitlines()) == 4  # one line per kind of problem
    # What is not read is a section of the summary, every file with what it holds: not a problem.
    assert result.stdout.splitlines()[-2:] == [
        "  Not read (1 part of the export; footprint does not count what it holds):",
        "    friends/your_friends.json  1 record",
    ]
    assert "camille" not in result.stdout + result.stderr  # the download's folder, named after the account
    assert "skipped 1 record: post without a date" in result.stderr
    entries = _entries(cli)
    assert entries == [
        ("2024-03-05", "facebook", 1, "comments:2024-03-05:facebook"),
        ("2024-03-05", "facebook", 2, "posts:2024-03-05:facebook"),
        ("2024-03-05", "facebook", 2, "reactions:2024-03-05:facebook"),
        ("2024-03-06", "facebook", 1, "reactions:2024-03-06:facebook"),
        ("2024-03-06", "facebook", 2, "comments:2024-03-06:facebook"),
        ("2024-03-07", "facebook", 1, "reactions:2024-03-07:facebook"),
        ("2024-03-08", "facebook", 1, "reactions:2024-03-08:facebook"),
        ("2024-03-10", "facebook", 1, "posts:2024-03-10:facebook"),  # 23:30 UTC is past midnight in Paris
    ]
    again = cli("import", "facebook", str(FIXTURES / "2024"))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_strict_with_a_bad_record_imports_nothing(cli) -> None:
    result = cli("import", "facebook", str(FIXTURES / "2024"), "--strict")
    assert result.exit_code == 5 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "nothing imported" in result.stderr
    assert _entries(cli) == []


def test_a_truncated_zip_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    whole = _zip(FIXTURES / "2024", tmp_path / "whole.zip").read_bytes()
    truncated = tmp_path / "facebook.zip"
    truncated.write_bytes(whole[: len(whole) * 2 // 3])
    result = cli("import", "facebook", str(truncated))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "facebook.zip" in result.stderr


def test_a_wrong_file_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    path = tmp_path / "your_posts_1.json"
    path.write_text("this is not JSON", encoding="utf-8")
    result = cli("import", "facebook", str(path))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "your_posts_1.json" in result.stderr
    other = cli("import", "facebook", str(FIXTURES.parent / "twitter" / "archive"))
    assert other.exit_code == 5 and "no Facebook posts" in other.stderr


def test_problems_and_errors_are_said_in_french(cli, tmp_path: Path) -> None:
    result = cli("--lang", "fr", "import", "facebook", str(FIXTURES / "2024"))
    assert result.exit_code == 0, result.stderr
    assert "publication sans date" in result.stderr
    assert "Non lu (1 partie de l’export ; footprint ne compte pas ce qu’elle contient) :" in result.stdout
    assert "    friends/your_friends.json  1 enregistrement" in result.stdout
    wrong = cli("--lang", "fr", "import", "facebook", str(FIXTURES.parent / "twitter" / "archive"))
    assert wrong.exit_code == 5
    assert wrong.stderr.strip().endswith(
        "archive\u00a0: aucun fichier Facebook de publications, de commentaires ou de réactions trouvé (export JSON)"
    )


def test_the_html_download_is_recognised_and_the_error_says_which_format_to_ask_for(cli, tmp_path: Path) -> None:
    download = tmp_path / "download"
    posts = download / "facebook-camille-2024" / "your_facebook_activity" / "posts"
    posts.mkdir(parents=True)
    (posts / "your_posts__check_ins__photos_and_videos_1.html").write_text("<html><body></body></html>")
    assert Facebook().detect(download)
    result = cli("import", "facebook", str(download))
    assert result.exit_code == 5 and result.stdout == ""
    assert "this is the HTML version of the download" in result.stderr and "JSON" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_what_the_download_holds_beside_is_said_by_file_with_counts_and_no_name(tmp_path: Path) -> None:
    records = _read(_zip(FIXTURES / "2021", tmp_path / "facebook.zip", wrapper="facebook-camille-2021-09-18-AbCd/"))
    assert _notices(records) == [
        ("comments_and_reactions/pages.json", 1),
        ("friends_and_followers/friends.json", 2),
        ("groups/your_comments_in_groups.json", 1),
        ("messages/", 2),  # threads carry names: counted only
        ("profile_information/profile_information.json", 1),  # an object without a list: one
    ]
    assert [r.unit for r in records if isinstance(r, NotRead) and r.part == "messages/"] == ["conversation"]
    wheres = [r.where.lower() for r in records if isinstance(r, Issue)] + [
        r.part.lower() for r in records if isinstance(r, NotRead)
    ]
    assert not any("camille" in w or "dominique" in w for w in wheres)
    assert not [r for r in records if isinstance(r, Issue)]  # nothing broken in that layout: --strict imports


def test_the_2021_reactions_file_counts_in_the_journal(cli) -> None:
    """comments_and_reactions/posts_and_comments.json ({"reactions_v2"}) was silently ignored before."""
    result = cli("import", "facebook", str(FIXTURES / "2021"), "--strict")
    assert result.exit_code == 0, result.stderr
    assert _entries(cli) == [
        ("2021-09-14", "facebook", 2, "posts:2021-09-14:facebook"),
        ("2021-09-15", "facebook", 3, "comments:2021-09-15:facebook"),
        ("2021-09-16", "facebook", 2, "reactions:2021-09-16:facebook"),
        ("2021-09-17", "facebook", 1, "reactions:2021-09-17:facebook"),
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"timestamp": 1, "data": [{"comment": {"timestamp": 2}}]}, 1),  # the item's own first
        ({"data": [{"comment": {"timestamp": 2}}]}, 2),
        ({"data": [{"external_context": {}}, {"comment": {"timestamp": 3}}]}, 3),  # not the first part
        ({"data": {"comment": {"timestamp": 4}}}, 4),  # one object, not a list
        ({"data": [{"update_timestamp": 5}]}, 5),
        ({"attachments": [{"data": [{"media": {"creation_timestamp": 6}}]}]}, 6),  # a photo post
        ({"string_map_data": {"Heure": {"timestamp": 7}, "Commentaire": {"value": "x"}}}, 7),  # translated
        ({"media": [{"creation_timestamp": 8}]}, 8),
        ({"creation_timestamp": 9}, 9),
        ({"data": [{"comment": "no time"}], "title": "x"}, None),
        ({"data": 5, "attachments": "x", "media": None}, None),
        ([1, 2], None),
        ("text", None),
    ],
)
def test_where_an_item_keeps_its_time(item: object, expected: object) -> None:
    assert item_time(item) == expected
