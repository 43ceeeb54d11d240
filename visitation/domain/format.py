"""Values as Danish text, in one place (SPEC §9.5): labels for keys, decimal comma, one date style, local time.

Text output (the CLI's tables and pages, the TUI) uses these; JSON keeps the keys, numbers as numbers and ISO
dates. Prose dates read `2. december 2026`, table dates `02.12.2026`; times are shown in Europe/Copenhagen.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from visitation.domain.decision import CONSENT_LABELS, OUTCOME_LABELS, VERDICT_LABELS, YOUTH_CONSENT_LABELS
from visitation.domain.network import SECTOR_LABELS

TIMEZONE = "Europe/Copenhagen"
NONE = "–"
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")

MEETING_STATES = {"planned": "planlagt", "running": "i gang", "closed": "lukket"}
DOCKET_STATES = {"waiting": "venter", "in_progress": "i gang", "decided": "besluttet", "postponed": "udsat",
                 "rejected": "afvist", "referred": "indstillet til BUU"}
CASE_STATES = {"open": "åben", "closed": "lukket"}
AXIS_LABELS = {"child": "barnets udvikling", "parents": "forældrenes omsorg"}
VALENCE_LABELS = {"resource": "ressource", "concern": "bekymring", "both": "ressource og bekymring"}
AUDIT_ACTIONS = {"read": "læst", "create": "oprettet", "import": "indlæst", "update": "ændret", "delete": "fjernet",
                 "decide": "besluttet", "export": "udskrevet", "conflict": "ændring afvist", "restore": "gendannet",
                 "backup": "sikkerhedskopi", "citizen": "udtræk til borgeren", "print": "udskrevet"}
AUDIT_OBJECTS = {"case": "sag", "alternative": "alternativ", "assessment": "vurdering", "followup": "opfølgning",
                 "goal": "mål", "goal_score": "målscore", "ics": "ICS-note", "meeting": "møde",
                 "network_member": "netværksperson", "network": "netværkskort", "proposal": "indstilling",
                 "safety-rule": "sikkerhedsregel", "sos": "Signs of Safety", "sos-scale": "sikkerhedsskala",
                 "decision": "beslutning", "docket_item": "dagsordenspunkt", "draft_decision": "beslutningsudkast",
                 "database": "database"}
CONSENTS = {**{k.value: v for k, v in CONSENT_LABELS.items()}, **{k.value: v for k, v in YOUTH_CONSENT_LABELS.items()}}
VERDICTS = {k.value: v for k, v in VERDICT_LABELS.items()}
OUTCOMES = {k.value: v.lower() for k, v in OUTCOME_LABELS.items()}
SECTORS = {k: v.lower() for k, v in SECTOR_LABELS.items()}


def label(labels: dict[str, str], key: Any) -> str:
    """A key's Danish label; an unknown key (an old database's) as it is rather than a crash."""
    return labels.get(str(key), str(key)) if key not in (None, "") else NONE


def number(value: float | int | None, decimals: int = 1) -> str:
    """`33.333` as `33,3`; whole numbers without decimals; None as –."""
    if value is None:
        return NONE
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.{decimals}f}".replace(".", ",")


def percent(value: float | None, decimals: int = 1) -> str:
    """`33.333` as `33,3 %` (Danish: a space before the sign); None as –."""
    return NONE if value is None else f"{number(value, decimals)} %"


def day(value: dt.date | str | None) -> str:
    """A date in a table: `02.12.2026` (an ISO string is read first)."""
    found = _date(value)
    return f"{found:%d.%m.%Y}" if found else NONE


def prose_day(value: dt.date | str | None) -> str:
    """A date in a sentence: `2. december 2026`."""
    found = _date(value)
    return f"{found.day}. {MONTHS[found.month - 1]} {found.year}" if found else NONE


def moment(value: dt.datetime | None) -> str:
    """A point in time in Copenhagen: `02.12.2026 16:45`. A naive time is UTC (as the database stores it)."""
    if value is None:
        return NONE
    return f"{local(value):%d.%m.%Y %H:%M}"


def local(value: dt.datetime) -> dt.datetime:
    """A time in Europe/Copenhagen (naive means UTC)."""
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(_zone())


@cache
def _zone() -> ZoneInfo:
    return ZoneInfo(TIMEZONE)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return local(value).date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def interventions(keys: Any, profile: Any) -> str:
    """Intervention keys as the profile's labels, comma-separated (a key the profile lacks is shown as is)."""
    found = [profile.intervention(k) if profile else None for k in keys or ()]
    return ", ".join(i.label if i else k for i, k in zip(found, keys or (), strict=True)) or NONE
