"""`cmosc exportar [--destino DIR]`: the open-data files, exactly as the site publishes them."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from cmosc.cli.usage import github_annotations
from cmosc.diagnostics import render
from cmosc.municipality import municipality
from cmosc.profiles.catalog import load_catalog
from cmosc.settings import public_url


def register(sub) -> None:
    parser = sub.add_parser(
        "exportar",
        help="escribe los datos abiertos (CSV, JSON, GeoJSON, Excel, HSDS)",
        description="Valida los datos y escribe los archivos de datos abiertos, los mismos "
        "que el sitio publica en /datos/. Si hay errores no escribe nada.",
    )
    parser.add_argument(
        "--destino",
        type=Path,
        default=Path("datos"),
        help="carpeta donde escribir los archivos (por defecto datos/)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pelicanconf.py"),
        help="configuración de Pelican de la que se toman SITEURL y la licencia",
    )
    parser.set_defaults(run=run)


def site_settings(root: Path, config: Path) -> dict:
    """The build's own settings, so links and licence match the site's files."""
    from pelican.settings import read_settings

    from cmosc.settings import DEFAULTS, reference_date

    path = config if config.is_absolute() else root / config
    settings = read_settings(str(path)) if path.is_file() else {}
    merged = {**DEFAULTS, **{k: v for k, v in settings.items() if k in DEFAULTS}}
    return {"SITEURL": settings.get("SITEURL", ""), "hoy": reference_date(merged), **merged}


def write_atomically(path: Path, parts: Iterable[bytes]) -> None:
    """Readers of the folder never see a half-written file (written by parts as they are made)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.writelines(parts)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def run(args) -> int:
    # Imported here: openpyxl and the exporters are not needed by the other commands.
    from cmosc.model.organization import build_organizations
    from cmosc.opendata import Dataset, export_all, licence_of

    root = args.raiz.resolve()
    settings = site_settings(root, args.config)
    catalog = load_catalog(root, today=settings["hoy"])
    if not catalog.ok:
        print(render(catalog.diagnostics, github=github_annotations()), file=sys.stderr)
        print(f"No se exportó nada: {len(catalog.errors)} errores.", file=sys.stderr)
        return 1
    orgs = build_organizations(catalog, settings["hoy"])
    dataset = Dataset(
        orgs,
        catalog.vocabularies,
        licence_of(settings["CMOSC_LICENCIA_DATOS"]),
        public_url(settings),
        municipal_area=municipality(settings),
    )
    destino = args.destino if args.destino.is_absolute() else root / args.destino
    destino.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, parts in export_all(dataset):
        write_atomically(destino / name, parts)
        count += 1
    print(
        f"{count} archivos de datos abiertos en {args.destino}/ ({len(orgs)} organizaciones).",
        file=sys.stderr,
    )
    return 0
