"""A challenge file whose duration overflows (``99999999999999d``, 5,000 digits, more than a year) is one
DataFileError naming the file and the key, never an OverflowError."""

from datetime import timedelta

import pytest

from footprint.domain.challenge import LONGEST, parse_duration

BODY = (
    'id = "mine"\nforbid_kinds = ["social"]\ntitle = { en = "a", fr = "b" }\n'
    'description = { en = "a", fr = "b" }\ninvite = { en = "a", fr = "b" }\n'
)


@pytest.mark.parametrize(
    "duration", ["99999999999999d", "9" * 5000 + "h", "999999d", "367d", "366d1m", "0d0h0m", "1d" * 3, "-1d"]
)
def test_an_overflowing_or_silly_duration_names_file_and_key(cli, home, duration: str) -> None:
    folder = home / "config" / "challenges"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(f'duration = "{duration}"\n' + BODY, encoding="utf-8")
    for args in (("challenge", "show", "mine"), ("challenge", "start", "mine")):
        result = cli(*args)
        assert result.exit_code == 5 and result.stdout == "", result.stderr
        assert result.stderr.startswith("footprint: ") and result.stderr.count("\n") == 1
        assert "mine.toml: key 'duration': expected a length such as" in result.stderr
        assert "up to 366 days" in result.stderr


def test_the_longest_challenge_is_a_year_and_a_day(cli, home) -> None:
    assert parse_duration("366d") == LONGEST == timedelta(days=366)
    assert parse_duration("365d23h59m") == timedelta(days=365, hours=23, minutes=59)
    assert parse_duration("8784h") == LONGEST and parse_duration("8785h") is None
    folder = home / "config" / "challenges"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('duration = "366d"\n' + BODY, encoding="utf-8")
    result = cli("challenge", "show", "mine")
    assert result.exit_code == 0, result.stderr
