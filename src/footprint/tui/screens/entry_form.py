"""The entry form, a dialog: log a touch with details (count, minutes, time, note, reason) or edit an entry.

Every field is checked while it is typed, with the services' own rules and messages (the CLI's): a date
footprint cannot read, a time in the future, an unknown touchpoint ("did you mean…"), a count below 1,
minutes out of range (NaN, infinities and huge numbers too), a note too long. Saving calls the service; if it still refuses, its message stays
in the form (and as a notification) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input, Label, Select, Static

from ...domain.journal import Entry
from ...domain.limits import shown
from ...errors import BadInput, FootprintError
from ...i18n import N_, _
from ...present import day as day_words
from ...services import Service
from ..bindings import localize
from .. import words

STAMP = "%Y-%m-%d %H:%M"


class ServiceCheck(Validator):
    """A field is valid when ``check(text)`` does not raise; its ``FootprintError`` message is the failure."""

    def __init__(self, check: Callable[[str], object]) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        try:
            self.check(value)
        except FootprintError as exc:
            return self.failure(exc.message)
        return self.success()


class EntryForm(ModalScreen[bool]):
    """Dismissed with True when something was written."""

    CSS_PATH = "screens.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", words.CANCEL),
        Binding("ctrl+s", "save", words.SAVE),
    ]

    def __init__(
        self,
        svc: Service,
        lang: str,
        entry: Entry | None = None,
        touchpoint: str | None = None,
        count: int = 1,
        focus: str | None = None,
    ) -> None:
        super().__init__()
        self.svc, self.lang, self.entry = svc, lang, entry
        self.touchpoint, self.count, self.focus_field = touchpoint, count, focus
        localize(self, lang)

    # --- the checks: the services' rules ---------------------------------------------------------------

    # NaN, infinities and huge values parse here; the service's own bounds (domain/limits.py) refuse them.
    def _integer(self, text: str) -> int:
        try:
            return int(text.strip())
        except ValueError:  # also a number of thousands of digits
            raise BadInput(N_("“{value}” is not a whole number"), value=shown(text)) from None

    def _number(self, text: str) -> float | None:
        if not text.strip():
            return None
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            raise BadInput(N_("“{value}” is not a number"), value=shown(text)) from None

    def check_at(self, text: str) -> None:
        if text.strip():
            self.svc.check_not_future(self.svc.when(text))

    def check_touchpoint(self, text: str) -> None:
        self.svc.catalog.resolve(text)

    # An imported entry may hold more than a typed touch may (a day's aggregate): its own value, unchanged,
    # is not checked again, so its note or time can still be edited; saving leaves it as it is.
    def check_count(self, text: str) -> None:
        count = self._integer(text)
        if self.entry is None or count != self.entry.count:
            self.svc.check_entry(count, None, None, None)

    def check_minutes(self, text: str) -> None:
        minutes = self._number(text)
        if self.entry is None or minutes != self.entry.minutes:
            self.svc.check_entry(None, minutes, None, None)

    def check_note(self, text: str) -> None:
        self.svc.check_entry(None, None, text, None)

    # --- layout --------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang, e = self.lang, self.entry
        names = sorted({name for tp in self.svc.catalog.touchpoints for name in (tp.id, *tp.aliases)})
        title = _("Edit entry #{id}").format(id=e.id) if e else _("Log a touch")
        with Vertical(id="form"):
            yield Static(title, id="form-title", markup=False)
            with Grid(id="form-grid"):
                yield Label(_("Touchpoint"))
                yield self._input(
                    "touchpoint",
                    e.touchpoint if e else self.touchpoint or "",
                    self.check_touchpoint,
                    suggester=SuggestFromList(names, case_sensitive=False),
                )
                yield Label(_("Count"))
                yield self._input("count", str(e.count if e else self.count), self.check_count)
                yield Label(_("Minutes"))
                yield self._input(
                    "minutes",
                    f"{e.minutes:g}" if e and e.minutes else "",
                    self.check_minutes,
                    placeholder=_("optional: time spent, 0 to 1440"),
                )
                yield Label(_("When"))
                hint = _("now · 08:10 · yesterday 18:00 · 2026-11-20 08:10")
                yield self._input("at", e.at.strftime(STAMP) if e else "", self.check_at, placeholder=hint)
                yield Label(_("Note"))
                yield self._input("note", e.note or "" if e else "", self.check_note)
                yield Label(_("Reason"))
                yield Select(
                    day_words.reasons(),
                    prompt=_("none (no challenge)"),
                    value=e.reason if e and e.reason else Select.NULL,
                    compact=True,
                    id="reason",
                )
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(words.button(words.SAVE, "ctrl+s"), variant="primary", id="save")
                yield Button(words.button(words.CANCEL, _("esc")), id="cancel")

    def _input(
        self,
        name: str,
        value: str,
        check: Callable[[str], object],
        placeholder: str = "",
        suggester: SuggestFromList | None = None,
    ) -> Input:
        return Input(
            value,
            placeholder=placeholder,
            id=name,
            validators=[ServiceCheck(check)],
            validate_on=["changed", "submitted"],
            suggester=suggester,
            compact=True,
        )

    def on_mount(self) -> None:
        target = self.focus_field or "count"
        self.query_one(f"#{target}").focus()

    # --- feedback while typing -----------------------------------------------------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        result = event.validation_result
        failures = result.failure_descriptions if result is not None else []
        self.query_one("#form-error", Static).update(failures[0] if failures else "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(False)

    # --- saving --------------------------------------------------------------------------------------

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _fail(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)
        self.app.notify(message, severity="error", markup=False, timeout=8)

    def action_save(self) -> None:
        for field in self.query(Input):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                field.focus()
                self._fail(result.failure_descriptions[0])
                return
        try:
            message = self._write()
        except FootprintError as exc:
            self._fail(exc.message)
            return
        if message is None:
            self.app.notify(_("Nothing changed."), timeout=3)
            self.dismiss(False)
            return
        self.app.notify(message, markup=False, timeout=3)
        self.dismiss(True)

    def _write(self) -> str | None:
        """Call the service; returns what to tell the person, or None when nothing changed."""
        svc = self.svc
        reason_value = self.query_one("#reason", Select).value
        reason = reason_value if isinstance(reason_value, str) else None
        tp = svc.catalog.resolve(self._value("touchpoint"))
        count = self._integer(self._value("count"))
        minutes = self._number(self._value("minutes"))
        at, note = self._value("at").strip(), self._value("note")
        e = self.entry
        if e is None:
            logged = svc.log(
                [tp.id], at=at or None, count=count, minutes=minutes, note=note or None, reason=reason, source="tui"
            )
            text = day_words.logged(logged, svc.catalog, svc.settings.now().date())
            notice = day_words.closed_notice(logged)
            return f"{text}\n{notice}" if notice else text
        changes: dict[str, object] = {}
        if at and at != e.at.strftime(STAMP):
            changes["at"] = at
        if tp.id != e.touchpoint:
            changes["touchpoint"] = tp.id
        if count != e.count:
            changes["count"] = count
        if minutes != e.minutes and not (minutes is None and not e.minutes):
            changes["minutes"] = minutes if minutes is not None else 0.0
        if (note.strip() or None) != e.note:
            changes["note"] = note
        if reason != e.reason:
            changes["reason"] = reason or ""
        if not changes:
            return None
        new = svc.edit(e.id or 0, **changes)  # type: ignore[arg-type]
        return day_words.edited(new, svc.catalog, changed=True)
