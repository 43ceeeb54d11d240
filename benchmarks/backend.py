"""Issue 17's backend figures: `stats --json`, the audited search, and `verify`/`backup` memory — before and after.

    python benchmarks/backend.py --db /tmp/bench17/c100k.db --base /work/wt-speed17-base [--runs 7] [--repeat 3]
    python benchmarks/backend.py --db postgresql+psycopg://postgres@127.0.0.1:55432/bench17_100k \\
        --terms-from /tmp/bench17/c100k.db --base /work/wt-speed17-base --only stats,search

"After" is this checkout, "before" the checkout `--base` (e.g. a worktree of main); each is run in processes
of its own (`PYTHONPATH`), alternated, so machine noise hits both alike. Every figure has its baseline measured
in the same run:
- stats: whole process `visitation stats --json` against a Python process running the very statements the
  "after" code runs (captured from it) with the plain driver (`sqlite3` or `psycopg`); before and after must
  print the same JSON.
- search: in one process per checkout, each term timed interleaved with the same search written by hand
  (the FTS5 query `run.py` calls plain sqlite3; on PostgreSQL, LIKE through `psycopg`): the audited
  `services.cases.search` (what `case list --search` does) against it, median and worst term.
- memory: peak RSS (`/usr/bin/time -f %M`) of whole-process `verify` and `backup`.
- floors (`--only floors`, this checkout, SQLite): `stats --json` against its parts measured apart (the
  command's imports with the database opened; the same SQL via sqlite3), `minutes` against `meeting list`
  (`--meeting REF`), and the search split into the hand-written query, the service without its audit row and
  the audited service: where each figure's floor is.
A SQLite database is searched in a copy (the audited search writes to it).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
AFTER = HERE.parent


def is_pg(db: str) -> bool:
    return db.startswith("postgresql")


def env_for(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "VISITATION_USER": "benchmark"}


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall and CPU seconds (user + system, from the child's rusage) of a whole process, and its output."""
    with tempfile.TemporaryFile("w+") as out:
        began = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.DEVNULL, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - began
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            sys.exit(f"failed ({child.returncode}): {' '.join(cmd)}")
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, out.read()


def say(line: str) -> None:
    """A line of the report, at once (the runs are long)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------- workers

def capture_stats_sql(db_arg: str, out: Path) -> None:
    """Run `key_figures` once and keep every statement and its parameters as the driver got them."""
    from sqlalchemy import event

    from visitation.services import stats
    from visitation.services.db import open_db

    db = open_db(db_arg, "benchmark", migrate=False)
    seen: list[tuple[str, Any]] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda conn, cursor, stmt, params, context, many: seen.append((stmt, params)))
    stats.key_figures(db)
    out.write_bytes(pickle.dumps([(s, p) for s, p in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]))


def raw_stats(db_arg: str, sql_file: str) -> None:
    """The baseline: the same statements through the plain driver, every row fetched."""
    statements = pickle.loads(Path(sql_file).read_bytes())
    if is_pg(db_arg):
        import psycopg

        con = psycopg.connect(db_arg.replace("postgresql+psycopg://", "postgresql://"), options="-c TimeZone=UTC")
    else:
        import sqlite3

        con = sqlite3.connect(db_arg)
    cur = con.cursor()
    for statement, params in statements:
        cur.execute(statement, params)
        cur.fetchall()
    con.close()


def opened(db_arg: str) -> None:
    """The floor of `stats` but its SQL: the command's imports and the database opened, nothing computed."""
    import visitation.cli.main  # noqa: F401
    import visitation.cli.misc  # noqa: F401
    import visitation.cli.render  # noqa: F401
    from visitation.services.db import open_db

    with open_db(db_arg, "benchmark", migrate=False).read() as session:
        session.connection()


def search_parts(db_arg: str, terms_file: str, repeat: int) -> None:
    """Per term, interleaved: the hand-written search, the service without its audit row, the audited service;
    medians per term in ms (JSON): where the audited search's time goes."""
    sys.path.insert(0, str(HERE))
    import sqlite3

    from run import raw_query  # noqa: PLC0415

    from visitation.services import cases
    from visitation.services.db import open_db

    terms = json.loads(Path(terms_file).read_text())
    db, con = open_db(db_arg, "benchmark", migrate=False), sqlite3.connect(db_arg)
    ways = {"raw": lambda t: con.execute(*raw_query(t)).fetchall(),
            "unaudited": lambda t: cases.search(db, text=t, audit_read=False),
            "audited": lambda t: cases.search(db, text=t)}
    times: dict[str, dict[str, list[float]]] = {t: {k: [] for k in ways} for t in terms}
    for _ in range(repeat):
        for term in terms:
            for name, fn in ways.items():
                began = time.perf_counter()
                fn(term)
                times[term][name].append(time.perf_counter() - began)
    say(json.dumps({t: {k: statistics.median(v) * 1000 for k, v in d.items()} for t, d in times.items()}))


def search_worker(db_arg: str, terms_file: str, repeat: int) -> None:
    """Per term: the hand-written search and the audited service, interleaved; medians per term in ms (JSON)."""
    sys.path.insert(0, str(HERE))
    from run import RAW_SQL, like_pattern, raw_query  # noqa: PLC0415

    from visitation.services import cases
    from visitation.services.db import open_db

    terms = json.loads(Path(terms_file).read_text())
    db = open_db(db_arg, "benchmark", migrate=False)
    if is_pg(db_arg):
        import psycopg

        con: Any = psycopg.connect(db_arg.replace("postgresql+psycopg://", "postgresql://"))
        pg_sql = RAW_SQL.replace("?", "%s")

        def raw(term: str) -> list[Any]:
            return con.execute(pg_sql, (like_pattern(term),)).fetchall()
    else:
        import sqlite3

        con = sqlite3.connect(db_arg)

        def raw(term: str) -> list[Any]:
            return con.execute(*raw_query(term)).fetchall()
    for term in terms:  # warm, and the same answers
        got, want = [r.ref for r in cases.search(db, text=term, audit_read=False)], [r[1] for r in raw(term)]
        if got != want:
            sys.exit(f"search '{term}': service and hand-written search disagree")
    kinds = ("raw", "service", "raw_cpu", "service_cpu")
    times: dict[str, dict[str, list[float]]] = {t: {k: [] for k in kinds} for t in terms}
    for _ in range(repeat):
        for term in terms:
            for name, fn in (("raw", raw), ("service", lambda t: cases.search(db, text=t))):
                began, cpu = time.perf_counter(), time.process_time()
                fn(term)
                times[term][name].append(time.perf_counter() - began)
                times[term][name + "_cpu"].append(time.process_time() - cpu)
    say(json.dumps({t: {k: statistics.median(v) * 1000 for k, v in d.items()} for t, d in times.items()}))


# ---------------------------------------------------------------------------------------------- sections

def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def bench_stats(db: str, base: Path, runs: int, work: Path) -> None:
    say("\n## stats --json, whole process")
    sql = work / "stats.sql.pickle"
    subprocess.run([sys.executable, __file__, "--worker", "capture", "--db", db, str(sql)], env=env_for(AFTER),
                   check=True)
    me = [sys.executable, __file__, "--worker", "raw-stats", "--db", db, str(sql)]
    cli = [sys.executable, "-m", "visitation", "--db", db, "stats", "--json"]
    got: dict[str, list[tuple[float, float]]] = {"before": [], "after": [], "baseline": []}
    outputs: dict[str, str] = {}
    for i in range(runs + 1):  # the first round warms the page cache and is not counted
        for name, cmd, tree in (("before", cli, base), ("after", cli, AFTER), ("baseline", me, AFTER)):
            wall, cpu, out = timed(cmd, env_for(tree))
            if i:
                got[name].append((wall, cpu))
            if name != "baseline":
                outputs[name] = out
    same = outputs["before"] == outputs["after"]
    wall = {k: statistics.median(w for w, _ in v) for k, v in got.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in got.items()}
    say(f"  statements in the baseline: {len(pickle.loads(sql.read_bytes()))}; before == after (JSON): {same}")
    for k in got:
        say(f"  {k:9} median wall {ms(wall[k])}, CPU {ms(cpu[k])}  ({runs} runs)")
    for label, med in (("wall", wall), ("CPU", cpu)):
        say(f"  ratio to baseline ({label}): before {med['before'] / med['baseline']:.2f}x, "
            f"after {med['after'] / med['baseline']:.2f}x")


def bench_search(db: str, base: Path, repeat: int, terms_from: Path, work: Path) -> None:
    say("\n## search, audited (services.cases.search), in-process, limit 100")
    sys.path.insert(0, str(HERE))
    import run  # noqa: PLC0415

    terms = run.search_terms(terms_from)
    terms_file = work / "terms.json"
    terms_file.write_text(json.dumps(terms))
    target = db
    if not is_pg(db):
        target = str(work / "search.db")
        shutil.copyfile(db, target)
    results: dict[str, list[dict[str, dict[str, float]]]] = {"before": [], "after": []}
    for _ in range(2):
        for name, tree in (("before", base), ("after", AFTER)):
            _, _, out = timed([sys.executable, __file__, "--worker", "search", "--db", target, "--repeat",
                            str(repeat), str(terms_file)], env_for(tree))
            results[name].append(json.loads(out))
    for name, runs in results.items():
        per_term = {t: {k: statistics.median(r[t][k] for r in runs) for k in runs[0][t]} for t in terms}
        for suffix, label in (("", "wall"), ("_cpu", "CPU ")):
            raw_med = statistics.median(v["raw" + suffix] for v in per_term.values())
            svc_med = statistics.median(v["service" + suffix] for v in per_term.values())
            worst = max(per_term, key=lambda t, s=suffix: per_term[t]["service" + s])
            say(f"  {name:6} {label}: median of {len(terms)} terms: service {svc_med:7.2f} ms, hand-written "
                f"{raw_med:7.2f} ms, ratio {svc_med / raw_med:5.2f}x; worst '{worst}' "
                f"{per_term[worst]['service' + suffix]:.1f} ms (hand-written {per_term[worst]['raw' + suffix]:.1f});"
                f" 'skole' {per_term['skole']['service' + suffix]:.1f} ms")


def bench_memory(db: str, base: Path, work: Path) -> None:
    say("\n## verify and backup, whole process: peak RSS (and wall time)")
    for command in (["verify"], ["backup", str(work / "copy.backup"), "--force"]):
        for name, tree in (("before", base), ("after", AFTER)):
            cmd = ["/usr/bin/time", "-f", "%M %e %U %S", sys.executable, "-m", "visitation", "--db", db, *command]
            done = subprocess.run(cmd, env=env_for(tree), capture_output=True, text=True)
            kb, wall, user, system = done.stderr.strip().splitlines()[-1].split()
            say(f"  {command[0]:6} {name:6}: {int(kb) / 1024:7.1f} MB peak, {float(wall):6.1f} s wall, "
                f"{float(user) + float(system):6.1f} s CPU (exit {done.returncode})")


def bench_floors(db: str, runs: int, repeat: int, meeting: str | None, work: Path) -> None:
    """Where each figure's floor is (this checkout only, SQLite): the parts of a whole process measured apart."""
    say("\n## floors: stats --json whole process against its parts (imports and open; the same SQL via sqlite3)")
    sql = work / "stats.sql.pickle"
    subprocess.run([sys.executable, __file__, "--worker", "capture", "--db", db, str(sql)], env=env_for(AFTER),
                   check=True)
    commands = {"stats --json": [sys.executable, "-m", "visitation", "--db", db, "stats", "--json"],
                "imports + open": [sys.executable, __file__, "--worker", "opened", "--db", db],
                "same SQL, sqlite3": [sys.executable, __file__, "--worker", "raw-stats", "--db", db, str(sql)],
                "python -c pass": [sys.executable, "-c", "pass"]}
    if meeting:
        commands["minutes --format md"] = [sys.executable, "-m", "visitation", "--db", db, "minutes", meeting,
                                           "--format", "md", "-o", str(work / "m.md"), "--force"]
        commands["meeting list --json"] = [sys.executable, "-m", "visitation", "--db", db, "meeting", "list",
                                           "--json"]
    got: dict[str, list[float]] = {k: [] for k in commands}
    for i in range(runs + 1):  # the first round warms the page cache and is not counted
        for name, cmd in commands.items():
            wall, _, _ = timed(cmd, env_for(AFTER))
            if i:
                got[name].append(wall)
    med = {k: statistics.median(v) for k, v in got.items()}
    for k, v in med.items():
        say(f"  {k:22} median wall {ms(v)}  ({runs} runs)")
    say(f"  floor of stats = imports + open + same SQL - interpreter start: "
        f"{ms(med['imports + open'] + med['same SQL, sqlite3'] - med['python -c pass'])}")
    say("\n## floors: search at this size, in-process, per term (hand-written FTS5 / service without audit row / "
        "audited)")
    sys.path.insert(0, str(HERE))
    import run  # noqa: PLC0415

    terms_file = work / "terms.json"
    terms_file.write_text(json.dumps(run.search_terms(Path(db))))
    copy = work / "search.db"
    shutil.copyfile(db, copy)
    _, _, out = timed([sys.executable, __file__, "--worker", "search-parts", "--db", str(copy), "--repeat",
                       str(repeat), str(terms_file)], env_for(AFTER))
    per_term = json.loads(out)
    medians = {k: statistics.median(v[k] for v in per_term.values()) for k in ("raw", "unaudited", "audited")}
    say(f"  median of {len(per_term)} terms: hand-written {medians['raw']:.2f} ms, without audit row "
        f"{medians['unaudited']:.2f} ms ({medians['unaudited'] / medians['raw']:.2f}x), audited "
        f"{medians['audited']:.2f} ms ({medians['audited'] / medians['raw']:.2f}x); the audit row: "
        f"{medians['audited'] - medians['unaudited']:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a SQLite file or a PostgreSQL URL")
    parser.add_argument("--base", type=Path, help="the checkout measured as 'before' (e.g. a worktree of main)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--terms-from", type=Path, help="SQLite file the search terms are picked from (default --db)")
    parser.add_argument("--only", default="stats,search,memory", help="any of stats,search,memory,floors")
    parser.add_argument("--meeting", help="floors: a meeting whose minutes are timed (whole process)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "capture":
        return capture_stats_sql(args.db, Path(args.rest[0]))
    if args.worker == "raw-stats":
        return raw_stats(args.db, args.rest[0])
    if args.worker == "search":
        return search_worker(args.db, args.rest[0], args.repeat)
    if args.worker == "opened":
        return opened(args.db)
    if args.worker == "search-parts":
        return search_parts(args.db, args.rest[0], args.repeat)
    say(f"# {args.db}; before = {args.base}, after = {AFTER}; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="bench17-") as folder:
        work = Path(folder)
        sections = args.only.split(",")
        if "stats" in sections:
            bench_stats(args.db, args.base, args.runs, work)
        if "search" in sections:
            bench_search(args.db, args.base, args.repeat, args.terms_from or Path(args.db), work)
        if "memory" in sections:
            bench_memory(args.db, args.base, work)
        if "floors" in sections:
            bench_floors(args.db, args.runs, args.repeat, args.meeting, work)
    return None


if __name__ == "__main__":
    main()
