"""Internal link and anchor checker for a built site: a broken link never gets published.

Looks at every HTML file of the output (the pages the build wrote from memory, see
`written.py`; other HTML files from disk), collects `href`/`src` of links, images,
scripts and stylesheets, and checks that each internal one points to an existing file
and, with `#ancla`, to an element with that id. External links (other hosts, mailto:,
tel:) are not followed: that would need the network and is not deterministic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cmosc.site.written import ELSEWHERE, page_attributes, relative_files


class BrokenLinks(SystemExit):
    """Stops the build with status 1. A SystemExit passes Pelican's generic handler (the list
    is printed, no traceback); `cmosc servir` catches it, keeps serving and shows `lines`."""

    def __init__(self, lines: list[str]):
        super().__init__(1)
        self.lines = lines


@dataclass(frozen=True, order=True)
class Broken:
    archivo: str  # page holding the link, relative to the output folder
    enlace: str  # the link as written
    motivo: str  # what is wrong, in Spanish

    def gnu(self) -> str:
        return f"{self.archivo}: error: enlace roto «{self.enlace}»: {self.motivo}"


class Checker:
    def __init__(self, root: Path, site_url: str = "", written: dict | None = None, files=None):
        """`written`: page (relative path) → (links, ids) already known, not read from disk;
        `files`: every file of the site, when known without walking `root`."""
        self.root = root.resolve()
        self.site_url = site_url.rstrip("/")
        self.written = written or {}
        self._ids: dict[Path, tuple[str, ...]] = {}
        # Verdicts of the links that mean the same on every page (paths from the root, SITEURL).
        self._verdicts: dict[str, str | None] = {}
        self.files = set(relative_files(self.root) if files is None else files)

    def attributes(self, page: Path, relative: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """`page`'s (links, ids); `relative`: its path relative to the output folder."""
        known = self.written.get(relative)
        if known is not None:
            return known
        return page_attributes(page.read_text(encoding="utf-8", errors="replace"), self.site_url)

    def ids(self, path: Path) -> tuple[str, ...]:
        if path not in self._ids:
            self._ids[path] = self.attributes(path, path.relative_to(self.root).as_posix())[1]
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
        folder = "" if path.startswith("/") else page.parent.relative_to(self.root).as_posix()
        resolved = _normalize(f"{folder}/{path}")
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
        if fragment and target.suffix == ".html" and not _holds(self.ids(target), fragment):
            return f"la página existe pero no tiene el ancla «#{fragment}»"
        return None

    def check_page(self, page: Path) -> list[Broken]:
        shown = page.relative_to(self.root).as_posix()
        problems = []
        links, ids = self.attributes(page, shown)
        # The same pass gives this page's ids, for the #anchors that point at it.
        self._ids.setdefault(page, ids)
        verdicts = self._verdicts
        for link in links:
            # Most links (menu, theme files, profiles) repeat on every page: judged once.
            verdict = verdicts.get(link, False)
            if verdict is False:
                shared = link.startswith("/")
                if not shared and ELSEWHERE.match(link):
                    if not self.site_url or not link.startswith(self.site_url):
                        continue  # external: never followed, and not worth remembering
                    shared = True
                verdict = self.verdict(page, link)
                if shared:  # a relative link points somewhere else from each page
                    verdicts[link] = verdict
            if verdict:
                problems.append(Broken(shown, link, verdict))
        return problems


def _holds(ids: tuple[str, ...], fragment: str) -> bool:
    """Whether a page's sorted ids (`page_attributes`) hold `fragment`: a binary search, for
    /mapa/ has an id per sede and links to them all."""
    at = bisect_left(ids, fragment)
    return at < len(ids) and ids[at] == fragment


def _normalize(path: str) -> str | None:
    """The path from the site's root, with `.`, `..` and repeated slashes collapsed (as
    `PurePosixPath` would, at a fraction of its cost); None when it climbs out of the site."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/" + "/".join(parts)


def check_site(
    root: Path,
    site_url: str = "",
    pendientes: Iterable[str] = (),
    written: dict | None = None,
    known_good=lambda files: frozenset(),
    files=None,
) -> list[Broken]:
    """Every broken internal link and anchor of the HTML files under `root`, sorted.

    `pendientes`: internal paths another part of the project has yet to deliver
    (e.g. "/buscar/"); links to them are tolerated until they exist. `written`: the
    attributes of pages already known (`WrittenFiles.attributes`). `known_good(files)`:
    pages whose links need no check, given every file of the site (`link_check.py`);
    `files`: every file of the site, if not all are under `root` (`published.py`).
    """
    checker = Checker(root, site_url, written, files)
    skip = known_good(checker.files)
    problems: list[Broken] = []
    for relative in sorted(f for f in checker.files if f.endswith(".html") and f not in skip):
        problems += checker.check_page(checker.root / relative)
    pending = tuple(pendientes)
    return sorted(p for p in problems if not _is_pending(p.enlace, site_url, pending))


def _is_pending(link: str, site_url: str, pending: tuple[str, ...]) -> bool:
    path = link[len(site_url) :] if site_url and link.startswith(site_url) else link
    return any(path == p or path.startswith(p) for p in pending)
