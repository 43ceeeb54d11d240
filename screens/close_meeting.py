"""Closing a meeting from the TUI: a confirmation that names the cases not treated, which are then postponed
(the CLI's `meeting close --postpone-rest`)."""

from __future__ import annotations

from typing import Any

POSTPONE_REASON = "Ikke behandlet på mødet; udsat, da mødet blev lukket."


def ask_to_close(app: Any, meeting: str) -> None:
    """Show what closing the meeting does; on confirmation close it (postponing the untreated cases)."""
    from screens.modals.confirm import ConfirmDialog
    from visitation.errors import VisitationError
    from visitation.services import meetings

    try:
        left = meetings.untreated(app.db, meeting)
    except VisitationError as exc:
        app.notify(exc.message, title="Mødet kan ikke lukkes", severity="error")
        return
    if left:
        body = (f"{len(left)} sag(er) er ikke behandlet: {', '.join(left)}.\n\nLukkes mødet, udsættes de med "
                f"begrundelsen »{POSTPONE_REASON}«, og der kan ikke længere træffes beslutninger på mødet.")
    else:
        body = "Alle sager på dagsordenen er behandlet. Lukkes mødet, kan der ikke længere træffes beslutninger på det."

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            meetings.close(app.db, meeting, POSTPONE_REASON if left else None)
        except VisitationError as exc:
            app.notify(exc.message, title="Mødet blev ikke lukket", severity="error")
            return
        app.notify(f"Mødet {meeting} er lukket" + (f"; {len(left)} sag(er) udsat." if left else "."),
                   title="Mødet er lukket")
        app.open_meeting(meeting)

    app.push_screen(ConfirmDialog(f"Luk mødet {meeting}?", body, "Luk mødet"), answered)
