"""`cmosc construir`: validate, build with Pelican elsewhere, then swap into output/.

A failed build never touches the previous `output/`: Pelican writes into a fresh
sibling folder and only a complete site replaces the old one.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from cmosc.cli.export import site_settings
from cmosc.cli.usage import github_annotations
from cmosc.diagnostics import render
from cmosc.profiles.catalog import load_catalog
from cmosc.settings import public_address_problem
from cmosc.site.swap import swap_directory


def register(sub) -> None:
    parser = sub.add_parser(
        "construir",
        help="valida y construye el sitio en output/",
        description="Valida los datos y construye el sitio con Pelican. "
        "Si algo falla, la carpeta de salida anterior queda intacta.",
    )
    parser.add_argument(
        "--config", type=Path, default=Path("pelicanconf.py"), help="archivo de configuración de Pelican"
    )
    parser.add_argument(
        "--salida", type=Path, default=Path("output"), help="carpeta de salida (por defecto output/)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    root = args.raiz.resolve()
    problem = public_address_problem(site_settings(root, args.config))
    if problem:
        print(f"{args.config}: error: {problem} output/ no se modificó.", file=sys.stderr)
        return 1
    catalog = load_catalog(root)
    if not catalog.ok:
        print(render(catalog.diagnostics, github=github_annotations()), file=sys.stderr)
        print(
            f"La construcción se detuvo: {len(catalog.diagnostics)} errores. output/ no se modificó.",
            file=sys.stderr,
        )
        return 1
    output = (root / args.salida) if not args.salida.is_absolute() else args.salida
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-nuevo-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp is private; a published site is not
    argv = [
        str(root / "content"),
        "--settings",
        str(root / args.config),
        "--output",
        str(staging),
        "--fatal",
        "errors",
    ]  # never --quiet: it hides the errors --fatal stops on
    if run_pelican(argv, root, catalog) != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("La construcción falló; output/ no se modificó.", file=sys.stderr)
        return 1
    swap_directory(staging, output)
    print(f"Sitio construido en {args.salida}/ ({len(catalog.profiles)} organizaciones).", file=sys.stderr)
    return 0


def run_pelican(argv: list[str], root: Path, catalog) -> int:
    """Pelican's own CLI, in this process, reusing the catalog validated above."""
    # Imported here: `cmosc validar` (the pre-commit hook) must not pay for Pelican.
    import pelican

    from cmosc.site import generator

    generator.PRELOADED[str(root)] = catalog
    previous = Path.cwd()
    os.chdir(root)
    try:
        pelican.main(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(previous)
        generator.PRELOADED.pop(str(root), None)
    return 0
