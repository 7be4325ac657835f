"""The TUI's shared words as msgids of the one catalogue (``footprint.i18n``): the five screens' names and the
key descriptions that appear in more than one place (the footer, the keys screen, the palette, a button).
A binding's description is a msgid marked with ``N_`` and translated when the app or screen is made
(``bindings.localize``). The words of a day, an entry and the journal's changes are ``present/day.py``'s,
shared with the CLI.
"""

from __future__ import annotations

from ..i18n import N_, _
from ..i18n_legacy import register

SCREENS = {
    "today": N_("Today"),
    "journal": N_("Journal"),
    "challenge": N_("Challenge"),
    "charts": N_("Charts"),
    "profile": N_("Profile"),
}

KEYS = N_("Keys")
UNDO = N_("Undo")
THEME = N_("Light or dark theme")
QUIT = N_("Quit")
CLOSE_DAY = N_("Close day")
REOPEN_DAY = N_("Reopen day")
SAVE = N_("Save")
CANCEL = N_("Cancel")
YES = N_("Yes")
NO = N_("No")
DONE = N_("Done")
SKIP = N_("Skip")

# Textual's own bindings, translated like ours when a screen is made (the keys screen lists them).
TEXTUAL = (N_("Focus Next"), N_("Focus Previous"), N_("Copy selected text"))


def screen_name(mode: str) -> str:
    """``Aujourd'hui``, ``Journal``… in the interface's language."""
    return _(SCREENS[mode])


def button(word: str, key: str) -> str:
    """A button's words with its key: ``Enregistrer (ctrl+s)``."""
    return _("{action} ({key})").format(action=_(word), key=key)


# LEGACY: the challenge and charts screens' words, until those screens speak msgids (their owner converts
# them); nothing else may use these keys.
register(
    {
        "tui.key.start": ("Start", "Commencer"),
        "tui.key.end": ("End", "Terminer"),
        "tui.key.abandon": ("Abandon", "Abandonner"),
        "tui.key.report": ("Write report", "Écrire le récit"),
        "tui.key.week": ("Week", "Semaine"),
        "tui.key.month": ("Month", "Mois"),
        "tui.key.year": ("Year", "Année"),
        "tui.key.all": ("Everything", "Tout"),
        "tui.key.score": ("Next score", "Score suivant"),
        "tui.cmd.start": ("Start “{title}”", "Commencer « {title} »"),
        "tui.cmd.start_help": ("Start this challenge now", "Commencer ce défi maintenant"),
        # challenge
        "tui.ch.pick": ("Enter starts one", "Entrée pour commencer"),
        "tui.ch.running": ("running", "en cours"),
        "tui.ch.left": ("{left} left, ends {end}", "reste {left}, fin {end}"),
        "tui.ch.upcoming": ("starts in {left} ({start})", "commence dans {left} ({start})"),
        "tui.ch.last_run": ("Last run", "Dernier essai"),
        "tui.ch.confirm_start": ("Start “{title}” now?", "Commencer « {title} » maintenant ?"),
        "tui.ch.confirm_abandon": (
            "Abandon run #{id}? Its verdict stays, marked abandoned.",
            "Abandonner l'essai n°{id} ? Son verdict reste, marqué abandonné.",
        ),
        "tui.ch.confirm_end": ("End run #{id} now?", "Terminer l'essai n°{id} maintenant ?"),
        "tui.ch.report_ask": (
            "Write the report of run #{id} to (.md or .html; notes and exact times left out):",
            "Écrire le récit de l'essai n°{id} dans (.md ou .html ; sans notes ni heures exactes) :",
        ),
        "tui.ch.report_kind": (
            "the file name must end in .md or .html",
            "le nom du fichier doit finir par .md ou .html",
        ),
        "tui.ch.no_runs": ("No run yet.", "Aucun essai pour l'instant."),
        # charts
        "tui.charts.range.week": ("last 7 days", "7 derniers jours"),
        "tui.charts.range.month": ("last 30 days", "30 derniers jours"),
        "tui.charts.range.year": ("last 12 months", "12 derniers mois"),
        "tui.charts.range.all": ("everything", "tout"),
        "tui.charts.title": (
            "{range}, {first} to {last} · score: {metric}",
            "{range}, du {first} au {last} · score : {metric}",
        ),
        "tui.charts.no_score": ("none", "aucun"),
        "tui.charts.unavailable": (
            "Charts are not available in this version of footprint.",
            "Les graphiques ne sont pas disponibles dans cette version de footprint.",
        ),
    }
)
