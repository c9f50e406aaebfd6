"""Registry of `cmosc` subcommands: each module exposes `register(subparsers)`."""
from __future__ import annotations



class UsageError(Exception):
    """Bad arguments that argparse cannot see (e.g. a path that does not exist)."""


from . import construir, derivados, exportar, formatear, importar, informe, nueva, validar  # noqa: E402  (they import UsageError)


REGISTRY = [validar.register, construir.register, nueva.register, formatear.register, importar.register,
            informe.register, exportar.register, derivados.register]
