"""The Textual shell: ``make_app`` builds the app (for the CLI, the tests and the benches), ``run`` runs it.

Importing this package costs nothing: Textual is imported inside ``make_app``, so a CLI that registers a
``tui`` command pays for it only when the command runs. The journal is opened here, before the terminal is
taken over, so a damaged or locked journal is reported by the caller as a one-line error.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..services import Service
    from .app import FootprintApp


def make_app(
    db: Path | None = None,
    lang: str | None = None,
    env: Mapping[str, str] | None = None,
    service: Service | None = None,
) -> FootprintApp:
    """The app on the journal that ``db`` / ``FOOTPRINT_DB`` / the data folder names (or on ``service``).

    Raises ``FootprintError`` (bad settings, a journal that cannot be opened) before anything is drawn.
    """
    from ..services import Service
    from ..settings import resolve
    from .app import FootprintApp

    svc = service or Service(resolve(db=db, lang=lang, env=env))
    svc.journal  # noqa: B018  open (and migrate) now: errors belong to the caller, not to a half-drawn screen
    return FootprintApp(svc)


def run(db: Path | None = None, lang: str | None = None) -> int:
    """Run the TUI in this terminal until the person quits; returns the app's return code."""
    app = make_app(db, lang)
    try:
        app.run()
    finally:
        app.svc.close()
    return app.return_code or 0
