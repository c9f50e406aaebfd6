"""`cmosc formatear [RUTA…] [--verificar]`: canonical key order and vocabulary ids, comments kept."""

from __future__ import annotations

import difflib
import sys

from cmosc.cli.validate import add_profile_paths, expand
from cmosc.profiles.catalog import load_vocabularies, profile_paths, shown
from cmosc.profiles.loader import load_text


def register(sub) -> None:
    parser = sub.add_parser(
        "formatear",
        help="ordena los campos y usa identificadores, sin perder comentarios",
        description="Reescribe los perfiles en la forma canónica: campos en el orden del esquema "
        "e identificadores en lugar de nombres en tipos, áreas, barrios, etc. "
        "Conserva comentarios y cada valor tal como está escrito.",
    )
    add_profile_paths(parser)
    parser.add_argument(
        "--verificar",
        action="store_true",
        help="no escribe nada: informa qué archivos cambiarían y sale con 1 si hay alguno",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    # Imported here: the pre-commit hook (`cmosc validar`) must not load the YAML rewriter.
    from cmosc.staff.canonical import canonical_text

    root = args.raiz.resolve()
    paths = expand(args.rutas) if args.rutas else profile_paths(root)
    vocabularies, _ = load_vocabularies(root)  # a broken vocabulary only means fewer ids resolved
    pending, unreadable = [], []
    for path in paths:
        archivo = shown(root, path)
        text = path.read_text(encoding="utf-8-sig")
        if load_text(text, archivo).node is None:
            unreadable.append(archivo)
            continue
        new = canonical_text(text, vocabularies)
        if new == text:
            continue
        pending.append(archivo)
        if args.verificar:
            sys.stdout.writelines(
                difflib.unified_diff(
                    text.splitlines(True),
                    new.splitlines(True),
                    f"{archivo} (actual)",
                    f"{archivo} (canónico)",
                )
            )
        else:
            path.write_text(new, encoding="utf-8")
            print(f"formateado: {archivo}", file=sys.stderr)
    for archivo in unreadable:
        print(
            f"{archivo}: no se puede formatear porque no es YAML válido; corré «cmosc validar {archivo}».",
            file=sys.stderr,
        )
    if args.verificar and pending:
        print(
            f"{len(pending)} archivo(s) sin el formato canónico; corré «cmosc formatear» y volvé a guardar.",
            file=sys.stderr,
        )
        return 1
    if not pending:
        print(f"{len(paths)} archivo(s) revisados: el formato ya es el canónico.", file=sys.stderr)
    return 1 if unreadable else 0
