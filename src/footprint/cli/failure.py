"""How a failure is worded on the command line: one short line, whatever Typer or the system raised.

Imported by the boundary only once something has failed, so ``footprint log`` never pays for it. Usage
errors come from Typer's bundled Click, whose classes are not public API: they are recognised by name and
by the attributes they carry (``ctx``, ``param``, ``option_name``, ``possibilities``), and anything not
recognised still becomes one tidy line.
"""

from __future__ import annotations

import ast
import errno
import re
import unicodedata
from typing import Any

from ..domain.text import did_you_mean
from ..errors import ExitCode
from ..i18n import N_, _

ECHO_LIMIT = 60  # how much of what the person typed a message repeats
MESSAGE_LIMIT = 400
# Invisible characters that would reorder or hide the rest of a terminal line.
_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` as one printable line of at most ``limit`` characters (``…`` marks a cut): newlines and
    tabs become spaces, other control characters, bytes that were not UTF-8 and bidi overrides ``?``."""
    out = []
    for ch in str(text):
        if ch in "\n\r\t\v\f\x85\u2028\u2029":
            out.append(" ")
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            out.append("?")
        else:
            out.append(ch)
    line = "".join(out)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def quoted(text: str) -> str:
    return f"'{one_line(text)}'"


def one_message(message: str) -> str:
    """A message made elsewhere, as one line: each long quoted part (what was typed) shortened."""
    line = one_line(message, MESSAGE_LIMIT * 4)
    line = re.sub(rf"'([^']{{{ECHO_LIMIT + 1},}})'", lambda m: quoted(m.group(1)), line)
    return one_line(line, MESSAGE_LIMIT)


def _kinds(exc: Exception) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def _help_hint(where: str | None) -> str:
    return _("; see '{command} --help'").format(command=where) if where else ""


def usage_message(exc: Exception) -> str:
    """One line for a Typer/Click usage error, with a "did you mean" where one is close, in the language
    spoken. Click's own English is read for what it carries (which option, which value), never shown."""
    ctx = getattr(exc, "ctx", None)
    # Some parser errors carry no context: then the line names no command and points at no help.
    where = one_line(ctx.command_path) if ctx is not None else None
    command, hint = where or "footprint", _help_hint(where)
    kinds = _kinds(exc)
    message = str(getattr(exc, "message", "") or exc)
    if "NoSuchOption" in kinds:
        return _unknown_option(exc, ctx, command, hint)
    if "MissingParameter" in kinds and getattr(exc, "param", None) is not None:
        param = exc.param  # type: ignore[attr-defined]
        if param.param_type_name == "option":
            return _("'{command}' needs a value for {option}").format(command=command, option=_param_name(param)) + hint
        return _("'{command}' needs the argument '{name}'").format(command=command, name=param.name) + hint
    if "BadParameter" in kinds:
        return _bad_value(exc, message)
    if "NoArgsIsHelpError" in kinds or message == "Missing command.":
        names = list(getattr(ctx.command, "commands", {})) if ctx is not None else []
        if names:
            return _("'{command}' needs a command ({names})").format(command=command, names=", ".join(names)) + hint
        return _("'{command}' needs a command").format(command=command) + hint
    if unknown := re.match(r"No such command (.+?)\.( Did you mean .*)?$", message, re.S):
        return _unknown_command(unknown.group(1), ctx, command, hint)
    if extra := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", message, re.S):
        value = one_line(extra.group(1))
        return _("unexpected argument '{value}' for '{command}'").format(value=value, command=command) + hint
    if needs := re.match(r"Option '(.+)' requires an argument\.$", message):
        return _("{option} needs a value").format(option=one_line(needs.group(1))) + hint
    if flag := re.match(r"Option '(.+)' does not take a value\.$", message):
        return _("{option} takes no value").format(option=one_line(flag.group(1))) + hint
    return one_message(_lower(message)) + hint  # a case Click added later: its words, still one line


def _lower(message: str) -> str:
    message = message.strip().rstrip(".")
    return message[:1].lower() + message[1:]


def _param_name(param: Any) -> str:
    if param.param_type_name == "option":
        long = [o for o in param.opts if o.startswith("--")]
        return (long or param.opts)[0]
    return str(param.name)


def _options_of(command: Any) -> list[str]:
    names: list[str] = []
    for param in getattr(command, "params", []):
        if param.param_type_name == "option":
            names += [*param.opts, *param.secondary_opts]
    return names


def _unknown_option(exc: Any, ctx: Any, command: str, hint: str) -> str:
    option = str(getattr(exc, "option_name", "") or "")
    known = _options_of(ctx.command) if ctx is not None else []
    # Stricter than Click's 0.6 for options: their shared "--" makes --count and --reason look like --json.
    suggestion = did_you_mean(option, getattr(exc, "possibilities", None) or known, cutoff=0.75, key=str)
    shown = one_line(option)
    if suggestion:
        return _("unknown option '{option}' for '{command}'").format(option=shown, command=command) + suggestion
    root = ctx.find_root() if ctx is not None else None
    name = option.split("=")[0]
    if root is not None and root is not ctx and name in _options_of(root.command):
        return _(
            "unknown option '{option}' for '{command}': {name} goes before the command, as in 'footprint {name} …'"
        ).format(option=shown, command=command, name=name)
    return _("unknown option '{option}' for '{command}'").format(option=shown, command=command) + hint


def _unknown_command(typed: str, ctx: Any, command: str, hint: str) -> str:
    try:
        name = str(ast.literal_eval(typed))  # Click quotes the name with repr()
    except (ValueError, SyntaxError):
        name = typed
    commands = list(getattr(ctx.command, "commands", {})) if ctx is not None else []
    if " " in command:
        head = _("unknown command '{name}' for '{command}'").format(name=one_line(name), command=command)
    else:
        head = _("unknown command '{name}'").format(name=one_line(name))
    return head + (did_you_mean(name, commands, key=str) or hint)


def _bad_value(exc: Any, message: str) -> str:
    param = getattr(exc, "param", None)
    if param is None:  # raised by a command itself: its message is already meant for the person
        return one_message(message)
    name = _param_name(param)
    if kind := re.match(r"(.*) is not a valid (int|integer|float)\.?$", message, re.S):
        value = one_line(_unrepr(kind.group(1)))
        if kind.group(2) == "float":
            return _("{option} needs a number, not '{value}'").format(option=name, value=value)
        return _("{option} needs a whole number, not '{value}'").format(option=name, value=value)
    return one_message(f"{name}: {_lower(message)}")


def _unrepr(text: str) -> str:
    try:
        return str(ast.literal_eval(text))
    except (ValueError, SyntaxError):
        return text


# What the system said, in the README's exit codes: the person's input, a missing file, or storage.
_INPUT_ERRNOS = {errno.ENAMETOOLONG, errno.EISDIR, errno.ENOTDIR, errno.EINVAL, errno.ELOOP, errno.EEXIST}
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


# The system's reasons, worded by footprint (strerror is the C library's, in its own language).
_REASONS = {
    errno.ENOSPC: N_("no space left on device"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.EFBIG: N_("file too large"),
    errno.EIO: N_("input/output error"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EROFS: N_("read-only file system"),
    errno.ENOENT: N_("no such file or directory"),
    errno.ENAMETOOLONG: N_("file name too long"),
    errno.EISDIR: N_("is a directory"),
    errno.ENOTDIR: N_("not a directory"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.EEXIST: N_("file exists"),
    errno.EINVAL: N_("invalid argument"),
    errno.EBUSY: N_("device or resource busy"),
}


def os_error(exc: OSError, output_broken: bool) -> tuple[str, ExitCode]:
    """One line and an exit code for an ``OSError`` that reached the boundary. ``output_broken``: stdout
    itself could not be written (``footprint day > /dev/full``); that is storage too (exit 4)."""
    known = _REASONS.get(exc.errno)  # type: ignore[arg-type]
    reason = _(known) if known else _lower(exc.strerror or type(exc).__name__)
    if output_broken and exc.filename is None:
        return _("cannot write the output: {reason}").format(reason=reason), ExitCode.STORAGE
    if exc.filename is None and exc.errno in _NO_ROOM | {errno.EIO}:  # the output, or a file being written
        return _("cannot write: {reason}").format(reason=reason), ExitCode.STORAGE
    code = (
        ExitCode.USAGE
        if exc.errno in _INPUT_ERRNOS
        else ExitCode.NOT_FOUND
        if exc.errno == errno.ENOENT
        else ExitCode.STORAGE
    )
    if exc.filename is None:
        return reason, code
    name = exc.filename if isinstance(exc.filename, str) else repr(exc.filename)
    path = one_line(name if len(name) <= ECHO_LIMIT else "…" + name[-(ECHO_LIMIT - 1) :])  # the end names the file
    if exc.errno in _NO_ROOM:
        return _("cannot write {path}: {reason}").format(path=path, reason=reason), code
    return _("{path}: {reason}").format(path=path, reason=reason), code
