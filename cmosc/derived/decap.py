"""`admin/config.yml` for Decap CMS: the web editor's fields, generated from the schema.

Widgets follow the field kinds; vocabulary fields are select widgets storing ids.
The backend block (which repository, which login) is the staff's own, in
`admin/backend.yml`, and is copied in as it is.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cmosc.ods import ODS
from cmosc.profiles.catalog import program_slugs
from cmosc.profiles.schema import ORGANIZACION, SLUG_PATTERN, Field

HEADER = (
    "# GENERADO por «cmosc derivados» a partir de cmosc/profiles/schema.py, los vocabularios y admin/backend.yml.\n"
    "# No lo edites a mano: cambiá esas fuentes y volvé a generarlo.\n"
)
DATE_PATTERN = [r"^\d{4}-\d{2}-\d{2}$", "Fecha AAAA-MM-DD"]


def options(field: Field, vocabularies, root: Path) -> list:
    if field.kind == "vocab":
        return [{"label": t.nombre, "value": t.id} for t in vocabularies[field.vocab].terms]
    if field.kind == "opcion":
        return list(field.opciones)
    if field.kind == "programa":
        return sorted(program_slugs(root))
    return [{"label": f"{n}. {name}", "value": n} for n, name in ODS.items()]


def widget(field: Field, vocabularies, root: Path) -> dict:
    kind = field.kind
    if kind in ("vocab", "opcion", "programa"):
        return {"widget": "select", "options": options(field, vocabularies, root)}
    if kind == "markdown":
        return {
            "widget": "markdown",
            "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list", "quote"],
            "editor_components": [],
            "modes": ["rich_text", "raw"],
        }
    if kind == "texto":
        return {"widget": "text" if (field.max_len or 0) > 300 else "string"}
    if kind in ("booleano", "consentimiento"):
        return {"widget": "boolean"}
    if kind == "coordenada":
        return {
            "widget": "number",
            "value_type": "float",
            "min": field.minimo,
            "max": field.maximo,
            "step": 0.0001,
        }
    if kind == "fecha":
        return {
            "widget": "datetime",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "format": "YYYY-MM-DD",
            "picker_utc": True,
            "default": "",
        }
    if kind == "logo":
        return {"widget": "image", "choose_url": False}
    patterns = {
        "cuit": [r"^\d{2}-?\d{8}-?\d$", "CUIT: NN-NNNNNNNN-N"],
        "email": [r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", "Correo como contacto@organizacion.org.ar"],
        "url": [r"^https?://", "Debe empezar con https:// o http://"],
        "telefono": [r"^[+(\d][\d\s\-().]*$", "Solo números, espacios, guiones y +"],
        "anio_o_fecha": [r"^(\d{4}|\d{4}-\d{2}-\d{2})$", "Año (2009) o fecha AAAA-MM-DD"],
        "slug": [SLUG_PATTERN, "Minúsculas, números y guiones"],
    }
    return {"widget": "string", **({"pattern": patterns[kind]} if kind in patterns else {})}


def field_config(field: Field, vocabularies, root: Path, nested: bool = False) -> dict:
    # Decap checks required fields of every nested group even when the editor never opened it,
    # which blocks saving; nested requirements are left to `cmosc validar` on the pull request.
    out = {
        "label": field.etiqueta,
        "name": field.key,
        "required": field.requerido and not nested,
        "hint": field.ayuda + ("" if field.publico else " Nunca se publica."),
    }
    if field.kind == "objeto":
        out.update(
            widget="object",
            collapsed=True,
            fields=[field_config(f, vocabularies, root, nested=True) for f in field.fields],
        )
    elif field.kind == "lista" and field.items.kind == "objeto":
        out.update(
            widget="list",
            collapsed=True,
            label_singular=field.items.etiqueta,
            fields=[field_config(f, vocabularies, root, nested=True) for f in field.items.fields],
        )
    elif field.kind == "lista" and field.items.kind in ("vocab", "programa", "entero"):
        out.update(widget="select", options=options(field.items, vocabularies, root), multiple=True)
    elif field.kind == "lista":
        out.update(
            widget="list",
            field={"label": field.items.etiqueta, "name": "valor", **widget(field.items, vocabularies, root)},
        )
    else:
        out.update(widget(field, vocabularies, root))
    if field.default is not None:
        out["default"] = field.default
    return out


def read_backend(root: Path) -> dict:
    path = root / "admin" / "backend.yml"
    return (
        yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {"backend": {"name": "github"}}
    )


def config(root: Path, vocabularies) -> dict:
    return {
        **read_backend(root),
        "local_backend": True,
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
                "fields": [field_config(f, vocabularies, root) for f in ORGANIZACION.fields],
            }
        ],
    }


def render(root: Path, vocabularies) -> str:
    body = yaml.safe_dump(config(root, vocabularies), allow_unicode=True, sort_keys=False, width=120)
    return HEADER + body
