"""What an exporter is: a file name, how to describe it, and a function that renders it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cmosc.opendata.dataset import Conjunto


@dataclass(frozen=True)
class Exportador:
    archivo: str
    formato: str
    mediatype: str
    titulo: str
    descripcion: str
    render: Callable[[Conjunto], bytes]
    tabular: bool = False  # rows and columns described by the table schema
