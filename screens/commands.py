"""The command palette (ctrl+p), in Danish: the docket's cases, the meetings and every action of the app.

A case is found by its reference and, in privacy mode, by the child's initials; with privacy off also by
name. A name is never part of an entry's text in privacy mode, so typing a name finds nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

DISCOVER_MEETINGS = 8
"""Meetings offered before anything is typed."""


@dataclass(frozen=True)
class Entry:
    """One thing the palette offers: what it says, what it does, and a line of help."""

    text: str
    call: Callable[[], object]
    help: str


class VisitationCommands(Provider):
    """Cases on the meeting shown (as privacy allows), meetings, and the app's actions."""

    async def startup(self) -> None:
        """Read the meetings once per opening of the palette (in a thread, never on the event loop)."""
        self.meetings = await self._meetings()

    def _actions(self) -> list[Entry]:
        app, screen = self.app, self.screen
        actions = [
            Entry("Hjælp (F1)", app.action_help, "Taster og vejledning"),  # type: ignore[attr-defined]
            Entry("Privatliv til/fra (F2)", app.action_toggle_privacy,  # type: ignore[attr-defined]
                  "Initialer og alder ↔ fulde navne (fulde navne kræver en bekræftelse)"),
            Entry("Skift tema (F3)", app.action_next_theme, "Projektor, mørk, lys"),  # type: ignore[attr-defined]
            Entry("Opfølgninger", app.action_followups, "Forfaldne og kommende opfølgninger pr. sagsbehandler"),  # type: ignore[attr-defined]
            Entry("Nøgletal", app.action_key_figures, "Diagrammer over nøgletallene"),  # type: ignore[attr-defined]
            Entry("Afslut (Ctrl+Q)", app.action_quit, "Alt er allerede gemt"),
        ]
        meeting = self._meeting()
        if meeting is not None:
            actions.append(Entry("Eksportér mødets referat", partial(app.export_minutes, meeting.ref),  # type: ignore[attr-defined]
                                 f"{meeting.ref} som Word, HTML, Markdown eller JSON"))
            if getattr(meeting, "state", "") != "closed":
                from screens.close_meeting import ask_to_close

                actions.append(Entry(f"Luk mødet {meeting.ref}", partial(ask_to_close, app, meeting.ref),
                                     "Ubehandlede sager udsættes efter bekræftelse"))
        for number, pane in enumerate(getattr(screen, "shown_panes", ()), start=1):
            from screens.case_flow import STEP_PANES

            actions.append(Entry(f"Gå til trin {number} {STEP_PANES[pane][0]} ({number})",
                                 partial(screen.action_step, number), "Sagens trin"))  # type: ignore[attr-defined]
        if getattr(screen, "bundle", None) is not None:
            b = screen.bundle  # type: ignore[attr-defined]
            actions.append(Entry(f"Eksportér sagens referat ({b.case.ref})",
                                 partial(app.export_minutes, b.meeting.ref, b.case.ref), "Kun denne sag"))  # type: ignore[attr-defined]
        return actions

    def _meeting(self) -> Any:
        """The meeting whose docket is open (the case flow sits above its docket)."""
        for screen in reversed(self.app.screen_stack):
            meeting = getattr(screen, "meeting", None)
            if getattr(meeting, "docket", None) is not None:
                return meeting
        return None

    def _cases(self) -> list[Entry]:
        meeting, privacy = self._meeting(), bool(self.app.privacy)  # type: ignore[attr-defined]
        if meeting is None:
            return []
        return [Entry(f"Sag {d.case_ref} {d.initials}" + ("" if privacy else f" {d.name}"),
                      partial(self.app.open_case, d.case_ref, meeting.ref, d.started_at, d.minutes),  # type: ignore[attr-defined]
                      f"{d.age} år · trin {d.step} · {meeting.ref}") for d in meeting.docket]

    def _entries(self) -> list[Entry]:
        meetings = [Entry(f"Møde {m.ref} {m.title}", partial(self.app.open_meeting, m.ref),  # type: ignore[attr-defined]
                          f"{m.date:%d.%m.%Y} · {m.cases} sager") for m in getattr(self, "meetings", [])]
        return [*self._cases(), *meetings, *self._actions()]

    async def _meetings(self) -> list[Any]:
        from visitation.services import meetings

        worker = self.app.run_worker(partial(meetings.listing, self.app.db), thread=True, exit_on_error=False)  # type: ignore[attr-defined]
        try:
            return await worker.wait()
        except Exception:  # the palette must never crash the meeting; an unreadable list is simply empty
            return []

    async def discover(self) -> Hits:
        """Before anything is typed: the docket's cases, the newest meetings and the actions (at 10,000 cases
        there are hundreds of meetings; listing them all made the first ctrl+p slow — typing finds any)."""
        meetings = 0
        for e in self._entries():
            meetings += e.text.startswith("Møde ")
            if not e.text.startswith("Møde ") or meetings <= DISCOVER_MEETINGS:
                yield DiscoveryHit(e.text, e.call, help=e.help)

    async def search(self, query: str) -> Hits:
        """Fuzzy match on the entries' text (a reference, initials, a meeting, an action)."""
        matcher, found = self.matcher(query), False
        for e in self._entries():
            score = matcher.match(e.text)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(e.text), e.call, help=e.help)
        if not found:  # instead of Textual's English "No matches found"
            yield Hit(0.001, f"Intet fundet for «{query}»", lambda: None,
                      help="Søg på sagsnummer, initialer (navn, når privatliv er slået fra), møde eller handling")
