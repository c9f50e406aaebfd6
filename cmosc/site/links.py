"""Internal link and anchor checker for a built site: a broken link never gets published.

Reads every HTML file of the output, collects `href`/`src` of links, images, scripts
and stylesheets, and checks that each internal one points to an existing file and,
with `#ancla`, to an element with that id. External links (other hosts, mailto:,
tel:) are not followed: that would need the network and is not deterministic. Our
templates always quote attributes with `"` and Jinja escapes `"` in values, so a
regular expression reads them reliably (and much faster than an HTML parser).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# href/src of links, stylesheets, images and scripts, and element ids. <form action>
# is not a link: a form works with any query and is checked by its page's own tests.
_ATTR = re.compile(r'\s(href|src|id)="([^"]*)"')


@dataclass(frozen=True, order=True)
class Broken:
    archivo: str  # page holding the link, relative to the output folder
    enlace: str  # the link as written
    motivo: str  # what is wrong, in Spanish

    def gnu(self) -> str:
        return f"{self.archivo}: error: enlace roto «{self.enlace}»: {self.motivo}"


def _value(raw: str) -> str:
    return html.unescape(raw) if "&" in raw else raw


def _attributes(text: str, names: set[str]):
    for name, value in _ATTR.findall(text):
        if name in names:
            yield _value(value)


def page_links(text: str) -> list[str]:
    return list(_attributes(text, {"href", "src"}))


def page_ids(text: str) -> set[str]:
    return set(_attributes(text, {"id"}))


class Checker:
    def __init__(self, root: Path, site_url: str = ""):
        self.root = root.resolve()
        self.site_url = site_url.rstrip("/")
        self._ids: dict[Path, set[str]] = {}
        self._verdicts: dict[tuple[Path | None, str], str | None] = {}
        self.files = {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()}

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            self._ids[path] = page_ids(path.read_text(encoding="utf-8", errors="replace"))
        return self._ids[path]

    def target(self, page: Path, link: str) -> tuple[Path | None, str] | None:
        """(file, fragment) for an internal link; None for external ones."""
        if self.site_url and (link == self.site_url or link.startswith(self.site_url + "/")):
            link = link[len(self.site_url) :] or "/"
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if not path:
            return page, unquote(parts.fragment)
        base = (
            PurePosixPath("/")
            if path.startswith("/")
            else PurePosixPath("/", page.parent.relative_to(self.root).as_posix())
        )
        resolved = _normalize(base / path)
        if resolved is None:
            return None, ""
        relative = resolved.strip("/")
        if relative not in self.files:
            relative = f"{relative}/index.html" if relative else "index.html"
        found = self.root / relative if relative in self.files else None
        return found, unquote(parts.fragment)

    def verdict(self, page: Path, link: str) -> str | None:
        """What is wrong with one link on one page (None when it is fine)."""
        if link.strip().lower().startswith("javascript:"):
            return "los enlaces javascript: no están permitidos"
        found = self.target(page, link)
        if found is None:
            return None
        target, fragment = found
        if target is None:
            return "no existe esa página o archivo en el sitio"
        if fragment and target.suffix == ".html" and fragment not in self.ids(target):
            return f"la página existe pero no tiene el ancla «#{fragment}»"
        return None

    def check_page(self, page: Path) -> list[Broken]:
        shown = page.relative_to(self.root).as_posix()
        problems = []
        attributes = _ATTR.findall(page.read_text(encoding="utf-8", errors="replace"))
        # The same pass gives this page's ids, for the #anchors that point at it.
        self._ids.setdefault(page, {_value(v) for name, v in attributes if name == "id"})
        for link in (_value(v) for name, v in attributes if name != "id"):
            # Most links (menu, theme files, profiles) repeat on every page: judge each once.
            key = (None, link) if link.startswith("/") or "//" in link else (page, link)
            if key not in self._verdicts:
                self._verdicts[key] = self.verdict(page, link)
            if self._verdicts[key]:
                problems.append(Broken(shown, link, self._verdicts[key]))
        return problems


def _normalize(path: PurePosixPath) -> str | None:
    """Collapse `.` and `..`; None when the path climbs out of the site."""
    parts: list[str] = []
    for part in path.parts[1:]:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/" + "/".join(parts)


def check_site(root: Path, site_url: str = "", pendientes: Iterable[str] = ()) -> list[Broken]:
    """Every broken internal link and anchor of the HTML files under `root`, sorted.

    `pendientes`: internal paths another part of the project has yet to deliver
    (e.g. "/buscar/"); links to them are tolerated until they exist.
    """
    checker = Checker(root, site_url)
    problems: list[Broken] = []
    for page in sorted(checker.root.rglob("*.html")):
        problems += checker.check_page(page)
    pending = tuple(pendientes)
    return sorted(p for p in problems if not _is_pending(p.enlace, site_url, pending))


def _is_pending(link: str, site_url: str, pending: tuple[str, ...]) -> bool:
    path = link[len(site_url) :] if site_url and link.startswith(site_url) else link
    return any(path == p or path.startswith(p) for p in pending)
