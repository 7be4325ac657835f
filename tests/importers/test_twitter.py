"""The Twitter / X archive importer: tweets counted per day, likes reported (they carry no date), every
layout of the archive read, and a damaged archive one clear error."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_support import dumps, hostile_json, issues, touches, zip_folder

from footprint.errors import DataFileError
from footprint.importers.base import ImportContext, Issue, NotRead, Touch
from footprint.importers.twitter import LIKES_KIND, Twitter, parse_created_at

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "twitter"
ARCHIVE = FIXTURES / "archive"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
CTX = ImportContext({}, ZoneInfo("Europe/Paris"), now=NOW)
IMPOSSIBLE = "tweet with an impossible date (before 2006 or in the future)"


def _read(path: Path) -> list:
    return list(Twitter().read(path, CTX))


_touches = touches


_issues = issues


def _not_read(records: list) -> list[tuple]:
    return sorted((r.part, r.count) for r in records if isinstance(r, NotRead))


_zip = zip_folder


def _tweet(created_at: str) -> tuple:
    return (datetime.strptime(created_at, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC), "twitter", 1, "tweets")


ARCHIVE_TOUCHES = [
    _tweet("2023-12-31 23:59:59"),  # tweets-part1.js: the split archive's second part
    _tweet("2024-02-29 12:00:00"),  # a retweet is a tweet too
    _tweet("2024-03-05 07:45:12"),
    _tweet("2024-03-05 18:02:40"),
    _tweet("2024-03-05 23:30:00"),
]
ARCHIVE_ISSUES = [
    (LIKES_KIND, "data/like.js × 3"),
    (IMPOSSIBLE, "data/tweets.js #4"),  # 1997
    (IMPOSSIBLE, "data/tweets.js #5"),  # 2089
    ("tweet with an unreadable date", "data/tweets.js #6"),
    ("tweet without a date", "data/tweets.js #7"),
]
# The archive's other files, said with what they hold (the empty block.js is not worth a line).
ARCHIVE_NOTICES = [("data/account.js", 1), ("data/follower.js", 2)]


def _entries(cli) -> list[tuple]:
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    return [(e["day"], e["touchpoint"], e["count"], e["source_ref"]) for e in json.loads(result.stdout)]


# --- what is read -------------------------------------------------------------------------------------


def test_the_archive_gives_exactly_its_tweets_and_reports_the_rest() -> None:
    records = _read(ARCHIVE)
    assert _touches(records) == ARCHIVE_TOUCHES
    assert _issues(records) == ARCHIVE_ISSUES and _not_read(records) == ARCHIVE_NOTICES
    assert all(r.note is None and r.source_ref is None for r in records if isinstance(r, Touch))


def test_progress_is_reported_as_the_files_are_read(tmp_path: Path) -> None:
    read: list[int] = []
    list(Twitter().read(ARCHIVE, ImportContext({}, ZoneInfo("Europe/Paris"), read.append, NOW)))
    # In bytes, every data file: the ones beside the tweets are read too, to count what they hold.
    assert sum(read) == sum(p.stat().st_size for p in (ARCHIVE / "data").glob("*.js"))


def test_likes_are_one_issue_per_file_with_their_count_and_never_a_touch(tmp_path: Path) -> None:
    like = tmp_path / "like.js"
    shutil.copy(ARCHIVE / "data" / "like.js", like)
    assert _read(like) == [Issue(LIKES_KIND, "like.js × 3", notice=True)]
    empty = tmp_path / "empty" / "data"
    empty.mkdir(parents=True)
    (empty / "like.js").write_text("window.YTD.like.part0 = [ ]")
    assert _read(empty.parent) == []  # an account that never liked anything: nothing to say


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("old", [_tweet("2021-06-14 06:15:00"), _tweet("2021-06-14 20:40:00")]),  # data/tweet.js
        ("very-old", [_tweet("2019-03-01 09:00:00")]),  # tweet.js at the root, items not wrapped
        ("grailbird", [_tweet("2012-03-05 07:45:12")]),  # data/js/tweets/2012_03.js
    ],
)
def test_older_archive_layouts(layout: str, expected: list[tuple], tmp_path: Path) -> None:
    assert _touches(_read(FIXTURES / layout)) == expected
    assert _touches(_read(_zip(FIXTURES / layout, tmp_path / "a.zip"))) == expected
    assert Twitter().detect(FIXTURES / layout)


def test_the_zip_the_folder_and_a_wrapper_folder_read_the_same(tmp_path: Path) -> None:
    expected = _read(ARCHIVE)
    assert _read(_zip(ARCHIVE, tmp_path / "twitter-2024.zip")) == expected
    wrapped = _read(_zip(ARCHIVE, tmp_path / "wrapped.zip", wrapper="twitter-2024-03-05-abc/"))
    assert _touches(wrapped) == ARCHIVE_TOUCHES
    assert _issues(wrapped) == ARCHIVE_ISSUES and _not_read(wrapped) == ARCHIVE_NOTICES  # the download's folder is never shown


def test_a_single_tweets_file_is_read_alone() -> None:
    records = _read(ARCHIVE / "data" / "tweets.js")
    assert _touches(records) == ARCHIVE_TOUCHES[2:]
    assert [w for _, w in _issues(records)] == ["tweets.js #4", "tweets.js #5", "tweets.js #6", "tweets.js #7"]


def test_the_same_tweet_read_twice_counts_once(tmp_path: Path) -> None:
    shutil.copytree(ARCHIVE, tmp_path / "unpacked")
    shutil.copytree(ARCHIVE, tmp_path / "unpacked again")  # a folder holding two copies of the archive
    shutil.copytree(ARCHIVE / "data", tmp_path / "copy" / "data")
    assert _touches(_read(tmp_path / "copy")) == ARCHIVE_TOUCHES
    assert _touches(_read(tmp_path)) == ARCHIVE_TOUCHES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue Mar 05 07:45:12 +0000 2024", datetime(2024, 3, 5, 7, 45, 12, tzinfo=UTC)),
        ("Tue Mar 05 09:45:12 +0200 2024", datetime(2024, 3, 5, 7, 45, 12, tzinfo=UTC)),
        ("Thu Feb 29 12:00:00 +0000 2024", datetime(2024, 2, 29, 12, tzinfo=UTC)),
        ("2012-03-05 07:45:12 +0000", datetime(2012, 3, 5, 7, 45, 12, tzinfo=UTC)),
        ("Thu Feb 30 12:00:00 +0000 2024", None),
        ("Mar 05 07:45:12 +0000 2024", None),
        ("Tue Mär 05 07:45:12 +0000 2024", None),
        ("Tue Mar 05 07:45 +0000 2024", None),
        ("Tue Mar 05 07:45:12 UTC 2024", None),
        ("", None),
    ],
)
def test_created_at(text: str, expected: datetime | None) -> None:
    assert parse_created_at(text) == expected


def test_detect_on_the_file_the_folder_and_the_zip(tmp_path: Path) -> None:
    twitter = Twitter()
    assert twitter.detect(ARCHIVE / "data" / "tweets.js")
    assert twitter.detect(ARCHIVE / "data" / "tweets-part1.js")
    assert twitter.detect(ARCHIVE)
    assert twitter.detect(_zip(ARCHIVE, tmp_path / "twitter.zip", wrapper="twitter-archive/"))
    assert twitter.detect(ARCHIVE / "data" / "like.js")
    other = tmp_path / "like.js"
    other.write_text('[{"who": "not twitter"}]')
    assert not twitter.detect(other)
    assert not twitter.detect(ARCHIVE / "data" / "account.js")
    assert not twitter.detect(tmp_path / "missing.zip")
    (tmp_path / "notes.txt").write_text("tweets.js")
    assert not twitter.detect(tmp_path / "notes.txt")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes((tmp_path / "twitter.zip").read_bytes()[:300])
    assert not twitter.detect(truncated)


# --- bad files ----------------------------------------------------------------------------------------


def test_a_folder_without_the_archive_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(ARCHIVE / "data" / "account.js", tmp_path / "data")
    with pytest.raises(DataFileError, match="no Twitter archive files found"):
        _read(tmp_path)


def test_a_member_damaged_inside_the_zip_is_an_error_naming_it(tmp_path: Path) -> None:
    archive = _zip(ARCHIVE, tmp_path / "twitter.zip")
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo("data/tweets.js")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 40, start + 60):  # scramble the compressed bytes; the directory stays whole
        data[i] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(DataFileError, match="data/tweets.js"):
        _read(archive)


@pytest.mark.parametrize(
    "content",
    [
        "window.YTD.tweets.part0 = [" + "9" * 5000 + "]",  # beyond Python's 4,300 digits: ValueError
        "window.YTD.tweets.part0 = [" + "[" * 100_000,  # beyond the decoder's recursion: RecursionError
    ],
)
def test_what_the_json_decoder_refuses_is_a_data_file_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "tweets.js"
    path.write_text(content)
    with pytest.raises(DataFileError, match="tweets.js"):
        _read(path)


@given(junk=st.binary(max_size=400))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_bytes_only_give_records_or_a_data_file_error(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "tweets.js"
    path.write_bytes(junk)
    try:
        records = _read(path)
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)


scalar = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | hostile_json
junk_json = st.recursive(
    scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4)
)
created = scalar | st.sampled_from(["Tue Mar 05 07:45:12 +0000 2024", "2012-03-05 07:45:12 +0000", "Tue Mar 05"])
tweetish = st.fixed_dictionaries({"created_at": created, "id_str": scalar})
items = st.lists(junk_json | tweetish | st.fixed_dictionaries({"tweet": tweetish | junk_json}), max_size=8)


@given(items=items, name=st.sampled_from(["tweets.js", "tweet.js", "like.js", "tweets-part1.js"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_structures_only_give_records_or_a_data_file_error(tmp_path: Path, items: list, name: str) -> None:
    path = tmp_path / name
    path.write_text("window.YTD.tweets.part0 = " + dumps(items))
    try:
        records = _read(path)
    except DataFileError:
        return
    assert all(isinstance(r, Touch | Issue) for r in records)
    assert len([r for r in records if isinstance(r, Touch)]) <= len(items)


# --- through the CLI ----------------------------------------------------------------------------------


def test_import_counts_per_local_day_and_reimport_adds_nothing(cli, tmp_path: Path) -> None:
    archive = _zip(ARCHIVE, tmp_path / "twitter-2024.zip")
    result = cli("import", "twitter", str(archive))
    assert result.exit_code == 0, result.stderr
    assert "\n".join(result.stdout.splitlines()[:2]) == (
        "Imported from twitter: 5 touches, from 1 Jan 2024 to 6 Mar 2024.\n  New entries: 4; updated: 0."
    )
    assert result.stderr.splitlines() == [
        f"footprint: skipped 1 record: {LIKES_KIND} (first at data/like.js × 3)",
        f"footprint: skipped 2 records: {IMPOSSIBLE} (first at data/tweets.js #4, data/tweets.js #5)",
        "footprint: skipped 1 record: tweet with an unreadable date (first at data/tweets.js #6)",
        "footprint: skipped 1 record: tweet without a date (first at data/tweets.js #7)",
    ]
    assert result.stdout.splitlines()[-3:] == [
        "  Not read (2 parts of the export; footprint does not count what they hold):",
        "    data/account.js   1 record",
        "    data/follower.js  2 records",
    ]
    entries = _entries(cli)
    # Paris decides the day: 23:59:59 UTC on New Year's Eve is 2024-01-01, 23:30 UTC on 5 March is the 6th.
    assert entries == [
        ("2024-01-01", "twitter", 1, "tweets:2024-01-01:twitter"),
        ("2024-02-29", "twitter", 1, "tweets:2024-02-29:twitter"),
        ("2024-03-05", "twitter", 2, "tweets:2024-03-05:twitter"),
        ("2024-03-06", "twitter", 1, "tweets:2024-03-06:twitter"),
    ]
    again = cli("import", "twitter", str(ARCHIVE))  # the unpacked folder of the same archive
    assert again.exit_code == 0 and "Nothing new" in again.stdout
    assert _entries(cli) == entries


def test_import_detect_names_twitter(cli, tmp_path: Path) -> None:
    result = cli("import", "detect", str(_zip(ARCHIVE, tmp_path / "twitter.zip")))
    assert result.exit_code == 0 and result.stdout.strip() == "twitter"


def test_strict_with_a_bad_record_imports_nothing(cli) -> None:
    result = cli("import", "twitter", str(ARCHIVE), "--strict")
    assert result.exit_code == 5
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert "nothing imported" in result.stderr
    assert _entries(cli) == []


def test_a_truncated_zip_is_one_line_and_exit_5(cli, tmp_path: Path) -> None:
    whole = _zip(ARCHIVE, tmp_path / "whole.zip").read_bytes()
    truncated = tmp_path / "twitter.zip"
    truncated.write_bytes(whole[: len(whole) // 2])
    result = cli("import", "twitter", str(truncated))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert "twitter.zip" in result.stderr
    assert _entries(cli) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"not an archive at all", "no Twitter archive files found"),
        ("tweets.js", b'window.YTD.tweets.part0 = [ {\n  "tweet" : {\n    "created_at" : "Tue', "truncated"),
        ("tweets.js", 'window.YTD.tweets.part0 = [{"tweet": {"full_text": "café"}}]'.encode("cp1252"), "not UTF-8"),
    ],
)
def test_a_wrong_file_is_one_line_and_exit_5(cli, tmp_path: Path, name, content, message) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("import", "twitter", str(path))
    assert result.exit_code == 5 and result.stdout == ""
    assert result.stderr.startswith("footprint: ") and len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr and name in result.stderr


def test_strict_accepts_the_likes_notice(cli, tmp_path: Path) -> None:
    """Likes without dates are said, not a broken record: --strict still imports the tweets."""
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text(
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "created_at": "Tue Mar 05 07:45:12 +0000 2024"}}]',
        encoding="utf-8",
    )
    (data / "like.js").write_text('window.YTD.like.part0 = [{"like": {"tweetId": "9"}}]', encoding="utf-8")
    result = cli("import", "twitter", str(tmp_path / "archive"), "--strict")
    assert result.exit_code == 0, result.stderr
    assert "New entries: 1;" in result.stdout and LIKES_KIND in result.stderr
