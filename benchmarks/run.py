"""Visitation's performance figures, as a readable report (never as timed assertions in the tests).

    python benchmarks/run.py [--cases 100000] [--repeat 5] [--runs 15] [--fresh] [--only startup,search,import]

1. startup  whole-process `visitation --help` against `python -c "import typer"` (alternated, medians,
            ratio; target at most 1.3x), replayed from the help cache and drawn afresh, and whether `--help`
            loads SQLModel/SQLAlchemy/Textual.
2. search   `services.cases.search(text=…, limit=100)` over ~50 terms on a database of --cases cases,
            with and without its audit write, against the same query in plain `sqlite3`.
3. import   `services.casefiles.import_file` for 1,000 generated case files into a fresh database
            (files/second), and whole-process `visitation case import` for 20 of them (ms/process).

The generated database is cached (see --cache) so re-runs are quick; --fresh rebuilds it. The search runs
on a copy, because the audited search appends to the audit log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (the sibling module)

GENERATOR_VERSION = 3
"""Bump when generate.py changes what it writes, so cached databases are rebuilt."""

def help_probe() -> str:
    """Python code that runs `visitation --help` exactly as the console script does (its entry point's
    module and function, resolved here from the installed metadata) and reports the modules loaded."""
    from importlib.metadata import entry_points

    (ep,) = entry_points(group="console_scripts", name="visitation")
    return (f"import sys\nfrom {ep.module} import {ep.attr} as entry\n"
            "sys.argv = ['visitation', '--help']\n"
            "try:\n    entry()\nexcept SystemExit:\n    pass\n"
            "import json\ntop = sorted({m.split('.')[0] for m in sys.modules})\n"
            "sys.stderr.write('MODULES ' + json.dumps({'count': len(sys.modules), 'top': top}) + '\\n')\n")


# ------------------------------------------------------------------------------------------ helpers

def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def header(title: str) -> None:
    out()
    out(f"== {title} " + "=" * max(0, 96 - len(title)))


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def clean_env(home: Path) -> dict[str, str]:
    """The environment for subprocesses: a throwaway HOME, no VISITATION_DB, a fixed user, and bytecode
    cached (in a temp folder, so the checkout stays clean) as on a user's machine, even where
    PYTHONDONTWRITEBYTECODE is set: without it every process recompiles every module from source."""
    drop = {"XDG_DATA_HOME", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("VISITATION_") and k not in drop}
    env.update(HOME=str(home), VISITATION_USER="benchmark", PYTHONPYCACHEPREFIX=str(home.parent / "pycache"))
    return env


def visitation_command() -> list[str]:
    """The installed console script of this interpreter's environment."""
    script = Path(sys.executable).parent / "visitation"
    if script.exists():
        return [str(script)]
    found = shutil.which("visitation")
    if not found:
        sys.exit("the `visitation` command is not installed (pip install -e .)")
    return [found]


def timed_run(cmd: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def alternate(a: list[str], b: list[str], runs: int, env: dict[str, str],
              warmups: int = 2) -> tuple[list[float], list[float]]:
    """Run A B A B …: `warmups` untimed pairs, then `runs` timed pairs."""
    for _ in range(warmups):
        timed_run(a, env)
        timed_run(b, env)
    ta, tb = [], []
    for _ in range(runs):
        ta.append(timed_run(a, env))
        tb.append(timed_run(b, env))
    return ta, tb


# ------------------------------------------------------------------------------------------ 1. startup

def bench_startup(runs: int, home: Path) -> dict[str, Any]:
    header(f"1. Start-up: `visitation --help` vs `python -c \"import typer\"` ({runs} runs each, alternated)")
    env = clean_env(home)
    cli = visitation_command()
    a, b = cli + ["--help"], [sys.executable, "-c", "import typer"]
    ta, tb = alternate(a, b, runs, env)  # the warm-ups draw the help once; the timed runs replay it
    td, tb2 = alternate(a, b, runs, {**env, "VISITATION_NO_HELP_CACHE": "1"})  # drawn every time
    ma, mb, md, mb2 = (statistics.median(t) for t in (ta, tb, td, tb2))
    ratio = ma / mb
    out(f"  visitation --help (cached)  median {ms(ma)}   (min {ms(min(ta))}, max {ms(max(ta))})")
    out(f"  python -c 'import typer'    median {ms(mb)}   (min {ms(min(tb))}, max {ms(max(tb))})")
    out(f"  ratio                       {ratio:.2f}x   target <= 1.30x: {'met' if ratio <= 1.3 else 'NOT MET'}")
    out(f"  visitation --help (drawn)   median {ms(md)}   against import typer {ms(mb2)}: {md / mb2:.2f}x "
        "(the first help after an install or a change, or VISITATION_NO_HELP_CACHE=1)")

    code = help_probe()
    probe = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    line = next(x for x in probe.stderr.splitlines() if x.startswith("MODULES "))
    loaded = json.loads(line.removeprefix("MODULES "))
    heavy = {name: name in loaded["top"]
             for name in ("sqlmodel", "sqlalchemy", "textual", "screens", "pydantic", "rich")}
    out(f"  --help through the entry point loads {loaded['count']} modules; "
        + ", ".join(f"{k}: {'yes' if v else 'no'}" for k, v in heavy.items()))

    timing = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env,
                            capture_output=True, text=True, check=True).stderr
    top: list[tuple[int, str]] = []
    for row in timing.splitlines():
        if not row.startswith("import time:") or "cumulative" in row:
            continue
        _, cumulative, name = row.split("|")
        if not name[1:].startswith(" "):  # top-level imports only (nested ones are indented)
            top.append((int(cumulative), name.strip()))
    top.sort(reverse=True)
    out("  heaviest top-level imports of --help (python -X importtime, cumulative): "
        + ", ".join(f"{n} {us / 1000:.0f} ms" for us, n in top[:6]))
    return {"help_ms": ma * 1000, "typer_ms": mb * 1000, "ratio": ratio, "drawn_ms": md * 1000,
            **{f"loads_{k}": v for k, v in heavy.items()}}


# ------------------------------------------------------------------------------------------ 2. search

def cache_dir(given: Path | None) -> Path:
    if given:
        return given
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "visitation-benchmarks"


def cached_database(n_cases: int, folder: Path, fresh: bool) -> Path:
    """The generated database for n_cases, built once and kept (atomically: built aside, then renamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cases-{n_cases}-v{GENERATOR_VERSION}.db"
    if path.exists() and not fresh:
        out(f"  database: {path} (cached; --fresh rebuilds it)")
        return path
    building = folder / f".building-{os.getpid()}.db"
    for p in (path, building):
        for suffix in ("", "-wal", "-shm"):
            p.with_name(p.name + suffix).unlink(missing_ok=True)
    out(f"  generating {n_cases:,} cases into {path} …")
    began = time.perf_counter()
    generate.generate(building, n_cases, echo=lambda s: out("  " + s))
    building.rename(path)
    out(f"  generated in {time.perf_counter() - began:.1f} s")
    return path


def search_terms(db_file: Path) -> list[str]:
    """~50 terms: many matches (common names, caseworkers, schools, a year), few (a ref, rare pairs), none."""
    rng = random.Random(7)
    con = sqlite3.connect(db_file)
    refs = [r for (r,) in con.execute('SELECT ref FROM "case" ORDER BY id')]
    con.close()
    picks = [refs[int(len(refs) * f)] for f in (0.01, 0.3, 0.55, 0.8, 0.999)]
    many = ["jensen", "nielsen", "hansen", "emma", "noah", "alma", "mette holm", "ole berg", "munkebo skole",
            "børnehuset", "2019-", "3.b", "skole", "an", "møller", "ahmed"]
    few = [p.lower() for p in picks] + [
        f"{rng.choice(generate.GIRLS)} {rng.choice(generate.SURNAMES)} {rng.choice(generate.SURNAMES)}".lower()
        for _ in range(6)] + [
        "vigga kowalski", "storm yilmaz", "ali hussein", "hirtshals skole, 9.c", "tårs skole, 0.a",
        "naturbørnehaven skovly, frøgruppen", "kirsten bruun", f"{refs[len(refs) // 2][:-1]}"]
    none = ["xyzzy", "zzqq", "1999-", "schmidt", "ørnebjerg", "københavn", "qwerty", "mads mikkelsen jr",
            "2031-", "100%", "under_score", "særlig skole, 11.x", "zoë", "ååå", "nnnnn", "o'brien"]
    return many + few + none


RAW_SQL = ('SELECT "case".*, child.* FROM "case" JOIN child ON "case".child_id = child.id '
           "WHERE \"case\".search_text LIKE ? ESCAPE '/' ORDER BY \"case\".ref DESC LIMIT 100")
RAW_FTS = ('SELECT "case".*, child.* FROM "case" JOIN child ON "case".child_id = child.id '
           'WHERE "case".id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?) '
           'ORDER BY "case".ref DESC LIMIT 100')
"""What the service runs, written by hand: the trigram index for 3+ characters, LIKE below that."""


def raw_query(term: str) -> tuple[str, tuple[str]]:
    """The plain-sqlite3 statement and parameter for a term, as the service chooses them."""
    needle = term.lower()
    if len(needle) >= 3:
        return RAW_FTS, ('"' + needle.replace('"', '""') + '"',)
    return RAW_SQL, (like_pattern(term),)


def like_pattern(term: str) -> str:
    """What SQLAlchemy's contains(autoescape=True) binds: the term with / % _ escaped, inside %…%."""
    escaped = term.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def bench_search(n_cases: int, repeat: int, folder: Path, fresh: bool, work: Path, home: Path) -> dict[str, Any]:
    header(f"2. Search: `case list --search` on {n_cases:,} cases, in-process, limit 100")
    from visitation.services import cases
    from visitation.services.db import open_db

    source = cached_database(n_cases, folder, fresh)
    db_file = work / "search.db"
    shutil.copyfile(source, db_file)
    terms = search_terms(db_file)
    began = time.perf_counter()
    db = open_db(str(db_file), "benchmark")  # brings a cached database to the current schema
    out(f"  opened (and if needed migrated) in {time.perf_counter() - began:.1f} s")

    raw = sqlite3.connect(db_file)
    counts = {t: raw.execute('SELECT count(*) FROM "case" WHERE search_text LIKE ? ESCAPE \'/\'',
                             (like_pattern(t),)).fetchone()[0] for t in terms}
    plan = " / ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + RAW_FTS, ('"xyz"',)))
    short = " / ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + RAW_SQL, ("%x%",)))
    buckets = {"100+": sum(c >= 100 for c in counts.values()), "1-99": sum(0 < c < 100 for c in counts.values()),
               "0": sum(c == 0 for c in counts.values())}
    out(f"  {len(terms)} terms; matches per term: {buckets['100+']} with 100 or more, {buckets['1-99']} with 1-99, "
        f"{buckets['0']} with none")
    out(f"  plan (plain sqlite3), 3+ characters: {plan}")
    out(f"  plan (plain sqlite3), 1-2 characters: {short}")

    def run_raw(term: str) -> list[Any]:
        return raw.execute(*raw_query(term)).fetchall()

    def run_service(term: str) -> list[Any]:
        return cases.search(db, text=term, limit=100, audit_read=False)

    def run_audited(term: str) -> list[Any]:
        return cases.search(db, text=term, limit=100)

    for term in terms:  # the same answers, and a warm page cache
        got = [r.ref for r in run_service(term)]
        want = [row[1] for row in run_raw(term)]
        if got != want:
            sys.exit(f"search '{term}': the service and plain sqlite3 disagree ({len(got)} vs {len(want)} rows)")
    variants: dict[str, Callable[[str], Any]] = {"raw": run_raw, "service": run_service, "audited": run_audited}
    times: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(repeat):
        for term in terms:
            for name, fn in variants.items():  # interleaved, so machine noise hits all three alike
                began = time.perf_counter()
                fn(term)
                times[name].append(time.perf_counter() - began)
    raw.close()
    db.engine.dispose()

    med = {k: statistics.median(v) for k, v in times.items()}
    high = {k: p95(v) for k, v in times.items()}
    labels = {"raw": "plain sqlite3, same query by hand", "service": "services.cases.search, audit_read=False",
              "audited": "services.cases.search (default: + audit write)"}
    out(f"  {len(terms) * repeat} searches per variant ({repeat} passes over the terms):")
    out(f"  {'':48} {'median':>11} {'p95':>11}   ratio to sqlite3 (median, p95)")
    for k in variants:
        ratio = "" if k == "raw" else f"   {med[k] / med['raw']:5.2f}x, {high[k] / high['raw']:5.2f}x"
        out(f"  {labels[k]:48} {ms(med[k])} {ms(high[k])}{ratio}")
    for label, keep in (("3+ characters (trigram index)", lambda t: len(t) >= 3),
                        ("1-2 characters (LIKE scan)", lambda t: len(t) < 3)):
        picked = [i for i, t in enumerate(terms) if keep(t)]
        part = {k: [v[r * len(terms) + i] for r in range(repeat) for i in picked] for k, v in times.items()}
        if picked:
            out(f"    {label}, {len(picked)} terms: plain sqlite3 {ms(statistics.median(part['raw']))}, "
                f"service {ms(statistics.median(part['service']))}, audited {ms(statistics.median(part['audited']))}")
    per_term = {t: statistics.median(times["raw"][i::len(terms)]) for i, t in enumerate(terms)}
    slow = sorted(terms, key=per_term.__getitem__, reverse=True)[:3]
    out("  slowest terms in plain sqlite3: "
        + ", ".join(f"'{t}' ({counts[t]} matches, {per_term[t] * 1000:.1f} ms)" for t in slow))

    cli = visitation_command()
    env = clean_env(home)
    per_process = [timed_run(cli + ["--db", str(db_file), "case", "list", "--search", t, "--json"], env)
                   for t in ("jensen", "xyzzy", "jensen", "xyzzy", "jensen", "xyzzy")]
    out("  whole process `visitation case list --search … --json` (6 runs): "
        f"median {ms(statistics.median(per_process))}")
    return {"terms": len(terms), **{f"{k}_median_ms": v * 1000 for k, v in med.items()},
            **{f"{k}_p95_ms": v * 1000 for k, v in high.items()},
            "cli_ms": statistics.median(per_process) * 1000}


# ------------------------------------------------------------------------------------------ 3. import

def case_files(n: int, folder: Path, seed: int = 11) -> list[Path]:
    """n valid case files (visitation.case/1), with the shape of data/demo/cases/*.json."""
    from visitation.domain.profiles import SECTORS, load_profile

    rng = generate.Rng(seed)
    catalogues = {k: generate.Catalogue(load_profile(k)) for k in generate.PROFILE_WEIGHTS}
    keys = list(catalogues)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        cat = catalogues[keys[i % len(keys)]]
        step = rng.choice(cat.steps)
        age = rng.randint(1, 17)
        name = generate.child_name(rng)
        born = generate.TODAY - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        target = min(cat.steps[-1], step + rng.choice((0, 1)))
        seen = generate.TODAY - dt.timedelta(days=rng.randint(5, 40))
        doc = {
            "format": "visitation.case/1", "ref": f"IMP-{i + 1:05d}", "profile": cat.key,
            "child": {"name": name, "initials": generate.initials(name), "birth_date": born.isoformat(), "cpr": None},
            "caseworker": rng.choice(generate.CASEWORKERS), "school": generate.school_for(rng, age),
            "reason": rng.choice(generate.REASONS), "current_step": step,
            "child_view": {"text": "Barnet fortæller, at det er glad for sin skole, men savner ro derhjemme.",
                           "how": "børnesamtale på skolen", "date": seen.isoformat()},
            "parents_view": {"text": "Forældrene ønsker hjælp.",
                             "consent": rng.choice(("yes", "partial", "no", "unknown"))},
            "assessments": [{"date": (seen + dt.timedelta(days=d)).isoformat(),
                             "zone": min(cat.zones[-1], max(cat.zones[0], step + rng.randint(-1, 1))),
                             "axis": "child", "rater": f"{rng.choice(generate.ADULTS)} {rng.choice(generate.SURNAMES)}",
                             "role": rng.choice(generate.RATER_ROLES),
                             "protective": rng.sample(generate.PROTECTIVE, 2), "risk": rng.sample(generate.RISKS, 2),
                             "note": "Observationer fra hverdagen."} for d in range(rng.randint(2, 3))],
            "network": [{"name": generate._member_name(rng, rel, sector), "relation": rel, "sector": sector,
                         "ring": ring, "valence": valence, "placement_candidate": sector == "family" and ring == 1,
                         "note": ""}
                        for rel, sector, ring, valence in rng.sample(generate.RELATIONS, rng.randint(3, 8))],
            "proposal": {"step": target, "interventions": cat.interventions(rng, target),
                         "purpose": rng.choice(generate.PURPOSES), "duration": rng.choice(generate.DURATIONS),
                         "rationale": "Indsatsen matcher barnets behov."},
            "alternatives": [{"step": lower, "intervention": key, "verdict": "rejected",
                              "reason": "Afprøvet uden effekt."}
                             for lower in cat.required.get(target, ()) for key in cat.interventions(rng, lower)[:1]],
        }
        assert all(p["sector"] in SECTORS for p in doc["network"])
        path = folder / f"{doc['ref']}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def bench_import(work: Path, home: Path, processes: int = 20) -> dict[str, Any]:
    header("3. Import: 1,000 case files (visitation.case/1)")
    from visitation.services import casefiles
    from visitation.services.db import open_db

    files = case_files(1000, work / "casefiles")
    out(f"  {len(files)} files generated, "
        f"{sum(p.stat().st_size for p in files) / len(files) / 1024:.1f} KB each on average")
    db = open_db(str(work / "import.db"), "benchmark")   # created and migrated before the clock starts
    began = time.perf_counter()
    for path in files:
        casefiles.import_file(db, path)
    elapsed = time.perf_counter() - began
    db.engine.dispose()
    out(f"  casefiles.import_file, in-process:  {len(files) / elapsed:7.1f} files/s   "
        f"({elapsed / len(files) * 1000:.2f} ms per file, "
        f"{elapsed:.1f} s in all; one write transaction with fsync each)")

    cli, env = visitation_command(), clean_env(home)
    target = work / "import-cli.db"
    subprocess.run(cli + ["--db", str(target), "init"], env=env, check=True, capture_output=True)
    per = [timed_run(cli + ["--db", str(target), "case", "import", str(p)], env) for p in files[:processes]]
    out(f"  `visitation case import FILE`, whole process, {processes} files: median {ms(statistics.median(per))}, "
        f"mean {ms(statistics.fmean(per))} per process")
    return {"files_per_s": len(files) / elapsed, "cli_import_ms": statistics.median(per) * 1000}


# ------------------------------------------------------------------------------------------ main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases in the search database (default 100,000)")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the ~50 search terms (default 5)")
    parser.add_argument("--runs", type=int, default=15,
                        help="timed runs of each start-up command (default 15, at least 10)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached database")
    parser.add_argument("--cache", type=Path, default=None, help="where generated databases are kept "
                        "(default $XDG_CACHE_HOME/visitation-benchmarks or ~/.cache/visitation-benchmarks)")
    parser.add_argument("--only", default="startup,search,import", help="comma-separated sections to run")
    args = parser.parse_args(argv)
    sections = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = sections - {"startup", "search", "import"}
    if unknown:
        parser.error(f"--only: unknown section(s) {', '.join(sorted(unknown))}")
    if args.runs < 10:
        parser.error("--runs: at least 10")

    import visitation

    out(f"Visitation {visitation.__version__} benchmarks, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    out(f"Python {platform.python_version()} ({sys.executable}), SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} cores, {platform.platform()}")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="visitation-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        if "startup" in sections:
            bench_startup(args.runs, home)
        if "search" in sections:
            bench_search(args.cases, args.repeat, cache_dir(args.cache), args.fresh, work, home)
        if "import" in sections:
            bench_import(work, home)
    out()
    out(f"done in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
