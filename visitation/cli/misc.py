"""`init`, `demo`, `profiles`, `assess`, `stats`, `audit`, and opening the TUI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from visitation.cli.face import CASES, DATA, FIGURES, Typer
from visitation.cli.state import emit_json, note, parse_date, state, table

if TYPE_CHECKING:
    from visitation.cli.state import State

profiles_app = Typer(no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Skriv JSON.")]


def open_tui(st: State, meeting: str | None = None) -> None:
    """Run the Textual UI on the database (imported here so no other command loads Textual); a terminal only."""
    from visitation.cli.guard import require_terminal

    require_terminal("skærmbilledet (TUI)")
    from screens.app import run_tui
    from visitation.services.docket_fast import sqlite_file

    run_tui(st.db, meeting, sqlite_file(st.resolved_db()))


def init(ctx: typer.Context,
         profile: Annotated[str | None, typer.Option(
             "--profile", help="Profilnavn eller sti til en profilfil (.toml).")] = None) -> None:
    """Opret databasen (kan gentages) og vælg kommuneprofil.

    Eksempel: visitation init --profile odder
    """
    from visitation.services import db as dbs

    st = state(ctx)
    chosen, key_place = dbs.init(st.db(demo_fallback=False), profile)
    note(f"Databasen er klar ({_where(st.db().url)}); profil: {chosen.key} {chosen.version}")
    note(f"Kædenøglen ligger i {key_place}; tag en kopi af den, adskilt fra databasens sikkerhedskopier.")


def _where(url: str) -> str:
    """The database location without a password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def demo(ctx: typer.Context,
         reset: Annotated[bool, typer.Option("--reset", help="Start demodatabasen forfra.")] = False,
         no_tui: Annotated[bool, typer.Option("--no-tui", help="Indlæs kun; åbn ikke skærmbilledet.")] = False) -> None:
    """Fyld en separat demodatabase med fiktive sager og møder, og åbn skærmbilledet.

    Eksempel: visitation demo --reset --no-tui
    """
    from visitation.paths import demo_db_path
    from visitation.services import demo as service

    st = state(ctx)
    if not no_tui:  # refuse before loading anything: without a terminal the TUI cannot start
        from visitation.cli.guard import require_terminal

        require_terminal("'visitation demo' (skærmbilledet)")
    path = demo_db_path()
    if st.db_arg is None:
        if reset:
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        st.db_arg = str(path)
    elif reset:
        note("--reset gælder kun standard-demodatabasen; brug en ny --db i stedet.")
    cases, meetings = service.load(st.db(), progress=lambda text: note(f"  indlæst {text}"))
    note(f"Demodatabasen {st.db_arg}: {cases} nye sager, {meetings} nye møder.")
    if not no_tui:
        open_tui(st)


@profiles_app.command("list")
def profiles_list(as_json: Json = False) -> None:
    """List de indbyggede kommuneprofiler.

    Eksempel: visitation profiles list
    """
    from visitation.domain.profiles import builtin_names, load_profile

    profiles = [load_profile(n) for n in builtin_names()]
    if as_json:
        emit_json([{"key": p.key, "name": p.name, "municipality": p.municipality, "version": p.version,
                    "steps": len(p.steps), "zones": len(p.zones), "interventions": len(p.interventions)}
                   for p in profiles])
    else:
        table([[p.key, p.version, p.municipality, p.name] for p in profiles], ["profil", "version", "kommune", "navn"])


@profiles_app.command("show")
def profiles_show(name: Annotated[str, typer.Argument(help="Profilnavn eller sti til en profilfil.")],
                  as_json: Json = False) -> None:
    """Vis en profil: faser, trin, lineal, tilbudsvifte og opfølgningsregler.

    Eksempel: visitation profiles show hjoerring
    """
    from visitation.cli.render import profile_data, profile_text
    from visitation.domain.profiles import load_profile

    profile = load_profile(name)
    if as_json:
        emit_json(profile_data(profile))
    else:
        typer.echo(profile_text(profile))


def assess(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
    zone: Annotated[int, typer.Option("--zone", help="Zonen på børnelinealen.")],
    rater: Annotated[str, typer.Option("--rater", help="Hvem vurderer.")],
    role: Annotated[str, typer.Option("--role", help="Vurderingens faglighed (PPR, sundhedsplejerske …).")],
    axis: Annotated[str, typer.Option(
        "--axis", help="child (barnets udvikling) | parents (forældreomsorgen)")] = "child",
    protective: Annotated[list[str] | None, typer.Option("--protective", help="Beskyttelsesfaktor (gentag).")] = None,
    risk: Annotated[list[str] | None, typer.Option("--risk", help="Risikofaktor (gentag).")] = None,
    note_: Annotated[str, typer.Option("--note", help="Note.")] = "",
    date: Annotated[str | None, typer.Option(
        "--date", metavar="DATO", help="Vurderingens dato ÅÅÅÅ-MM-DD (standard i dag).")] = None,
    consensus: Annotated[bool, typer.Option("--consensus", help="Teamets fælles vurdering.")] = False,
) -> None:
    """Registrér en vurdering på børnelinealen; skriver vurderingens id.

    Eksempel: visitation assess 2026-0101 --zone 2 --rater "Birgitte Lund" --role PPR --axis child
    """
    from visitation.services import assessments

    typer.echo(assessments.add(state(ctx).db(), case, zone=zone, rater=rater, role=role, axis=axis,
                               protective=protective, risk=risk, note=note_, on=parse_date(date, "--date"),
                               consensus=consensus))


def stats(ctx: typer.Context,
          from_: Annotated[str | None, typer.Option("--from", metavar="DATO", help="Fra dato ÅÅÅÅ-MM-DD.")] = None,
          to: Annotated[str | None, typer.Option("--to", metavar="DATO", help="Til dato ÅÅÅÅ-MM-DD.")] = None,
          as_json: Json = False) -> None:
    """Nøgletal: børn pr. trin, anbringelsestyper, opfølgning til tiden, sagstal pr. rådgiver.

    Eksempel: visitation stats --from 2026-01-01 --to 2026-12-31
    """
    from visitation.cli.render import stats_text
    from visitation.services import stats as service

    figures = service.key_figures(state(ctx).db(), parse_date(from_, "--from"), parse_date(to, "--to"))
    if as_json:
        emit_json(figures)
    else:
        typer.echo(stats_text(figures))


def audit(ctx: typer.Context,
          case: Annotated[str | None, typer.Argument(help="Kun denne sag (id eller reference).")] = None,
          subject: Annotated[str | None, typer.Option("--subject", help="Sagen, loggen gælder (som CASE).")] = None,
          for_citizen: Annotated[bool, typer.Option(
              "--for-citizen", help="Til borgerens indsigt: datoer og formål, uden medarbejdere.")] = False,
          as_json: Json = False) -> None:
    """Vis auditloggen: hvem gjorde hvad med hvilken sag, hvornår og hvorfor.

    Eksempel: visitation audit --subject 2026-0101 --for-citizen
    """
    from visitation.domain import format as fmt
    from visitation.errors import InvalidInput
    from visitation.services import audit as service
    from visitation.services import lookup

    db = state(ctx).db()
    case = subject or case
    case_id = None
    if case is not None:
        with db.read() as session:
            case_id = lookup.case(session, case).id
    if for_citizen:
        if case_id is None:
            raise InvalidInput("--for-citizen: angiv sagen med --subject SAG")
        lines = service.for_citizen(db, case_id)
        if as_json:
            emit_json(lines)
        else:
            table([[fmt.day(line.date), line.what, line.purpose] for line in lines], ["dato", "hvad", "formål"])
        return
    rows = service.events(db, case_id)
    if as_json:
        emit_json(rows)
    else:
        table([[r.id, fmt.moment(r.at), r.user, fmt.label(fmt.AUDIT_ACTIONS, r.action), r.case_id,
                fmt.label(fmt.AUDIT_OBJECTS, r.entity), r.purpose, r.detail]
               for r in rows], ["id", "tid", "bruger", "handling", "sag", "objekt", "formål", "detalje"])


def register(app: typer.Typer) -> None:
    """Attach the top-level commands of this module."""
    app.command("init", rich_help_panel=DATA)(init)
    app.command("demo", rich_help_panel=DATA)(demo)
    app.command("assess", rich_help_panel=CASES)(assess)
    app.command("stats", rich_help_panel=FIGURES)(stats)
    app.command("audit", rich_help_panel=DATA)(audit)
