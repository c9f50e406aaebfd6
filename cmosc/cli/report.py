"""`cmosc informe [--formato md|html|json] [--salida ARCHIVO]`: the staff report."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from cmosc.profiles.catalog import load_catalog
from cmosc.settings import project_settings, setting
from cmosc.staff.report_render import RENDERERS

HTML_DEFAULT = Path("informe-equipo.html")


def register(sub) -> None:
    parser = sub.add_parser(
        "informe",
        help="informe para el equipo: datos viejos, cambios sin verificar, incompletos, duplicados, conteos",
        description="Resume el estado de la base: perfiles sin verificar en 12 meses, perfiles que "
        "cambiaron (según git) después de su última verificación, necesidades sin confirmar, "
        "perfiles incompletos y qué les falta, posibles duplicados, cantidades y necesidades compartidas. "
        "Es para el equipo: no se publica.",
    )
    parser.add_argument("--formato", choices=tuple(RENDERERS), default="md", help="formato (por defecto md)")
    parser.add_argument(
        "--salida",
        type=Path,
        metavar="ARCHIVO",
        help=f"archivo donde escribirlo (html: por defecto {HTML_DEFAULT}; md y json: pantalla)",
    )
    parser.add_argument(
        "--fecha", type=date.fromisoformat, default=None, help=argparse.SUPPRESS
    )  # tests pin "today"
    parser.set_defaults(run=run)


def run(args) -> int:
    # Imported here: the pre-commit hook (`cmosc validar`) must not load the view model.
    from cmosc.model.history import read_history
    from cmosc.staff.report import build_report

    root = args.raiz.resolve()
    today = args.fecha or date.today()
    catalog = load_catalog(root, today=today)
    authors = bool(setting(project_settings(root), "CMOSC_HISTORIAL_AUTORES"))
    report = build_report(catalog, today, read_history(root, authors=authors))
    text = RENDERERS[args.formato](report)
    target = args.salida or (HTML_DEFAULT if args.formato == "html" else None)
    if target is None:
        sys.stdout.write(text)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"Informe escrito en {target}.", file=sys.stderr)
    return 0
