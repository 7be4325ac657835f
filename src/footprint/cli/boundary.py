"""The command line's one error boundary: whatever goes wrong, the person sees ONE stderr line
``footprint: …`` and a documented exit code (README), never a traceback or a box.

What it catches, in order: footprint's own errors (``FootprintError``); Typer's usage errors, from the
global options (``make_context``) down to any subgroup's arguments (they surface in ``invoke``); the
system's (a full disk, an unwritable file, a closed pipe, Ctrl-C). Anything else is a bug: one line that
points at ``--debug``. Before a command runs, its parsed values are checked once for what no command can
take (text that is not UTF-8, integers beyond 64 bits, a FIFO or a device for a file), so each command
need not.

Light on purpose, as it is on ``footprint log``'s path: the wording of usage and system errors lives in
``failure.py``, imported only once something has failed.
"""

import functools
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from ..errors import BadInput, ExitCode, FootprintError
from ..i18n import N_, _
from . import state

INT_LIMIT = 2**63 - 1  # what SQLite stores; no count, id or size of footprint comes near it


class Boundary(TyperGroup):
    """The root group of the app, full or built for one command (``build(only)``): the same boundary."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _guard_tree(self)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        # A file name that is not UTF-8 must never turn printing into a crash: show it escaped.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass  # not a text stream we can change (closed, or a test's stand-in)
        argv = sys.argv[1:] if args is None else list(args)
        _speak_early(argv)
        if any(a.startswith(("--install-completion", "--show-completion")) for a in argv):
            from .completion import localize

            localize(self)
        if "-h" in argv or "--help" in argv:  # only then is the help's own wording loaded
            from .helptext import install

            install()
        return super().main(args, *rest, **extra)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except typer.TyperException as exc:  # a bad global option: no command has started yet
            _fail_usage(exc)

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
            if sys.stdout is not None:  # None when footprint was started with stdout closed
                sys.stdout.flush()  # a full disk behind stdout shows here, while we can still say so
            return result
        except FootprintError as exc:
            if state.debug(ctx):
                raise
            _say(exc.message)
            raise typer.Exit(int(exc.exit_code)) from None
        except typer.TyperException as exc:  # a usage error, whichever (sub)command's arguments it was in
            _fail_usage(exc)
        except BrokenPipeError:
            # The reader went away (``footprint list | head``): stop quietly, as other tools do.
            _silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None
        except KeyboardInterrupt:
            _say(_("interrupted"))
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except OSError as exc:  # the system refused: a full disk, no permission, a name too long
            if state.debug(ctx):
                raise
            from .failure import os_error

            output_broken = _silence_stdout()
            message, code = os_error(exc, output_broken)
            _say(message, tidy=False)
            raise typer.Exit(int(code)) from None
        except Exception as exc:
            if state.debug(ctx):
                raise
            # Not the user's doing: say so without dumping data, and point at --debug.
            _say(_("internal error ({kind}); run again with --debug").format(kind=type(exc).__name__), tidy=False)
            raise typer.Exit(int(ExitCode.FAILURE)) from None
        finally:
            state.close(ctx)


def _say(message: str, tidy: bool = True) -> None:
    """The one error line. Messages may quote what the person typed: ``tidy`` keeps them to one short line."""
    if tidy:
        from .failure import one_message

        message = one_message(message)
    try:
        typer.echo(f"footprint: {message}", err=True)
    except (OSError, ValueError):
        pass  # stderr itself is gone: the exit code is all that is left to say it


def _fail_usage(exc: Exception) -> NoReturn:
    from .failure import usage_message

    _say(usage_message(exc), tidy=False)
    raise typer.Exit(int(ExitCode.USAGE)) from None


def _silence_stdout() -> bool:
    """Whether stdout could not take what was written; if so, point it at the null device so that
    Python's own flush at exit does not fail again with a second, multi-line complaint."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        return False
    except (OSError, ValueError):
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass  # not a real file (a test's stand-in): nothing will be flushed at exit anyway
        return True


def _speak_early(argv: list[str]) -> None:
    """The language, before anything is parsed: ``--help`` and usage errors are worded in it too. A bad
    ``--lang`` is left for the option itself to refuse."""
    option = None
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and i + 1 < len(argv):
            option = argv[i + 1]
        elif token.startswith("--lang="):
            option = token.split("=", 1)[1]
    try:
        state.speak(option)
    except FootprintError:
        state.speak(None)


def _guard_tree(command: Any) -> None:
    """Wrap the callback of ``command`` and of every command below it with ``_checked``."""
    for sub in getattr(command, "commands", {}).values():
        _guard_tree(sub)
    if command.callback is not None and not getattr(command.callback, "_footprint_checked", False):
        command.callback = _checked(command, command.callback)


def _checked(command: Any, callback: Callable[..., Any]) -> Callable[..., Any]:
    params = {p.name: p for p in command.params}

    @functools.wraps(callback)
    def run(*args: Any, **values: Any) -> Any:
        for name, value in values.items():
            for item in value if isinstance(value, (list, tuple)) else (value,):
                _check_value(params.get(name), item)
        return callback(*args, **values)

    run._footprint_checked = True  # type: ignore[attr-defined]
    return run


def _check_value(param: Any, value: Any) -> None:
    """Refuse, as bad input, values no command can use: every later step may then take them as given."""
    is_path = isinstance(value, PurePath) or getattr(getattr(param, "type", None), "name", "") == "path"
    if is_path and isinstance(value, (str, PurePath)) and _special(value):
        # Reading a FIFO waits for a writer forever; writing "to" one (or to /dev/null) would replace it.
        raise BadInput(
            N_("{name}: {value} is not a regular file (a FIFO, a device or a socket)"), name=_name(param), value=value
        )
    if is_path:
        return  # a file name need not be UTF-8: the system takes its bytes back as they came
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # bytes from the shell that are not UTF-8 (Python keeps them as surrogates)
            raise BadInput(N_("{name}: not valid text (it has bytes that are not UTF-8)"), name=_name(param)) from None
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT_LIMIT:
        from ..l10n import integer

        if value > 0:
            raise BadInput(
                N_("{name}: the number is too large (at most {limit})"), name=_name(param), limit=integer(INT_LIMIT)
            )
        raise BadInput(
            N_("{name}: the number is too small (at least {limit})"), name=_name(param), limit=integer(-INT_LIMIT)
        )


def _special(path: "str | PurePath") -> bool:
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False  # missing or unreadable: the command says so in its own words
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


def _name(param: Any) -> str:
    """The parameter as its help shows it: ``--count`` for an option, ``entry_id`` for an argument."""
    if param is None:
        return _("a value")
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if getattr(param, "param_type_name", "") == "option" and (opts or param.opts):
        return (opts or param.opts)[0]
    return str(param.name)
