"""The TUI's shared words as msgids of the one catalogue (``footprint.i18n``): the five screens' names and the
key descriptions that appear in more than one place (the footer, the keys screen, the palette, a button).
A binding's description is a msgid marked with ``N_`` and translated when the app or screen is made
(``bindings.localize``). The words of a day, an entry and the journal's changes are ``present/day.py``'s,
shared with the CLI.
"""

from __future__ import annotations

from ..i18n import N_, _

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
