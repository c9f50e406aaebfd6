"""Split a long listing into numbered pages that every page links to (≤ 3 clicks, no JS)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pagina:
    numero: int
    total: int
    items: tuple
    url: str  # "organizaciones/" or "organizaciones/pagina/2/"
    urls: tuple[str, ...]  # every page's URL, so any page is one click away

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def anterior(self) -> str | None:
        return self.urls[self.numero - 2] if self.numero > 1 else None

    @property
    def siguiente(self) -> str | None:
        return self.urls[self.numero] if self.numero < self.total else None

    @property
    def es_ultima(self) -> bool:
        return self.numero == self.total


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}pagina/{number}/"


def paginate(items, base: str, size: int) -> list[Pagina]:
    """At least one page, even for an empty listing (its URL must exist)."""
    items = tuple(items)
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [()]
    urls = tuple(page_url(base, n) for n in range(1, len(chunks) + 1))
    return [Pagina(n, len(chunks), chunk, urls[n - 1], urls) for n, chunk in enumerate(chunks, 1)]
