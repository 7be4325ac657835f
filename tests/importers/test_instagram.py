"""The Instagram importer: posts (one touch whatever the number of photos), comments and likes counted per
day, in the 2024 layout and the older one; bad timestamps reported, damaged files one clear error.

The fixtures carry Meta's mojibake in captions and translated ``string_map_data`` keys, as real exports do."""

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
from footprint.importers.meta.instagram import Instagram

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "instagram"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
CTX = ImportContext({}, ZoneInfo("Europe/Paris"), now=NOW)
ACTIVITY = "your_instagram_activity"


def _read(path: Path) -> list:
    return list(Instagram().read(path, CTX))


_touches = touches


def _issues(records: list) -> list[tuple[str, str]]:
    return sorted((r.kind, r.where) for r in records if isinstance(r, Issue) and not r.notice)


def _notices(records: list) -> list[tuple[str, str]]:
    return sorted((r.part, r.count) for r in records if isinstance(r, NotRead))


_zip = zip_folder


def _write(path: Path, doc: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(doc), encoding="utf-8")
    return path


def _t(when: str, group: str) -> tuple:
    return (datetime.fromisoformat(when).replace(tzinfo=UTC), "instagram", 1, group)


EXPECTED = {
    "2024": [
        _t("2024-03-05 07:45:12", "posts"),  # one photo: the time is on the media item
        _t("2024-03-05 12:00:00", "comments"),
        _t("2024-03-05 12:01:00", "likes"),
        _t("2024-03-05 19:01:40", "posts"),  # two photos: one post, the time on the post
        _t("2024-03-06 08:15:00", "comments"),  # French keys: "Heure" for "Time"
        _t("2024-03-06 09:00:00", "likes"),
        _t("2024-03-07 10:00:00", "likes"),  # a second entry of the same string_list_data
        _t("2024-03-09 23:30:00", "posts"),
    ],
    "2019": [  # media.json, comments.json, likes.json at the root: ISO times, arrays of arrays
        _t("2019-06-01 10:00:00", "posts"),
        _t("2019-06-02 09:00:00", "comments"),
        _t("2019-06-02 09:05:00", "comments"),
        _t("2019-06-02 22:30:00", "posts"),
        _t("2019-06-03 08:15:00", "posts"),  # a video, its time without an offset: UTC
        _t("2019-06-03 12:00:00", "likes"),  # two likes in the same second: two
        _t("2019-06-03 12:00:00", "likes"),
        _t("2019-06-04 07:00:00", "likes"),  # a liked comment
    ],
    "2022": [  # no your_instagram_activity/, comments wrapped in {"comments_media_comments": [...]}
        _t("2022-07-14 10:00:00", "posts"),
        _t("2022-07-15 22:30:00", "comments"),
        _t("2022-07-16 09:00:00", "likes"),
    ],
}
ISSUES = {
    "2024": [  # a message names the file by its last folder: never the download's wrapper folder
        ("comment without a date", "comments/post_comments_1.json #3"),
        ("like without a date", "likes/liked_posts.json #3"),
        ("post with an impossible date (before 2010 or in the future)", "content/posts_1.json #5"),
        ("post without a date", "content/posts_1.json #4"),
    ],
    "2019": [
        ("comment with an unreadable date", "comments.json: media_comments #3"),
        ("post without a date", "media.json: photos #3"),
    ],
    "2022": [],
}
NOTICES = {
    "2024": [("followers_and_following/followers_1.json", 1)],
    "2019": [
        ("connections.json", 1),  # an object without a list: one record
        ("media.json: profile", 1),
        ("media.json: stories", 1),
        ("profile.json", 1),
        ("searches.json", 1),
    ],
    "2022": [],
}


_entries = entry_rows


# --- what is read -------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["2024", "2022", "2019"])
def test_each_layout_gives_exactly_its_touches(layout: str, tmp_path: Path) -> None:
    records = _read(FIXTURES / layout)
    assert _touches(records) == EXPECTED[layout]
    assert _issues(records) == ISSUES[layout]
    assert _notices(records) == NOTICES[layout]  # what the download holds beside: said, never silent
    assert all(r.note is None and r.source_ref is None for r in records if isinstance(r, Touch))
    zipped = _read(_zip(FIXTURES / layout, tmp_path / "instagram.zip", wrapper="instagram-camille-2024/"))
    assert _touches(zipped) == EXPECTED[layout]
    assert _issues(zipped) == ISSUES[layout] and _notices(zipped) == NOTICES[layout]
    assert not any("camille" in r.where for r in zipped if isinstance(r, Issue))


def test_followers_are_not_touches() -> None:
    """connections/…/followers_1.json has string_list_data timestamps too: someone else's act, not read."""
    with pytest.raises(DataFileError, match="no Instagram posts, comments or likes"):
        _read(FIXTURES / "2024" / "connections")


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("content/posts_1.json", "posts"),
        ("comments/post_comments_1.json", "comments"),
        ("likes/liked_posts.json", "likes"),
    ],
)
def test_a_single_file_is_read_alone(name: str, group: str) -> None:
    records = _read(FIXTURES / "2024" / ACTIVITY / name)
    assert {r.group for r in records if isinstance(r, Touch)} == {group}


def test_newest_shapes_media_folder_and_top_level_timestamps(tmp_path: Path) -> None:
    _write(tmp_path / ACTIVITY / "media" / "posts_1.json", [{"media": [{"creation_timestamp": 1709624712}]}])
    _write(tmp_path / ACTIVITY / "likes" / "liked_posts.json", [{"timestamp": 1709640060, "label_values": []}])
    assert _touches(_read(tmp_path)) == [_t("2024-03-05 07:45:12", "posts"), _t("2024-03-05 12:01:00", "likes")]


def test_detect_on_a_file_the_folder_and_the_zip(tmp_path: Path) -> None:
    instagram = Instagram()
    assert instagram.detect(FIXTURES / "2024" / ACTIVITY / "likes" / "liked_posts.json")
    for layout in ("2019", "2022", "2024"):
        assert instagram.detect(FIXTURES / layout)
        assert instagram.detect(_zip(FIXTURES / layout, tmp_path / f"{layout}.zip", wrapper="instagram-x/"))
    assert not instagram.detect(FIXTURES / "2024" / "connections")
    assert not instagram.detect(FIXTURES.parent / "facebook" / "2024")
    _write(tmp_path / "posts_1.json", [])
    assert not instagram.detect(tmp_path / "posts_1.json")  # too common a name alone


# --- bad files ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"creation_timestamp": 1709624712, "media": []}', "not a list of records"),
        (b'[{"media": [{"creation_timestamp": 17096', "truncated"),
        ("[]".encode("utf-16"), "not a list of records"),
    ],
)
def test_a_posts_file_that_is_not_a_list_is_an_error_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "content" / "posts_1.json"
    path.parent.mkdir()
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message) as error:
        _read(tmp_path)
    assert "content/posts_1.json" in error.value.message


NAMES = ["content/posts_1.json", "comments/post_comments_1.json", "likes/liked_posts.json"]


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
stamp = scalar | st.integers(min_value=1_200_000_000, max_value=1_800_000_000)
stamped = st.fixed_dictionaries({"timestamp": stamp}) | st.fixed_dictionaries({"creation_timestamp": stamp})
record = st.fixed_dictionaries(
    {},
    optional={
        "media": st.lists(stamped | junk_json, max_size=3) | junk_json,
        "creation_timestamp": stamp,
        "string_map_data": st.dictionaries(st.text(max_size=6), stamped | junk_json, max_size=3) | junk_json,
        "string_list_data": st.lists(stamped | junk_json, max_size=3) | junk_json,
        "timestamp": stamp,
    },
)
documents = st.lists(record | junk_json, max_size=6).flatmap(
    lambda items: st.sampled_from([items, {"likes_media_likes": items}, {"a": 1, "b": items}])
)


@given(doc=documents, name=st.sampled_from(NAMES))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_structures_only_give_records_or_a_data_file_error(tmp_path: Path, doc: object, name: str) -> None:
    _write(tmp_path / "junk" / name, doc)
    try:
        records = _read(tmp_path / "junk")
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)


# --- through the CLI ----------------------------------------------------------------------------------


def test_import_counts_per_local_day_and_reimport_adds_nothing(cli, tmp_path: Path) -> None:
    archive = _zip(FIXTURES / "2024", tmp_path / "instagram-camille-2024.zip")
    result = cli("import", "instagram", str(archive))
    assert result.exit_code == 0, result.stderr
    assert "\n".join(result.stdout.splitlines()[:2]) == (
        "Imported from instagram: 8 touches, from 5 Mar 2024 to 10 Mar 2024.\n  New entries: 7; updated: 0."
    )
    assert len(result.stderr.splitlines()) == 4  # one line per kind of problem
    assert result.stdout.splitlines()[-2:] == [  # the file beside, what it holds: a section of the summary
        "  Not read (1 part of the export; footprint does not count what it holds):",
        "    followers_and_following/followers_1.json  1 record",
    ]
    assert "camille" not in result.stdout + result.stderr  # the download's folder, named after the account
    entries = _entries(cli)
    assert entries == [
        ("2024-03-05", "instagram", 1, "comments:2024-03-05:instagram"),
        ("2024-03-05", "instagram", 1, "likes:2024-03-05:instagram"),
        ("2024-03-05", "instagram", 2, "posts:2024-03-05:instagram"),
        ("2024-03-06", "instagram", 1, "comments:2024-03-06:instagram"),
        ("2024-03-06", "instagram", 1, "likes:2024-03-06:instagram"),
        ("2024-03-07", "instagram", 1, "likes:2024-03-07:instagram"),
        ("2024-03-10", "instagram", 1, "posts:2024-03-10:instagram"),  # 23:30 UTC is past midnight in Paris
    ]
    again = cli("import", "instagram", str(FIXTURES / "2024"))
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_strict_with_a_bad_record_imports_nothing(cli) -> None:
    result = cli("import", "instagram", str(FIXTURES / "2024"), "--strict")
    assert result.exit_code == 5 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "nothing imported" in result.stderr
    assert _entries(cli) == []


def test_a_truncated_zip_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    whole = _zip(FIXTURES / "2024", tmp_path / "whole.zip").read_bytes()
    truncated = tmp_path / "instagram.zip"
    truncated.write_bytes(whole[: len(whole) // 2])
    result = cli("import", "instagram", str(truncated))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "instagram.zip" in result.stderr


def test_a_wrong_file_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    path = tmp_path / "liked_posts.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not json")
    result = cli("import", "instagram", str(path))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "liked_posts.json" in result.stderr
    other = cli("import", "instagram", str(FIXTURES.parent / "facebook" / "2024"))
    assert other.exit_code == 5 and "no Instagram posts" in other.stderr


def test_problems_are_said_in_french(cli) -> None:
    result = cli("--lang", "fr", "import", "instagram", str(FIXTURES / "2019"))
    assert result.exit_code == 0, result.stderr
    assert "publication sans date" in result.stderr and "media.json: photos #3" in result.stderr
    assert "commentaire à la date illisible" in result.stderr
