"""Pelican plugin entry point (`PLUGINS = ["cmosc.site.plugin"]`)."""

from __future__ import annotations

from pelican import signals

from cmosc.profiles.content_check import FIELDS
from cmosc.profiles.sessions import SessionError, parse_sessions
from cmosc.site.escaping import install_escape
from cmosc.site.filters import install_filters
from cmosc.site.form_links import expand_form_links
from cmosc.site.generator import DirectoryGenerator
from cmosc.site.link_check import check_links
from cmosc.site.minify import minify_assets
from cmosc.site.offline import write_service_worker
from cmosc.site.pages.opendata import start_in_background
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES


def _generators(pelican):
    return DirectoryGenerator


def _sessions_as_dates(content) -> None:
    """A training with `Sesiones:` starts with its first session and ends with its last, so
    listings and the agenda read `inicio`/`fin` as for a one-session training."""
    text = getattr(content, "sesiones", None)
    if not text:
        return
    try:
        items = parse_sessions(str(text))
    except SessionError:
        return  # reported by `content_check` before Pelican runs
    content.inicio = items[0].start.isoformat(timespec="minutes")
    content.fin = items[-1].end.isoformat(timespec="minutes")


# Templates run with StrictUndefined: every metadata key a training or program call may
# have exists on every article (None when its file omits it), so only typos fail.
_OPTIONAL_METADATA = sorted({key for fields in FIELDS.values() for key in fields})


def _default_metadata(content):
    for key in _OPTIONAL_METADATA:
        if not hasattr(content, key):
            setattr(content, key, None)


def _take_inventory(pelican) -> None:
    """Every file of the build, known to the checks after it (also those a build laid over
    the published site left in place, `published.py`)."""
    written = pelican.settings.get(WRITTEN_FILES)
    if written is not None:
        written.take_inventory()


def register():
    signals.get_generators.connect(_generators)
    signals.content_object_init.connect(_sessions_as_dates)
    signals.generator_init.connect(install_filters)
    signals.generator_init.connect(install_escape)
    signals.content_object_init.connect(expand_form_links)
    signals.content_object_init.connect(_default_metadata)
    signals.all_generators_finalized.connect(start_in_background)
    signals.finalized.connect(minify_assets)  # first: the link check and the worker see the final files
    signals.finalized.connect(_take_inventory)
    signals.finalized.connect(check_links)
    signals.finalized.connect(write_service_worker)  # after the link check: hashes the final files
