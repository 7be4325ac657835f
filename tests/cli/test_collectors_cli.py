"""``footprint collectors`` and ``footprint request``: who got the captures, the access-request letter, its
deadline, its answer; in English and in French; and nothing of the letter's personal details in the journal."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

TAKEOUT = Path(__file__).resolve().parents[1] / "fixtures" / "google-takeout" / "json"
NAME, STREET = "Camille Martinez", "12 rue des Lilas"


@pytest.fixture
def config(home: Path) -> Path:
    folder = home / "config"
    folder.mkdir(exist_ok=True)
    path = folder / "config.toml"
    path.write_text(
        f'[user]\nname = "{NAME}"\naddress = """\n{STREET}\n75011 Paris"""\n\n[collectors]\nbank = "caisse-epargne"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def week(cli):
    assert cli("profile", "add", "smartphone", "bank-card", "smart-meter", "--since", "-7d").exit_code == 0
    for args in (["bank-card", "--at", "-2d"], ["youtube", "facebook", "web-search"], ["bank-card"]):
        assert cli("log", *args).exit_code == 0


def test_collectors_ranks_who_received_captures(cli, week, config):
    result = cli("collectors")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("Who received your captures, 24 Oct 2026 → 22 Nov 2026 (estimate):")
    for name in (
        "Google (YouTube)",
        "Meta (Facebook, Instagram)",
        "your bank: Caisse d'Épargne",
        "card network (Visa, Mastercard, CB)",
        "electricity grid operator (Enedis): Enedis",
    ):
        assert name in out
    assert "from: Smart electricity meter (Linky)" in out
    data = json.loads(cli("collectors", "--json").stdout)
    by_id = {c["id"]: c for c in data["collectors"]}
    assert by_id["grid-operator"]["passive_share"] == 1.0 and by_id["bank"]["passive"] == 0
    assert by_id["bank"]["organisation"] == "caisse-epargne"
    assert by_id["bank"]["touchpoints"] == {"bank-card": pytest.approx(by_id["bank"]["captures"])}


def test_collectors_adds_up_to_the_day(cli, week, day_json):
    day = day_json()
    data = json.loads(cli("collectors", "--from", "today", "--to", "today", "--json").stdout)
    got = {c["id"]: c["captures"] for c in data["collectors"]}
    want = day["footprint"]["by_collector"]
    assert want and got == pytest.approx({k: round(v, 2) for k, v in want.items()})


def test_collectors_in_french(cli, week, config):
    result = cli("--lang", "fr", "collectors")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Qui a reçu vos captures, 24 oct. 2026 → 22 nov. 2026 (estimation)\u00a0:")
    assert "votre banque\u00a0: Caisse d'Épargne" in result.stdout
    assert "dont 100\u00a0% en passif" in result.stdout


def test_collectors_show_gives_controller_consent_and_export(cli):
    result = cli("collectors", "show", "google")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Controller: Google Ireland Limited" in out
    assert "Address: Gordon House, Barrow Street, Dublin 4, IRELAND" in out
    assert "Export: read by 'footprint import google-takeout'" in out
    assert "YouTube (posting and commenting): opt-in (you said yes)" in out
    fr = cli("--lang", "fr", "collectors", "show", "enedis")
    assert fr.exit_code == 0, fr.stderr
    assert "Responsable du traitement\u00a0: Enedis" in fr.stdout
    assert "obligation" in fr.stdout or "loi" in fr.stdout  # the meter's basis: the law
    data = json.loads(cli("collectors", "show", "bank", "--json").stdout)
    assert "caisse-epargne" in data["choices"] and data["controller"] is None


@pytest.mark.parametrize(
    ("args", "lang"), [(["collectors", "show", "gogle"], "en"), (["request", "new", "gogle"], "fr")]
)
def test_unknown_collector_says_did_you_mean(cli, args, lang):
    result = cli("--lang", lang, *args)
    assert result.exit_code == 3
    assert result.stdout == ""
    want = {"en": "unknown collector 'gogle' (did you mean: google?)", "fr": "collecteur inconnu «\u00a0gogle\u00a0»"}[lang]
    assert result.stderr.startswith("footprint: ") and want in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_french_letter_to_google(cli, config, home):
    out = home / "lettre.txt"
    result = cli("--lang", "fr", "request", "new", "google", "--out", str(out), "--channel", "post")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Lettre écrite dans {out}.\n")
    assert "Demande n°\u00a01 à Google (YouTube) enregistrée, envoyée le 22 nov. 2026 par courrier\u00a0: " in result.stdout
    assert "la réponse est attendue au plus tard le 22 déc. 2026." in result.stdout
    text = out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert text.startswith(f"{NAME}\n{STREET}\n75011 Paris\n\nGoogle Ireland Limited\nGordon House\n")
    assert "IRLANDE" in text and "Le 22 novembre 2026" in text
    assert "Objet\u00a0: demande d'accès à mes données personnelles (article 15 du RGPD)" in text
    assert "Madame, Monsieur," in text and "Je vous prie d'agréer, Madame, Monsieur," in text
    assert "L'article 12, paragraphe 3, du RGPD" in text and "au plus tard le 22 décembre 2026" in text
    assert "prolongé de deux mois" in text and "lisible par machine" in text
    assert "Lettre recommandée avec accusé de réception" in text
    assert text.rstrip().endswith(NAME)


def test_english_letter_without_user_details_leaves_placeholders(cli, home):
    result = cli("request", "new", "bank", "--draft", "--format", "text")
    assert result.exit_code == 0
    assert "[Your first and last name]" in result.stdout
    assert "[Postal address of the controller" in result.stdout
    assert "Article 15 of Regulation (EU) 2016/679" in result.stdout and "Article 12(3) GDPR" in result.stdout
    assert "by 22 December 2026 at the latest" in result.stdout
    assert "footprint: Note: your name or address is not in" in result.stderr
    assert "footprint: Note: name yours in " in result.stderr and "[collectors] bank = …" in result.stderr
    assert "Recorded" not in result.stderr  # a draft records nothing
    assert cli("request", "list").stdout.startswith("No access requests yet")


def test_html_letter_escapes_and_is_owner_only(cli, home):
    (home / "config").mkdir(exist_ok=True)
    (home / "config" / "config.toml").write_text('[user]\nname = "<b>Zoé</b>"\naddress = "1 rue X"\n', encoding="utf-8")
    out = home / "letter.html"
    assert cli("request", "new", "meta", "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;Zoé&lt;/b&gt;" in page and "<b>Zoé" not in page
    assert "Meta Platforms Ireland Limited" in page and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_request_list_due_in_one_month_then_overdue(cli, config, monkeypatch):
    assert cli("request", "new", "google", "--draft").exit_code == 0
    result = cli("request", "new", "google", "--sent", "yesterday")
    assert result.exit_code == 0
    listed = cli("request", "list")
    assert "due 21 Dec 2026 — due in 29 days" in listed.stdout and "open" in listed.stdout
    data = json.loads(cli("request", "list", "--json").stdout)
    assert data[-1]["due"] == "2026-12-21" and data[-1]["status"] == "open"
    monkeypatch.setenv("FOOTPRINT_NOW", "2026-12-25T10:00:00+01:00")
    late = cli("request", "list")
    assert "overdue" in late.stdout and "overdue by 4 days" in late.stdout
    fr = cli("--lang", "fr", "request", "list")
    assert "en retard de 4\u00a0jours" in fr.stdout and "échéance le 21 déc. 2026" in fr.stdout


def test_extended_adds_two_months_and_undo_reverts(cli, config):
    assert cli("request", "new", "enedis", "--sent", "2026-11-01").exit_code == 0
    rid = json.loads(cli("request", "list", "--json").stdout)[0]["id"]
    result = cli("request", "extended", str(rid))
    assert result.exit_code == 0 and result.stdout == f"Request #{rid} is now due 1 Feb 2027.\n"
    again = cli("request", "extended", str(rid))
    assert again.exit_code == 2 and "already extended" in again.stderr
    assert cli("undo").stdout.startswith("Undone: extending request")
    assert json.loads(cli("request", "list", "--json").stdout)[0]["due"] == "2026-12-01"
    letter = cli("request", "new", "enedis", "--lang", "fr", "--sent", "2026-11-01", "--draft").stdout
    assert "Le 1er novembre 2026" in letter and "au plus tard le 1er décembre 2026" in letter
    assert cli("undo").exit_code == 0
    assert json.loads(cli("request", "list", "--json").stdout) == []


def test_answered_with_takeout_imports_and_closes(cli, config):
    assert cli("request", "new", "google", "--sent", "2026-11-02").exit_code == 0
    result = cli("request", "answered", "1", "--file", str(TAKEOUT))
    assert result.exit_code == 0, result.stderr
    assert "Imported from google-takeout" in result.stdout and "Request #1 answered 22 Nov 2026." in result.stdout
    row = json.loads(cli("request", "list", "--json").stdout)[0]
    assert row["status"] == "answered" and row["answered_in_time"] is True
    assert row["import"]["source"] == "google-takeout" and row["import"]["touches"] > 0
    shown = cli("--lang", "fr", "collectors", "show", "google").stdout
    assert "n°\u00a01 envoyée le 2 nov. 2026 par e-mail, répondue le 22 nov. 2026" in shown


def test_answered_with_a_refused_file_stays_open(cli, config, home):
    assert cli("request", "new", "google").exit_code == 0
    bad = home / "notes.txt"
    bad.write_text("not an export\n", encoding="utf-8")
    for lang, want in (("en", "request #1 stays open: "), ("fr", "la demande n°\u00a01 reste ouverte\u00a0: ")):
        result = cli("--lang", lang, "request", "answered", "1", "--file", str(bad))
        assert result.exit_code == 5, result.stderr
        assert result.stdout == "" and result.stderr.startswith("footprint: " + want)
    assert json.loads(cli("request", "list", "--json").stdout)[0]["status"] == "open"


def test_a_sending_day_in_the_future_is_refused(cli, config):
    for lang, want in (("en", "is in the future"), ("fr", "n'est pas encore arrivé")):
        result = cli("--lang", lang, "request", "new", "google", "--sent", "2026-11-30")
        assert result.exit_code == 2 and want in result.stderr and result.stdout == ""
    assert json.loads(cli("request", "list", "--json").stdout) == []


def test_unknown_request_and_channel(cli):
    missing = cli("request", "extended", "9")
    assert missing.exit_code == 3 and "no request #9" in missing.stderr
    bad = cli("request", "new", "google", "--channel", "pigeon")
    assert bad.exit_code == 2 and "unknown channel 'pigeon'" in bad.stderr


def test_no_name_or_address_reaches_the_journal(cli, config, db_path):
    assert cli("request", "new", "google", "--out", str(db_path.parent / "l.txt")).exit_code == 0
    assert cli("request", "answered", "1").exit_code == 0
    assert cli("request", "new", "bank", "--channel", "post", "--out", str(db_path.parent / "l2.html")).exit_code == 0
    for path in db_path.parent.glob("journal.db*"):
        data = path.read_bytes()
        for secret in (NAME, STREET, "Lilas", "75011"):
            assert secret.encode() not in data, (path.name, secret)


def test_config_names_who_plays_a_role_and_checks_it(cli, home, week):
    assert cli("collectors", "--json").exit_code == 0
    set_ = cli("config", "set", "collectors.bank", "caisse-epargne")
    assert set_.exit_code == 0 and set_.stderr == ""
    assert '[collectors]\nbank = "caisse-epargne"' in (home / "config" / "config.toml").read_text(encoding="utf-8")
    shown = cli("config")
    assert "collectors.bank" in shown.stdout and "caisse-epargne" in shown.stdout
    by_id = {c["id"]: c for c in json.loads(cli("collectors", "--json").stdout)["collectors"]}
    assert by_id["bank"]["organisation"] == "caisse-epargne"
    for args, name in ((["collectors.bank", "caise-epargne"], "caise-epargne"), (["collectors.bnak", "lcl"], "bnak")):
        wrong = cli("config", "set", *args)
        assert wrong.exit_code == 2 and wrong.stdout == ""
        assert wrong.stderr.startswith(f"footprint: unknown collector '{name}' (did you mean")
    assert 'bank = "caisse-epargne"' in (home / "config" / "config.toml").read_text(encoding="utf-8")  # kept


def test_a_letter_to_an_organisation_without_a_known_controller_goes_to_its_officer(cli, config, home):
    out = home / "letter.txt"
    result = cli("--lang", "fr", "request", "new", "bank", "--draft", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Caisse d'Épargne\nDélégué à la protection des données\n" in out.read_text(encoding="utf-8")
