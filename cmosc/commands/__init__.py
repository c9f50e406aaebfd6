"""Registry of `cmosc` subcommands: each module exposes `register(subparsers)`."""
from __future__ import annotations



class UsageError(Exception):
    """Bad arguments that argparse cannot see (e.g. a path that does not exist)."""


from . import construir, exportar, validar  # noqa: E402  (they import UsageError)


REGISTRY = [validar.register, construir.register, exportar.register]
