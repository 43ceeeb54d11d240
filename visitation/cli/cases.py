"""`visitation case …` and `visitation network …`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from visitation.cli.face import Typer
from visitation.cli.state import emit_json, note, parse_date, state, table

app = Typer(no_args_is_help=True)
network_app = Typer(no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Skriv JSON.")]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="Barnets fulde navn.")],
    birth_date: Annotated[str, typer.Option("--birth-date", metavar="DATO", help="Fødselsdato ÅÅÅÅ-MM-DD.")],
    cpr: Annotated[str | None, typer.Option("--cpr", help="CPR-nummer DDMMÅÅ-LLLL (valgfrit).")] = None,
    caseworker: Annotated[str, typer.Option("--caseworker", help="Rådgiver.")] = "",
    school: Annotated[str, typer.Option("--school", help="Skole eller dagtilbud.")] = "",
    reason: Annotated[str, typer.Option("--reason", help="Anledning (underretning, ansøgning, opfølgning …).")] = "",
    step: Annotated[int, typer.Option("--step", help="Nuværende trin på indsatstrappen.")] = 1,
    ref: Annotated[str | None, typer.Option("--ref", help="Sagsreference; standard er næste ledige ÅÅÅÅ-NNNN.")] = None,
) -> None:
    """Opret en sag; skriver sagens id.

    Eksempel: visitation case add --name "Liva Holm" --birth-date 2016-03-14 --caseworker "Mette Holm" --step 2
    """
    from visitation.domain.cpr import validate
    from visitation.services import cases

    born = parse_date(birth_date, "--birth-date")
    try:
        warning = validate(cpr).warning if cpr else ""
    except ValueError:
        warning = ""  # the service refuses it with the reason
    if warning:
        note(f"Advarsel: --cpr: {warning}")
    typer.echo(cases.add(state(ctx).db(), name=name, birth_date=born, cpr=cpr, caseworker=caseworker,
                         school=school, reason=reason, step=step, ref=ref))


@app.command("list")
def list_(
    ctx: typer.Context,
    search: Annotated[str | None,
                      typer.Option("--search", help="Søg i reference, navn, initialer, rådgiver og skole.")] = None,
    step: Annotated[int | None, typer.Option("--step", help="Kun sager på dette trin.")] = None,
    caseworker: Annotated[str | None, typer.Option("--caseworker", help="Kun denne rådgivers sager.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000, help="Højst så mange sager.")] = 100,
    as_json: Json = False,
) -> None:
    """List sager.

    Eksempel: visitation case list --search Holm --step 3
    """
    from visitation.services import cases

    rows = cases.search(state(ctx).db(), text=search, step=step, caseworker=caseworker, limit=limit)
    if as_json:
        emit_json(rows)
    else:
        table([[r.id, r.ref, r.initials, r.age, r.step, r.caseworker, r.profile] for r in rows],
              ["id", "ref", "barn", "alder", "trin", "rådgiver", "profil"])


@app.command("show")
def show(ctx: typer.Context, case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
         as_json: Json = False) -> None:
    """Vis en sag med vurderinger, netværk, indstilling, alternativer og beslutninger.

    Eksempel: visitation case show 2026-0101
    """
    from visitation.cli.render import case_text
    from visitation.services import cases

    db = state(ctx).db()
    found = cases.show(db, case)
    if as_json:
        emit_json(found)
    else:
        typer.echo(case_text(found, cases.profile(db, case)))


@app.command("classify")
def classify(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
    prevention: Annotated[str | None, typer.Option(
        "--prevention", help="Forebyggelsestrekanten: primary | secondary | tertiary.")] = None,
    position: Annotated[str | None, typer.Option(
        "--position", help="Barnets position: not-exposed | at-risk | exposed.")] = None,
    wellbeing: Annotated[str | None, typer.Option("--wellbeing", help="thriving | not-thriving (trivsel).")] = None,
) -> None:
    """Placér sagen i forebyggelsestrekanten og efter position og trivsel (Socialstyrelsen, skema 1 og 2).

    Eksempel: visitation case classify 2026-0042 --prevention secondary --position at-risk --wellbeing not-thriving
    """
    from visitation.services import ics

    ics.classify(state(ctx).db(), case, prevention=prevention, position=position, wellbeing=wellbeing)
    note(f"Sag {case} er klassificeret.")


@app.command("import")
def import_(ctx: typer.Context, files: Annotated[list[str], typer.Argument(
        metavar="FIL", help="Sagsfiler (visitation.case/1 eller /2, JSON); - læser én fra standardinput.")]) -> None:
    """Importér sager fra sagsfiler i én transaktion: alle eller (én fil afvist) ingen; skriver sagernes id.

    Hver fil kontrolleres, før noget gemmes; en afvist fil nævnes ved navn (exit 2), og intet er gemt.
    På en terminal vises en statuslinje, når der er flere filer.

    Eksempel: visitation case import sager/2026-0101.json sager/2026-0102.json

    Eksempel: visitation --db gammel.db case export 2026-0101 | visitation case import -
    """
    from visitation.cli.progress import progress
    from visitation.services import casefiles

    named = len(files) > 1  # one file: its errors name the field, as they always have
    documents = [(_shown(name) if named else "", _read(name)) for name in files]
    with progress(len(documents), "Importerer sager") as done:
        ids = casefiles.import_many(state(ctx).db(), documents, progress=done)
    typer.echo("\n".join(map(str, ids)))


def _shown(name: str) -> str:
    """How a file is named in an error: its name, or standard input."""
    return "standardinput" if name == "-" else Path(name).name


def _read(name: str) -> object:
    """A case file's JSON, from a file or (`-`) from standard input."""
    import sys

    from visitation.services.casefiles import MAX_FILE_BYTES, decode_json, read_json

    if name != "-":
        return read_json(Path(name))
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(MAX_FILE_BYTES + 1) if stream else sys.stdin.read(MAX_FILE_BYTES + 1).encode()
    return decode_json("standardinput", raw)


@app.command("export")
def export(
    ctx: typer.Context, case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
    privacy: Annotated[str, typer.Option("--privacy", help="internal (uden CPR) eller full (med CPR).")] = "internal",
) -> None:
    """Eksportér en sag med historik (beslutninger, opfølgninger, mål) som sagsfil (visitation.case/2) på stdout.

    Eksempel: visitation case export 2026-0101 > 2026-0101.json
    """
    import json

    from visitation.domain.privacy import Privacy
    from visitation.errors import InvalidInput
    from visitation.services import casefiles

    if privacy not in ("internal", "full"):
        raise InvalidInput("--privacy: skal være internal eller full")
    typer.echo(json.dumps(casefiles.export(state(ctx).db(), case, Privacy(privacy)), ensure_ascii=False, indent=2))


@network_app.command("add")
def network_add(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
    name: Annotated[str, typer.Option("--name", help="Navn.")],
    relation: Annotated[str, typer.Option("--relation", help="Relation til barnet (mormor, nabo …).")],
    sector: Annotated[str, typer.Option("--sector", help="family | friends | school | professional")],
    ring: Annotated[int, typer.Option("--ring", help="1 (tættest) | 2 | 3")],
    resource: Annotated[bool, typer.Option("--resource", help="En ressource (standard).")] = False,
    concern: Annotated[bool, typer.Option("--concern", help="En bekymring.")] = False,
    both: Annotated[bool, typer.Option("--both", help="Både ressource og bekymring.")] = False,
    placement_candidate: Annotated[bool, typer.Option(
        "--placement-candidate", help="Mulig anbringelses- eller støtteressource.")] = False,
    note: Annotated[str, typer.Option("--note", help="Note.")] = "",
) -> None:
    """Tilføj en person til netværkskortet; skriver personens id.

    Eksempel: visitation network add 2026-0101 --name Bodil --relation mormor --sector family --ring 2 \\
      --placement-candidate
    """
    from visitation.domain.casefile import Node, network_person
    from visitation.errors import InvalidInput
    from visitation.services import network

    flags = [v for v, on in (("resource", resource), ("concern", concern), ("both", both)) if on]
    if len(flags) > 1:
        raise InvalidInput("--resource, --concern og --both kan ikke kombineres")
    person = network_person(Node({"name": name, "relation": relation, "sector": sector, "ring": ring,
                                  "valence": flags[0] if flags else "resource",
                                  "placement_candidate": placement_candidate, "note": note}, "--"))
    typer.echo(network.add(state(ctx).db(), case, person))


@network_app.command("list")
def network_list(ctx: typer.Context, case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
                 as_json: Json = False) -> None:
    """List netværkskortet for en sag.

    Eksempel: visitation network list 2026-0101
    """
    from visitation.domain import format as fmt
    from visitation.services import network

    rows = network.members(state(ctx).db(), case)
    if as_json:
        emit_json(rows)
    else:
        table([[r.id, r.name, r.relation, fmt.label(fmt.SECTORS, r.sector), r.ring,
                fmt.label(fmt.VALENCE_LABELS, r.valence), "ja" if r.placement_candidate else ""]
               for r in rows], ["id", "navn", "relation", "sektor", "ring", "ressource/bekymring", "anbringelse"])


@network_app.command("diff")
def network_diff(ctx: typer.Context, case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
                 before: Annotated[str | None, typer.Option(
                     "--from", help="Mødet, der sammenlignes fra (standard: det forrige).")] = None,
                 after: Annotated[str | None, typer.Option(
                     "--to", help="Mødet, der sammenlignes med (standard: kortet nu).")] = None,
                 as_json: Json = False) -> None:
    """Hvem er kommet til, gået ud eller ændret på netværkskortet mellem to møder.

    Eksempel: visitation network diff 2026-0101 --from VM-2026-11-24 --to VM-2026-12-08
    """
    from visitation.services import network_diff

    found = network_diff.diff(state(ctx).db(), case, before, after)
    if as_json:
        emit_json(found)
        return
    from visitation.domain.network import CHANGE_LABEL

    typer.echo(f"Sag {found.case_ref}: netværket ved {found.before} → {found.after}")
    table([[CHANGE_LABEL[c.kind], c.name, c.relation, ", ".join(c.fields)] for c in found.changes],
          ["", "navn", "relation", "hvad"])
