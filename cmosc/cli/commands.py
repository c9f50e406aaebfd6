"""Registry of `cmosc` subcommands: each module exposes `register(subparsers)`.

Modules are named, not imported: `main` imports only the one a command line asks for, so
`cmosc validar ONE.yml` (the pre-commit hook) does not pay for Pelican, Jinja, openpyxl or
ruamel, which the build, export and import commands load.
"""

from __future__ import annotations

from importlib import import_module

# Subcommand → module, in the order `cmosc --help` lists them.
MODULES = {
    "validar": "validate",
    "construir": "build",
    "servir": "serve",
    "nueva": "new",
    "formatear": "format",
    "importar": "import_sheet",
    "informe": "report",
    "exportar": "export",
    "derivados": "derive",
}


def registrars(command: str | None):
    """`register` of the module for `command`; of every module when it names none we know
    (help, a typo: argparse then lists them all)."""
    names = [MODULES[command]] if command in MODULES else MODULES.values()
    return [import_module(f"cmosc.cli.{name}").register for name in names]
