"""The one way a check reports a problem: a catalogued code, its values and where it is."""

from __future__ import annotations

from cmosc.diagnostics import Diagnostic
from cmosc.messages import format_message


def located(archivo: str, linea: int, columna: int, campo: str, code: str, /, **values) -> Diagnostic:
    """A diagnostic worded by `messages.CATALOG`; an uncatalogued code is a KeyError, never a message."""
    return Diagnostic(archivo, linea, columna, campo, format_message(code, **values), code)
