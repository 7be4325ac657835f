"""The user's preferences file, ``config.toml`` in footprint's config folder: reading it (checked, every
mistake named with the file and its line or key) and changing one key in it (owner-only, written whole or
not at all, the rest of the file kept as it was: comments, order, tables footprint does not know).

The keys::

    language = "fr"                   # en or fr
    journal = "/home/camille/journal.db"
    theme = "dark"                    # light, dark or a Textual theme name (the TUI's ctrl+t writes it)
    first_run = "skipped"             # done or skipped: the TUI's first-run checklist is not shown again

    [user]                            # who you are, for the letters footprint writes for you
    name = "Camille Martin"
    address = \"\"\"12 rue des Lilas
    75011 Paris\"\"\"

    [collectors]                      # who plays a role for you (footprint collectors show bank)
    bank = "caisse-epargne"
    search-engine = "google"

Kept light on purpose (it is on ``footprint log``'s path): a missing file costs one ``stat``; ``tomllib``
is imported only when there is a file to read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from .errors import DataFileError
from .files import open_regular, private_dirs, write_private
from .i18n import N_, _
from .settings import CONFIG_FILE as FILE_NAME

KEYS = ("language", "journal", "theme", "first_run", "user.name", "user.address")
FIRST_RUN = ("done", "skipped")
COLLECTORS = "collectors."  # a key of [collectors]: collectors.bank = "caisse-epargne"
_MAX_BYTES = 1 << 20  # a preferences file is a few lines: anything bigger is not one


def is_key(key: str) -> bool:
    """One of ``KEYS``, or a role of ``[collectors]`` (``collectors.bank``)."""
    return key in KEYS or (key.startswith(COLLECTORS) and len(key) > len(COLLECTORS) and "." not in key[11:])


def file_in(folder: Path) -> Path:
    return Path(folder) / FILE_NAME


def read(folder: Path) -> dict[str, str]:
    """The preferences set in ``folder``'s file, as ``{"language": "fr", "user.name": …}``; ``{}`` when
    there is no file. Keys footprint does not know are left alone (a newer footprint may have written them).

    Raises ``DataFileError`` naming the file and the line (not TOML) or the key (a wrong value)."""
    path = file_in(folder)
    try:
        os.stat(path)
    except OSError:
        return {}
    data = parse(path, _text(path))
    return _checked(path, data)


def present(folder: Path) -> set[str]:
    """The keys of ``KEYS`` the file sets, whatever their values (so a wrong one can still be removed)."""
    path = file_in(folder)
    if not path.exists():
        return set()
    data = parse(path, _text(path))
    user = data.get("user") if isinstance(data.get("user"), dict) else {}
    roles = data.get("collectors") if isinstance(data.get("collectors"), dict) else {}
    found = {key for key in KEYS if key.rpartition(".")[2] in (user if "." in key else data)}
    return found | {COLLECTORS + role for role in roles}


def _text(path: Path) -> str:
    with open_regular(path) as f:
        raw = f.read(_MAX_BYTES + 1)
    if len(raw) > _MAX_BYTES:
        raise DataFileError(N_("{path}: too big for a preferences file"), path=path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(N_("{path}: not UTF-8 text"), path=path) from None


def parse(path: Path, text: str) -> dict[str, Any]:
    """The TOML document ``text`` read from ``path``; a mistake is named with its line."""
    import tomllib  # only when there is a file: ~2 ms footprint log need not pay for nothing

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else max(1, text.count("\n") + 1)
        raise DataFileError(
            N_("{path}, line {line}: this is not valid TOML (fix that line, or remove the file)"), path=path, line=line
        ) from None


def _checked(path: Path, data: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    user = data.get("user", {})
    if not isinstance(user, dict):
        raise DataFileError(N_("{path}: user must be a table ([user] with name and address)"), path=path)
    for key in KEYS:
        table, _dot, name = key.rpartition(".")
        value = (user if table else data).get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise DataFileError(N_("{path}: {key} must be text in quotes"), path=path, key=key)
        out[key] = value
    roles = data.get("collectors", {})
    if not isinstance(roles, dict):
        raise DataFileError(N_("{file}: [collectors] must be a table of role = \"collector id\""), file=path)
    for role, pick in roles.items():
        if not isinstance(pick, str) or not pick.strip():
            raise DataFileError(N_("{path}: {key} must be text in quotes"), path=path, key=COLLECTORS + role)
        out[COLLECTORS + role] = pick.strip()
    _check_choices(path, out)
    return out


def _check_choices(path: Path, values: dict[str, str]) -> None:
    from .i18n import languages

    if "language" in values and values["language"] not in languages():
        raise DataFileError(
            N_("{path}: language must be one of {choices}, not '{value}'"),
            path=path,
            choices=", ".join(languages()),
            value=values["language"][:40],
        )
    if "first_run" in values and values["first_run"] not in FIRST_RUN:
        raise DataFileError(
            N_("{path}: first_run must be done or skipped, not '{value}'"), path=path, value=values["first_run"][:40]
        )


# --- changing one key ------------------------------------------------------------------------------------


def write(folder: Path, key: str, value: str | None) -> Path:
    """Set ``key`` (one of ``KEYS``, already checked) to ``value``, or remove it (``None``), keeping the
    rest of the file as it is. The file and its folder are made owner-only."""
    path = file_in(folder)
    exists = path.exists()
    if exists:
        text = _text(path)
    else:
        text = _("# footprint's preferences: footprint config shows them, the README says more.") + "\n"
    before = parse(path, text) if exists else {}
    expected = _changed(before, key, value)
    after = _edited(text, key, value)
    if after is None or _parsed_or_none(path, after) != expected:
        raise DataFileError(
            N_("{path}: footprint cannot change {key} without touching the rest of the file: edit it by hand"),
            path=path,
            key=key,
        )
    private_dirs(path.parent)
    write_private(path, [after])
    return path


def _parsed_or_none(path: Path, text: str) -> dict[str, Any] | None:
    try:
        return parse(path, text)
    except DataFileError:  # the edit broke the layout (a dotted key, an inline table): leave the file alone
        return None


def _changed(data: dict[str, Any], key: str, value: str | None) -> dict[str, Any]:
    table, _dot, name = key.rpartition(".")
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in data.items()}
    where = out.setdefault(table, {}) if table else out
    if value is None:
        where.pop(name, None)
    else:
        where[name] = value
    return out


_HEADER = re.compile(r"\s*\[")


def _edited(text: str, key: str, value: str | None) -> str | None:
    """``text`` with ``key``'s line(s) replaced, removed or added; None when the file's layout is one this
    line editor does not follow (the caller then checks the result against a full parse anyway)."""
    table, _dot, name = key.rpartition(".")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    first, end = _region(lines, table)
    new = [f"{name} = {_quoted(value)}\n"] if value is not None else []
    pattern = re.compile(rf"\s*(?:{re.escape(name)}|\"{re.escape(name)}\"|'{re.escape(name)}')\s*=")
    for i in range(first, end):
        if pattern.match(lines[i]):
            stop = _value_end(lines, i, end)
            if stop is None:
                return None
            return "".join(lines[:i] + new + lines[stop:])
    if value is None:
        return text
    if first == end == len(lines) and table and not _has_header(lines, table):
        return "".join(lines) + ("\n" if lines else "") + f"[{table}]\n" + new[0]
    last = end
    while last > first and not lines[last - 1].strip():
        last -= 1  # after the region's last line, before the blank lines that end it
    return "".join(lines[:last] + new + lines[last:])


def _has_header(lines: list[str], table: str) -> bool:
    return any(re.fullmatch(rf"\s*\[\s*{re.escape(table)}\s*\]\s*(#.*)?", line.rstrip("\n")) for line in lines)


def _region(lines: list[str], table: str) -> tuple[int, int]:
    """The lines of the top level (``table`` empty) or of ``[table]``: (first, end); (n, n) when absent."""
    if not table:
        end = next((i for i, line in enumerate(lines) if _HEADER.match(line)), len(lines))
        return 0, end
    for i, line in enumerate(lines):
        if re.fullmatch(rf"\s*\[\s*{re.escape(table)}\s*\]\s*(#.*)?", line.rstrip("\n")):
            end = next((j for j in range(i + 1, len(lines)) if _HEADER.match(lines[j])), len(lines))
            return i + 1, end
    return len(lines), len(lines)


def _value_end(lines: list[str], start: int, end: int) -> int | None:
    """The line after the value that starts at ``start`` (a value may span lines: a multi-line string)."""
    import tomllib

    for stop in range(start + 1, end + 1):
        try:
            tomllib.loads("".join(lines[start:stop]))
            return stop
        except tomllib.TOMLDecodeError:
            continue
    return None


def _quoted(value: str) -> str:
    """A TOML string: a multi-line basic string for text with line breaks (an address), else a basic one."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
    if "\n" in value:
        return '"""\n' + escaped.replace("\r\n", "\n") + '"""'
    return '"' + escaped.replace("\t", "\\t") + '"'
