"""Key figures (nøgletal) as charts: children per step, the prevention triangle and position × trivsel (for the
profiles that work with them), placements, follow-up, movement per month, time in placement by type, what
follow-up achieves, meetings, caseload."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from screens.failures import ReportsWorkerFailures
from screens.widgets.bars import bar_chart
from visitation import charts
from visitation.domain.keyfigures import PLACEMENT_TYPES as TYPES
from visitation.domain.keyfigures import PREVENTION_WORDS
from visitation.services.stats import KeyFigures

PREVENTION = ("prevention", "target-group")
"""Socialstyrelsen's charts, shown only when a profile of the open cases works with the prevention triangle."""
HISTORY = ("over-time", "moves", "durations", "outcomes", "meetings")
"""The charts drawn from the figures over time, which come after those of the present."""


class FiguresLoaded(Message):
    """The computed key figures."""

    def __init__(self, figures: KeyFigures, complete: bool = True) -> None:
        super().__init__()
        self.figures = figures
        self.complete = complete
        """False for the quick first half: the figures of the present, drawn while the history is computed."""


class KeyFiguresScreen(ReportsWorkerFailures, Screen[None]):
    """Charts, not only tables, with Socialstyrelsen's caseload reference drawn as a line."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Tilbage", id="figures.back")]
    DEFAULT_CSS = """
    KeyFiguresScreen VerticalScroll { padding: 0 1; }
    KeyFiguresScreen .chart-title { text-style: bold; color: $primary; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        """Header, the charts, footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        with VerticalScroll():
            for chart in ("steps", *PREVENTION, "placements", "followups", *HISTORY, "caseload"):
                yield Static(classes="chart-title", id=f"{chart}-title")
                yield Static(id=chart, markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Compute in a thread."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="figures")
    def load(self) -> None:
        """The figures of the present (SQL aggregates: drawn at once), then those over time."""
        from visitation.services import stats

        today = self.app.now().date()  # type: ignore[attr-defined]
        present = stats.key_figures(self.app.db, today=today, quick=True)  # type: ignore[attr-defined]
        self.post_message(FiguresLoaded(present, complete=False))
        self.post_message(FiguresLoaded(stats.with_history(self.app.db, present, today=today)))  # type: ignore[attr-defined]

    @on(FiguresLoaded)
    def show_figures(self, message: FiguresLoaded) -> None:
        """Draw each chart to the screen's width."""
        k, width = message.figures, max(20, self.size.width - 40)
        self._chart("steps", f"Børn pr. trin ({k.cases_open} åbne sager)",
                    bar_chart([(f"Trin {s}", n) for s, n in k.children_per_step.items()], width))
        self._prevention(k, width)
        self._chart("placements", "Anbringelser efter type (%)",
                    bar_chart([(TYPES[t], v) for t, v in k.placements_by_type.items()], width, unit=" %"))
        legal = f" (lovpligtige {_n(k.followups_legal_on_time_pct, ' %')})" if message.complete else ""
        self._chart("followups", f"Opfølgning: til tiden {_n(k.followups_on_time_pct, ' %')}{legal} · "
                                 f"overskredet nu {k.followups_overdue_now}",
                    bar_chart([("Opfølgninger overskredet", k.followups_overdue_now),
                               ("Børn med en overskredet", k.children_with_overdue)], width))
        if not message.complete:
            for key in HISTORY:
                self._chart(key, "Beregner forløb og møder …", "")
            return
        self._chart("over-time", "Børn pr. trin over tid (ved månedens udgang; tallet er trinnet)",
                    charts.stacked_by_step(k.children_per_step_by_month, width, self.size.width - 4))
        self._chart("moves", "Bevægelser ned ad trappen pr. måned (op i parentes)",
                    bar_chart([(f"{m} ({v['up']} op)", v["down"]) for m, v in k.moves_by_month.items()], width))
        self._chart("durations", "Tid i anbringelse pr. type (median dage; i parentes gennemsnit, ophold)",
                    bar_chart([(f"{TYPES[t]} ({_n(d['mean'])}, {d['count']})", d["median"] or 0)
                               for t, d in k.placement_days_by_type.items()], width))
        self._chart("outcomes", f"Opfølgningens resultater: {k.goals_closed} mål lukket, {k.children_followed_up} "
                                "børn fulgt op (│ = 100 %)",
                    bar_chart([("Mål nået", k.goals_reached_pct or 0), ("Åbne mål i fremgang", k.goals_rising_pct or 0),
                               ("Ned efter opfølgning", k.moved_down_after_followup_pct or 0)],
                              width, unit=" %", reference=100))
        self._chart("meetings", f"Møderne: {_n(k.cases_per_meeting)} sager pr. møde · "
                                f"{_n(k.lowest_step_pct, ' %')} på laveste overvejede trin · "
                                f"{_n(k.back_within_6m_pct, ' %')} tilbage inden for 6 mdr. · "
                                f"anbringelser varer {_n(k.placement_days_median, ' dage')} (median)",
                    bar_chart([("Tid brugt pr. sag", k.minutes_per_case or 0),
                               ("Tidsramme pr. sag", k.time_box_per_case or 0)], width, unit=" min"))
        self._chart("caseload", f"Sagstal pr. rådgiver (│ = reference {k.caseload_reference})",
                    bar_chart([(name or "(ingen)", n) for name, n in k.caseload.items()], width,
                              reference=k.caseload_reference))

    def _prevention(self, k: KeyFigures, width: int) -> None:
        """The prevention triangle per level and skema 2's grid with the target group marked; hidden without them."""
        for key in PREVENTION:
            for widget in self.query(f"#{key}-title, #{key}"):
                widget.display = bool(k.prevention_profiles)
        if not k.prevention_profiles:
            return
        self._chart("prevention", f"Forebyggelsestrekanten ({', '.join(k.prevention_profiles)}): "
                                  f"{sum(k.prevention_levels.values())} åbne sager pr. niveau",
                    bar_chart([(PREVENTION_WORDS[level].capitalize(), n) for level, n in k.prevention_levels.items()],
                              width))
        self._chart("target-group", f"Position × trivsel (skema 2): {k.target_group} i målgruppen (*)",
                    "\n".join([*charts.target_grid(k.position_by_wellbeing),
                               f"(uden position eller trivsel: {k.position_by_wellbeing_unset})"]))

    def _chart(self, key: str, title: str, body: str) -> None:
        """Set one chart's title and body."""
        self.query_one(f"#{key}-title", Static).update(title)
        self.query_one(f"#{key}", Static).update(body)


def _n(value: object, unit: str = "") -> str:
    return "–" if value is None else f"{value}{unit}"
