"""What every footprint SVG shares: the palette, the font, escaping, coordinates, and text measured with an
estimate (there are no font metrics here) so titles wrap onto more lines instead of being cut."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from html import escape

from ..i18n import pgettext

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")  # Okabe–Ito
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
INK, MUTED, AXIS, GRID = "#1a1a1a", "#555555", "#8c8c8c", "#e6e6e6"

_CHAR = 0.6  # average advance of a sans-serif character, in font sizes (an estimate: no metrics here)
_BOLD = 0.66
# Characters XML 1.0 cannot carry, and lone surrogates (which cannot be written as UTF-8).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def label(name: str, value: str) -> str:
    """ "name: value" with the language's colon (« nom : valeur »)."""
    return pgettext("label", "{label}: {text}").format(label=name, text=value)


def text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def c(x: float) -> str:
    """A coordinate, without trailing zeros."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def width(value: str, size: float, bold: bool = False) -> float:
    return len(value) * size * (_BOLD if bold else _CHAR)


def cut(value: str, room: float, size: float) -> str:
    fits = max(1, int(room / (size * _CHAR)))
    return value if len(value) <= fits else value[: max(1, fits - 1)].rstrip() + "…"


def wrap(value: str, room: float, size: float, bold: bool = False) -> list[str]:
    """``value`` in as many lines as it needs to fit ``room`` (words are never split unless one alone is
    wider than the room)."""
    lines: list[str] = []
    line = ""
    for word in value.split(" "):  # only plain spaces: a no-break space (« barre : ») keeps its words together
        candidate = f"{line} {word}" if line else word
        if line and width(candidate, size, bold) > room:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    fits = max(1, int(room / (size * (_BOLD if bold else _CHAR))))
    return [part for ln in lines for part in ([ln[i : i + fits] for i in range(0, len(ln), fits)] or [""])]


def usable(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def title_block(title: str, x: float, y: float, room: float, size: float) -> tuple[list[str], float]:
    """The title's lines (wrapped, never cut) from baseline ``y``, and the y under them."""
    out = []
    for i, line in enumerate(wrap(title, room, size, bold=True)):
        baseline = y + size + i * size * 1.25
        out.append(f'<text x="{c(x)}" y="{c(baseline)}" font-size="{size}" font-weight="bold">{text(line)}</text>')
    return out, y + size + (len(out) - 1) * size * 1.25


def document(title: str, w: float, h: float, body: Sequence[str], size: float, defs: str = "") -> str:
    """A standalone SVG: its own white background, the title as its accessible name."""
    w, h = math.ceil(w), math.ceil(h)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">'
        f"<title>{text(title)}</title>" + (f"<defs>{defs}</defs>" if defs else "")
        + f'<rect width="100%" height="100%" fill="#ffffff"/>'
        f'<g font-family="{FONT}" font-size="{size}" fill="{INK}">' + "".join(body) + "</g></svg>\n"
    )
