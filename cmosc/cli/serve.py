"""`cmosc servir`: build, serve output/ on localhost, rebuild whenever a source file changes.

Each rebuild is a `cmosc construir` (validate, build aside) that reuses what did not change
(validated profiles, rendered pages) and writes aside only the files whose bytes changed,
then lays them over the site it published (`published.py`); a failed one publishes nothing,
so the last good site stays in output/ and the server keeps serving it.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from stat import S_ISREG

from cmosc.cli import dev_server
from cmosc.cli.build import add_build_arguments, build, output_folder, page_cache
from cmosc.cli.file_events import FileEvents, counts
from cmosc.profiles.profile_cache import ProfileCache
from cmosc.site.published import PublishedSite

WATCHED_FOLDERS = ("organizaciones", "vocabularios", "content", "theme")
SETTINGS_FILES = ("pelicanconf.py", "publishconf.py")
POLL_SECONDS = 0.3
# With file events the snapshot is only a safety net (it stats every file: 0.2 s at N=20000).
SAFETY_POLL_SECONDS = 2.0
# A save is complete once no watched file changed for this long (editors write in steps).
QUIET_SECONDS = 0.05
# Builds between two collections of the whole heap, frozen meanwhile (see `_build`).
FULL_COLLECTION_BUILDS = 20


def register(sub) -> None:
    parser = sub.add_parser(
        "servir",
        help="construye, sirve el sitio en localhost y lo reconstruye al guardar cambios",
        description="Construye el sitio, lo sirve en http://127.0.0.1:PUERTO y vuelve a "
        "construirlo cada vez que cambia un perfil, un vocabulario, el contenido, el tema o la "
        "configuración. Si un cambio es inválido, muestra el error y sigue sirviendo el último "
        "sitio bueno.",
    )
    parser.add_argument("--puerto", type=int, default=8000, help="puerto (por defecto 8000)")
    add_build_arguments(parser)
    parser.set_defaults(run=run)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file (hidden files and editors' backups aside)."""
    found: dict[str, tuple[int, int]] = {}
    pending = [root / name for name in WATCHED_FOLDERS]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if not counts(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif entry.is_file():
                stat = entry.stat()
                found[entry.path] = (stat.st_mtime_ns, stat.st_size)
    for name in SETTINGS_FILES:
        try:
            stat = (root / name).stat()
        except FileNotFoundError:
            continue
        found[str(root / name)] = (stat.st_mtime_ns, stat.st_size)
    return found


def updated(seen: dict[str, tuple[int, int]], paths: set[str]) -> dict[str, tuple[int, int]] | None:
    """`seen` with only `paths` looked at again (the files file events named), or None when
    one of them is not a plain file any more (then a whole snapshot tells what changed)."""
    current = dict(seen)
    for path in paths:
        try:
            stat = os.stat(path, follow_symlinks=False)
        except FileNotFoundError:
            current.pop(path, None)
            continue
        if not S_ISREG(stat.st_mode):
            return None
        current[path] = (stat.st_mtime_ns, stat.st_size)
    return current


def run(args) -> int:
    root = args.raiz.resolve()
    output = output_folder(args)
    state = dev_server.BuildState()
    cache = ProfileCache()  # unchanged profiles are not re-validated on each save
    pages = page_cache(args, rebuilds=True)  # nor unchanged pages re-rendered
    published = PublishedSite(output)  # nor unchanged files written again
    events = FileEvents(root, WATCHED_FOLDERS, SETTINGS_FILES)  # before: saves during the build count
    seen = snapshot(root)
    state.record(_build(root, root / args.config, output, cache, pages, published, state.generation))
    try:
        server = dev_server.start(output, args.puerto, state)
    except OSError as exc:
        print(f"No se pudo abrir el puerto {args.puerto}: {exc.strerror}.", file=sys.stderr)
        events.close()
        return 1
    print(
        f"Sirviendo en http://127.0.0.1:{args.puerto}/ — se reconstruye al guardar (Ctrl+C para terminar).",
        file=sys.stderr,
        flush=True,
    )
    try:
        while True:
            woken = events.wait(SAFETY_POLL_SECONDS if events.active else POLL_SECONDS)
            if woken:
                events.quiet(QUIET_SECONDS)
            named = events.take_changes() if woken else None
            current = (named is not None and updated(seen, named)) or snapshot(root)
            if current == seen:
                continue
            # An editor may save in several writes: wait until the files stop changing.
            while not woken and (settled := snapshot(root)) != current:
                current = settled
                time.sleep(POLL_SECONDS)
            changed = [path for path in current.keys() | seen.keys() if current.get(path) != seen.get(path)]
            names = sorted(os.path.relpath(path, root) for path in changed)
            print(
                f"Cambió {', '.join(names[:3])}{' …' if len(names) > 3 else ''}; construyendo.",
                file=sys.stderr,
            )
            seen = current
            events.rewatch()  # folders created by this change
            state.record(_build(root, root / args.config, output, cache, pages, published, state.generation))
    finally:
        events.close()
        server.shutdown()


def _build(
    root: Path,
    config: Path,
    output: Path,
    cache: ProfileCache,
    pages,
    published: PublishedSite,
    number: int,
) -> str | None:
    """Build number `number` of this process (from 0)."""
    started = time.perf_counter()
    outcome = build(root, config, output, cache=cache, pages=pages, published=published)
    # The site is in place: collect this build's garbage now and freeze what lives on (the
    # catalog, the caches, the modules), so the next collections walk only what is new (a
    # whole heap at N=20,000 took 1.2–1.5 s of each rebuild). What dies frozen is freed by
    # its reference count; only its cycles wait for the whole collection every few builds.
    if number % FULL_COLLECTION_BUILDS == 0:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
    if outcome.failure is None:
        elapsed = time.perf_counter() - started
        print(f"Sitio construido ({outcome.organizations} organizaciones, {elapsed:.1f} s).", file=sys.stderr)
    else:
        print("Se sigue sirviendo el último sitio bueno.", file=sys.stderr)
    sys.stderr.flush()
    return outcome.failure
