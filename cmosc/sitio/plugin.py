"""Pelican plugin entry point (`PLUGINS = ["cmosc.sitio.plugin"]`)."""
from __future__ import annotations

from pelican import signals

from .datos_pages import start_in_background
from .filters import install_filters
from .generator import DirectoryGenerator
from .verificacion import check_links


def _generators(pelican):
    return DirectoryGenerator


def register():
    signals.get_generators.connect(_generators)
    signals.generator_init.connect(install_filters)
    signals.all_generators_finalized.connect(start_in_background)
    signals.finalized.connect(check_links)
