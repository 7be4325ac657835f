"""Golden outputs of the journal's commands in English and French (log, day with entries, a closed day, an
empty closed day, a day never logged, list, edit, rm, close, reopen): the words a person reads, line by
line. Regenerate on purpose with FOOTPRINT_UPDATE_GOLDEN=1, then read the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent.parent / "golden"

TOUR = [
    ("log", "facebook", "-n", "3", "--at", "08:10"),
    ("log", "cb", "--at", "09:00", "--minutes", "2.5", "--reason", "chosen", "--note", "bakery"),
    ("log", "smartphone", "computer", "--at", "yesterday 18:00"),
    ("day",),
    ("close", "yesterday"),
    ("close", "yesterday"),
    ("day", "yesterday"),
    ("close", "-3d"),
    ("day", "-3d"),
    ("day", "-4d"),
    ("list",),
    ("edit", "2", "--count", "2"),
    ("edit", "2", "--count", "2"),
    ("rm", "1", "3"),
    ("reopen", "yesterday"),
    ("reopen", "yesterday"),
]


def transcript(cli, lang: str) -> str:  # noqa: ANN001
    assert cli("profile", "add", "smartphone", "bank-card", "smart-meter", "--since", "2026-11-01").exit_code == 0
    out = []
    for args in TOUR:
        result = cli("--lang", lang, *args)
        assert result.exit_code == 0 and result.stderr == "", (args, result.stderr)
        out.append(f"$ footprint {' '.join(args)}\n{result.stdout}")
    return "\n".join(out)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_journal_tour_reads_as_written(cli, lang) -> None:
    text = transcript(cli, lang)
    golden = GOLDEN / f"journal-tour-{lang}.txt"
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_french_has_no_id_no_english_and_its_typography(cli) -> None:
    text = "\n".join(line for line in transcript(cli, "fr").splitlines() if not line.startswith("$ "))
    for english in ("Logged", "closed", "open", "captures (estimate)", "Footprint", "By collector", "bank-card"):
        assert english not in text
    assert "Noté\u00a0: Carte bancaire ×1 à 09:00, +3 captures (estimation)" in text
    assert "Empreinte (estimation)\u00a0: 13 captures, dont 12 actives et 1 passive" in text
    assert "Empreinte (estimation)\u00a0: 1 capture, dont 0 active et 1 passive" in text
    assert "\u00ab\u00a0bakery\u00a0\u00bb" in text and "2,5 min" in text
    assert " :" not in text and " ;" not in text  # a no-break space, never a plain one, before « : ; »
