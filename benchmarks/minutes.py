"""Time to export the minutes of a 20-case meeting, per format, in-process and as a whole process.

    python benchmarks/minutes.py [--cases 20] [--repeat 7] [--runs 5] [--keep DIR]

The meeting is built the way a municipality would fill it: the demo case files of one municipality
(Socialstyrelsen's default profile: a meeting belongs to one) are imported again under new references,
cycling through them, put on one meeting's docket, and each case gets a decision — its own proposal
approved where the rules allow it, else referred to the committee, else postponed — so the minutes have
every kind of case. In-process figures are `build()` + `render()` (medians of --repeat); whole-process
figures run `visitation minutes … -o FILE` (medians of --runs, formats alternated so machine noise spreads
evenly).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

FORMATS = ("md", "html", "docx", "json")
MEETING = "VM-2027-01-12"
PROFILE = "socialstyrelsen"


def build_meeting(db_path: Path, count: int) -> str:
    """A database with a meeting of `count` decided, referred and postponed demo-like cases."""
    from visitation.domain.decision import Consent, DecisionDraft, Outcome, YouthConsent
    from visitation.errors import RuleViolation
    from visitation.paths import demo_dir
    from visitation.services import casefiles, meetings
    from visitation.services.db import open_db

    db = open_db(f"sqlite:///{db_path}", "benchmark")
    files = [p for p in sorted((demo_dir() / "cases").glob("*.json"))
             if json.loads(p.read_text(encoding="utf-8"))["profile"] == PROFILE]
    people = [meetings.NewParticipant("Hanne Kjeldsen", "mødeleder", "Børn og Familie"),
              meetings.NewParticipant("Mette Holm", "rådgiver", "Børn og Familie"),
              meetings.NewParticipant("Birgitte Lund", "PPR-psykolog", "PPR"),
              meetings.NewParticipant("Karin Friis", "sundhedsplejerske", "Sundhedsplejen", present=False)]
    meetings.new(db, day=dt.date(2027, 1, 12), chair="Hanne Kjeldsen", participants=people)
    refs = []
    for n in range(count):
        data = json.loads(files[n % len(files)].read_text(encoding="utf-8"))
        data["ref"] = f"2027-B{n + 1:03d}"
        if data["child"].get("cpr"):
            data["child"]["cpr"] = None
        casefiles.import_data(db, data)
        meetings.add_case(db, MEETING, data["ref"], 20)
        refs.append((data["ref"], data))
    for n, (ref, data) in enumerate(refs):
        proposal = data.get("proposal") or {"step": data["current_step"], "interventions": []}
        base = DecisionDraft(outcome=Outcome.APPROVED, step=proposal["step"],
                             interventions=tuple(proposal["interventions"]),
                             purpose=proposal.get("purpose", ""), duration=proposal.get("duration", ""),
                             start=dt.date(2027, 2, 1), rationale=proposal.get("rationale") or "Indstillingen følges.",
                             parents_view=data["parents_view"]["text"], consent=Consent.YES,
                             youth_consent=YouthConsent.YES, investigation_done=dt.date(2027, 1, 5),
                             return_period_months=6, siblings="Ingen anbragte søskende",
                             schooling="Bliver på sin skole", foster_assessment="Vurderet i undersøgelsen")
        referred = replace(base, outcome=Outcome.REFERRED, consent=Consent.NO)
        postponed = replace(base, outcome=Outcome.POSTPONED, interventions=())
        order = {0: (postponed,), 1: (referred, postponed)}.get(n % 5, (base, referred, postponed))
        _decide(db, ref, order, RuleViolation)
    db.engine.dispose()
    return MEETING


def _decide(db, ref, tries, violation) -> None:  # type: ignore[no-untyped-def]
    from visitation.services import decisions

    for draft in tries:
        try:
            decisions.record(db, ref, MEETING, draft)
            return
        except violation:
            continue


def in_process(db_path: Path, repeat: int) -> dict[str, float]:
    """Median milliseconds of build + render per format (and of build alone)."""
    from visitation.minutes import build, render
    from visitation.services.db import open_db

    db = open_db(f"sqlite:///{db_path}", "benchmark")
    build(db, MEETING, "internal")  # warm caches (profiles, law, python-docx import)
    render(build(db, MEETING, "internal"), "docx")
    found: dict[str, list[float]] = {"build": [], **{f: [] for f in FORMATS}}
    for _ in range(repeat):
        start = time.perf_counter()
        doc = build(db, MEETING, "internal")
        found["build"].append(time.perf_counter() - start)
        for fmt in FORMATS:
            start = time.perf_counter()
            render(build(db, MEETING, "internal"), fmt)
            found[fmt].append(time.perf_counter() - start)
    assert len(doc.cases) > 0
    db.engine.dispose()
    return {k: statistics.median(v) * 1000 for k, v in found.items()}


def whole_process(db_path: Path, folder: Path, runs: int) -> dict[str, float]:
    """Median milliseconds of `visitation minutes MEETING --format F -o FILE` per format, and of
    `visitation meeting list` as the baseline cost of starting a process that opens the database."""
    found: dict[str, list[float]] = {f: [] for f in (*FORMATS, "baseline")}
    base = [sys.executable, "-m", "visitation", "--db", str(db_path), "--user", "benchmark"]
    command = [*base, "minutes", MEETING]
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*base, "meeting", "list"], check=True, capture_output=True)
        found["baseline"].append(time.perf_counter() - start)
        for fmt in FORMATS:
            start = time.perf_counter()
            subprocess.run([*command, "--format", fmt, "-o", str(folder / f"minutes.{fmt}")], check=True,
                           capture_output=True)
            found[fmt].append(time.perf_counter() - start)
    return {k: statistics.median(v) * 1000 for k, v in found.items()}


def main() -> None:
    """Build the meeting, time it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the database and files in this folder.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "minutes.db"
    db_path.unlink(missing_ok=True)
    start = time.perf_counter()
    build_meeting(db_path, args.cases)
    print(f"A meeting of {args.cases} cases built in {time.perf_counter() - start:.1f} s ({db_path})")  # noqa: T201
    inner = in_process(db_path, args.repeat)
    outer = whole_process(db_path, folder, args.runs)
    sizes = {f: (folder / f"minutes.{f}").stat().st_size for f in FORMATS}
    print(f"build() alone: {inner['build']:.0f} ms (median of {args.repeat})")  # noqa: T201
    print(f"{'format':<8}{'in-process ms':>15}{'whole-process ms':>19}{'file KB':>10}")  # noqa: T201
    for fmt in FORMATS:
        print(f"{fmt:<8}{inner[fmt]:>15.0f}{outer[fmt]:>19.0f}{sizes[fmt] / 1024:>10.0f}")  # noqa: T201
    print(f"baseline: `visitation meeting list` on the same database takes {outer['baseline']:.0f} ms")  # noqa: T201
    print(f"(in-process = build + render; whole-process = median of {args.runs} runs of "  # noqa: T201
          f"`visitation minutes {MEETING} --format F -o FILE`)")


if __name__ == "__main__":
    main()
