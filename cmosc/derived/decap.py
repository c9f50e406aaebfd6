"""`admin/config.yml` for Decap CMS: the web editor's fields, generated from the schema.

Widgets follow the field kinds; vocabulary fields are select widgets storing ids.
The backend block (which repository and branch, which sign-in) comes from the
`CMOSC_REPOSITORIO` setting in `pelicanconf.py`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cmosc.profiles.catalog import program_slugs
from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import MODELINE, ORGANIZATION, Field
from cmosc.settings import Repository, project_settings, repository

HEADER = (
    "# GENERADO por «cmosc derivados» a partir de cmosc/profiles/schema.py, los vocabularios y\n"
    "# CMOSC_REPOSITORIO en pelicanconf.py.\n"
    "# No lo edites a mano: cambiá esas fuentes y volvé a generarlo.\n"
)


def widget(field: Field, vocabularies, programs: list[str]) -> dict:
    kind = KINDS[field.kind]
    if kind.choices:
        return {"widget": "select", "options": kind.choices(field, vocabularies, programs)}
    return kind.editor(field) if kind.editor else {"widget": "string"}


def registry_fields(field: Field, vocabularies, programs: list[str]) -> list[dict]:
    """A text field per registry of the object's key vocabulary that the schema does not declare."""
    if not field.claves:
        return []
    declared = {f.key for f in field.fields}
    return [
        {**field_config(field.extra, vocabularies, programs, nested=True), "name": t.id, "label": t.nombre}
        for t in vocabularies[field.claves].terms
        if t.id.replace("-", "_") not in declared
    ]


def field_config(field: Field, vocabularies, programs: list[str], nested: bool = False) -> dict:
    # Decap checks required fields of every nested group even when the editor never opened it,
    # which blocks saving; nested requirements are left to `cmosc validar` on the pull request.
    out = {
        "label": field.etiqueta,
        "name": field.key,
        "required": field.required and not nested,
        "hint": field.hint + ("" if field.public else " Nunca se publica."),
    }
    if field.kind == "objeto":
        out.update(
            widget="object",
            collapsed=True,
            fields=[field_config(f, vocabularies, programs, nested=True) for f in field.fields]
            + registry_fields(field, vocabularies, programs),
        )
    elif field.kind == "lista" and field.items.kind == "objeto":
        out.update(
            widget="list",
            collapsed=True,
            label_singular=field.items.etiqueta,
            summary=item_summary(field.items),
            # No defaults inside a list item: Decap would start every new profile with one
            # half-filled item (its createEmptyDraftData); a date added later defaults to today.
            fields=[
                _without_default(field_config(f, vocabularies, programs, nested=True))
                for f in field.items.fields
            ],
        )
    elif field.kind == "lista" and KINDS[field.items.kind].choices:
        out.update(widget(field.items, vocabularies, programs), multiple=True)
    elif field.kind == "lista":
        out.update(
            widget="list",
            field={
                "label": field.items.etiqueta,
                "name": "valor",
                **widget(field.items, vocabularies, programs),
            },
        )
    else:
        out.update(widget(field, vocabularies, programs))
    if field.default is not None:
        out["default"] = field.default
    return out


def item_summary(item: Field) -> str:
    """What a closed list item shows: its required fields, or its first two (a sede has no
    required field; without this Decap shows «No nombre» for a sede without a name)."""
    words = [f for f in item.fields if f.kind in ("texto", "vocab", "markdown")]
    keys = [f.key for f in words if f.required] or [f.key for f in words[:2]]
    return " · ".join("{{fields." + key + "}}" for key in keys)


def _without_default(config: dict) -> dict:
    return {k: v for k, v in config.items() if k != "default"}


COMMIT_MESSAGES = {
    "create": "Nueva organización: {{slug}}",
    "update": "Actualiza {{slug}}",
    "delete": "Borra {{slug}}",
    "uploadMedia": "Sube {{path}}",
    "deleteMedia": "Borra {{path}}",
}
LOCAL_SERVER = "http://localhost:8081/api/v1"


def backend(repo: Repository) -> dict:
    out = {"name": "github", "repo": repo.github, "branch": repo.branch}
    if repo.oauth:
        out["base_url"] = repo.oauth
    return {**out, "commit_messages": COMMIT_MESSAGES}


def config(root: Path, vocabularies) -> dict:
    programs = sorted(program_slugs(root))
    repo = repository(project_settings(root))
    fields = [field_config(f, vocabularies, programs) for f in ORGANIZATION.fields]
    # Decap writes a field's `comment` above it and `nombre` comes first: the editor keeps the
    # modeline that lets text editors check a profile against the JSON Schema.
    fields[0]["comment"] = MODELINE.removeprefix("# ")
    return {
        "backend": backend(repo),
        "site_url": repo.site_url,
        "display_url": repo.site_url,
        # decap-server (`make admin`) on this computer; only used when /admin/ is on localhost.
        "local_backend": {"url": LOCAL_SERVER},
        "publish_mode": "editorial_workflow",
        "locale": "es",
        "media_folder": "organizaciones/logos",
        "public_folder": "logos",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "organizaciones",
                "label": "Organizaciones",
                "label_singular": "Organización",
                "description": "Un perfil por organización. Cada cambio se revisa en una solicitud de cambios antes de publicarse.",
                "folder": "organizaciones",
                "extension": "yml",
                "format": "yaml",
                "create": True,
                "delete": False,
                "identifier_field": "nombre",
                "slug": "{{slug | lower}}",
                "summary": "{{nombre}}",
                "sortable_fields": ["nombre", "verificado"],
                "editor": {"preview": False},
                "fields": fields,
            }
        ],
    }


def render(root: Path, vocabularies) -> str:
    body = yaml.safe_dump(config(root, vocabularies), allow_unicode=True, sort_keys=False, width=120)
    return HEADER + body
