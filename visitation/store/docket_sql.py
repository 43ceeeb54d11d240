"""The docket's queries as plain SQL, the one definition both readers run: SQLAlchemy (`text()`, every database)
and the standard library's `sqlite3` (the TUI's first paint, before SQLAlchemy has loaded). Portable SQL with
named parameters (`:name`), which both drivers take."""

from __future__ import annotations

MEETING_BY_REF = "SELECT id, ref, date, title, chair, state FROM meeting WHERE ref = :ref"
MEETING_BY_ID = "SELECT id, ref, date, title, chair, state FROM meeting WHERE id = :id"
NEXT_MEETING = "SELECT id FROM meeting WHERE date >= :today ORDER BY date, id LIMIT 1"
"""Today's or the next meeting."""
LATEST_MEETING = "SELECT id FROM meeting ORDER BY date DESC, id DESC LIMIT 1"
PARTICIPANTS = "SELECT name, role, organisation, present FROM participant WHERE meeting_id = :meeting ORDER BY id"
DOCKET = (
    'SELECT d.position, c.id, c.ref, ch.name, ch.initials, ch.birth_date, c.current_step, d.minutes, d.state, '
    'd.started_at, c.profile_key, c.profile_version FROM docket_item d JOIN "case" c ON c.id = d.case_id '
    "JOIN child ch ON ch.id = c.child_id WHERE d.meeting_id = :meeting ORDER BY d.position")
FOLLOWUPS = (
    "SELECT f.case_id, SUM(CASE WHEN f.due < :today THEN 1 ELSE 0 END), MIN(f.due) FROM followup f "
    "JOIN docket_item d ON d.case_id = f.case_id AND d.meeting_id = :meeting "
    "WHERE f.done_on IS NULL AND f.superseded_by_id IS NULL AND f.decision_id NOT IN "
    "(SELECT r.supersedes_id FROM decision r WHERE r.supersedes_id IS NOT NULL) GROUP BY f.case_id")
"""Per case on the docket: open follow-ups past due, and the earliest open one (`services.rows.active`)."""
DECIDED = "SELECT case_id, MAX(created_at) FROM decision WHERE meeting_id = :meeting GROUP BY case_id"
"""When each case's newest decision at the meeting was recorded."""
STORED_PROFILE = ("SELECT text FROM profile WHERE key = :key AND version = :version ORDER BY id DESC LIMIT 1")
SCHEMA_REVISION = "SELECT version_num FROM alembic_version"
