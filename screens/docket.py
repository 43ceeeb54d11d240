"""The docket (dagsorden): the meeting's cases in order with time box, timer, state and overdue follow-ups."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from screens.failures import ReportsWorkerFailures
from screens.messages import DataChanged, LoadFailed, MeetingLoaded
from screens.modals.confirm import ConfirmDialog
from screens.widgets.footer import KeyFooter
from screens.widgets.table import Table
from screens.widgets.timer import elapsed_text
from visitation.domain.format import day
from visitation.services.views import DocketRow, MeetingRow

if TYPE_CHECKING:
    from visitation.services.decisions import CurrentDecision

STATE = {"waiting": "venter", "in_progress": "i gang", "decided": "besluttet", "postponed": "udsat",
         "referred": "indstillet til BUU"}


class DocketScreen(ReportsWorkerFailures, Screen[None]):
    """The day's meeting: title, meeting clock, the docket, participants; names hidden in privacy mode."""

    CSS_PATH = "docket.tcss"
    BINDINGS = [
        Binding("enter", "open_case", "Åbn sag", id="docket.open", tooltip="Start og åbn den valgte sag"),
        Binding("u", "postpone", "Udsæt", id="docket.postpone", tooltip="Udsæt sagen med en begrundelse"),
        Binding("shift+up", "move(-1)", "Flyt op", id="docket.up", show=False),  # in F1; the footer keeps room
        Binding("shift+down", "move(1)", "Flyt ned", id="docket.down", show=False),  # for n, ^q and F1–F3
        Binding("e", "export", "Eksport", id="docket.export", tooltip="Referatet som Word, HTML, Markdown eller JSON"),
        Binding("o", "app.followups", "Opfølgning", id="docket.followups"),
        Binding("n", "app.key_figures", "Nøgletal", id="docket.figures"),
        Binding("r", "reload", "Genindlæs", id="docket.reload", show=False),
    ]

    def __init__(self, meeting: str | None = None, first: MeetingRow | None = None) -> None:
        super().__init__()
        self.meeting_ident = meeting
        """The meeting to show (id or reference); None: today's or the next."""
        self.meeting: MeetingRow | None = first
        """The meeting as last loaded (at start-up: as read before the database stack loaded)."""
        self.states: dict[int, str] = {}
        """Each case's state as last shown (a case that leaves «venter»/«i gang» moves the cursor on)."""

    def compose(self) -> ComposeResult:
        """Header, meeting line, privacy indicator, docket table, participants, footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        with Vertical(id="docket-body"):
            yield Static("Indlæser dagsordenen …", id="meeting-title", markup=False)
            yield Static("", id="privacy")
            yield Table(id="docket", cursor_type="row", zebra_stripes=True)
            yield Static("", id="participants", markup=False)
        yield KeyFooter()  # Ctrl+P is named on the privacy line

    def on_mount(self) -> None:
        """Set up the table, follow privacy mode, tick the timers. The docket is read when the screen is shown
        (`on_screen_resume`, which comes on the first showing too: reading here as well read it twice)."""
        self.query_one("#docket", DataTable).add_columns(
            "#", "Sag", "Barn", "Alder", "Trin", "Tid", "Status", "Opfølgning")
        self.watch(self.app, "privacy", self.show_privacy)  # draws the docket read first, if there is one
        self.set_interval(1, self.tick)

    @work(thread=True, exclusive=True, exit_on_error=False, group="docket", description="Indlæser dagsorden")
    def load(self) -> None:
        """Read the meeting through the services (never on the event loop)."""
        from visitation.errors import VisitationError
        from visitation.services import meetings

        try:
            self.post_message(MeetingLoaded(meetings.agenda(self.app.db, self.meeting_ident)))  # type: ignore[attr-defined]
        except VisitationError as exc:
            self.post_message(LoadFailed(exc.message))

    def action_reload(self) -> None:
        """Read the docket again."""
        self.load()

    def on_screen_resume(self) -> None:
        """Shown: first, or coming back from a case (its state may have changed)."""
        self.load()

    @on(DataChanged)
    def data_changed(self, message: DataChanged) -> None:
        """Live: another writer changed something; read the docket again if it is on screen (coming back to it
        reads it anyway)."""
        if self.is_current:
            self.load()

    @on(MeetingLoaded)
    def show_meeting(self, message: MeetingLoaded) -> None:
        """Render the loaded meeting."""
        self.meeting = message.meeting
        if self.meeting is not None:
            self.meeting_ident = self.meeting.ref
        self.render_meeting()
        self.app.warm_up()  # type: ignore[attr-defined]

    @on(LoadFailed)
    def show_failure(self, message: LoadFailed) -> None:
        """Say what went wrong, in one line."""
        self.notify(message.text, title="Kunne ikke læse", severity="error")

    def show_privacy(self, privacy: bool) -> None:
        """Update the indicator and the names when privacy mode changes."""
        text = "PRIVATLIV TIL: initialer og alder" if privacy else "PRIVATLIV FRA: fulde navne vises"
        indicator = self.query_one("#privacy", Static)
        indicator.update(f" {text}  (F2 skifter · Ctrl+P søger) ")
        indicator.set_class(not privacy, "-names")
        self.render_meeting()

    def render_meeting(self) -> None:
        """Fill the title and table from the loaded meeting, keeping the cursor where it was – or, when the case
        under it was just decided, on the next waiting case."""
        m = self.meeting
        table = self.query_one("#docket", DataTable)
        cursor = next_waiting(m.docket if m else [], table.cursor_row, self.states)
        self.states = {d.case_id: d.state for d in m.docket} if m else {}
        table.clear()
        if m is None:
            self.query_one("#meeting-title", Static).update(
                "Der er ingen møder endnu. Opret et med: visitation meeting new")
            return
        self.tick()
        now = self.app.now()  # type: ignore[attr-defined]
        for d in m.docket:
            table.add_row(str(d.position), d.case_ref, self.child(d), f"{d.age} år", str(d.step),
                          time_text(d, now),
                          STATE.get(d.state, d.state), followup_text(d),
                          key=str(d.case_id))
        if m.docket:
            table.move_cursor(row=max(0, min(cursor, len(m.docket) - 1)))
        present = [p for p in m.participants if p.present]
        absent = [p for p in m.participants if not p.present]
        self.query_one("#participants", Static).update(
            "Til stede: " + ", ".join(f"{p.name} ({p.role})" for p in present)
            + (("  ·  Afbud: " + ", ".join(p.name for p in absent)) if absent else ""))

    def tick(self) -> None:
        """The meeting's title line (its municipality and clock included), and the running case's timer."""
        m = self.meeting
        if m is None:
            return
        now = self.app.now()  # type: ignore[attr-defined]
        total = sum(d.minutes for d in m.docket)
        starts = [d.started_at for d in m.docket if d.started_at]
        spent = f" · mødet i gang {int((now - min(starts)).total_seconds() // 60)} min" if starts else ""
        where = f"{day(m.date)} · {m.municipality}" if m.municipality else day(m.date)
        self.query_one("#meeting-title", Static).update(
            f"{m.title} {where} · mødeleder {m.chair} · {len(m.docket)} sager · {total} min{spent}")
        table = self.query_one("#docket", DataTable)
        for d in m.docket:
            if d.state == "in_progress" and str(d.case_id) in table.rows:
                text, over = elapsed_text(d.started_at, now, d.minutes)
                table.update_cell(str(d.case_id), table.ordered_columns[5].key, text + (" OVER TID" if over else ""))

    def child(self, row: DocketRow) -> str:
        """The child as privacy mode allows."""
        return row.initials if self.app.privacy else row.name  # type: ignore[attr-defined]

    def selected(self) -> DocketRow | None:
        """The docket row under the cursor."""
        table = self.query_one("#docket", DataTable)
        if self.meeting is None or not self.meeting.docket:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((d for d in self.meeting.docket if str(d.case_id) == key), None)

    def action_open_case(self) -> None:
        """Open the selected case's steps at once, and mark it started (its timer begins) in a thread alongside:
        the chair does not wait for the write. A closed meeting's cases are not started."""
        row = self.selected()
        if row is None or self.meeting is None:
            return
        if self.meeting.state == "closed":
            self.notify(f"mødet {self.meeting.ref} er lukket", title="Sagen kan ikke startes", severity="error")
            return
        now = self.app.now()  # type: ignore[attr-defined]
        started = row.started_at or now
        self.app.open_case(row.case_ref, self.meeting.ref, started, row.minutes)  # type: ignore[attr-defined]
        self.start_case(self.meeting.ref, row, now, started)

    @on(DataTable.RowSelected, "#docket")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row opens the case."""
        event.stop()
        self.action_open_case()

    @work(thread=True, exit_on_error=False, group="docket-write")
    def start_case(self, meeting: str, row: DocketRow, now: dt.datetime, shown_start: dt.datetime) -> None:
        """Mark the case started (a failure: the app's toast); if it had been started elsewhere meanwhile, the
        open case's timer takes the stored start."""
        from visitation.services import meetings

        stored = meetings.start_case(self.app.db.for_meeting(meeting), meeting, row.case_ref, now)  # type: ignore[attr-defined]
        item = next(d for d in stored.docket if d.case_id == row.case_id)
        if item.started_at != shown_start:
            self.app.call_from_thread(self.app.case_started, row.case_ref, item.started_at)  # type: ignore[attr-defined]

    def action_move(self, delta: int) -> None:
        """Move the selected case up or down the docket."""
        row = self.selected()
        if row is not None and self.meeting is not None:
            table = self.query_one("#docket", DataTable)
            table.move_cursor(row=max(0, table.cursor_row + delta))
            meeting = self.meeting.ref
            self.write(meeting, lambda db: _move(db, meeting, row.case_ref, delta))

    def action_export(self) -> None:
        """The whole meeting's minutes to a file."""
        if self.meeting is not None:
            self.app.export_minutes(self.meeting.ref)  # type: ignore[attr-defined]

    def action_postpone(self) -> None:
        """Postpone the selected case: recorded as a decision with its reason, so the minutes say so. A case
        decided at this meeting is postponed only when the chair confirms replacing that decision."""
        row = self.selected()
        if row is not None and self.meeting is not None:
            self.find_decision(self.meeting.ref, row)

    @work(thread=True, exit_on_error=False, group="docket-write")
    def find_decision(self, meeting: str, row: DocketRow) -> None:
        """The decision in force for the case at the meeting (what postponing would replace), then ask."""
        from visitation.services import decisions

        found = decisions.current(self.app.db.for_meeting(meeting), row.case_ref, meeting)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.ask_postpone, meeting, row, found)

    def ask_postpone(self, meeting: str, row: DocketRow, found: CurrentDecision | None) -> None:
        """Ask for the reason; first, if a decision would be replaced, whether to replace it."""
        supersedes = found.id if found is not None else None

        def reason_given(reason: object) -> None:
            if isinstance(reason, str):
                self.write(meeting, lambda db: _postpone(db, meeting, row, reason, supersedes))

        def ask_reason(yes: bool | None = True) -> None:
            from screens.modals.forms import ReasonDialog  # the forms load the case flow's rules: not at start-up

            if yes:
                self.app.push_screen(ReasonDialog(f"Hvorfor udsættes sag {row.case_ref}?"), reason_given)
        if found is None:
            ask_reason()
            return
        self.app.push_screen(ConfirmDialog(
            f"Sag {row.case_ref} har allerede en låst beslutning", f"Udsættelse erstatter {found} på {meeting}: "
            "trin, opfølgninger og referat ændres. Den gamle beslutning bevares i historikken.\n\n"
            "Esc beholder beslutningen.", "Erstat med udsættelse"), ask_reason)

    @work(thread=True, exit_on_error=False, group="docket-write")
    def write(self, meeting: str, call) -> None:  # type: ignore[no-untyped-def]
        """Run one service call off the loop, in the meeting's name (the audit log's purpose), then reload."""
        from visitation.errors import VisitationError

        try:
            call(self.app.db.for_meeting(meeting))  # type: ignore[attr-defined]
        except VisitationError as exc:
            self.app.call_from_thread(self.notify, exc.message, severity="error", timeout=10)
        self.load()


OPEN = ("waiting", "in_progress")


def next_waiting(docket: list[DocketRow], cursor: int, before: dict[int, str]) -> int:
    """The row for the cursor: where it is, unless its case has just been decided (open before, not now) – then
    the next waiting case after it (from the top when none is below)."""
    if not 0 <= cursor < len(docket):
        return cursor
    here = docket[cursor]
    if before.get(here.case_id) not in OPEN or here.state in OPEN:
        return cursor
    later = [i for i in [*range(cursor + 1, len(docket)), *range(cursor)] if docket[i].state == "waiting"]
    return later[0] if later else cursor


def time_text(row: DocketRow, now: dt.datetime) -> str:
    """The case's time against its time box: running while it is open, the time it took once decided, else
    «– / 20 min» (the time box alone, never shown as if it were time spent)."""
    if row.state == "in_progress":
        return elapsed_text(row.started_at, now, row.minutes)[0]
    if row.state not in OPEN and row.started_at and row.decided_at and row.decided_at >= row.started_at:
        return elapsed_text(row.started_at, row.decided_at, row.minutes)[0]
    return elapsed_text(None, now, row.minutes)[0]


def _move(db, meeting: str, case: str, delta: int) -> None:  # type: ignore[no-untyped-def]
    from visitation.services import meetings

    meetings.move(db, meeting, case, delta)


def _postpone(db, meeting: str, row: DocketRow, reason: str, supersedes: int | None) -> None:  # type: ignore[no-untyped-def]
    from visitation.domain.decision import DecisionDraft, Outcome
    from visitation.services import decisions

    decisions.record(db, row.case_ref, meeting, DecisionDraft(
        outcome=Outcome.POSTPONED, step=row.step, interventions=(), rationale=reason), supersedes)


def followup_text(row: DocketRow) -> str:
    """The Opfølgning column: overdue follow-ups first, else the date of the next one."""
    if row.overdue:
        return f"⚠ {row.overdue} overskredet"
    return f"{row.next_followup:%d.%m.%Y}" if row.next_followup else ""
