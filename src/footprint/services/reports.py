"""Writing a run's blog report, for both shells: the format from ``--format`` or the file's extension (checked
in one place), the verdict, the text, and the chart beside a Markdown post. Files are owner-only and written
whole or not at all."""

from __future__ import annotations

from pathlib import Path

from ..domain.journal import Run
from ..errors import BadInput
from ..i18n import N_
from . import Service

EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def report_format(fmt: str | None, out: Path | None) -> str:
    """``fmt``, else what ``out``'s extension says, else md. A format that contradicts the extension is refused
    (a file named post.md holding HTML would be published wrong), and so is an ``out`` that is a folder or,
    for md, a name that is not UTF-8."""
    if out is None:
        fmt = fmt or "md"
    elif not out.name or out.is_dir():
        raise BadInput(N_("--out {path} is a folder: give a file name"), path=out)
    elif fmt is None:
        fmt = EXTENSIONS.get(out.suffix.lower(), "md")
    elif EXTENSIONS.get(out.suffix.lower(), fmt) != fmt:
        raise BadInput(
            N_("--format {format} does not match --out {suffix}: give one or the other"), format=fmt, suffix=out.suffix
        )
    if fmt not in ("md", "html"):
        raise BadInput(N_("unknown report format “{format}”: use md or html"), format=fmt)
    try:
        if out is not None and fmt == "md":
            out.name.encode("utf-8")  # the post links to NAME-chart.svg, in UTF-8 text
    except UnicodeEncodeError:
        raise BadInput(N_("--out: a Markdown report's file name must be UTF-8 text (it links to its chart)")) from None
    return fmt


def challenge_report(
    svc: Service,
    run: Run,
    out: Path | None,
    fmt: str | None = None,
    lang: str | None = None,
    with_notes: bool = False,
    with_times: bool = False,
) -> str:
    """The report of ``run`` in ``lang`` (default: the interface's). With ``out``, it is written there (a
    Markdown post gets its chart beside it as ``NAME-chart.svg``); the text is returned either way."""
    from ..exporters import challenge_report as report
    from ..files import write_private
    from .challenges import verdict_of

    fmt = report_format(fmt, out)
    lang = lang or svc.settings.lang
    v = verdict_of(svc, run)
    chart_path = out.with_name(f"{out.stem}-chart.svg") if out is not None and fmt == "md" else None
    if fmt == "md":
        made = report.markdown(v, svc.catalog, lang, chart_path.name if chart_path else None, with_notes, with_times)
    else:
        made = report.html_page(v, svc.catalog, lang, with_notes, with_times)
    if out is not None:
        write_private(out, [made.text])
        if chart_path is not None:
            write_private(chart_path, [made.chart_svg])
    return made.text
