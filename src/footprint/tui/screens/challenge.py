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
from ...domain.verdict import Verdict
from ...errors import BadInput
from ...i18n import N_, _, pgettext
from ...present import challenge as words
from ...services import challenges
from ...settings import home_path
from .base import BaseScreen
from .dialogs import ConfirmScreen

# How each role of a presenter's line is styled here (the CLI prints the same lines plain).
STYLES = {"title": "bold", "headline": "bold", "usual": "bold", "invite": "italic", "credit": "dim", "note": "italic"}


class ChallengeScreen(BaseScreen):
    CSS_PATH = "screens.tcss"

    MODE = "challenge"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", N_("Start")),
        Binding("e", "end", N_("End")),
        Binding("a", "abandon", N_("Abandon")),
        Binding("r", "report", N_("Write report")),
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
        svc = self.svc
        if not self.challenges:
            self.challenges = challenges.all_challenges(svc)
            options = self.query_one(OptionList)
            options.border_title = _("Enter starts one")
            options.clear_options()
            options.add_options(Option(words.option(c), id=c.id) for c in self.challenges)
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
        usual = [tp.id for _period, tp in self.svc.profile() if tp is not None and c.forbids(tp)]
        lines = [line for line in words.detail(c, self.svc.catalog, usual) if line.role != "command"]
        self.query_one("#detail", Static).update(styled(lines))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_run(self) -> None:
        run, v = self.run, self.verdict
        if run is None or v is None:
            return
        what = pgettext("run", "planned") if self._planned() else _("running")  # the countdown says when
        title = words.status_line(run, v.challenge, what)
        self.query_one("#run-title", Static).update(Text(title, style="bold"))
        self._tick()
        self.query_one("#run-body", Static).update(styled(words.verdict_lines(v, self.svc.catalog, running=True)))

    def _tick(self) -> None:
        """Every second: the countdown; when the time is up, the run is over and the verdict is shown."""
        run = self.run
        if run is None or not self.is_current:
            return
        now = self.svc.settings.now()
        if now >= run.planned_end:
            self.reload()
            return
        self.query_one("#countdown", Static).update(words.countdown(run, now))

    def _show_last_run(self) -> None:
        widget = self.query_one("#last-run", Static)
        last = self.runs[-1] if self.runs else None
        if self.run is not None or last is None or self.verdict is None:
            widget.update(_("No run yet.") if last is None else "")
            widget.display = last is None
            return
        v = self.verdict
        title = words.status_line(last, v.challenge, words.state(last))
        text = Text()
        text.append(_("Last run · {run}").format(run=title) + "\n", style="bold")
        hint = _("r: write the report")
        text.append(f"{words.headline(v, self.svc.catalog, with_notes=True)}  ({hint})")
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
                    _("Start “{title}”").format(title=words.title(c)),
                    _("Start this challenge now"),
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
        """Ask before starting, saying when the run would start (now) and end: the words the CLI uses."""
        now = self.svc.settings.now()
        question = words.confirm_start(c, now, now + c.duration)
        self.app.push_screen(ConfirmScreen(question, self.lang), partial(self._start, c))

    def _start(self, c: Challenge, yes: bool | None) -> None:
        if not yes:
            return
        with self.fapp.safely():
            run, begun = challenges.start(self.svc, c.id, at="now")
            self.fapp.say(words.started(run, begun, c, self.svc.catalog, (), self.svc.settings.now())[0])
            self.reload()
            self.written()

    def _planned(self) -> bool:
        return self.run is not None and challenges.planned(self.run, self.svc.settings.now())

    def action_end(self) -> None:
        if self._planned():  # refused as the CLI refuses it, with the same line
            with self.fapp.safely():
                challenges.end(self.svc, str(self.run.id) if self.run else None)
            return
        self._confirm(N_("End run #{id} now?"), self._end)

    def action_abandon(self) -> None:
        if self._planned() and self.run is not None:
            question = words.confirm_cancel(self.run, words.title(challenges.rules_of(self.run)))
            self.app.push_screen(ConfirmScreen(question, self.lang), self._abandon)
            return
        self._confirm(N_("Abandon run #{id}? Its verdict stays, marked abandoned."), self._abandon)

    def _confirm(self, question: str, then) -> None:  # noqa: ANN001
        if self.run is not None:
            self.app.push_screen(ConfirmScreen(_(question).format(id=self.run.id), self.lang), then)

    def _end(self, yes: bool | None) -> None:
        self._finish(yes, challenges.end)

    def _abandon(self, yes: bool | None) -> None:
        self._finish(yes, challenges.abandon)

    def _finish(self, yes: bool | None, how) -> None:  # noqa: ANN001
        if not yes or self.run is None:
            return
        with self.fapp.safely():
            done = how(self.svc, str(self.run.id))
            if done.status == "cancelled":
                self.fapp.say(words.cancelled(done, words.title(challenges.rules_of(done))))
            else:
                self.fapp.say(words.ended(done, challenges.verdict_of(self.svc, done), self.svc.catalog))
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
            AskScreen(
                _("Write the report of run #{id} to (.md or .html; notes and exact times left out):").format(id=run.id),
                self.lang,
                str(default),
                check=self._check_path,
                act=self._write_report,  # the dialog stays until the report is written (or Esc)
            ),
        )

    def _check_path(self, text: str) -> None:
        if Path(text.strip()).suffix.lower() not in (".md", ".html"):
            raise BadInput(N_("the file name must end in .md or .html"))

    def _write_report(self, answer: str | None) -> None:
        run = self._report_run()
        if not answer or not answer.strip() or run is None:
            return
        from ...services.reports import challenge_report

        path = home_path(Path(answer.strip()))
        challenge_report(self.svc, run, path)
        self.fapp.say(_("Wrote the report to {path}").format(path=path))


def styled(lines: list[words.Line]) -> Text:
    """A presenter's lines as one block, each styled by its role."""
    text = Text()
    for line in lines:
        text.append(line.text + "\n", style=STYLES.get(line.role, ""))
    return text
