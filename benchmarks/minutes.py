"""Time to render the minutes of a 20-case meeting, per format, before and after a change, in-process.

    python benchmarks/minutes.py [--before main] [--cases 20] [--repeat 7] [--rounds 3] [--whole 0] [--keep DIR]

The meeting is built the way a municipality would fill it: the demo case files of one municipality
(Socialstyrelsen's default profile: a meeting belongs to one) are imported again under new references,
cycling through them, put on one meeting's docket, and each case gets a decision — its own proposal
approved where the rules allow it, else referred to the committee, else postponed — so the minutes have
every kind of case.

Before and after in one run: the `--before` git ref (default `main`) is exported with `git archive` and the
working tree is the after. Each is measured in a process of its own that imports that code (the same
module names cannot be loaded twice in one process), in-process there: `build()` once, then each format's
`render()` (medians of --repeat), and a baseline (a fixed pure-Python workload) in the same process, so
figures can be compared across a noisy machine as multiples of the baseline. The two are alternated for
--rounds rounds and the medians printed with the ratio after/before. `--whole N` adds N runs of the whole
command `visitation minutes … -o FILE` per format (the after code only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import replace
from pathlib import Path

FORMATS = ("md", "html", "docx", "json")
MEETING = "VM-2027-01-12"
ROOT = Path(__file__).resolve().parents[1]
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


def baseline() -> float:
    """A fixed pure-Python workload (sorting, hashing, formatting): what this machine does in a moment now."""
    rows = [(f"{n:06d}", n * 7919 % 10007) for n in range(20_000)]
    text = "".join(f"{a}:{b};" for a, b in sorted(rows, key=lambda r: r[1]))
    return float(len(hashlib.sha256(text.encode()).hexdigest()))


def _median_ms(run, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_process(db_path: Path, repeat: int) -> dict[str, float]:
    """Median milliseconds in this process: `build()`, each format's `render()`, and the baseline, alternated."""
    from visitation.minutes import build, render
    from visitation.services.db import open_db

    db = open_db(f"sqlite:///{db_path}", "benchmark")
    doc = build(db, MEETING, "internal")
    for fmt in FORMATS:  # warm: imports, profiles, fonts
        render(doc, fmt)
    found: dict[str, list[float]] = {"baseline": [], "build": [], **{f: [] for f in FORMATS}}
    for _ in range(repeat):
        found["baseline"].append(_median_ms(baseline, 1))
        found["build"].append(_median_ms(lambda: build(db, MEETING, "internal"), 1))
        for fmt in FORMATS:
            found[fmt].append(_median_ms(lambda fmt=fmt: render(doc, fmt), 1))
    assert len(doc.cases) > 0
    db.engine.dispose()
    return {k: statistics.median(v) for k, v in found.items()}


def exported(ref: str, folder: Path) -> Path:
    """The tree of a git ref, exported to a folder (its own `visitation` package)."""
    target = folder / f"tree-{ref.replace('/', '_')}"
    if not target.exists():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref], check=True,
                                 capture_output=True).stdout
        target.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return target


def measure(tree: Path, db_path: Path, repeat: int) -> dict[str, float]:
    """`in_process` run by a process that imports the code of `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(db_path),
                          "--repeat", str(repeat)], check=True, capture_output=True, text=True, env=env, cwd=tree)
    return json.loads(out.stdout.strip().splitlines()[-1])


def whole_process(db_path: Path, folder: Path, runs: int) -> dict[str, float]:
    """Median milliseconds of `visitation minutes MEETING --format F -o FILE` per format, and of
    `visitation meeting list` as the baseline cost of starting a process that opens the database."""
    found: dict[str, list[float]] = {f: [] for f in (*FORMATS, "baseline")}
    base = [sys.executable, "-m", "visitation", "--db", str(db_path), "--user", "benchmark"]
    command = [*base, "minutes", MEETING]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*base, "meeting", "list"], check=True, capture_output=True, env=env)
        found["baseline"].append(time.perf_counter() - start)
        for fmt in FORMATS:
            start = time.perf_counter()
            subprocess.run([*command, "--format", fmt, "-o", str(folder / f"minutes.{fmt}")], check=True,
                           capture_output=True, env=env)
            found[fmt].append(time.perf_counter() - start)
    return {k: statistics.median(v) * 1000 for k, v in found.items()}


def report(before: dict[str, list[float]], after: dict[str, list[float]], ref: str) -> None:
    """The table: medians over the rounds, the ratio after/before, and each as a multiple of the baseline."""
    med = {side: {k: statistics.median(v) for k, v in runs.items()} for side, runs in (("b", before), ("a", after))}
    print(f"baseline (fixed pure-Python workload): before-process {med['b']['baseline']:.1f} ms, "  # noqa: T201
          f"after-process {med['a']['baseline']:.1f} ms")
    print(f"{'':<8}{ref + ' ms':>14}{'after ms':>11}{'after/before':>14}{'before ×base':>14}{'after ×base':>13}")  # noqa: T201
    for key in ("build", *FORMATS):
        b, a = med["b"][key], med["a"][key]
        print(f"{key:<8}{b:>14.1f}{a:>11.1f}{a / b:>14.2f}{b / med['b']['baseline']:>14.2f}"  # noqa: T201
              f"{a / med['a']['baseline']:>13.2f}")
    print("(render only: build() once, then render() per format; build is the shared gathering from the "  # noqa: T201
          "database; medians of the rounds' medians)")


def main() -> None:
    """Build the meeting, time before and after, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="The git ref to compare with (default main).")
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--whole", type=int, default=0, help="Also N whole-process runs per format (after only).")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the database and files in this folder.")
    parser.add_argument("--worker", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build is not None:  # a database of this tree's own schema (an older tree cannot open a newer one)
        build_meeting(args.build, args.cases)
        return
    if args.worker is not None:
        print(json.dumps(in_process(args.worker, args.repeat)))  # noqa: T201
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "minutes.db"
    db_path.unlink(missing_ok=True)
    start = time.perf_counter()
    build_meeting(db_path, args.cases)
    print(f"A meeting of {args.cases} cases built in {time.perf_counter() - start:.1f} s ({db_path})")  # noqa: T201
    old = exported(args.before, folder)
    old_db = folder / "minutes-before.db"
    old_db.unlink(missing_ok=True)
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--build", str(old_db), "--cases", str(args.cases)],
                   check=True, env={**os.environ, "PYTHONPATH": str(old)}, cwd=old)
    before: dict[str, list[float]] = {}
    after: dict[str, list[float]] = {}
    for _ in range(args.rounds):  # alternated, so the machine's noise falls on both
        for side, tree, path in ((before, old, old_db), (after, ROOT, db_path)):
            for key, value in measure(tree, path, args.repeat).items():
                side.setdefault(key, []).append(value)
    report(before, after, args.before)
    if args.whole:
        outer = whole_process(db_path, folder, args.whole)
        print("whole process (after): " + ", ".join(f"{f} {outer[f]:.0f} ms" for f in FORMATS)  # noqa: T201
              + f"; baseline `visitation meeting list` {outer['baseline']:.0f} ms")


if __name__ == "__main__":
    main()
