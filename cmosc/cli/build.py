"""`cmosc construir`: validate, build with Pelican elsewhere, then swap into output/.

A failed build never touches the previous `output/`: Pelican writes into a sibling
folder (the site the last swap set aside, written over: `swap.py`) and only a complete
site replaces the old one.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cmosc.cli.export import site_settings
from cmosc.cli.usage import github_annotations
from cmosc.diagnostics import render
from cmosc.profiles.catalog import load_catalog
from cmosc.settings import public_address_problem
from cmosc.site.background import stop_unfinished
from cmosc.site.links import BrokenLinks
from cmosc.site.page_cache import PageCache
from cmosc.site.published import PublishedSite
from cmosc.site.swap import claim_spare, set_aside, swap_directory
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES
from cmosc.site.written import WrittenFiles

# Caches of earlier builds, in the data folder; never published, ignored by git, `make clean`.
CACHE_DIR = ".cache/cmosc"


def register(sub) -> None:
    parser = sub.add_parser(
        "construir",
        help="valida y construye el sitio en output/",
        description="Valida los datos y construye el sitio con Pelican. "
        "Si algo falla, la carpeta de salida anterior queda intacta.",
    )
    add_build_arguments(parser)
    parser.set_defaults(run=run)


def add_build_arguments(parser) -> None:
    parser.add_argument(
        "--config", type=Path, default=Path("pelicanconf.py"), help="archivo de configuración de Pelican"
    )
    parser.add_argument(
        "--salida", type=Path, default=Path("output"), help="carpeta de salida (por defecto output/)"
    )
    parser.add_argument(
        "--sin-cache",
        dest="sin_cache",
        action="store_true",
        help=f"renderiza todas las páginas, sin usar ni actualizar {CACHE_DIR}/",
    )


def page_cache(args, rebuilds: bool = False) -> PageCache | None:
    """The pages of earlier builds, in `.cache/cmosc/` of the data folder (not with --sin-cache)."""
    return None if args.sin_cache else PageCache(args.raiz.resolve() / CACHE_DIR, rebuilds)


def output_folder(args) -> Path:
    return (args.raiz.resolve() / args.salida) if not args.salida.is_absolute() else args.salida


def run(args) -> int:
    root = args.raiz.resolve()
    problem = public_address_problem(site_settings(root, args.config))
    if problem:
        print(f"{args.config}: error: {problem} output/ no se modificó.", file=sys.stderr)
        return 1
    output = output_folder(args)
    outcome = build(root, root / args.config, output, github=github_annotations(), pages=page_cache(args))
    if outcome.failure is not None:
        return 1
    print(f"Sitio construido en {args.salida}/ ({outcome.organizations} organizaciones).", file=sys.stderr)
    return 0


@dataclass(frozen=True)
class Outcome:
    failure: str | None  # what was printed about it, to show again (`cmosc servir`)
    organizations: int = 0


def build(
    root: Path,
    config: Path,
    output: Path,
    github: bool = False,
    cache=None,
    pages: PageCache | None = None,
    published: PublishedSite | None = None,
) -> Outcome:
    """Validate (reusing `cache`'s unchanged profiles, if given), build aside (reusing the
    unchanged pages of `pages`, if given) and swap it in; or, given the site this process
    `published` there last, write aside only what changed and lay it over that site."""
    catalog = load_catalog(root, cache=cache)
    if not catalog.ok:
        failure = render(catalog.diagnostics, github=github) + (
            f"\nLa construcción se detuvo: {len(catalog.errors)} errores. {output.name}/ no se modificó."
        )
        print(failure, file=sys.stderr)
        return Outcome(failure)
    overlay = published is not None and published.current()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-nuevo-", dir=output.parent))
    # Laid over the published site, only what changed is written aside: in an empty folder.
    recycled = not overlay and claim_spare(staging, output)
    staging.chmod(0o755)  # mkdtemp is private; a published site is not
    # Every file of this build is changed after this instant (by the same clock): older ones
    # are the spare's, stale unless written again.
    stale_before = os.stat(staging).st_ctime_ns if recycled else None
    # Pelican's console handler first: its logging setup adds it only to a root logger that
    # has no handler yet, and then the errors would be kept below but never shown.
    init_pelican_logging()
    errors = _ErrorLog()
    logging.getLogger().addHandler(errors)
    if pages is not None:
        pages.start(config)
    if published is not None and not overlay:
        published.forget()  # nothing of it is trusted, but later builds will be laid over this one
    status, written = 1, None
    try:
        status, written = run_pelican(config, staging, root, catalog, pages, published, stale_before)
    except BrokenLinks as stop:  # already printed; a server goes on with the last good site
        errors.lines += stop.lines
    finally:
        logging.getLogger().removeHandler(errors)
        if status != 0 and pages is not None:
            pages.abandon()
    if status != 0:
        stop_unfinished()
        set_aside(staging, output)  # a spare like any other: what this build wrote is written again
        failure = "\n".join(errors.lines + [f"La construcción falló; {output.name}/ no se modificó."])
        print(failure.splitlines()[-1], file=sys.stderr)  # Pelican already printed the rest
        return Outcome(failure)
    if published is None:
        swap_directory(staging, output)
    else:
        try:
            published.publish(staging, written.digests, overlay)
        except OSError as error:  # half laid over: the next build replaces the whole folder
            published.forget()
            failure = f"No se pudo publicar en {output.name}/: {error}. Se reconstruirá completo."
            print(failure, file=sys.stderr)
            return Outcome(failure)
    if pages is not None:
        pages.commit()
    return Outcome(None, len(catalog.profiles))


class _ErrorLog(logging.Handler):
    """Pelican's error messages of one build, kept to show them again (`cmosc servir`)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def init_pelican_logging() -> None:
    """Pelican's console logging, as its CLI sets it up with `--fatal errors`."""
    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING, fatal="errors", name="pelican", logs_dedup_min_level=logging.WARNING)


def run_pelican(
    config: Path,
    output: Path,
    root: Path,
    catalog,
    pages: PageCache | None = None,
    published=None,
    stale_before: int | None = None,
) -> tuple[int, WrittenFiles | None]:
    """Pelican in this process, as its CLI runs it with `--fatal errors` (never quiet: that
    hides the errors it stops on), given the catalog validated above through its settings.
    `stale_before`: `output` is a recycled site, whose files changed before this instant are
    deleted unless written again. Its exit status, and what it wrote (`written.py`)."""
    # Imported here: `cmosc validar` (the pre-commit hook) must not pay for Pelican.
    from pelican import Pelican
    from pelican.settings import read_settings

    from cmosc.site.generator import PAGE_CACHE, PUBLISHED_SITE, STALE_BEFORE, VALIDATED_CATALOG
    from cmosc.site.template_cache import SharedCode, TemplateCodeCache
    from cmosc.site.undefined import StrictUndefined

    settings = read_settings(
        str(config),
        override={
            "PATH": str(root / "content"),
            "OUTPUT_PATH": str(output),
            "CMOSC_DATOS_RAIZ": str(root),
            VALIDATED_CATALOG: catalog,
            PAGE_CACHE: pages,
            PUBLISHED_SITE: published,
            STALE_BEFORE: stale_before,
        },
    )
    # One compiler for every generator's environment (`template_cache.py`), on disk too unless
    # this build uses no cache; and templates that fail on a misspelt name (`undefined.py`),
    # set here so that reading pelicanconf.py outside a build needs no Jinja.
    code = TemplateCodeCache(pages.templates) if pages is not None else SharedCode()
    settings["JINJA_ENVIRONMENT"] = {
        **settings["JINJA_ENVIRONMENT"],
        "bytecode_cache": code,
        "undefined": StrictUndefined,
    }
    try:
        with _steady_heap(stay_frozen=pages is not None and pages.rebuilds):
            Pelican(settings).run()
    except Exception as error:  # what Pelican's CLI reports before exiting with 1
        logging.getLogger("pelican").critical("%s%s: %s", _template_line(error), type(error).__name__, error)
        return 1, None
    return 0, settings.get(WRITTEN_FILES)


def _template_line(error: Exception) -> str:
    """`theme/templates/x.html:12: ` for an error raised while rendering a template (Jinja
    puts the template's file and line in the traceback), else nothing."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
    if not frames:
        return ""
    path = Path(frames[-1].filename)
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    return f"{shown}:{frames[-1].lineno}: "


@contextmanager
def _steady_heap(stay_frozen: bool = False):
    """The validated catalog and the modules live for the whole build: the cyclic garbage
    collector need not walk them again and again (it took ~10 % of a build). Frozen, they are
    out of its sight; a higher first threshold makes it run less often on the many small
    objects rendering creates and drops. Both undone afterwards, except with `stay_frozen`:
    a process that builds again (`cmosc servir`) collects after each build and freezes what
    outlives it, so neither here nor there is the whole heap walked again. No collection
    before freezing: loading and validating leave no cycles (it found none at N=2000, and
    cost 25 ms); what dies frozen is still freed by its reference count."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not stay_frozen:
            gc.unfreeze()
