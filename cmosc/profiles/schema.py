"""The organization profile schema: the single source of truth.

Validation, the JSON Schema in `esquema/`, the web editor's fields, the issue forms,
the export columns and the field docs are all derived from these definitions.
`publico=False` marks data that never leaves the repository (Ley 25.326).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from cmosc.municipality import MUNICIPALITY

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX = 80
# First line of every profile: text editors (yaml-language-server) check it against the JSON Schema.
MODELINE = "# yaml-language-server: $schema=../esquema/organizacion.schema.json"
MIN_YEAR = 1850
# Social network keys and the names people know them by (shown instead of raw URLs).
SOCIAL_NETWORK = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "whatsapp": "WhatsApp",
    "otra": "Otra red",
}
SOCIAL_NETWORK_KEYS = tuple(SOCIAL_NETWORK)
# The configured municipality's bounds (a setting); a point outside is a typo or a swapped pair.
LAT_RANGE = MUNICIPALITY.lat
LON_RANGE = MUNICIPALITY.lon


@dataclass(frozen=True)
class Field:
    """One key of a profile. `kind` names an entry of `kinds.KINDS`: how it is checked,
    imported, exported, edited and documented."""

    key: str
    kind: str
    etiqueta: str
    hint: str
    required: bool = False
    public: bool = True
    min_len: int | None = None
    max_len: int | None = None
    minimo: float | None = None
    maximo: float | None = None
    vocab: str | None = None
    items: Field | None = None
    fields: tuple[Field, ...] = ()
    default: object = None
    example: str | None = None
    opciones: tuple[str, ...] = ()
    # An object whose other keys are ids of this vocabulary, each holding a text (registries).
    claves: str | None = None
    # Paths of which at least one must hold a value, e.g. ("sedes[].direccion", "contacto").
    at_least_one: tuple[str, ...] = ()

    @cached_property
    def _children(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    def child(self, key: str) -> Field | None:
        return self._children.get(key)

    @cached_property
    def absent_matters(self) -> tuple[Field, ...]:
        """The fields whose absence does something: required ones, and those with a default."""
        return tuple(f for f in self.fields if f.required or f.default is not None)

    @cached_property
    def extra(self) -> Field | None:
        """The field of a key that is a vocabulary id (`identificadores.conabip`)."""
        if self.claves is None:
            return None
        return text(
            "",
            "Número de registro",
            f"Número en un registro de `vocabularios/{self.claves}.yml`.",
            max_len=100,
        )

    def entry(self, key: str) -> Field | None:
        """The field for a validated key: a declared child, or a vocabulary key's field."""
        return self._children.get(key) or self.extra


def text(key, etiqueta, hint, **kw) -> Field:
    return Field(key, "texto", etiqueta, hint, **kw)


HOURS_HELP = (
    " Escribilo como días y franjas: «lunes a viernes de 9 a 12:30 y de 16 a 20», «martes y jueves"
    " de 17 a 19», «primer lunes de cada mes a las 20», «último sábado del mes de 10 a 19»,"
    " «cerrado en enero». Lo que no se entienda se publica tal cual, con una advertencia."
)


def hours(key, etiqueta, hint, **kw) -> Field:
    """Spanish hours (`cmosc.profiles.hours`): text that is also read as days × intervals."""
    return Field(
        key, "horario", etiqueta, hint + HOURS_HELP, max_len=300, example="Lunes a viernes de 9 a 13", **kw
    )


def vocab(key, name, etiqueta, hint, **kw) -> Field:
    return Field(key, "vocab", etiqueta, hint, vocab=name, **kw)


def lista(key, item: Field, etiqueta, hint, **kw) -> Field:
    return Field(key, "lista", etiqueta, hint, items=item, **kw)


def group(key, fields, etiqueta, hint, **kw) -> Field:
    return Field(key, "objeto", etiqueta, hint, fields=tuple(fields), **kw)


OFFER = group(
    "",
    [
        vocab("tipo", "necesidades", "Tipo", "Una de las categorías de necesidades.", required=True),
        text(
            "descripcion",
            "Descripción",
            "Qué se necesita u ofrece, en una o dos oraciones.",
            required=True,
            min_len=3,
            max_len=500,
        ),
    ],
    "Ítem",
    "Un tipo y una descripción.",
)

# A need also says since when (optional): after a year it is shown as possibly outdated.
NEED = group(
    "",
    [
        *OFFER.fields,
        Field(
            "desde",
            "fecha",
            "Desde",
            "Fecha AAAA-MM-DD desde la que se necesita; pasado un año se marca como posiblemente vencida.",
        ),
    ],
    "Necesidad",
    "Un tipo, una descripción y, si se sabe, desde cuándo.",
)

LOCATION = group(
    "",
    [
        text(
            "nombre",
            "Nombre de la sede",
            "Etiqueta opcional, por ejemplo «Sede central» o «Comedor».",
            max_len=100,
        ),
        text("direccion", "Dirección", "Calle y número.", max_len=200, example="Av. Mate de Luna 1234"),
        vocab("barrio", "barrios", "Barrio", "Barrio de la ciudad, de `vocabularios/barrios.yml`."),
        group(
            "ubicacion",
            [
                Field(
                    "lat",
                    "coordenada",
                    "Latitud",
                    "Latitud en grados decimales (negativa), por ejemplo -26.8303.",
                    required=True,
                    minimo=LAT_RANGE[0],
                    maximo=LAT_RANGE[1],
                    example="-26.83",
                ),
                Field(
                    "lon",
                    "coordenada",
                    "Longitud",
                    "Longitud en grados decimales (negativa), por ejemplo -65.2038.",
                    required=True,
                    minimo=LON_RANGE[0],
                    maximo=LON_RANGE[1],
                    example="-65.20",
                ),
            ],
            "Ubicación",
            "Coordenadas dentro de San Miguel de Tucumán.",
        ),
        hours("horarios", "Horarios", "Días y horarios de atención."),
        text(
            "localidad",
            "Localidad",
            f"Ciudad o localidad; si falta, {MUNICIPALITY.localidad}.",
            max_len=100,
        ),
        text("codigo_postal", "Código postal", "Código postal, por ejemplo 4000.", max_len=10),
        Field(
            "accesible",
            "booleano",
            "Accesible",
            "Si la sede es accesible para personas con movilidad reducida.",
        ),
    ],
    "Sede",
    "Un lugar donde funciona la organización.",
)

ORGANIZATION = group(
    "",
    [
        text("nombre", "Nombre", "Nombre oficial de la organización.", required=True, min_len=3, max_len=200),
        text("sigla", "Sigla", "Sigla o nombre corto.", max_len=20),
        vocab("tipo", "tipos", "Tipo de organización", "Uno de `vocabularios/tipos.yml`.", required=True),
        Field(
            "estado",
            "opcion",
            "Estado",
            "`activa` o `inactiva`; las inactivas conservan su página, marcada.",
            default="activa",
            opciones=("activa", "inactiva"),
        ),
        Field(
            "sucesora",
            "slug",
            "Organización sucesora",
            "Si la organización está inactiva: el identificador (nombre del archivo) de la que continúa su tarea.",
        ),
        text(
            "resumen",
            "Resumen",
            "Una línea para tarjetas, buscadores y redes (texto sin formato).",
            max_len=280,
        ),
        Field(
            "descripcion",
            "markdown",
            "Descripción",
            "Qué hace la organización. Admite Markdown. No hace falta para publicar.",
            min_len=10,
            max_len=20000,
        ),
        Field("fundacion", "anio_o_fecha", "Fundación", f"Año ({MIN_YEAR} en adelante) o fecha AAAA-MM-DD."),
        group(
            "identificadores",
            [
                Field(
                    "cuit",
                    "cuit",
                    "CUIT",
                    "CUIT de la organización, NN-NNNNNNNN-N (los guiones son opcionales).",
                ),
                text(
                    "personeria_juridica",
                    "Personería jurídica",
                    "Resolución o número de la Dirección de Personas Jurídicas.",
                    max_len=100,
                ),
                text(
                    "registro_municipal", "Registro municipal", "Número de registro del CMOSC.", max_len=100
                ),
                text(
                    "cenoc",
                    "CENOC",
                    "Número en el Centro Nacional de Organizaciones de la Comunidad.",
                    max_len=100,
                ),
            ],
            "Identificadores",
            "Números de registro oficiales: CUIT y cualquier registro de `vocabularios/registros.yml` "
            "(por ejemplo `conabip: 1234`).",
            claves="registros",
        ),
        lista(
            "areas",
            vocab("", "areas", "Área", "Área temática."),
            "Áreas temáticas",
            "Áreas en las que trabaja.",
        ),
        lista(
            "poblacion",
            vocab("", "poblaciones", "Población", "Grupo destinatario."),
            "Población",
            "A quiénes acompaña.",
        ),
        lista(
            "ods",
            Field("", "entero", "ODS", "Número de 1 a 17.", minimo=1, maximo=17),
            "Objetivos de Desarrollo Sostenible",
            "Números de los ODS de Naciones Unidas (1 a 17).",
        ),
        lista(
            "actividades",
            group(
                "",
                [
                    text(
                        "nombre",
                        "Actividad",
                        "Nombre de la actividad.",
                        required=True,
                        min_len=3,
                        max_len=150,
                    ),
                    text("descripcion", "Descripción", "En qué consiste.", max_len=1000),
                    hours("horario", "Horario", "Cuándo se realiza."),
                ],
                "Actividad",
                "Una actividad regular.",
            ),
            "Actividades",
            "Lo que hace regularmente.",
        ),
        lista("sedes", LOCATION, "Sedes", "Lugares donde funciona; la primera es la dirección principal."),
        group(
            "contacto",
            [
                Field("email", "email", "Correo electrónico", "Correo institucional (no personal)."),
                lista(
                    "telefonos",
                    Field("", "telefono", "Teléfono", "Con característica, por ejemplo 0381 421-3456."),
                    "Teléfonos",
                    "Teléfonos institucionales.",
                ),
                Field("web", "url", "Sitio web", "Dirección que empieza con https:// o http://."),
                group(
                    "redes",
                    [Field(k, "url", label, f"Enlace a {label}.") for k, label in SOCIAL_NETWORK.items()],
                    "Redes sociales",
                    "Enlaces a las redes de la organización.",
                ),
            ],
            "Contacto",
            "Datos de contacto institucionales.",
        ),
        lista("necesidades", NEED, "Necesidades", "Lo que empresas y voluntarios pueden aportar."),
        lista("ofrece", OFFER, "Ofrece", "Lo que puede ofrecer a otras organizaciones."),
        lista(
            "programas",
            Field("", "programa", "Programa", "Identificador de un programa de `content/programas/`."),
            "Programas",
            "Programas estatales en los que participa.",
        ),
        lista(
            "redes",
            text("", "Red", "Nombre de la red.", min_len=2, max_len=150),
            "Redes",
            "Redes o federaciones a las que pertenece.",
        ),
        lista(
            "referentes",
            group(
                "",
                [
                    text("nombre", "Nombre", "Nombre y apellido.", required=True, min_len=3, max_len=150),
                    text("cargo", "Cargo", "Función en la organización.", max_len=100),
                    Field(
                        "consentimiento",
                        "consentimiento",
                        "Consentimiento",
                        "Debe ser `true`: la persona aceptó por escrito que su nombre se publique.",
                        required=True,
                    ),
                ],
                "Referente",
                "Una persona que aceptó ser publicada.",
            ),
            "Referentes",
            "Personas publicadas solo con consentimiento registrado (Ley 25.326).",
        ),
        Field(
            "logo",
            "logo",
            "Logo",
            "Ruta relativa a `organizaciones/`, por ejemplo `logos/mi-org.png` (PNG, JPG o WebP).",
        ),
        Field(
            "verificado",
            "fecha",
            "Verificado",
            "Fecha AAAA-MM-DD de la última confirmación de los datos por el CMOSC.",
        ),
        Field(
            "sin_verificar_desde",
            "fecha",
            "Cambios sin verificar desde",
            "Fecha AAAA-MM-DD de un cambio posterior a la verificación (lo escribe `cmosc importar "
            "--actualizar`); mientras sea igual o posterior a «Verificado», el perfil figura sin "
            "verificar. Al verificar de nuevo, borrá esta línea.",
        ),
        lista(
            "redirecciones",
            Field("", "slug", "Slug anterior", "Identificador anterior de la organización."),
            "Redirecciones",
            "Identificadores anteriores, para que las direcciones viejas sigan funcionando.",
        ),
        text(
            "notas_internas",
            "Notas internas",
            "Notas del equipo del CMOSC. Nunca se publican.",
            public=False,
            max_len=5000,
        ),
    ],
    "Organización",
    "Perfil de una organización de la sociedad civil.",
    at_least_one=("sedes[].direccion", "contacto"),
)

VOCABULARY_ITEM = group(
    "",
    [
        Field("id", "slug", "Identificador", "Minúsculas, números y guiones; no se renombra.", required=True),
        text("nombre", "Nombre", "Nombre visible.", required=True, min_len=2, max_len=100),
        text("descripcion", "Descripción", "Explicación breve.", max_len=500),
    ],
    "Valor",
    "Un valor del vocabulario.",
)

VOCABULARY_FILES = ("tipos", "areas", "poblaciones", "necesidades", "barrios", "registros")


def walk(fields=ORGANIZATION.fields, prefix=""):
    """Yield (dotted path, Field) for every field, lists shown as `[]`."""
    for f in fields:
        path = f"{prefix}{f.key}"
        yield path, f
        if f.kind == "objeto":
            yield from walk(f.fields, path + ".")
        elif f.kind == "lista" and f.items is not None and f.items.kind == "objeto":
            yield from walk(f.items.fields, path + "[].")
