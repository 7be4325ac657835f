"""LEGACY key tables, being moved into the gettext catalogue (footprint.i18n); deleted once empty.

``t(key, lang, **values)`` formats one message; a missing French text falls back to English.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (English, French)
    "active": ("active", "active"),
    "passive": ("passive", "passive"),
    "total": ("total", "total"),
    "captures": ("captures", "captures"),
    "profile.empty": (
        "The profile is empty. Add what you own or live with: footprint profile add smartphone computer bank-card "
        "health-card smart-meter",
        "Le profil est vide. Ajoutez ce que vous possédez : footprint profile add smartphone computer bank-card "
        "health-card smart-meter",
    ),
    "profile.added": ("Added to the profile: {what}", "Ajouté au profil : {what}"),
    "profile.removed": ("Removed from the profile: {what}", "Retiré du profil : {what}"),
    "profile.since": ("since {day}", "depuis le {day}"),
    "profile.per_day": ("{n} captures/day, passive", "{n} captures/jour, passives"),
    "exported": ("Exported the journal to {path}", "Journal exporté vers {path}"),
    "imported": (
        "Imported {added} new entries from {path} ({skipped} already there)",
        "{added} nouvelles entrées importées depuis {path} ({skipped} déjà présentes)",
    ),
    "dry_run": ("Dry run: nothing was written.", "Essai à blanc : rien n'a été écrit."),
    "catalog.estimate": ("estimate", "estimation"),
    "per_use": ("per use", "par usage"),
    "per_minute": ("per minute", "par minute"),
    "per_day": ("per day while in the profile", "par jour tant qu'il est dans le profil"),
    "collectors": ("Collectors", "Collecteurs"),
    "consent": ("Consent", "Consentement"),
    "alternatives": ("Alternatives", "Alternatives"),
    "aliases": ("Aliases", "Alias"),
    "states": ("States", "États"),
    "kind.device": ("device", "appareil"),
    "kind.card": ("card", "carte"),
    "kind.meter": ("meter", "compteur"),
    "kind.service": ("service", "service"),
    "kind.social": ("social network", "réseau social"),
    "mode.active": ("active: captures when used", "actif : capte quand on s'en sert"),
    "mode.passive": ("passive: captures while present", "passif : capte par sa simple présence"),
    "consent.opt-in": ("opt-in: you said yes", "opt-in : vous avez dit oui"),
    "consent.opt-out": ("opt-out: on unless you say no", "opt-out : actif sauf refus"),
    "consent.legal": ("legal: no choice given", "légal : pas de choix"),
    "colon": (": ", " : "),
    "reason.unavoidable": ("unavoidable", "inévitable"),
    "reason.chosen": ("chosen", "choisi"),
    "reason.forgot": ("forgot", "oubli"),
    "imp.span": (" from {first} to {last}", " du {first} au {last}"),
    "imp.dry": (
        "Dry run: {n} touches read{span}; nothing was written.",
        "Essai à blanc : {n} contacts lus{span} ; rien n'a été écrit.",
    ),
    "imp.done": (
        "Imported {source}: {n} touches{span} — {added} new entries, {updated} updated",
        "Importé depuis {source} : {n} contacts{span} — {added} nouvelles entrées, {updated} mises à jour",
    ),
    "imp.nothing_new": (", nothing new", ", rien de nouveau"),
    "imp.outside": (
        "({n} touches outside --since/--until left out)",
        "({n} contacts hors de --since/--until laissés de côté)",
    ),
    "imp.profile": ("profile", "profil"),
    "imp.skipped": ("skipped {n} × {kind} (first at {where})", "ignoré {n} × {kind} (d'abord à {where})"),
    "score.added": ("{metric} on {day}: {value}", "{metric} le {day} : {value}"),
    "score.imported": (
        "Imported {n} values ({bad} bad rows skipped)",
        "{n} valeurs importées ({bad} lignes incorrectes ignorées)",
    ),
    "score.line": ("{file}: line {line}: {what}", "{file} : ligne {line} : {what}"),
    "score.more": ("… and {n} more bad rows", "… et {n} autres lignes incorrectes"),
    "score.removed": ("Removed {n} value(s) of {metric}", "{n} valeur(s) de {metric} supprimée(s)"),
    "estimate": ("estimate", "estimation"),
    "brk.removed": ("Removed break #{id}", "Pause n°{id} supprimée"),
    "demo.try": ("Try: {command}", "Essayez : {command}"),
}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Let a module that owns a surface (group summaries, reports) bring its own words."""
    for key in messages:
        if key in MESSAGES and MESSAGES[key] != messages[key]:
            raise ValueError(f"message key {key!r} defined twice")
    MESSAGES.update(messages)


def t(key: str, lang: str, **values: object) -> str:
    en, fr = MESSAGES.get(key, (key, key))
    text = fr if lang == "fr" and fr else en
    return text.format(**values) if values else text
