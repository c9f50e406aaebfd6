"""What an exporter is: a file name, how to describe it, and a function that renders it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cmosc.opendata.dataset import Dataset


@dataclass(frozen=True)
class Exporter:
    archivo: str
    formato: str
    mediatype: str
    titulo: str
    descripcion: str
    render: Callable[[Dataset], bytes]
    tabular: bool = False  # rows and columns described by the table schema
