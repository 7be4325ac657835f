"""Shell completion: what a tab press offers for touchpoints (ids and aliases), challenges and import sources.

Each callback runs once per tab press, in a fresh process, so each is cheap: touchpoints come from the
validated catalog's cache (no TOML parsed once it is warm, no journal opened), challenges from the names
of their files, import sources from the importers' names. A callback never fails: whatever goes wrong (a
broken catalog file, an unreadable folder) offers nothing rather than a traceback in the middle of the
person's command line.

Only this module's functions are referenced where commands are declared; everything they need is imported
when a tab is pressed, so ``footprint log`` pays nothing for completion.
"""

from typing import Any

Offer = list[tuple[str, str]]  # (what is inserted, what zsh and fish show beside it)


def _settings(ctx: Any) -> Any:
    """The settings of the command line being completed: ``--lang`` as typed, the environment otherwise."""
    from ..i18n import use
    from ..settings import resolve

    root = ctx.find_root()
    lang = root.params.get("lang") if root.params else None
    try:
        settings = resolve(lang=lang)
    except Exception:  # a --lang being typed, or a bad variable: the environment's language, then English
        settings = resolve()
    use(settings.lang)
    return settings


def _safely(offer: Any) -> Any:
    def guarded(ctx: Any, incomplete: str) -> Offer:
        try:
            return offer(ctx, incomplete or "")
        except Exception:  # noqa: BLE001 — a tab press must never end in a traceback
            return []

    guarded.__name__ = offer.__name__
    guarded.__doc__ = offer.__doc__
    return guarded


def _prefixed(names: dict[str, str], incomplete: str) -> Offer:
    typed = incomplete.lower()
    return [(name, help_) for name, help_ in names.items() if name.lower().startswith(typed)]


@_safely
def touchpoints(ctx: Any, incomplete: str) -> Offer:
    """Touchpoint ids and aliases, each with the touchpoint's name in the language spoken."""
    from ..services import load_catalog

    settings = _settings(ctx)
    catalog = load_catalog(settings.config_dir, settings.cache_dir)
    names: dict[str, str] = {}
    for tp in catalog.touchpoints:
        label = tp.label.get(settings.lang)
        names.setdefault(tp.id, label)
        for alias in tp.aliases:
            names.setdefault(alias, label)
    return _prefixed(names, incomplete)


@_safely
def challenges(ctx: Any, incomplete: str) -> Offer:
    """Challenge ids: the names of the shipped and the user's challenge files (none is parsed)."""
    from ..resources import shipped_dir
    from ..services import toml_files

    settings = _settings(ctx)
    names: dict[str, str] = {}
    for folder in (shipped_dir("challenges"), settings.config_dir / "challenges"):
        for path in toml_files(folder):
            names[path.stem] = ""
    return _prefixed(dict(sorted(names.items())), incomplete)


@_safely
def import_sources(ctx: Any, incomplete: str) -> Offer:
    """What ``footprint import`` takes first: a source's name, ``detect`` or ``sources``."""
    from ..i18n import _
    from ..importers import IMPORTERS

    _settings(ctx)
    names = {imp.name: _(imp.description) for imp in IMPORTERS}
    names |= {"detect": _("name the source of a file"), "sources": _("list the sources")}
    return _prefixed(names, incomplete)


# --- --install-completion and --show-completion, in the language spoken ------------------------------

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell(value: Any) -> str:
    """The shell named (``--install-completion zsh`` where detection is off) or the one running footprint;
    one line and exit 2 when it is none footprint can complete in."""
    import sys

    from typer._completion_shared import _get_shell_name

    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in SHELLS:
        from ..i18n import _

        said = _("cannot tell which shell this is") if shell is None else _("no completion for the shell {shell}")
        message = _("{problem}: use bash, zsh, fish or PowerShell").format(problem=said.format(shell=shell))
        print(f"footprint: {message}", file=sys.stderr)
        sys.exit(2)
    return shell


def _install(ctx: Any, param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    import sys

    from typer._completion_shared import install

    from ..i18n import _

    shell, path = install(shell=_shell(value), prog_name=ctx.find_root().info_name)
    print(_("Completion for {shell} installed in {path}: it works in the terminals you open from now on.").format(
        shell=shell, path=path
    ))
    sys.exit(0)


def _show(ctx: Any, param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    import sys

    from typer._completion_shared import get_completion_script

    prog = ctx.find_root().info_name
    complete_var = "_{}_COMPLETE".format(prog.replace("-", "_").upper())
    print(get_completion_script(prog_name=prog, complete_var=complete_var, shell=_shell(value)))
    sys.exit(0)


def localize(command: Any) -> None:
    """Typer's ``--install-completion`` and ``--show-completion`` speak English and end an unknown shell
    with a line of their own: these say it in the language spoken, in footprint's one-line way."""
    for param in command.params:
        if param.name == "install_completion":
            param.callback = _install
        elif param.name == "show_completion":
            param.callback = _show
