"""`cmosc validar [RUTA…]`: validate profiles and vocabularies, report every error."""

from __future__ import annotations

import sys
from pathlib import Path

from cmosc.cli.usage import UsageError, github_annotations
from cmosc.diagnostics import WARNING, render
from cmosc.profiles.catalog import load_catalog


def register(sub) -> None:
    parser = sub.add_parser(
        "validar",
        help="valida perfiles y vocabularios",
        description="Valida los perfiles de organizaciones y los vocabularios. "
        "Sale con 0 si todo es válido, 1 si hay errores, 2 si el uso es incorrecto.",
    )
    add_profile_paths(parser)
    parser.add_argument("--formato", choices=("texto", "json"), default="texto", help="formato de salida")
    parser.set_defaults(run=run)


def add_profile_paths(parser) -> None:
    """The RUTA… argument that `validar` and `formatear` share."""
    parser.add_argument(
        "rutas",
        nargs="*",
        type=Path,
        metavar="RUTA",
        help="archivos o carpetas de perfiles (por defecto, todo organizaciones/)",
    )


def expand(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.glob("*.yml"))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"no existe «{path}».")
    return files


def run(args) -> int:
    root = args.raiz
    paths = expand(args.rutas) if args.rutas else None
    # Vocabulary files named explicitly are always validated with the catalog.
    if paths is not None:
        paths = [p for p in paths if p.resolve().parent.name != "vocabularios"]
    catalog = load_catalog(root, paths)
    github = github_annotations()
    output = render(catalog.diagnostics, args.formato, github=github and args.formato == "texto")
    if args.formato == "json":
        print(output)
    elif output:
        print(output, file=sys.stderr)
    warnings = sum(d.nivel == WARNING for d in catalog.diagnostics)
    aside = f" ({warnings} advertencia{'s' if warnings != 1 else ''})" if warnings else ""
    if catalog.ok and args.formato == "texto":
        count = len(catalog.profiles)
        print(
            f"{count} perfil{'es' if count != 1 else ''} válido{'s' if count != 1 else ''}{aside}.",
            file=sys.stderr,
        )
    elif args.formato == "texto":
        errors = len(catalog.diagnostics) - warnings
        print(f"{errors} error{'es' if errors != 1 else ''}{aside}.", file=sys.stderr)
    return 0 if catalog.ok else 1
