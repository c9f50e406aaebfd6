"""One error type for every check, rendered for terminals, JSON, GitHub and builds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

WARNING = "warning"  # a located notice that never fails validation, a build or an import


@dataclass(frozen=True, order=True)
class Diagnostic:
    archivo: str
    linea: int
    columna: int
    campo: str
    mensaje: str
    codigo: str
    nivel: str = "error"

    def gnu(self) -> str:
        where = f"{self.archivo}:{self.linea}:{self.columna}"
        prefix = f"{self.campo}: " if self.campo else ""
        return f"{where}: {self.nivel}: {prefix}{self.mensaje}"

    def github(self) -> str:
        kind = "error" if self.nivel == "error" else "warning"
        text = (f"{self.campo}: " if self.campo else "") + self.mensaje
        # GitHub workflow commands need %, CR and LF escaped in the message.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.archivo},line={self.linea},col={self.columna}::{text}"

    def as_dict(self) -> dict:
        return asdict(self)


def sort_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(items))


def render(items: Iterable[Diagnostic], formato: str = "texto", github: bool = False) -> str:
    """Render diagnostics; the exit status is the caller's and never depends on this."""
    items = sort_diagnostics(items)
    if formato == "json":
        return json.dumps([d.as_dict() for d in items], ensure_ascii=False, indent=2)
    lines = [d.gnu() for d in items]
    if github:
        lines += [d.github() for d in items]
    return "\n".join(lines)


class InvalidData(Exception):
    """Raised by the build when validation found errors; carries them all."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sort_diagnostics(diagnostics)
        super().__init__(render(self.diagnostics))
