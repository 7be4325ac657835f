"""The profile and the catalog: search the catalog (name, alias, label or kind), add a touchpoint to the
profile or take it out (Enter or space: the footer's first key, worded for the highlighted row), and set the
state of a passive one (s: the meter's daily index or its
half-hourly load curve), from today on. The line under the table says what the highlighted touchpoint
captures and why (the catalog's documented estimates).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Static

from ...domain.catalog import Touchpoint
from ...domain.journal import ProfilePeriod
from ... import l10n
from ...i18n import N_, _, ngettext, pgettext
from ...present import day as day_words
from ..bindings import describe
from ..text import short
from .base import BaseScreen

ADD_OR_REMOVE = N_("Add or remove")
ADD = N_("Add to profile")
REMOVE = N_("Remove from profile")


class ProfileScreen(BaseScreen):
    CSS_PATH = "screens.tcss"

    MODE = "profile"
    # The main action comes first in the footer. Enter is the table's own key (it selects the row, which
    # toggles it): the footer shows it on this binding, whose key, space, does the same.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", ADD_OR_REMOVE, key_display="enter"),
        Binding("slash", "search", N_("Search"), key_display="/"),
        Binding("s", "state", N_("Change state")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current: dict[str, ProfilePeriod] = {}
        self.shown: list[Touchpoint] = []

    def compose_body(self) -> ComposeResult:
        search = _("Search the catalog: name, alias or kind")
        yield Input(placeholder=search, id="profile-search", compact=True)
        table: DataTable[object] = DataTable(id="catalog", cursor_type="row", zebra_stripes=True)
        table.add_column(pgettext("column", "in"), key="in")
        table.add_column(pgettext("column", "touchpoint"), key="label")
        table.add_column(pgettext("column", "state"), key="state")
        table.add_column(pgettext("column", "per day"), key="per_day")
        yield table
        yield Static("", id="tp-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one("#catalog").focus()

    def load(self) -> None:
        svc, lang = self.svc, self.lang
        self.current = {p.touchpoint: p for p, _ in svc.profile()}
        query = self.query_one("#profile-search", Input).value.strip()
        self.shown = list(svc.catalog.search(query, lang) if query else svc.catalog.touchpoints)
        in_profile = [tp for tp in self.shown if tp.id in self.current]
        self.shown = in_profile + [tp for tp in self.shown if tp.id not in self.current]
        table = self.query_one("#catalog", DataTable)
        keep = self._highlighted()
        table.clear()
        for tp in self.shown:
            period = self.current.get(tp.id)
            state = tp.state(period.state if period else tp.default_state)
            per_day = tp.passive_estimate(period.state if period else None)
            table.add_row(
                Text("✓", style="bold") if period else "",
                Text(short(tp.label.get(lang), 32)),
                Text(short(state.label.get(lang), 22)) if state else "",
                Text(l10n.number(per_day.value), justify="right") if per_day else "",
                key=tp.id,
            )
        if keep is not None and keep in [tp.id for tp in self.shown]:
            table.move_cursor(row=[tp.id for tp in self.shown].index(keep), animate=False)
        self._show_detail()

    def _highlighted(self) -> str | None:
        table = self.query_one("#catalog", DataTable)
        if not table.row_count or not table.is_valid_row_index(table.cursor_row):
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _touchpoint(self) -> Touchpoint | None:
        tp_id = self._highlighted()
        return self.svc.catalog.get(tp_id) if tp_id else None

    def _show_detail(self) -> None:
        tp, lang = self._touchpoint(), self.lang
        detail = self.query_one("#tp-detail", Static)
        main = ADD_OR_REMOVE if tp is None else REMOVE if tp.id in self.current else ADD
        describe(self, "toggle", _(main))
        if tp is None:
            detail.update("")
            return
        catalog = self.svc.catalog
        period = self.current.get(tp.id)
        estimate = tp.passive_estimate(period.state if period else None) if tp.passive else tp.captures_per_use
        collectors = ", ".join(catalog.collector_label(c, lang) for c in tp.collectors)
        text = Text()
        text.append(f"{tp.id}", style="bold")
        if tp.aliases:
            text.append(f" ({', '.join(tp.aliases[:4])})")
        from ...present.catalog import consent_name, kind_name

        text.append(f" · {kind_name(tp.kind)} · {consent_name(tp.consent)}\n")
        if estimate is not None:
            text.append(_estimate(estimate.value, tp.passive).format(n=l10n.number(estimate.value)) + " ")
            text.append(estimate.why.get(lang) + "\n")
        text.append(_("Collectors: {collectors}").format(collectors=collectors))
        detail.update(text)

    @on(DataTable.RowHighlighted, "#catalog")
    def _row_highlighted(self) -> None:
        self._show_detail()

    # --- searching -------------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#profile-search", Input).focus()

    @on(Input.Changed, "#profile-search")
    def _search_changed(self) -> None:
        with self.fapp.safely():
            self.load()

    @on(Input.Submitted, "#profile-search")
    def _search_submitted(self) -> None:
        self.query_one("#catalog").focus()

    # --- changing the profile --------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#catalog")
    def _row_selected(self) -> None:
        self.action_toggle()

    def action_toggle(self) -> None:
        tp = self._touchpoint()
        if tp is None:
            return
        with self.fapp.safely():
            if tp.id in self.current:
                self.svc.profile_remove([tp.id])
                self.fapp.say(_("Removed from the profile: {touchpoints}").format(touchpoints=tp.label.get(self.lang)))
            else:
                self.svc.profile_add([tp.id])
                self.fapp.say(_("Added to the profile: {touchpoints}").format(touchpoints=tp.label.get(self.lang)))
            self.reload()
            self.written()

    def action_state(self) -> None:
        tp = self._touchpoint()
        if tp is None:
            return
        lang = self.lang
        if not tp.states:
            self.fapp.say(_("{touchpoint} has no states to choose from").format(touchpoint=tp.label.get(lang)))
            return
        period = self.current.get(tp.id)
        if period is None:
            self.fapp.say(_("Add {touchpoint} to the profile first (Enter).").format(touchpoint=tp.label.get(lang)))
            return
        ids = [s.id for s in tp.states]
        now = period.state if period.state in ids else ids[0]
        chosen = ids[(ids.index(now) + 1) % len(ids)]
        with self.fapp.safely():
            self.svc.profile_add([tp.id], state=chosen)
            state = tp.state(chosen)
            said = _("{touchpoint}: {state} from today on")
            self.fapp.say(said.format(touchpoint=tp.label.get(lang), state=state.label.get(lang) if state else chosen))
            self.reload()
            self.written()


def _estimate(value: float, passive: bool) -> str:
    """« 5 captures par usage (estimation) : », the catalog's estimate before its reason."""
    k = day_words.plural_count(value)
    if passive:
        return ngettext(
            "{n} capture per day while in the profile (estimate):",
            "{n} captures per day while in the profile (estimate):",
            k,
        )
    return ngettext("{n} capture per use (estimate):", "{n} captures per use (estimate):", k)
