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
    "by_collector": ("By collector", "Par collecteur"),
    "by_touchpoint": ("By touchpoint", "Par point de contact"),
    "passive_note": (
        "passive: {n} profile touchpoint(s) that capture whatever you do",
        "passive : {n} point(s) de contact du profil qui captent quoi que vous fassiez",
    ),
    "unknown_tps": (
        "not in the catalog any more (counted as 0): {ids}",
        "absents du catalogue (comptés 0) : {ids}",
    ),
    "closed_day": ("Closed {day}: marked as fully logged.", "Journée du {day} clôturée : tout est noté."),
    "reopened_day": ("Reopened {day}.", "Journée du {day} rouverte."),
    "edited": ("Edited #{id}: {what}", "Modifié n°{id} : {what}"),
    "removed": ("Removed {what}", "Supprimé {what}"),
    "undone": ("Undone: {what}", "Annulé : {what}"),
    "nothing_to_undo": ("Nothing to undo.", "Rien à annuler."),
    "profile.empty": (
        "The profile is empty. Add what you own or live with: footprint profile add smartphone computer bank-card "
        "health-card smart-meter",
        "Le profil est vide. Ajoutez ce que vous possédez : footprint profile add smartphone computer bank-card "
        "health-card smart-meter",
    ),
    "profile.added": ("Added to the profile: {what}", "Ajouté au profil : {what}"),
    "profile.removed": ("Removed from the profile: {what}", "Retiré du profil : {what}"),
    "per_use": ("per use", "par usage"),
    "per_day": ("per day while in the profile", "par jour tant qu'il est dans le profil"),
    "collectors": ("Collectors", "Collecteurs"),
    "kind.device": ("device", "appareil"),
    "kind.card": ("card", "carte"),
    "kind.meter": ("meter", "compteur"),
    "kind.service": ("service", "service"),
    "kind.social": ("social network", "réseau social"),
    "consent.opt-in": ("opt-in: you said yes", "opt-in : vous avez dit oui"),
    "consent.opt-out": ("opt-out: on unless you say no", "opt-out : actif sauf refus"),
    "consent.legal": ("legal: no choice given", "légal : pas de choix"),
    "colon": (": ", " : "),
    "reason.unavoidable": ("unavoidable", "inévitable"),
    "reason.chosen": ("chosen", "choisi"),
    "reason.forgot": ("forgot", "oubli"),
    # challenges
    "ch.take_it": ("Take it: footprint challenge start {id}", "Pour le relever : footprint challenge start {id}"),
    "ch.duration": ("Duration", "Durée"),
    "ch.starts_at": ("usually from {time}", "en général à partir de {time}"),
    "ch.forbidden": ("Forbidden", "Interdit"),
    "ch.allowed": ("Allowed anyway", "Autorisé malgré tout"),
    "ch.hints": ("Hints", "Conseils"),
    "ch.all_kinds": ("all {kind}s", "tous les {kind}s"),
    "ch.started": (
        "Started “{title}” (run #{id}): {start} → {end}.",
        "Défi « {title} » commencé (essai n°{id}) : {start} → {end}.",
    ),
    "ch.your_usual": (
        "Your usual touchpoints it forbids: {items}",
        "Vos points de contact habituels qu'il interdit : {items}",
    ),
    "ch.status_line": ("Run #{id} — {title} — {state}", "Essai n°{id} — {title} — {state}"),
    "ch.state.running": ("running, {left} left (ends {end})", "en cours, reste {left} (fin {end})"),
    "ch.state.upcoming": ("starts in {left} ({start})", "commence dans {left} ({start})"),
    "ch.state.finished": ("finished", "terminé"),
    "ch.state.abandoned": ("abandoned", "abandonné"),
    "ch.violations": ("Touched so far", "Touchés jusqu'ici"),
    "ch.touched": ("Touched", "Touchés"),
    "ch.none": ("none", "aucun"),
    "ch.still_avoidable": ("Still avoidable", "Encore évitables"),
    "ch.removed": ("Removed", "Supprimés"),
    "ch.unavoidable": ("Unavoidable", "Inévitables"),
    "ch.captures": (
        "Captures during the run: {run} (estimate)",
        "Captures pendant l'essai : {run} (estimation)",
    ),
    "ch.baseline": (
        "Your baseline, {days} closed day(s) just before, same hours: {baseline}",
        "Votre référence, {days} jour(s) clôturé(s) juste avant, mêmes heures : {baseline}",
    ),
    "ch.baseline_partial": (
        "Only {days} of {wanted} baseline day(s) were closed: the baseline is scaled from them.",
        "Seuls {days} des {wanted} jour(s) de référence sont clôturés : la référence en est extrapolée.",
    ),
    "ch.no_baseline": (
        "No baseline: close some days before a run (footprint close) to compare with.",
        "Pas de référence : clôturez des journées avant un essai (footprint close) pour comparer.",
    ),
    "ch.ended": ("Ended run #{id}: {headline}", "Essai n°{id} terminé : {headline}"),
    "ch.abandoned": ("Abandoned run #{id}: {headline}", "Essai n°{id} abandonné : {headline}"),
    "ch.no_runs": ("No runs yet: footprint challenge list", "Aucun essai : footprint challenge list"),
    "ch.card_written": ("Wrote the card for run #{id} to {path}", "Carte de l'essai n°{id} écrite dans {path}"),
    "ch.still_running": (
        "run #{id} is still going: end it first (footprint challenge end)",
        "l'essai n°{id} est en cours : terminez-le d'abord (footprint challenge end)",
    ),
    "chart.wrote": ("wrote {path}", "image écrite : {path}"),
    "ch.report_written": ("Wrote the report to {path}", "Rapport écrit dans {path}"),
    "streak.line": (
        "{current} closed day(s) in a row without {what} (since {since}); longest: {longest}{span}",
        "{current} jour(s) clôturé(s) d'affilée sans {what} (depuis le {since}) ; record : {longest}{span}",
    ),
    "streak.detail": (
        "Counted over {closed} closed day(s); {with_} of them with {what}. Days never closed break a streak.",
        "Calculé sur {closed} jour(s) clôturé(s), dont {with_} avec {what}. Un jour non clôturé interrompt la série.",
    ),
    "streak.none": (
        "No closed days yet: streaks count only days you closed (footprint close).",
        "Aucun jour clôturé : les séries ne comptent que les jours clôturés (footprint close).",
    ),
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
