"""Pelican generator: whole context first (validation may stop the build), then pages."""

from __future__ import annotations

import ctypes
from pathlib import Path

from pelican.generators import Generator

from cmosc.diagnostics import InvalidData
from cmosc.model.history import read_history
from cmosc.model.organization import build_organizations
from cmosc.profiles.catalog import load_catalog
from cmosc.settings import DEFAULTS, reference_date, setting
from cmosc.site import cards
from cmosc.site.context import FileSpec, PageSpec, Site
from cmosc.site.page_cache import Entry, PageCache
from cmosc.site.page_keys import PageKeys, SiteReads, Uncacheable, build_key, reads_of
from cmosc.site.registry import PAGE_BUILDERS
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES
from cmosc.site.written import WrittenFiles

# Settings through which `cmosc construir` hands over the catalog it already validated
# and the page cache of earlier builds (`page_cache.py`; none: every page is rendered).
VALIDATED_CATALOG = "CMOSC_CATALOGO_VALIDADO"
PAGE_CACHE = "CMOSC_CACHE_PAGINAS"
# The site this build is laid over (`published.py`; none: every file is written).
PUBLISHED_SITE = "CMOSC_SITIO_PUBLICADO"
STALE_BEFORE = "CMOSC_VIEJOS_ANTES_DE"  # the output is a recycled site (`swap.claim_spare`)


def builds_again(context: dict) -> bool:
    """Whether this process builds the site again (`cmosc servir`): what a builder keeps of
    this build serves the next; a one-off build keeps nothing."""
    cache = context.get(PAGE_CACHE)
    return cache is not None and cache.rebuilds


def _find_malloc_trim():
    """glibc's `malloc_trim`, or None (another C library, another system)."""
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library this process runs on
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _find_malloc_trim()


def _return_freed_memory() -> None:
    """After each group of pages: what they freed goes back to the system. Large strings (a
    page's text, /colaborar/'s fragments) are malloc's, which keeps freed ones in its heap,
    while the next group's small objects take new pages: at N=100,000 the resident memory after
    /colaborar/ stayed ≈ 150 MB above what was in use, and the search index came on top."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


class DirectoryGenerator(Generator):
    """Validates every profile in `generate_context`; writes nothing if one is invalid."""

    def generate_context(self):
        root = Path(setting(self.settings, "CMOSC_DATOS_RAIZ")).resolve()
        today = reference_date(self.settings)
        catalog = self.settings.get(VALIDATED_CATALOG) or load_catalog(root, today=today)
        if not catalog.ok:
            # Pelican only logs "Could not process" for bad content and goes on; we stop.
            raise InvalidData(catalog.diagnostics)
        programas = {
            a.slug: a.title for a in self.context.get("articles", []) if a.category.name == "programas"
        }
        site = Site(
            build_organizations(catalog, today),
            catalog.vocabularies,
            today,
            {k: setting(self.settings, k) for k in DEFAULTS},
            programas,
            read_history(root, authors=bool(setting(self.settings, "CMOSC_HISTORIAL_AUTORES"))),
            synonyms=catalog.synonyms,
        )
        self.site = site
        self.context["cmosc"] = site
        # Templates do not change during a build: without this Jinja stats every template
        # file again each time a page or an import asks for it (12,000 times at N=2000).
        self.env.auto_reload = False
        cards.install(self.context, self.get_template)
        # What every page of the build shares, also seen by the macro files that our templates
        # import without context: Jinja builds such a module once, not once for each page.
        shared = ("SITEURL", *cards.FRAGMENTS, *cards.VALUE_FRAGMENTS)
        self.env.globals.update({name: self.context[name] for name in shared})

    def generate_output(self, writer):
        """Render and write every page ourselves (Pelican's writer copies the whole context and
        creates the folder again for each file); `finalized` gets what was written."""
        cache: PageCache | None = self.settings.get(PAGE_CACHE)
        keys = self._page_keys(cache)
        written = WrittenFiles(
            Path(self.output_path),
            self.settings.get(PUBLISHED_SITE),
            self.settings.get("SITEURL", ""),
            self.settings.get(STALE_BEFORE),
        )
        self.settings[WRITTEN_FILES] = self.context[WRITTEN_FILES] = written
        # Fragments are kept for a next build only by a process that builds again (in a one-off
        # `cmosc construir` they would stay in memory until its end); its first build starts
        # with those its last run stored.
        keep_fragments = keys is not None and builds_again(self.context)
        if keep_fragments:
            cards.restore(*cache.take_fragments())
            cards.keep_between_builds(self.context, keys)
        for builder in PAGE_BUILDERS:
            for spec in builder(self.site, self.context):
                if isinstance(spec, FileSpec):
                    written.write(spec.save_as, spec.content)
                elif keys is None:
                    self._render(spec, written, self.site)
                else:
                    self._render_or_reuse(spec, written, cache, keys)
            _return_freed_memory()
        if keep_fragments:
            rendered = cards.forget_unused(self.context, keys)
            cache.note_fragments(*cards.kept(), rendered)  # stored by `commit` (`page_cache.py`)

    def _page_keys(self, cache: PageCache | None) -> PageKeys | None:
        if cache is None:
            return None
        root = Path(setting(self.settings, "CMOSC_DATOS_RAIZ")).resolve()
        skip = frozenset({VALIDATED_CATALOG, PAGE_CACHE, PUBLISHED_SITE, WRITTEN_FILES, STALE_BEFORE})
        try:
            base = build_key(self.settings, root, cache.config, self.site, skip)
        except Uncacheable:
            return None  # something every page reads cannot be described: render them all
        keys = PageKeys(self.site, base, cache.last_inputs)
        cache.fresh_inputs = keys.fresh
        return keys

    def _render(self, spec: PageSpec, written: WrittenFiles, site) -> None:
        template = self.get_template(spec.template)
        # The page's variables merged once (with the environment's globals) and handed to Jinja as
        # its context: `render` would copy them twice more, Pelican's 160 settings among them, and
        # note the globals' names in the context, which each import then compares with the
        # imported template's (a ChainMap: 5 µs an import). All our templates share one
        # environment's globals, so there is nothing to compare.
        variables = {
            **self.env.globals,
            **self.context,
            "cmosc": site,
            "output_file": spec.save_as,
            **spec.vars,
        }
        try:
            context = self.env.context_class(self.env, variables, template.name, template.blocks)
            text = self.env.concat(template.root_render_func(context))
        except Exception:
            self.env.handle_exception()  # the template's file and line in the traceback, as `render` does
        written.write_text(spec.save_as, text)

    def _render_or_reuse(
        self, spec: PageSpec, written: WrittenFiles, cache: PageCache, keys: PageKeys
    ) -> None:
        """The page from the cache when nothing it depends on changed, else rendered and kept."""
        inputs = keys.inputs(spec.save_as, spec.template, spec.vars)
        if inputs is None:
            return self._render(spec, written, self.site)
        entry = cache.candidate(spec.save_as, inputs)
        if (
            entry is not None
            and keys.full(inputs, entry.reads) == entry.key
            and written.adopt(spec.save_as, entry, cache.place)
        ):
            return cache.keep(spec.save_as, entry, None)
        site = SiteReads(self.site)
        self._render(spec, written, site)
        reads = reads_of(site)
        key = keys.full(inputs, reads)
        if key is not None:
            links, ids = written.attributes.get(spec.save_as, ((), ()))
            fresh = Entry(inputs, reads, key, written.digests[spec.save_as], links, ids)
            cache.keep(spec.save_as, fresh, written.output / spec.save_as)
