"""Pelican generator: whole context first (validation may stop the build), then pages."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from cmosc.diagnostics import InvalidData
from cmosc.model.history import read_history
from cmosc.model.organization import build_organizations
from cmosc.profiles.catalog import load_catalog
from cmosc.settings import DEFAULTS, reference_date, setting
from cmosc.site import cards
from cmosc.site.context import FileSpec, Site
from cmosc.site.registry import PAGE_BUILDERS
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES
from cmosc.site.written import WrittenFiles

# Setting through which `cmosc construir` hands over the catalog it already validated.
VALIDATED_CATALOG = "CMOSC_CATALOGO_VALIDADO"


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

    def generate_output(self, writer):
        """Render and write every page ourselves (Pelican's writer copies the whole context and
        creates the folder again for each file); `finalized` gets what was written."""
        written = WrittenFiles(Path(self.output_path))
        self.settings[WRITTEN_FILES] = self.context[WRITTEN_FILES] = written
        for builder in PAGE_BUILDERS:
            for spec in builder(self.site, self.context):
                if isinstance(spec, FileSpec):
                    written.write(spec.save_as, spec.content)
                else:
                    text = self.get_template(spec.template).render(
                        {**self.context, "output_file": spec.save_as, **spec.vars}
                    )
                    written.write(spec.save_as, text.encode("utf-8"), text)
