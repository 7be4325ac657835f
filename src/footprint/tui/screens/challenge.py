"""The challenge screen: pick a challenge and start it (Enter); while it runs, a countdown to the second,
what was touched so far, what is still avoidable and what is unavoidable, with the captures against the
person's baseline; end (e) or abandon (a) it; then the verdict, and r writes the blog report (Markdown with
its chart beside it, or one HTML page; notes and exact times left out, as the CLI does by default).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.challenge import Challenge
from ...domain.journal import Run
from ...domain.verdict import Verdict, headline
from ...errors import BadInput
from ...i18n_legacy import t
from ...services import challenges
from ...settings import home_path
from ..text import countdown, duration, labels, n
from .base import BaseScreen

STAMP = "%Y-%m-%d %H:%M"


class ChallengeScreen(BaseScreen):
    CSS_PATH = "screens.tcss"

    MODE = "challenge"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "tui.key.start"),
        Binding("e", "end", "tui.key.end"),
        Binding("a", "abandon", "tui.key.abandon"),
        Binding("r", "report", "tui.key.report"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.challenges: list[Challenge] = []
        self.runs: list[Run] = []
        self.run: Run | None = None  # the active run, if any
        self.verdict: Verdict | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="pick"):
            yield OptionList(id="challenge-list")
            with VerticalScroll(id="challenge-detail", can_focus=False):
                yield Static("", id="detail", markup=False)
        with VerticalScroll(id="run-view", can_focus=False):
            yield Static("", id="run-title", markup=False)
            yield Static("", id="countdown", markup=False)
            yield Static("", id="run-body", markup=False)
        yield Static("", id="last-run", markup=False)

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    # --- reading ---------------------------------------------------------------------------------------

    def load(self) -> None:
        svc, lang = self.svc, self.lang
        if not self.challenges:
            self.challenges = challenges.all_challenges(svc)
            options = self.query_one(OptionList)
            options.border_title = t("tui.ch.pick", lang)
            options.clear_options()
            options.add_options(
                Option(f"{c.title.get(lang)} · {duration(c.duration, lang)}", id=c.id) for c in self.challenges
            )
            if self.challenges:
                options.highlighted = 0
        self.runs = challenges.runs(svc)
        active = [r for r in self.runs if r.status == "active"]
        self.run = active[0] if active else None
        shown = self.run or (self.runs[-1] if self.runs else None)
        self.verdict = challenges.verdict_of(svc, shown) if shown is not None else None
        self.query_one("#pick").display = self.run is None
        self.query_one("#run-view").display = self.run is not None
        if self.run is not None:
            self._show_run()
        else:
            self._show_detail()
        self._show_last_run()
        self.refresh_bindings()

    def _selected(self) -> Challenge | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.challenges:
            return None
        return self.challenges[options.highlighted]

    def _show_detail(self) -> None:
        c = self._selected()
        if c is None:
            return
        svc, lang = self.svc, self.lang
        catalog = svc.catalog
        forbidden = [t("ch.all_kinds", lang, kind=t("kind." + k, lang)) for k in c.forbid_kinds]
        forbidden += [tp.label.get(lang) for i in c.forbid_touchpoints if (tp := catalog.get(i))]
        usual = [tp.id for _, tp in svc.profile() if tp is not None and c.forbids(tp)]
        text = Text()
        text.append(c.title.get(lang) + "\n", style="bold")
        text.append(c.description.get(lang) + "\n\n")
        start = f", {t('ch.starts_at', lang, time=c.starts_at.strftime('%H:%M'))}" if c.starts_at else ""
        text.append(f"{t('ch.duration', lang)}: {duration(c.duration, lang)}{start}\n")
        text.append(f"{t('ch.forbidden', lang)}: {', '.join(forbidden)}\n")
        if c.allow:
            text.append(f"{t('ch.allowed', lang)}: {labels(catalog, c.allow, lang)}\n")
        if usual:
            text.append(t("ch.your_usual", lang, items=labels(catalog, usual, lang)) + "\n", style="bold")
        if c.hints:
            text.append(f"\n{t('ch.hints', lang)}:\n")
            for h in c.hints:
                text.append(f"  - {labels(catalog, [h.touchpoint], lang)}: {h.text.get(lang)}\n")
        text.append("\n" + c.invite.get(lang) + "\n", style="italic")
        self.query_one("#detail", Static).update(text)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_run(self) -> None:
        run, v, lang = self.run, self.verdict, self.lang
        if run is None or v is None:
            return
        title = t("ch.status_line", lang, id=run.id, title=v.challenge.title.get(lang), state=t("tui.ch.running", lang))
        self.query_one("#run-title", Static).update(Text(title, style="bold"))
        self._tick()
        self.query_one("#run-body", Static).update(self._verdict_text(v, running=True))

    def _tick(self) -> None:
        """Every second: the countdown; when the time is up, the run is over and the verdict is shown."""
        run = self.run
        if run is None or not self.is_current:
            return
        now = self.svc.settings.now()
        if now >= run.planned_end:
            self.reload()
            return
        lang = self.lang
        if now < run.start:
            text = t("tui.ch.upcoming", lang, left=countdown(run.start - now, lang), start=run.start.strftime(STAMP))
        else:
            text = t(
                "tui.ch.left", lang, left=countdown(run.planned_end - now, lang), end=run.planned_end.strftime(STAMP)
            )
        self.query_one("#countdown", Static).update(text)

    def _verdict_text(self, v: Verdict, running: bool) -> Text:
        """What the CLI's status and verdict print, as one block (the person's own notes included: this is
        their screen)."""
        svc, lang = self.svc, self.lang
        catalog = svc.catalog
        colon = t("colon", lang)
        touched = [
            f"{labels(catalog, [x.touchpoint], lang)} ×{x.count}"
            + (f" ({', '.join(t('reason.' + r, lang) for r in dict.fromkeys(x.reasons))})" if x.reasons else "")
            + (f" “{'; '.join(x.notes)}”" if x.notes else "")
            for x in v.touched
        ]
        unavoidable = [
            f"{labels(catalog, [u.touchpoint], lang)} "
            f"({t('passive', lang) if u.why == 'passive' else t('reason.unavoidable', lang)})"
            for u in v.unavoidable
        ]
        text = Text()
        text.append(headline(v, catalog, lang, with_notes=True) + "\n\n", style="bold")
        if running:
            avoidable = labels(catalog, v.removed, lang)
            text.append(f"{t('ch.violations', lang)}{colon}{', '.join(touched) or t('ch.none', lang)}\n")
            text.append(f"{t('ch.still_avoidable', lang)}{colon}{avoidable}\n")
        else:
            text.append(f"{t('ch.removed', lang)}{colon}{labels(catalog, v.removed, lang)}\n")
            text.append(f"{t('ch.touched', lang)}{colon}{', '.join(touched) or t('ch.none', lang)}\n")
        text.append(f"{t('ch.unavoidable', lang)}{colon}{', '.join(unavoidable) or t('ch.none', lang)}\n")
        text.append(t("ch.captures", lang, run=n(v.run.total)) + "\n")
        if v.baseline is None:
            text.append(t("ch.no_baseline", lang) + "\n", style="italic")
        else:
            text.append(t("ch.baseline", lang, days=v.baseline_days, baseline=n(v.baseline_scaled or 0)) + "\n")
            if v.baseline_days < v.baseline_wanted:
                text.append(t("ch.baseline_partial", lang, days=v.baseline_days, wanted=v.baseline_wanted) + "\n")
        return text

    def _show_last_run(self) -> None:
        widget = self.query_one("#last-run", Static)
        last = self.runs[-1] if self.runs else None
        if self.run is not None or last is None or self.verdict is None:
            widget.update(t("tui.ch.no_runs", self.lang) if last is None else "")
            widget.display = last is None
            return
        lang = self.lang
        v = self.verdict
        title = t(
            "ch.status_line",
            lang,
            id=last.id,
            title=v.challenge.title.get(lang),
            state=t(f"ch.state.{last.status}", lang),
        )
        text = Text()
        text.append(f"{t('tui.ch.last_run', lang)} · {title}\n", style="bold")
        text.append(headline(v, self.svc.catalog, lang, with_notes=True) + f"  (r: {t('tui.key.report', lang)})")
        widget.update(text)
        widget.display = True

    # --- which keys apply now --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.run is None
        if action in ("end", "abandon"):
            return self.run is not None
        if action == "report":
            return bool(self.runs)
        return True

    def commands(self) -> Iterable[SystemCommand]:
        yield from super().commands()
        if self.run is None:
            for c in self.challenges:
                yield SystemCommand(
                    t("tui.cmd.start", self.lang, title=c.title.get(self.lang)),
                    t("tui.cmd.start_help", self.lang),
                    partial(self._confirm_start, c),
                )

    # --- acting ----------------------------------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def _selected_option(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        c = self._selected()
        if c is not None and self.run is None:
            self._confirm_start(c)

    def _confirm_start(self, c: Challenge) -> None:
        from .dialogs import ConfirmScreen

        question = t("tui.ch.confirm_start", self.lang, title=c.title.get(self.lang))
        self.app.push_screen(ConfirmScreen(question, self.lang), partial(self._start, c))

    def _start(self, c: Challenge, yes: bool | None) -> None:
        if not yes:
            return
        with self.fapp.safely():
            run = challenges.start(self.svc, c.id)
            lang = self.lang
            self.fapp.say(
                t(
                    "ch.started",
                    lang,
                    title=c.title.get(lang),
                    id=run.id,
                    start=run.start.strftime(STAMP),
                    end=run.planned_end.strftime(STAMP),
                )
            )
            self.reload()
            self.written()

    def action_end(self) -> None:
        self._confirm("tui.ch.confirm_end", self._end)

    def action_abandon(self) -> None:
        self._confirm("tui.ch.confirm_abandon", self._abandon)

    def _confirm(self, key: str, then) -> None:  # noqa: ANN001
        from .dialogs import ConfirmScreen

        if self.run is not None:
            self.app.push_screen(ConfirmScreen(t(key, self.lang, id=self.run.id), self.lang), then)

    def _end(self, yes: bool | None) -> None:
        self._finish(yes, challenges.end, "ch.ended")

    def _abandon(self, yes: bool | None) -> None:
        self._finish(yes, challenges.abandon, "ch.abandoned")

    def _finish(self, yes: bool | None, how, message: str) -> None:  # noqa: ANN001
        if not yes or self.run is None:
            return
        with self.fapp.safely():
            done = how(self.svc, str(self.run.id))
            v = challenges.verdict_of(self.svc, done)
            self.fapp.say(t(message, self.lang, id=done.id, headline=headline(v, self.svc.catalog, self.lang, True)))
            self.reload()
            self.written()

    # --- the report ------------------------------------------------------------------------------------

    def _report_run(self) -> Run | None:
        return self.run or (self.runs[-1] if self.runs else None)

    def action_report(self) -> None:
        from .dialogs import AskScreen

        run = self._report_run()
        if run is None:
            return
        default = Path.cwd() / f"footprint-{run.challenge}-{run.start:%Y-%m-%d}.md"
        self.app.push_screen(
            AskScreen(t("tui.ch.report_ask", self.lang, id=run.id), self.lang, str(default), check=self._check_path),
            self._write_report,
        )

    def _check_path(self, text: str) -> None:
        if Path(text.strip()).suffix.lower() not in (".md", ".html"):
            raise BadInput(t("tui.ch.report_kind", self.lang))

    def _write_report(self, answer: str | None) -> None:
        run = self._report_run()
        if not answer or not answer.strip() or run is None:
            return
        with self.fapp.safely():
            path = write_report(self.svc, run, home_path(Path(answer.strip())), self.lang)
            self.fapp.say(t("ch.report_written", self.lang, path=path))


def write_report(svc, run: Run, out: Path, lang: str) -> Path:  # noqa: ANN001
    """Write the run's blog report as the CLI's ``challenge report --out`` does: Markdown with its chart
    as ``NAME-chart.svg`` beside it, or one HTML page; owner-only files written whole or not at all."""
    from ...exporters import challenge_report
    from ...files import write_private

    fmt = "html" if out.suffix.lower() == ".html" else "md"
    v = challenges.verdict_of(svc, run)
    if fmt == "md":
        chart_path = out.with_name(f"{out.stem}-chart.svg")
        report = challenge_report.markdown(v, svc.catalog, lang, chart_path.name)
        write_private(out, [report.text])
        write_private(chart_path, [report.chart_svg])
    else:
        write_private(out, [challenge_report.html_page(v, svc.catalog, lang).text])
    return out
