"""Split a long listing into numbered pages that every page links to (≤ 3 clicks, no JS)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cmosc.site.context import PageSpec

FULL_UP_TO = 12  # up to this many pages, every page links every page
WINDOW = 2  # otherwise pages after the first link this many neighbours each side


@dataclass(frozen=True)
class Page:
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
    def enlaces(self) -> list[tuple[int, str] | None]:
        """(number, url) of the pages to link, None for a gap.

        The first page links every page: it is the index that keeps any profile
        three clicks from home. Other pages show a window around themselves.
        """
        numbers = range(1, self.total + 1)
        if self.numero > 1 and self.total > FULL_UP_TO:
            near = {1, self.total, *range(self.numero - WINDOW, self.numero + WINDOW + 1)}
            numbers = [n for n in numbers if n in near]
        links, previous = [], 0
        for n in numbers:
            if n > previous + 1:
                links.append(None)
            links.append((n, self.urls[n - 1]))
            previous = n
        return links

    @property
    def is_last(self) -> bool:
        return self.numero == self.total


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}pagina/{number}/"


def paginate(items, base: str, size: int) -> list[Page]:
    """At least one page, even for an empty listing (its URL must exist)."""
    items = tuple(items)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [()]
    urls = tuple(page_url(base, n) for n in range(1, len(chunks) + 1))
    return [Page(n, len(chunks), chunk, urls[n - 1], urls) for n, chunk in enumerate(chunks, 1)]


def paged(
    items, base: str, size: int, template: str, variables: dict, inactive: tuple | None = None
) -> Iterator[PageSpec]:
    """One page to write per page of a listing. With `inactive`, the last page also lists them
    (a listing's inactive organizations, after the active ones)."""
    for pagina in paginate(items, base, size):
        page = {"ruta": pagina.url, "pagina": pagina, **variables}
        if inactive is not None:
            page["inactivas"] = inactive if pagina.is_last else ()
        yield PageSpec(pagina.save_as, template, page)
