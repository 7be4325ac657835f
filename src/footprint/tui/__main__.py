"""``python -m footprint.tui [--db PATH] [--lang en|fr]``: the TUI without the CLI (the bench runs it).

Errors before the app starts (bad settings, a damaged journal) are one ``footprint: …`` line on stderr
with the CLI's exit codes. The two options are read by hand: argparse would cost more than the rest of
this file's imports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import BadInput, FootprintError
from ..i18n import N_

USAGE = "usage: python -m footprint.tui [--db PATH] [--lang en|fr]"


def options(argv: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    args = iter(argv)
    for arg in args:
        name, _, value = arg.partition("=")
        if name not in ("--db", "--lang"):
            raise BadInput(N_("unknown option {option}; {usage}"), option=repr(arg)[:60], usage=USAGE)
        found[name[2:]] = value or next(args, "")
        if not found[name[2:]]:
            raise BadInput(N_("{option} needs a value; {usage}"), option=name, usage=USAGE)
    return found


def main(argv: list[str] | None = None) -> int:
    from . import run

    try:
        opts = options(sys.argv[1:] if argv is None else argv)
        return run(Path(opts["db"]) if "db" in opts else None, opts.get("lang"))
    except FootprintError as exc:
        print(f"footprint: {exc.message}", file=sys.stderr)
        return int(exc.exit_code)


if __name__ == "__main__":
    sys.exit(main())
