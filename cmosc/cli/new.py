"""`cmosc nueva SLUG [--nombre …] [--tipo …]`: a commented template for a new organization."""

from __future__ import annotations

import sys

from cmosc.cli.usage import UsageError
from cmosc.messages import suggestion
from cmosc.profiles.catalog import PROFILES_DIR, load_vocabularies
from cmosc.profiles.checks import is_valid_slug
from cmosc.profiles.schema import SLUG_MAX


def register(sub) -> None:
    parser = sub.add_parser(
        "nueva",
        help="crea el perfil de una organización nueva a partir de una plantilla",
        description="Escribe organizaciones/SLUG.yml con todos los campos explicados. "
        "Nunca reemplaza un archivo que ya existe.",
    )
    parser.add_argument(
        "slug",
        metavar="SLUG",
        help="identificador: minúsculas sin tildes, números y guiones (será la dirección web)",
    )
    parser.add_argument("--nombre", default="", help="nombre oficial de la organización")
    parser.add_argument("--tipo", default="", help="tipo de organización (identificador o nombre)")
    parser.set_defaults(run=run)


def run(args) -> int:
    # Imported here: the pre-commit hook (`cmosc validar`) must not load the YAML rewriter.
    from cmosc.staff.template import template

    root = args.raiz.resolve()
    if not is_valid_slug(args.slug):
        raise UsageError(
            f"«{args.slug}» no sirve como identificador: usá minúsculas sin tildes, números y "
            f"guiones simples (hasta {SLUG_MAX} caracteres), por ejemplo «merendero-los-ceibos»."
        )
    vocabularies, _ = load_vocabularies(root)
    tipo = args.tipo
    if tipo and "tipos" in vocabularies:
        resolved = vocabularies["tipos"].resolve(tipo)
        if resolved is None:
            raise UsageError(
                f"«{tipo}» no es un tipo válido{suggestion(vocabularies['tipos'].suggest(tipo))}"
            )
        tipo = resolved
    path = root / PROFILES_DIR / f"{args.slug}.yml"
    if path.exists():
        print(
            f"cmosc: {PROFILES_DIR}/{args.slug}.yml ya existe; no se reemplaza. "
            "Editalo directamente o elegí otro identificador.",
            file=sys.stderr,
        )
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never replace a file created meanwhile
        handle.write(template({"nombre": args.nombre, "tipo": tipo}, vocabularies))
    print(
        f"Creado {PROFILES_DIR}/{args.slug}.yml. Completá los campos obligatorios y corré "
        f"«cmosc validar {PROFILES_DIR}/{args.slug}.yml».",
        file=sys.stderr,
    )
    return 0
