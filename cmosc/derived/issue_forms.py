"""GitHub issue forms for joining the directory and for reporting wrong data, from the schema.

Issues are public, so the forms ask only for what a profile publishes and say so. The chooser's
links (`config.yml`) point at the public site named by `CMOSC_REPOSITORIO`.
"""

from __future__ import annotations

import yaml

from cmosc.model.privacy import published_paths
from cmosc.profiles.schema import ORGANIZATION, Field, walk
from cmosc.settings import project_settings, repository

HEADER = "# GENERADO por «cmosc derivados» a partir de cmosc/profiles/schema.py, los vocabularios y pelicanconf.py. No lo edites a mano.\n"
PUBLIC_NOTICE = (
    "**Este formulario es público**: todo lo que escribas se puede ver en internet. "
    "Poné solo datos institucionales de la organización, nunca datos personales."
)
# Fields an organization can tell us when it asks to join, in this order.
JOIN = (
    "nombre",
    "sigla",
    "tipo",
    "resumen",
    "descripcion",
    "fundacion",
    "identificadores.cuit",
    "identificadores.personeria_juridica",
    "areas",
    "poblacion",
    "sedes[].direccion",
    "sedes[].barrio",
    "sedes[].horarios",
    "contacto.email",
    "contacto.telefonos",
    "contacto.web",
    "necesidades",
)
FIELDS = dict(walk())
MAX_OPTIONS = 100  # GitHub's limit for dropdown options


def form_id(path: str) -> str:
    return path.replace("[]", "").replace(".", "-")


def description(field: Field) -> str:
    text = field.hint.replace("`", "")
    if field.max_len:
        text += f" Hasta {field.max_len} caracteres."
    return text


def element(path: str, vocabularies) -> dict:
    field = FIELDS[path]
    item = field.items if field.kind == "lista" else None
    vocab_field = item if item is not None and item.kind == "vocab" else field
    attributes = {"label": field.etiqueta, "description": description(field)}
    if vocab_field.kind == "vocab" and len(vocabularies[vocab_field.vocab].terms) <= MAX_OPTIONS:
        attributes["options"] = [t.nombre for t in vocabularies[vocab_field.vocab].sorted_terms()]
        if item is not None:
            attributes["multiple"] = True
        kind = "dropdown"
    elif field.kind in ("markdown", "lista"):
        kind = "textarea"
        if item is not None and item.kind == "objeto":
            names = ", ".join(t.nombre for t in vocabularies["necesidades"].sorted_terms())
            attributes["description"] += f" Una por línea, con su tipo ({names}) y qué se necesita."
        elif item is not None:
            attributes["description"] += " Uno por línea."
    else:
        kind = "input"
    return {
        "type": kind,
        "id": form_id(path),
        "attributes": attributes,
        "validations": {"required": field.required},
    }


def join_form(vocabularies) -> dict:
    body = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "Gracias por querer sumar tu organización al directorio del CMOSC. El equipo revisa cada pedido, "
                    "puede llamarte para confirmar los datos y después publica el perfil.\n\n" + PUBLIC_NOTICE
                )
            },
        }
    ]
    body += [element(path, vocabularies) for path in JOIN]
    body.append(
        {
            "type": "checkboxes",
            "id": "autorizacion",
            "attributes": {
                "label": "Autorización",
                "options": [
                    {
                        "label": "Represento a la organización y autorizo al CMOSC a publicar estos datos institucionales.",
                        "required": True,
                    }
                ],
            },
        }
    )
    return {
        "name": "Sumar una organización",
        "description": "Pedí que tu organización aparezca en el directorio.",
        "title": "Sumar organización: ",
        "labels": ["sumar-organizacion"],
        "body": body,
    }


def data_form(vocabularies) -> dict:
    labels = []
    for path in published_paths(ORGANIZATION):
        label = FIELDS[path].etiqueta
        top = FIELDS.get(path.split(".")[0].split("[")[0])
        shown = label if top is None or top is FIELDS[path] else f"{top.etiqueta}: {label}"
        labels.append(shown)
    body = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "Contanos qué dato del directorio está mal y cuál es el correcto. El equipo del CMOSC lo verifica "
                    "con la organización antes de cambiarlo.\n\n" + PUBLIC_NOTICE
                )
            },
        },
        {
            "type": "input",
            "id": "organizacion",
            "attributes": {
                "label": "Organización",
                "description": "Nombre de la organización o dirección de su página.",
            },
            "validations": {"required": True},
        },
        {
            "type": "dropdown",
            "id": "campo",
            "attributes": {"label": "¿Qué dato está mal?", "options": list(dict.fromkeys(labels)) + ["Otro"]},
            "validations": {"required": True},
        },
        {
            "type": "textarea",
            "id": "correccion",
            "attributes": {"label": "Dato correcto", "description": "Cómo debería decir."},
            "validations": {"required": True},
        },
        {
            "type": "textarea",
            "id": "fuente",
            "attributes": {
                "label": "¿Cómo lo sabés?",
                "description": "Por ejemplo: soy parte de la organización, lo vi en su página.",
            },
            "validations": {"required": False},
        },
    ]
    return {
        "name": "Informar un dato incorrecto",
        "description": "Avisanos si un dato de una organización está mal.",
        "title": "Dato incorrecto: ",
        "labels": ["dato-incorrecto"],
        "body": body,
    }


def dump(form: dict) -> str:
    return HEADER + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=120)


def render_join_form(root, vocabularies) -> str:
    return dump(join_form(vocabularies))


def render_data_form(root, vocabularies) -> str:
    return dump(data_form(vocabularies))


def chooser(root) -> dict:
    """The form chooser: blank issues stay open to the team; links send visitors to the site."""
    site_url = repository(project_settings(root)).site_url
    return {
        "blank_issues_enabled": True,
        "contact_links": [
            {
                "name": "Buscar una organización",
                "url": f"{site_url}/organizaciones/",
                "about": "El directorio público, con los datos de contacto de cada organización.",
            },
            {
                "name": "Cómo sumarse al directorio",
                "url": f"{site_url}/sumar/",
                "about": "Qué datos hacen falta y otras formas de pedirlo (también por correo).",
            },
        ],
    }


def render_chooser(root, vocabularies) -> str:
    return dump(chooser(root))
