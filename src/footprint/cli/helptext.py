"""``--help`` in the language spoken: the help of every command and option is a msgid, and so are the
words Typer and Click print around it (« Utilisation : », « Commandes », « Afficher ce message et quitter. »).

The help texts themselves are the Typer declarations' (``help=``, docstrings); ``tools/catalogue.py``
extracts them by walking the command tree, so a new command's help is in the catalogue without a mark.
They are translated here, at the moment a help page is drawn, by wrapping Typer's renderer: nothing of
this runs, nor is Rich imported, unless ``--help`` was asked for (``footprint log`` pays nothing).

Typer's bundled Click and its Rich renderer are not public API: what is replaced here is named by the
attributes they have in Typer 0.28 (module constants of ``typer.rich_utils``, ``rich_format_help``,
``Context.formatter_class``). Without Rich (``TYPER_USE_RICH=0``) the help is drawn by plain Click: the
help texts are still translated, its headings stay English.
"""

from copy import copy
from typing import Any

from ..i18n import N_, _

# What Typer's renderer prints around the help texts, by the name of its constant.
HEADINGS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "DEPRECATED_STRING": N_("(deprecated) "),
    "ENVVAR_STRING": N_("[env var: {}]"),
}
USAGE = N_("Usage: ")
HELP_OPTION = N_("Show this message and exit.")
OPTIONS_METAVAR = N_("[OPTIONS]")
COMMAND_METAVAR = N_("COMMAND [ARGS]...")
# How an option's value is named in the help, by its type (``--days <int>``).
TYPES = {"str": N_("<text>"), "int": N_("<integer>"), "float": N_("<number>"), "path": N_("<path>")}

_ENGLISH = set(TYPES.values()) | {OPTIONS_METAVAR, COMMAND_METAVAR, HELP_OPTION}


def install() -> None:
    """Draw every help page from now on in the language spoken when it is drawn."""
    from typer import rich_utils

    if getattr(rich_utils.rich_format_help, "_footprint", False):
        return
    original = rich_utils.rich_format_help

    def localized(*, obj: Any, ctx: Any, markup_mode: Any) -> None:
        localize(obj, ctx)
        return original(obj=obj, ctx=ctx, markup_mode=markup_mode)

    localized._footprint = True  # type: ignore[attr-defined]
    rich_utils.rich_format_help = localized


def localize(command: Any, ctx: Any) -> None:
    """Put ``command``'s help (and its subcommands' one-line help) in the current language."""
    from typer import rich_utils
    from typer._click.formatting import HelpFormatter

    for name, msgid in HEADINGS.items():
        setattr(rich_utils, name, _(msgid))

    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, _(USAGE) if prefix is None else prefix)

    ctx.formatter_class = Formatter
    _texts(command)
    if getattr(command, "options_metavar", None):
        command.options_metavar = _(OPTIONS_METAVAR)
    if getattr(command, "subcommand_metavar", None) in (COMMAND_METAVAR, _(COMMAND_METAVAR)):
        command.subcommand_metavar = _(COMMAND_METAVAR)
    for sub in getattr(command, "commands", {}).values():
        _texts(sub)
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        help_option.help = _(HELP_OPTION)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
        kind = getattr(param.type, "name", "")
        if kind not in TYPES:
            continue
        if param.param_type_name == "option" and param.metavar in (None, *_ENGLISH):
            param.metavar = _(TYPES[kind])
        elif param.param_type_name == "argument":
            # The renderer names an argument's type by ``type.name``: this page gets its own copy, worded.
            param.type = copy(param.type)
            param.type.name = _(TYPES[kind]).strip("<>")


def _texts(command: Any) -> None:
    for attr in ("help", "short_help", "epilog"):
        text = getattr(command, attr, None)
        if text:
            setattr(command, attr, _(text))


def texts_of(command: Any) -> list[str]:
    """Every help text of ``command`` and of the commands below it (what the catalogue extracts)."""
    found = [getattr(command, a, None) for a in ("help", "short_help", "epilog")]
    found += [getattr(p, "help", None) for p in command.params]
    for sub in getattr(command, "commands", {}).values():
        found += texts_of(sub)
    return [text for text in found if text]


def tree() -> Any:
    """The whole command tree, as Click objects (for the catalogue and the tests)."""
    import typer

    from . import build

    return typer.main.get_command(build())
