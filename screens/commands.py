"""The command palette (ctrl+p): cases on the docket, meetings and actions, by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

DISCOVER_MEETINGS = 8
"""Meetings offered before anything is typed."""


class VisitationCommands(Provider):
    """Meetings and the open meeting's cases (as privacy allows), plus the app's actions."""

    async def _entries(self) -> list[tuple[str, object, str]]:
        app = self.app
        entries: list[tuple[str, object, str]] = [
            ("Opfølgninger", app.action_followups, "Due and overdue, by caseworker"),  # type: ignore[attr-defined]
            ("Nøgletal", app.action_key_figures, "Charts of the key figures"),  # type: ignore[attr-defined]
            ("Privatliv til/fra", app.action_toggle_privacy, "Initials and age ↔ full names"),  # type: ignore[attr-defined]
            ("Skift tema", app.action_next_theme, "Projector, dark, light"),  # type: ignore[attr-defined]
        ]
        meetings = await self._worker_meetings()
        for m in meetings:
            entries.append((f"Møde {m.ref} {m.title}", partial(app.open_meeting, m.ref), f"{m.cases} sager"))  # type: ignore[attr-defined]
        docket = getattr(app.screen, "meeting", None) or getattr(app, "last_meeting", None)
        for d in getattr(docket, "docket", []):
            who = d.initials if app.privacy else d.name  # type: ignore[attr-defined]
            entries.append((f"Sag {d.case_ref} {who}", partial(app.open_case, d.case_ref, docket.ref, d.started_at, d.minutes),  # type: ignore[union-attr, attr-defined]
                            f"trin {d.step}"))
        return entries

    async def _worker_meetings(self):  # type: ignore[no-untyped-def]
        from visitation.services import meetings

        worker = self.app.run_worker(partial(meetings.listing, self.app.db), thread=True, exit_on_error=False)  # type: ignore[attr-defined]
        try:
            return await worker.wait()
        except Exception:  # the palette must never crash the meeting; an unreadable list is simply empty
            return []

    async def discover(self) -> Hits:
        """Before anything is typed: the actions, the docket's cases and the newest meetings (at 10,000 cases
        there are hundreds of meetings; listing them all made the first ctrl+p slow — typing finds any)."""
        meetings = 0
        for text, call, help_text in await self._entries():
            meetings += text.startswith("Møde ")
            if not text.startswith("Møde ") or meetings <= DISCOVER_MEETINGS:
                yield DiscoveryHit(text, call, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        """Fuzzy match on the names."""
        matcher = self.matcher(query)
        for text, call, help_text in await self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), call, help=help_text)  # type: ignore[arg-type]
