"""Looking at a page as a person would, and listing what they would see wrong.

``Looker.open`` loads one HTML text in a fresh browser context at a given size, on screen or as printed. The
page is served at an address of its own (``PAGE``); every other request is recorded and refused, so a page that
reaches for a font, a script or an image from elsewhere (or a file beside it) is caught, even one a
Content-Security-Policy would have blocked quietly. ``Look.problems`` then lists, in words: console errors and
page errors, those requests, a page wider than the window, text cut off by a box that hides its overflow or
ends it with an ellipsis, an element outside the page, a broken image and, in print, a dark background.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

PAGE = "http://footprint.invalid/page.html"  # .invalid never resolves: nothing can answer but the route
SCREEN = (1920, 1080)  # a projector, a desktop
A4 = (794, 1123)  # A4 in CSS pixels (210 × 297 mm at 96 px per inch)

# Runs in the page; returns one sentence per problem. SVG internals are left out: a chart is one image, whose
# own box is checked like any element (its labels are shortened by the chart writer on purpose).
_LAYOUT = r"""
(printed) => {
  const out = [];
  const width = window.innerWidth, doc = document.documentElement;
  const name = (el) => {
    const text = (el.innerText || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}> “${text}”`;
  };
  if (doc.scrollWidth > width) out.push(`horizontal overflow: the page is ${doc.scrollWidth} px wide in a ${width} px window`);
  const dark = (colour) => {
    const m = colour.match(/rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/);
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return false;
    return (0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3]) / 255 < 0.6;
  };
  for (const el of [document.body, ...document.body.querySelectorAll("*")]) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const hides = /hidden|clip|scroll|auto/.test(style.overflowX + " " + style.overflowY);
    if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      out.push(`text cut off: ${name(el)} holds ${el.scrollWidth}×${el.scrollHeight} px in ${el.clientWidth}×${el.clientHeight}`);
    if (style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth)
      out.push(`text cut off with an ellipsis: ${name(el)}`);
    const left = box.left + window.scrollX, right = box.right + window.scrollX, top = box.top + window.scrollY;
    if (left < -0.5 || right > width + 0.5 || top < -0.5)
      out.push(`off the page: ${name(el)} spans x ${Math.round(left)}–${Math.round(right)}, y ${Math.round(top)} (page ${width} px wide)`);
    if (el.tagName === "IMG" && el.complete && el.naturalWidth === 0) out.push(`broken image: ${name(el)}`);
    if (printed && dark(style.backgroundColor)) out.push(`dark background in print: ${name(el)} (${style.backgroundColor})`);
  }
  return out;
}
"""


def chromium_path() -> str:
    """``$FOOTPRINT_CHROMIUM``, else Debian's ``chromium`` on the PATH; a clear failure when there is none."""
    given = os.environ.get("FOOTPRINT_CHROMIUM")
    found = given or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not Path(found).exists():
        pytest.fail(
            "Chromium is missing: the browser tests need Debian's chromium package "
            "(apt-get install -y chromium, as .ci/run does) or FOOTPRINT_CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    return found


@dataclass
class Look:
    """One page as loaded, with what it said and asked for while loading."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    printed: bool = False

    def problems(self) -> list[str]:
        layout = self.page.evaluate(_LAYOUT, self.printed)
        return [*self.errors, *(f"request to {url}" for url in self.requests), *layout]

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


class Looker:
    """Opens pages in the session's browser, one at a time in a single tab (a new tab costs a second), and
    keeps their screenshots and PDFs in ``artefacts``."""

    def __init__(self, browser: Any, artefacts: Path) -> None:
        self.browser, self.artefacts = browser, artefacts
        self._page: Any = None
        self._look = Look(None)
        self._html = ""

    def _tab(self) -> Any:
        if self._page is None:
            page = self.browser.new_context(device_scale_factor=1).new_page()
            page.on("console", lambda m: self._look.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: self._look.errors.append(f"page error: {e}"))
            page.on("request", self._requested)
            page.route("**/*", self._serve)
            self._page = page
        return self._page

    def _requested(self, request: Any) -> None:
        if request.url != PAGE and not request.url.startswith("data:"):
            self._look.requests.append(request.url)

    def _serve(self, route: Any) -> None:
        if route.request.url == PAGE:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self._html)
        else:
            route.abort()

    def open(self, html: str, size: tuple[int, int] = SCREEN, printed: bool = False) -> Look:
        """``html`` loaded afresh in a window of ``size``, on screen or as printed."""
        page = self._tab()
        page.goto("about:blank")  # what the last page was still doing ends here, not in the next look
        self._html, self._look = html, Look(page, printed=printed)
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.emulate_media(media="print" if printed else "screen")
        page.goto(PAGE, wait_until="load")
        return self._look

    def screenshot(self, look: Look, name: str, full_page: bool = True) -> Path:
        path = self.artefacts / f"{name}.png"
        look.page.screenshot(path=str(path), full_page=full_page)
        return path

    def pdf_pages(self, look: Look, name: str) -> int:
        """Print the page to an A4 PDF (kept as ``name.pdf``) and count its pages."""
        path = self.artefacts / f"{name}.pdf"
        data = look.page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))

    def close(self) -> None:
        if self._page is not None:
            self._page.context.close()
            self._page = None
