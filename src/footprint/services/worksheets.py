"""The paper side of a workshop as use cases: a challenge's printable worksheet and its typing template
(``footprint group sheet`` and ``footprint group template``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..domain.worksheet import sheet_touchpoints
from ..errors import NotFound
from ..i18n import N_

if TYPE_CHECKING:
    from ..domain.catalog import Touchpoint
    from ..domain.challenge import Challenge
    from . import Service

TEMPLATE_FORMATS = ("csv",)


class Paper(NamedTuple):
    """A document for a challenge's workshop, and what it lists."""

    text: str
    challenge: Challenge
    touchpoints: tuple[Touchpoint, ...]


def _sheet_of(svc: Service, cid: str) -> tuple[Challenge, tuple[Touchpoint, ...]]:
    from .challenges import get_challenge

    challenge = get_challenge(svc, cid)
    return challenge, sheet_touchpoints(challenge, svc.catalog)


def worksheet(svc: Service, cid: str, lang: str) -> Paper:
    """The A4 worksheet of challenge ``cid`` as one self-contained HTML page in ``lang``."""
    from ..exporters.worksheet import sheet_html

    challenge, tps = _sheet_of(svc, cid)
    return Paper(sheet_html(challenge, tps, lang), challenge, tps)


def template(svc: Service, cid: str, fmt: str, lang: str) -> Paper:
    """The columns to type the worksheets of ``cid`` into, as ``fmt`` (CSV only)."""
    from ..domain.text import did_you_mean
    from ..exporters.worksheet import template_csv

    if fmt not in TEMPLATE_FORMATS:
        raise NotFound(
            N_("unknown format “{format}”{hint}; use one of {formats}"),
            format=fmt,
            hint=did_you_mean(fmt, TEMPLATE_FORMATS),
            formats=", ".join(TEMPLATE_FORMATS),
        )
    challenge, tps = _sheet_of(svc, cid)
    return Paper(template_csv(challenge, tps, lang), challenge, tps)
