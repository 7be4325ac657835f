"""Folding: one way for every importer."""

from __future__ import annotations

import unicodedata

from footprint.importers.toolkit import fold, header_key, key, spaces, squash, unaccent, unmojibake


def test_folding() -> None:
    assert fold("Carte Vitale") == "carte-vitale"
    assert squash("Mon activité") == squash(unicodedata.normalize("NFD", "Mon_Activité")) == "monactivite"
    assert key("Google Play Store’s") == key("google play store's")
    assert header_key(' \ufeff"Libellé  opération" ') == "libelle operation"
    assert unaccent("Février") == "Fevrier"
    assert spaces("8:41\u202fAM\u00a0CET ") == "8:41 AM CET"


def test_mojibake_is_repaired_only_when_it_is_mojibake() -> None:
    assert unmojibake("Caf\u00c3\u00a9") == "Café"
    assert unmojibake("Café") == "Café"
    assert unmojibake("plain") == "plain"
