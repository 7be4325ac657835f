"""``footprint group summarize --format html --present``: the summary as a presentation a facilitator
projects, one finding per screen, in one file that loads nothing from elsewhere and runs only its own script.
(How it looks and moves in a real browser is in tests/browser.)"""

import json
import re
from pathlib import Path

from card_support import card

from footprint.domain.catalog import Text
from footprint.domain.group import parse_card, summarize
from footprint.exporters.group_report import Names, render
from footprint.exporters.group_slides import CSP

NBSP = "\u00a0"


def _cards(folder: Path, n: int, **changes) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(1, n + 1):
        (folder / f"{i}.json").write_text(json.dumps(card(i, pseudonym=f"pseudo-{i}", **changes)), encoding="utf-8")
    return folder


def _present(cli, *args):
    return cli("group", "summarize", *map(str, args), "--format", "html", "--present")


def test_a_presentation_is_one_page_of_screens_with_only_its_own_script(cli, tmp_path) -> None:
    result = _present(cli, _cards(tmp_path / "cards", 6))
    assert result.exit_code == 0 and result.stderr == ""
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
    assert page.count("<script") == 1 and "<script>" in page  # inline: no src, nothing fetched
    assert not re.search(r"\b(src|href)=", page) and "@import" not in page and "url(" not in page
    assert "://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    screens = re.findall(r'<section class="slide[^"]*" id="screen-(\d+)" aria-label="Screen \d+ of (\d+)">', page)
    assert [int(i) for i, _ in screens] == list(range(1, len(screens) + 1))
    assert {total for _, total in screens} == {str(len(screens))}
    for words in ("Group summary", "Who took part", "What the group removed most", "By touchpoint"):
        assert words in page
    assert "pseudo-" not in page  # pseudonyms never appear


def test_below_the_minimum_group_size_the_screens_show_totals_only(cli, tmp_path) -> None:
    folder = _cards(tmp_path / "few", 4, usual=["smartphone", "secret-device"], removed=["secret-device"])
    page = _present(cli, folder, "--lang", "fr").stdout
    assert "Totaux seulement" in page and f"Moins de 5 participants{NBSP}: totaux seulement" in page
    assert "secret-device" not in page and "<table" not in page and "Ce que le groupe" not in page
    assert "4 participants" in page


def test_french_screens_follow_french_typography(cli, tmp_path) -> None:
    page = _present(cli, _cards(tmp_path / "cards", 5), "--lang", "fr").stdout
    assert '<html lang="fr">' in page and "Qui a participé" in page
    assert f"Écran suivant{NBSP}: → ou Espace{NBSP}; précédent{NBSP}: ←" in page
    assert f"Captures{NBSP}: le défi face à une journée habituelle" in page
    assert "participants sur 5" in page and "D&#x27;où viennent ces chiffres" in page
    assert "\u2212" in page  # the change is written with a true minus sign


def test_present_goes_with_html_only(cli, tmp_path) -> None:
    folder = _cards(tmp_path / "cards", 5)
    for fmt in ("md", "csv", "json"):
        result = cli("group", "summarize", str(folder), "--format", fmt, "--present")
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == f"footprint: --present makes a web page: give --format html, not {fmt}\n"
    french = cli("--lang", "fr", "group", "summarize", str(folder), "--present")
    assert french.stderr == f"footprint: --present produit une page web{NBSP}: donnez --format html, et non md\n"


def test_out_writes_the_presentation_and_its_chart_beside(cli, tmp_path) -> None:
    out = tmp_path / "show.html"
    result = _present(cli, _cards(tmp_path / "cards", 5), "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Wrote the summary of 5 cards to {out}; chart: {tmp_path / 'show-chart.svg'}\n"
    assert 'class="slide' in out.read_text(encoding="utf-8")


def test_every_name_is_escaped_on_every_screen() -> None:
    cards = [parse_card(card(i), f"{i}.json") for i in range(1, 6)]
    hostile = Text("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")
    names = Names({"smartphone": hostile, "computer": Text("A & B", "A & B")}, {"day-without-big-data": hostile})
    for lang in ("en", "fr"):
        page = render(summarize(cards, 5), "html", lang, names=names, present=True)
        assert page.count("<script") == 1 and "<img" not in page and "onerror=alert(2)>" not in page
        assert ("&lt;script&gt;alert(1)&lt;/script&gt;" in page) is (lang == "en")
        assert ("&lt;img src=x onerror=alert(2)&gt;" in page) is (lang == "fr")
        assert "A &amp; B" in page


def test_several_challenges_follow_each_other_then_one_closing_screen(cli, tmp_path) -> None:
    folder = _cards(tmp_path / "cards", 5)
    for i in range(10, 15):
        (folder / f"{i}.json").write_text(json.dumps(card(i, challenge="cash-only-day")), encoding="utf-8")
    page = _present(cli, folder, "--per-challenge").stdout
    assert page.count("Who took part") == 2 and page.count("Where these figures come from") == 1
    covers = re.findall(r"<h1>(.*?)</h1>", page)
    assert sorted(covers) == ["A cash-only day", "A day without Big Data"]  # each challenge opens with its cover
    assert f"<title>Group summary — {', '.join(covers)}</title>" in page
