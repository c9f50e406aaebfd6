"""`cmosc importar ARCHIVO.(csv|xlsx) [--simular] [--actualizar] [--columnas MAPA.yml]`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cmosc.cli.usage import UsageError
from cmosc.profiles.catalog import PROFILES_DIR, load_catalog

VERBS = {  # (done, simulated) per action
    "nueva": ("creada", "se crearía"),
    "actualizada": ("actualizada", "se actualizaría"),
}


def register(sub) -> None:
    parser = sub.add_parser(
        "importar",
        help="convierte la planilla de organizaciones en perfiles",
        description="Lee una planilla .csv o .xlsx (una organización por fila) y escribe un perfil "
        "por fila, validado. Nunca reemplaza un perfil existente sin --actualizar.",
    )
    parser.add_argument("archivo", type=Path, metavar="ARCHIVO", help="planilla .csv o .xlsx")
    parser.add_argument("--simular", action="store_true", help="no escribe nada: muestra qué pasaría")
    parser.add_argument(
        "--actualizar",
        action="store_true",
        help="actualiza los perfiles existentes (solo los campos de la planilla; conserva el resto)",
    )
    parser.add_argument(
        "--columnas",
        type=Path,
        metavar="MAPA.yml",
        help="archivo YAML «Encabezado: campo» para columnas que no se reconocen solas",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    # Imported here: the pre-commit hook (`cmosc validar`) must not load the YAML rewriter.
    from cmosc.staff.columns import load_mapping_file, map_headers
    from cmosc.staff.importing import plan_import, vocabularies_env, write_plan
    from cmosc.staff.spreadsheet import SpreadsheetError, read_sheet

    root = args.raiz.resolve()
    try:
        extra = load_mapping_file(args.columnas) if args.columnas else {}
        sheet = read_sheet(args.archivo)
    except FileNotFoundError as exc:
        raise UsageError(f"no existe «{exc.filename}».") from None
    except (SpreadsheetError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    columns, unused = map_headers(sheet.headers, extra)
    if "nombre" not in columns.values():
        raise UsageError(
            "ninguna columna se reconoce como el nombre de la organización; "
            "indicala con --columnas (por ejemplo «Nombre OSC: nombre»)."
        )
    catalog = load_catalog(root)
    plan = plan_import(sheet, columns, unused, catalog, vocabularies_env(catalog, date.today()))
    if not args.simular:
        write_plan(plan, root / PROFILES_DIR, args.actualizar)
    print(render_plan(plan, args.archivo.name, args.simular, args.actualizar))
    return 1 if plan.count("rechazada") else 0


def render_plan(plan, nombre: str, simular: bool, actualizar: bool) -> str:
    lines = [
        f"Importación de {nombre}{' (simulación: no se escribió nada)' if simular else ''}: {len(plan.filas)} filas."
    ]
    for row in plan.filas:
        archivo = f"{PROFILES_DIR}/{row.slug}.yml"
        if row.accion in VERBS:
            if row.accion == "actualizada" and not actualizar:
                lines.append(
                    f"  fila {row.fila}: {archivo} ya existe ({row.coincide}) con otros datos; "
                    "no se modificó (usá --actualizar)."
                )
            else:
                lines.append(f"  fila {row.fila}: {archivo} {VERBS[row.accion][1 if simular else 0]}.")
        elif row.accion == "sin_cambios":
            lines.append(f"  fila {row.fila}: {archivo} ya está al día.")
    rejected = [r for r in plan.filas if r.accion == "rechazada"]
    if rejected:
        lines += ["", f"Filas que no se pudieron tomar ({len(rejected)}):"]
        for row in rejected:
            lines += [f"  fila {row.fila}: {reason}" for reason in row.motivos]
    similar = [r for r in plan.filas if r.parecidas]
    if similar:
        lines += ["", "Filas que se parecen a una organización existente (revisalas):"]
        for row in similar:
            lines += [f"  fila {row.fila}: parece {p}" for p in row.parecidas]
    if plan.sin_usar:
        lines += [
            "",
            "Columnas que no se usaron: "
            + ", ".join(f"«{h}»" for h in plan.sin_usar)
            + " (asignalas con --columnas si corresponde).",
        ]
    counts = {a: plan.count(a) for a in ("nueva", "actualizada", "sin_cambios", "rechazada")}
    lines += [
        "",
        f"Resumen: {counts['nueva']} nuevas, {counts['actualizada']} con cambios, "
        f"{counts['sin_cambios']} sin cambios, {counts['rechazada']} rechazadas.",
    ]
    return "\n".join(lines)
