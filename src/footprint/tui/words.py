"""The TUI's own words in English and French, registered with ``footprint.i18n`` under ``tui.`` keys.

Catalog labels, challenge texts and the CLI's shared messages (``logged``, ``day.closed``…) come from
their own places; the services' error messages are shown as they are.
"""

from __future__ import annotations

from ..i18n_legacy import register

WORDS: dict[str, tuple[str, str]] = {
    # screens
    "tui.go.today": ("Today", "Aujourd'hui"),
    "tui.go.journal": ("Journal", "Journal"),
    "tui.go.challenge": ("Challenge", "Défi"),
    "tui.go.charts": ("Charts", "Graphiques"),
    "tui.go.profile": ("Profile", "Profil"),
    # keys (footer, keys screen, palette)
    "tui.key.keys": ("Keys", "Touches"),
    "tui.key.palette": ("Commands", "Commandes"),
    "tui.key.undo": ("Undo", "Annuler"),
    "tui.key.theme": ("Light or dark theme", "Thème clair ou sombre"),
    "tui.key.quit": ("Quit", "Quitter"),
    "tui.key.close": ("Close", "Fermer"),
    "tui.key.close_day": ("Close day", "Clôturer"),
    "tui.key.reopen_day": ("Reopen day", "Rouvrir"),
    "tui.key.note": ("Note, reason", "Note, raison"),
    "tui.key.details": ("Log with details", "Détails"),
    "tui.key.edit": ("Edit", "Modifier"),
    "tui.key.remove": ("Delete", "Supprimer"),
    "tui.key.save": ("Save", "Enregistrer"),
    "tui.key.cancel": ("Cancel", "Annuler"),
    "tui.key.yes": ("Yes", "Oui"),
    "tui.key.no": ("No", "Non"),
    "tui.key.done": ("Done", "Terminé"),
    "tui.key.skip": ("Skip", "Passer"),
    "tui.key.day_group": ("Day", "Jour"),
    "tui.key.week_group": ("Week", "Semaine"),
    "tui.key.prev_day": ("Previous day", "Jour précédent"),
    "tui.key.next_day": ("Next day", "Jour suivant"),
    "tui.key.prev_week": ("Previous week", "Semaine précédente"),
    "tui.key.next_week": ("Next week", "Semaine suivante"),
    "tui.key.today": ("Back to today", "Revenir à aujourd'hui"),
    "tui.key.filter": ("Filter", "Filtrer"),
    "tui.key.start": ("Start", "Commencer"),
    "tui.key.end": ("End", "Terminer"),
    "tui.key.abandon": ("Abandon", "Abandonner"),
    "tui.key.report": ("Write report", "Écrire le récit"),
    "tui.key.week": ("Week", "Semaine"),
    "tui.key.month": ("Month", "Mois"),
    "tui.key.year": ("Year", "Année"),
    "tui.key.all": ("Everything", "Tout"),
    "tui.key.score": ("Next score", "Score suivant"),
    "tui.key.toggle": ("Add or remove", "Ajouter ou retirer"),
    "tui.key.state": ("Change state", "Changer d'état"),
    "tui.key.search": ("Search", "Chercher"),
    # palette
    "tui.cmd.log": ("Log {what}", "Noter {what}"),
    "tui.cmd.log_help": ("Log one touch now", "Noter un contact maintenant"),
    "tui.cmd.go": ("Go to {screen}", "Aller à {screen}"),
    "tui.cmd.on_screen": ("{screen} screen", "écran {screen}"),
    "tui.cmd.go_help": ("Show this screen", "Afficher cet écran"),
    "tui.cmd.undo_help": ("Undo the last change to the journal", "Annuler la dernière modification du journal"),
    "tui.cmd.keys_help": ("Show every key", "Afficher toutes les touches"),
    "tui.cmd.theme_help": ("Switch between the light and dark themes", "Passer du thème clair au sombre"),
    "tui.cmd.themes": ("Choose a theme…", "Choisir un thème…"),
    "tui.cmd.themes_help": ("Pick one of Textual's themes", "Choisir parmi les thèmes de Textual"),
    "tui.cmd.quit_help": ("Leave footprint", "Quitter footprint"),
    "tui.cmd.start": ("Start “{title}”", "Commencer « {title} »"),
    "tui.cmd.start_help": ("Start this challenge now", "Commencer ce défi maintenant"),
    # keys screen
    "tui.keys.title": ("Keys", "Touches"),
    "tui.keys.here": ("On this screen", "Sur cet écran"),
    "tui.keys.everywhere": ("Everywhere", "Partout"),
    "tui.keys.tab": ("Move between the parts of the screen", "Passer d'une partie de l'écran à l'autre"),
    "tui.keys.close_hint": ("Esc or ? closes this", "Échap ou ? pour fermer"),
    "tui.help.letters": (
        "a letter shown on a tile: log one touch of it now (or click the tile)",
        "la lettre d'une tuile : noter un contact maintenant (ou cliquer la tuile)",
    ),
    "tui.help.shift": (
        "Shift+letter: log it with details (count, minutes, time, note, reason)",
        "Maj+lettre : le noter en détail (nombre, minutes, heure, note, raison)",
    ),
    "tui.help.digits": (
        "digits first: how many touches, e.g. 3 then s logs three",
        "des chiffres d'abord : combien de contacts, par ex. 3 puis s en note trois",
    ),
    # today
    "tui.today.hint": (
        "letter: log a touch · Shift+letter: details · digits first: how many · ? keys",
        "lettre : noter · Maj+lettre : détails · chiffres d'abord : combien · ? touches",
    ),
    "tui.today.prefix": (
        "×{n}: now press a touchpoint's letter (Esc cancels)",
        "×{n} : tapez maintenant la lettre d'un point de contact (Échap annule)",
    ),
    "tui.today.empty_profile": (
        "Your profile is empty: press F5 to add what you own or live with.",
        "Votre profil est vide : F5 pour ajouter ce que vous possédez ou côtoyez.",
    ),
    "tui.passive_tile": ("passive", "passif"),
    "tui.run_banner": ("Challenge running: {title}, {left} left (F3)", "Défi en cours : {title}, reste {left} (F3)"),
    "tui.col.time": ("time", "heure"),
    "tui.col.touchpoint": ("touchpoint", "point de contact"),
    "tui.col.details": ("details", "détails"),
    "tui.busy": (
        "The journal is busy (another program is writing): your touch is kept and saved as soon as it is free.",
        "Le journal est occupé (un autre programme écrit) : votre contact est gardé et enregistré dès qu'il est libre.",
    ),
    "tui.internal": (
        "Something went wrong ({what}); the journal is intact. Please report it.",
        "Un problème est survenu ({what}) ; le journal est intact. Merci de le signaler.",
    ),
    # entry form
    "tui.form.log_title": ("Log a touch", "Noter un contact"),
    "tui.form.edit_title": ("Edit entry #{id}", "Modifier l'entrée n°{id}"),
    "tui.form.touchpoint": ("Touchpoint", "Point de contact"),
    "tui.form.count": ("Count", "Nombre"),
    "tui.form.minutes": ("Minutes", "Minutes"),
    "tui.form.at": ("When", "Quand"),
    "tui.form.at_hint": (
        "now · 08:10 · yesterday 18:00 · 2026-11-20 08:10",
        "maintenant · 08:10 · hier 18h · 20/11/2026",
    ),
    "tui.form.minutes_hint": ("optional: time spent, 0 to 1440", "facultatif : durée, de 0 à 1440"),
    "tui.form.note": ("Note", "Note"),
    "tui.form.reason": ("Reason", "Raison"),
    "tui.form.no_reason": ("none", "aucune"),
    "tui.form.not_integer": ("'{value}' is not a valid integer", "« {value} » n'est pas un nombre entier"),
    "tui.form.not_number": ("'{value}' is not a valid number", "« {value} » n'est pas un nombre"),
    "tui.form.nothing": ("Nothing changed.", "Rien n'a changé."),
    # journal
    "tui.journal.week": ("Week {week}: {first} to {last}", "Semaine {week} : du {first} au {last}"),
    "tui.journal.only": ("only {what} (f to change)", "seulement {what} (f pour changer)"),
    "tui.journal.filter_ask": (
        "Show only one touchpoint (name or alias; empty shows them all):",
        "N'afficher qu'un point de contact (nom ou alias ; vide pour tous) :",
    ),
    "tui.journal.not_logged": ("not logged", "non noté"),
    "tui.journal.future": ("That day has not happened yet.", "Ce jour n'est pas encore arrivé."),
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
    "tui.ch.report_kind": ("the file name must end in .md or .html", "le nom du fichier doit finir par .md ou .html"),
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
    # profile
    "tui.profile.search": (
        "Search the catalog: name, alias or kind",
        "Chercher dans le catalogue : nom, alias ou type",
    ),
    "tui.profile.col.in": ("in", "pris"),
    "tui.profile.col.state": ("state", "état"),
    "tui.profile.col.per_day": ("per day", "par jour"),
    "tui.profile.add_first": ("Add {what} to the profile first (Enter).", "Ajoutez d'abord {what} au profil (Entrée)."),
    "tui.profile.state_set": ("{what}: {state} from today", "{what} : {state} à partir d'aujourd'hui"),
    "tui.profile.no_states": ("{what} has no states to choose from", "{what} n'a pas d'états au choix"),
    "tui.profile.estimate": ("estimate", "estimation"),
    # first run
    "tui.first.title": ("Welcome to footprint", "Bienvenue dans footprint"),
    "tui.first.ask": (
        "Which connected objects and services do you live with? Space ticks or unticks, Enter saves; "
        "you can change it any time in the Profile (F5).",
        "Avec quels objets connectés et services vivez-vous ? Espace coche ou décoche, Entrée enregistre ; "
        "vous pourrez changer cela dans le Profil (F5).",
    ),
    "tui.first.suggested": ("suggested", "suggéré"),
}

register(WORDS)
