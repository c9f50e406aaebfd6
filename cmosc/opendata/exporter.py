"""What an exporter is: a file name, how to describe it, and a function that renders it by parts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cmosc.opendata.dataset import Dataset


@dataclass(frozen=True)
class Exporter:
    archivo: str
    formato: str
    mediatype: str
    titulo: str
    descripcion: str
    # The file's bytes in order, a part at a time: the largest (hsds.json, 353 MB at 100,000
    # organizations) is never held whole.
    render: Callable[[Dataset], Iterable[bytes]]
    tabular: bool = False  # rows and columns described by the table schema
