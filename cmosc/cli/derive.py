"""`cmosc derivados [--verificar]`: regenerate every file derived from the schema and settings."""

from __future__ import annotations

import os
import sys


def register(sub) -> None:
    parser = sub.add_parser(
        "derivados",
        help="regenera los archivos que salen del esquema (JSON Schema, editor web, formularios, guía, README)",
        description="Regenera esquema/organizacion.schema.json, admin/config.yml, los formularios "
        "de .github/ISSUE_TEMPLATE/, las secciones generadas de docs/guia-equipo.md y la tabla de "
        "configuración del README.",
    )
    parser.add_argument(
        "--verificar",
        action="store_true",
        help="no escribe nada: sale con 1 si algún archivo está desactualizado (o, en GitHub Actions, "
        "si CMOSC_REPOSITORIO no nombra este repositorio)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    # Imported here: the pre-commit hook (`cmosc validar`) must not load the generators.
    from cmosc import derived

    root = args.raiz.resolve()
    try:
        if args.verificar:
            old = derived.stale(root)
            for path in old:
                print(f"{path}: desactualizado; corré «make derivados».", file=sys.stderr)
            mismatch = derived.repository_mismatch(root, os.environ.get("GITHUB_REPOSITORY", ""))
            if mismatch:
                print(mismatch, file=sys.stderr)
            return 1 if old or mismatch else 0
        for path in derived.write(root):
            print(f"regenerado: {path}", file=sys.stderr)
    except derived.VocabulariesInvalid as exc:
        print(f"{exc}\nCorregí los vocabularios antes de regenerar.", file=sys.stderr)
        return 1
    return 0
