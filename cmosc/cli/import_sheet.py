"""`cmosc importar ARCHIVO.(csv|xlsx) [--simular] [--actualizar] [--columnas MAPA.yml] [--informe FILAS.csv]`."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

from cmosc.profiles.catalog import PROFILES_DIR, load_catalog
from cmosc.profiles.validator import Env
from cmosc.staff.columns import ColumnMap, load_mapping_file, map_headers
from cmosc.staff.importing import plan_rows, write_result
from cmosc.staff.rows import Sheet
from cmosc.staff.spreadsheet import SpreadsheetError, read_sheet

VERBS = {  # (done, simulated) per action
    "nueva": ("creada", "se crearía"),
    "actualizada": ("actualizada", "se actualizaría"),
}
REPORT_COLUMNS = ("fila", "resultado", "archivo", "motivo", "cambios", "avisos", "se_parece_a")


def register(sub) -> None:
    parser = sub.add_parser(
        "importar",
        help="convierte una planilla de organizaciones (o un registro público) en perfiles",
        description="Lee una planilla .csv o .xlsx (una organización por fila; también el formato "
        "nacional de datos abiertos) y escribe un perfil por fila, validado. Nunca reemplaza un "
        "perfil existente sin --actualizar. Sale con 0 si cada fila se importó o se omitió por un "
        "motivo dicho, 1 si alguna fila necesita atención, 2 ante un error de uso.",
    )
    parser.add_argument("archivo", type=Path, metavar="ARCHIVO", help="planilla .csv, .tsv o .xlsx")
    parser.add_argument("--simular", action="store_true", help="no escribe nada: muestra qué pasaría")
    parser.add_argument(
        "--actualizar",
        action="store_true",
        help="agrega a los perfiles existentes lo que trae la planilla y muestra cada cambio (anterior → nuevo)",
    )
    parser.add_argument(
        "--columnas",
        type=Path,
        metavar="MAPA.yml",
        help="YAML «Encabezado: campo» para columnas que no se reconocen solas, con «valores:» y «fijos:» opcionales",
    )
    parser.add_argument(
        "--informe", type=Path, metavar="FILAS.csv", help="escribe el resultado de cada fila en un CSV"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from cmosc.cli.usage import UsageError

    root = args.raiz.resolve()
    catalog = load_catalog(root)
    try:
        mapping = load_mapping_file(args.columnas, catalog.vocabularies) if args.columnas else ColumnMap()
        sheet = read_sheet(args.archivo)
    except FileNotFoundError as exc:
        raise UsageError(f"no existe «{exc.filename}».") from None
    except (SpreadsheetError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    columns, unused = map_headers(sheet.headers, mapping)
    if "nombre" not in columns.values():
        raise UsageError(
            "ninguna columna se reconoce como el nombre de la organización; "
            "indicala con --columnas (por ejemplo «Nombre OSC: nombre»)."
        )
    env = Env(
        catalog.vocabularies, catalog.programas, root / PROFILES_DIR, date.today(), municipality_of(root)
    )
    context = Sheet(sheet.headers, columns, unused, mapping, env, args.archivo.name)
    report = open_report(args.informe)
    counts: Counter = Counter()
    elsewhere: Counter = Counter()  # rows of other provinces, by province: summed, not listed
    untyped: Counter = Counter()  # (column, value) of types to translate with `valores:`
    print(
        f"Importación de {args.archivo.name}{' (simulación: no se escribió nada)' if args.simular else ''}:"
    )
    try:
        for row in plan_rows(sheet.rows, context, catalog, args.actualizar):
            if not args.simular:
                write_result(row, root / PROFILES_DIR, args.actualizar, context)
            counts["fuera" if row.outside else row.accion] += 1
            if row.untranslated_type:
                untyped[row.untranslated_type] += 1
            if row.province:
                elsewhere[row.province] += 1  # summed below; each row is in the report
            else:
                for line in row_lines(row, args.simular):
                    print(line)
            if report:
                report[1].writerow(report_row(row))
    except SpreadsheetError as exc:
        raise UsageError(str(exc)) from None
    finally:
        if report:
            report[0].close()
    for line in elsewhere_lines(elsewhere, args.informe):
        print(line)
    if unused:
        print(
            "\nColumnas sin campo propio (sus valores quedan en «notas_internas»): "
            + ", ".join(f"«{sheet.headers[i]}»" for i in unused)
            + "; asignalas con --columnas si corresponde."
        )
    for line in type_lines(untyped, args.columnas, catalog):
        print(line)
    print(summary(counts))
    return 1 if counts["rechazada"] else 0


def elsewhere_lines(elsewhere: Counter, report_file: Path | None) -> list[str]:
    if not elsewhere:
        return []
    where = (
        f"cada una figura en {report_file.name}"
        if report_file
        else "para verlas una por una, usá --informe FILAS.csv"
    )
    provinces = ", ".join(f"{name} {n}" for name, n in sorted(elsewhere.items(), key=lambda x: (-x[1], x[0])))
    return [f"  {elsewhere.total()} filas de otras provincias, fuera del municipio ({where}): {provinces}."]


def type_lines(untyped: Counter, columnas: Path | None, catalog) -> list[str]:
    """A `valores:` block, ready to paste, for the types the sheet names in its own words."""
    if not untyped:
        return []
    ids = ", ".join(t.id for t in catalog.vocabularies["tipos"].terms)
    where = f"agregá a {columnas.name}" if columnas else "copiá en un archivo nuevo (por ejemplo mapa.yml)"
    lines = [
        f"\nTipos que la planilla nombra con sus palabras: {where} lo que sigue, cambiá cada «otra» "
        f"por el tipo que corresponda ({ids}) y volvé a importar con --columnas"
        f"{f' {columnas.name}' if columnas else ' mapa.yml'}:",
        "valores:",
    ]
    for column in sorted({c for c, _ in untyped}):
        lines.append(f"  {yaml_text(column)}:")
        lines += [
            f"    {yaml_text(value)}: otra  # {n} {'fila' if n == 1 else 'filas'}"
            for (c, value), n in sorted(untyped.items())
            if c == column
        ]
    return lines


def yaml_text(text: str) -> str:
    """`text` as a YAML plain or quoted scalar, for a key the staff will paste."""
    import yaml

    return yaml.safe_dump(text, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()


def municipality_of(root: Path):
    from cmosc.municipality import project_municipality

    return project_municipality(root)


def open_report(path: Path | None):
    if path is None:
        return None
    handle = path.open("w", encoding="utf-8-sig", newline="")  # Excel opens UTF-8 with BOM
    writer = csv.writer(handle)
    writer.writerow(REPORT_COLUMNS)
    return handle, writer


def report_row(row) -> list[str]:
    return [
        str(row.fila),
        "fuera del municipio" if row.outside else row.accion.replace("_", " "),
        f"{PROFILES_DIR}/{row.slug}.yml" if row.slug else "",
        " ".join(row.reasons),
        "; ".join(f"{c}: «{old}» → «{new}»" for c, old, new in row.cambios),
        " ".join(row.avisos),
        ", ".join(row.parecidas),
    ]


def row_lines(row, simular: bool) -> list[str]:
    archivo = f"{PROFILES_DIR}/{row.slug}.yml"
    head = f"  fila {row.fila}: "
    if row.accion in VERBS:
        lines = [f"{head}{archivo} {VERBS[row.accion][1 if simular else 0]}."]
    elif row.accion == "sin_cambios":
        lines = [f"{head}{archivo} ya está al día ({row.coincide})."]
    elif row.accion == "omitida":
        lines = [
            f"{head}omitida{f' ({archivo}, {row.coincide})' if row.coincide else ''}: {' '.join(row.reasons)}"
        ]
    else:
        lines = [f"{head}rechazada: {reason}" for reason in row.reasons]
    lines += [f"      {column}: «{short(old)}» → «{short(new)}»" for column, old, new in row.cambios]
    lines += [f"      aviso: {warning}" for warning in row.avisos]
    lines += [f"      se parece a {other}: revisá si es la misma organización." for other in row.parecidas]
    return lines


def short(text: str, limit: int = 80) -> str:
    """A value on one terminal line (the report CSV keeps it whole)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def summary(counts: Counter) -> str:
    return (
        f"\nResumen: {counts['nueva']} nuevas, {counts['actualizada']} actualizadas, "
        f"{counts['sin_cambios']} sin cambios, {counts['omitida']} omitidas, "
        f"{counts['fuera']} fuera del municipio, {counts['rechazada']} rechazadas."
    )
