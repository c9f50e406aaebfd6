"""View models: validated, published data shaped for pages, index and exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote_plus

from markupsafe import Markup

from cmosc.folding import spanish_sort_key
from cmosc.model.completeness import is_recent, verified_on
from cmosc.model.privacy import published
from cmosc.model.richtext import markdown_to_html
from cmosc.municipality import MUNICIPALITY
from cmosc.profiles import phones
from cmosc.profiles.catalog import PROFILES_DIR, Catalog, Profile
from cmosc.profiles.hours import Hours
from cmosc.profiles.hours import parse as parse_hours
from cmosc.profiles.logos import Logo, describe
from cmosc.profiles.schema import ORGANIZATION, SOCIAL_NETWORK
from cmosc.profiles.vocabularies import Term, Vocabulary

# A sede's town when its profile does not say (`localidad`) and no project is read; a build
# uses its project's municipality (`Catalog.municipio`).
DEFAULT_TOWN = MUNICIPALITY.localidad

# A topic (area) and the population it names are the same people for a resident looking
# for help («Niñez» and «Niñas y niños»): the area's listing gathers both.
AREA_POPULATIONS = {
    "ninez": ("ninas-y-ninos",),
    "juventud": ("adolescentes", "jovenes"),
    "personas-mayores": ("personas-mayores",),
    "discapacidad": ("personas-con-discapacidad",),
    "genero": ("mujeres", "diversidades"),
}


def topic_ids(areas: list[str], poblacion: list[str]) -> list[str]:
    """The organization's areas plus the areas its populations stand for, in vocabulary terms."""
    implied = [a for a, pops in AREA_POPULATIONS.items() if not set(pops).isdisjoint(poblacion)]
    return list(dict.fromkeys([*areas, *implied]))


@dataclass(frozen=True, slots=True)
class Phone:
    texto: str
    href: str
    celular: bool = False

    @property
    def tipo(self) -> str:
        return "celular" if self.celular else "fijo"

    @property
    def whatsapp_url(self) -> str | None:
        # wa.me wants the international number without "+" (mobiles: 54 9 …).
        return f"https://wa.me/{self.href.removeprefix('tel:+')}" if self.celular else None


def unique_phones(texts: list[str]) -> list[Phone]:
    """Each number once (the same number typed twice, or written two ways), in typed order."""
    seen: dict[str, Phone] = {}
    for text in texts:
        e164 = phones.to_e164(text)
        if e164 not in seen:
            seen[e164] = Phone(phones.display(text, e164), "tel:" + e164, phones.is_mobile(e164))
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class Location:
    nombre: str | None
    direccion: str | None
    barrio: Term | None
    lat: float | None
    lon: float | None
    horarios: str | None  # as written
    accesible: bool | None
    localidad: str | None = None  # None: the configured municipality
    codigo_postal: str | None = None
    hours: Hours | None = None  # `horarios` read as days × intervals (see `profiles.hours`)
    default_town: str = DEFAULT_TOWN  # the configured municipality's, when `localidad` is None
    lugar: str | None = None  # the place's name for maps: the organization's, and the sede's

    @property
    def map_url(self) -> str | None:
        if self.lat is None:
            return None
        return f"https://www.openstreetmap.org/?mlat={self.lat}&mlon={self.lon}#map=17/{self.lat}/{self.lon}"

    @property
    def address_search_url(self) -> str | None:
        """OpenStreetMap search for the address, when there are no coordinates."""
        if not self.direccion:
            return None
        return "https://www.openstreetmap.org/search?query=" + quote_plus(self._full_address)

    @property
    def _full_address(self) -> str:
        return f"{self.direccion}, {self.localidad or self.default_town}"

    @property
    def directions_url(self) -> str | None:
        """«Cómo llegar»: a Google Maps directions URL, which opens the maps app on Android
        and iOS and the web elsewhere (a bare `geo:` fails on iOS and desktop). With an
        address, the place's name, address and town, so the app names where it is going
        (`destination` takes a name or coordinates, not both); else the coordinates."""
        if self.direccion:
            destination = ", ".join(filter(None, [self.lugar, self._full_address, "Argentina"]))
        elif self.lat is not None:
            destination = f"{self.lat},{self.lon}"
        else:
            return None
        # What urlencode({"api": 1, "destination": …}) gives, without its dict and four quotes:
        # a profile page asks for this link two or three times.
        return "https://www.google.com/maps/dir/?api=1&destination=" + quote_plus(destination)


@dataclass(frozen=True, slots=True)
class Activity:
    nombre: str
    descripcion: str | None
    horario: str | None  # as written
    hours: Hours | None


@dataclass(frozen=True, slots=True)
class Item:
    tipo: Term
    descripcion: str
    desde: date | None = None  # needs only: since when (optional)
    vieja: bool = False  # a need stated more than a year ago: may no longer be current


class _PublishedField:
    """`org.<name>` is `org.data[<name>]` as validated, None when the profile omits it."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, org, owner=None):
        return self if org is None else org.data.get(self.name)


@dataclass(frozen=True, slots=True)
class Organization:
    slug: str
    data: dict  # published fields only, as validated (ids, typed values)
    nombre: str
    sigla: str | None
    tipo: Term
    activa: bool
    resumen: str | None
    descripcion_html: Markup  # empty when the profile has no description yet
    areas: list[Term]
    poblacion: list[Term]
    topics: list[Term]  # areas, plus those its populations stand for (AREA_POPULATIONS)
    sedes: list[Location]
    actividades: list[Activity]
    telefonos: list[Phone]
    necesidades: list[Item]
    ofrece: list[Item]
    verificado: date | None
    desactualizada: bool
    sort_key: str = field(repr=False)
    logo_img: Logo | None = None  # the published logo (resized), see `logos.py`
    # (label, number) of every identifier, declared ones first, then registries by name.
    registros: tuple[tuple[str, str], ...] = ()
    # Changes after the last verification (`sin_verificar_desde`): `verificado` is then None.
    verificado_antes: date | None = None
    # Its sedes' barrios, each once, in order: set once, read by every listing, facet and
    # related list (a property, it was recomputed 13,000 times a build at N=2000).
    barrios: tuple[Term, ...] = ()

    @property
    def url(self) -> str:
        return f"organizaciones/{self.slug}/"

    @property
    def hours(self) -> list[dict]:
        """The readable hours of its sedes as compact JSON (`Hours.as_json`), for open-now."""
        return [s.hours.as_json() for s in self.sedes if s.hours and s.hours.readable and s.hours.rules]

    @property
    def whatsapp(self) -> list[tuple[str, str]]:
        """(link, number) for WhatsApp: the link the organization gave, else each mobile's."""
        given = (self.contacto or {}).get("redes", {}).get("whatsapp")
        return [(given, "")] if given else [(p.whatsapp_url, p.texto) for p in self.telefonos if p.celular]

    @property
    def redes_sociales(self) -> list[tuple[str, str]]:
        """(name, URL) of each network but WhatsApp, which has its own button."""
        redes = (self.contacto or {}).get("redes", {})
        return [
            (label, redes[key]) for key, label in SOCIAL_NETWORK.items() if key in redes and key != "whatsapp"
        ]

    @property
    def tiene_contacto(self) -> bool:
        c = self.contacto or {}
        return bool(self.telefonos or c.get("email") or c.get("web") or c.get("redes"))

    # Published fields used as validated, with no shaping: read straight from `data`.
    # Only these exist, so a misspelt attribute fails (and, in a template, the build).
    fundacion = _PublishedField()
    identificadores = _PublishedField()
    ods = _PublishedField()
    contacto = _PublishedField()
    programas = _PublishedField()
    redes = _PublishedField()
    referentes = _PublishedField()
    sucesora = _PublishedField()  # inactive organizations: the slug of the one that continues


def build_organization(
    profile: Profile,
    vocabularies: dict[str, Vocabulary],
    today: date,
    profiles_dir: Path | None = None,
    town: str = DEFAULT_TOWN,
) -> Organization:
    data = published(profile.data)

    def terms(name, ids):
        return [vocabularies[name].term(i) for i in ids]

    verificado = verified_on(data)  # never claim a check of data that changed since
    verificado_antes = data.get("verificado") if verificado is None else None
    sedes = [_sede(s, vocabularies["barrios"], town, data["nombre"]) for s in data.get("sedes", [])]
    return Organization(
        slug=profile.slug,
        data=data,
        nombre=data["nombre"],
        sigla=data.get("sigla"),
        tipo=vocabularies["tipos"].term(data["tipo"]),
        activa=data.get("estado", "activa") == "activa",
        resumen=data.get("resumen"),
        descripcion_html=markdown_to_html(data["descripcion"]) if data.get("descripcion") else Markup(""),
        areas=terms("areas", data.get("areas", [])),
        poblacion=terms("poblaciones", data.get("poblacion", [])),
        topics=terms("areas", topic_ids(data.get("areas", []), data.get("poblacion", []))),
        sedes=sedes,
        actividades=[
            Activity(a["nombre"], a.get("descripcion"), a.get("horario"), _hours(a.get("horario")))
            for a in data.get("actividades", [])
        ],
        telefonos=unique_phones(data.get("contacto", {}).get("telefonos", [])),
        necesidades=[
            Item(
                vocabularies["necesidades"].term(n["tipo"]),
                n["descripcion"],
                n.get("desde"),
                bool(n.get("desde")) and not is_recent(n["desde"], today),
            )
            for n in data.get("necesidades", [])
        ],
        ofrece=[
            Item(vocabularies["necesidades"].term(n["tipo"]), n["descripcion"])
            for n in data.get("ofrece", [])
        ],
        verificado=verificado,
        desactualizada=not is_recent(verificado, today),
        sort_key=spanish_sort_key(data["nombre"]),
        logo_img=describe(profiles_dir / data["logo"]) if profiles_dir and data.get("logo") else None,
        registros=identifiers(data.get("identificadores", {}), vocabularies.get("registros")),
        verificado_antes=verificado_antes,
        barrios=tuple({s.barrio.id: s.barrio for s in sedes if s.barrio}.values()),
    )


def identifiers(ids: dict, registros: Vocabulary | None) -> tuple[tuple[str, str], ...]:
    schema = ORGANIZATION.child("identificadores")
    declared = [(f.etiqueta, ids[f.key]) for f in schema.fields if f.key in ids]
    others = [
        (registros.label(k) if registros and registros.resolve(k) == k else k, v)
        for k, v in ids.items()
        if schema.child(k) is None
    ]
    return tuple(declared + sorted(others, key=lambda item: spanish_sort_key(item[0])))


def _sede(data: dict, barrios: Vocabulary, town: str, organization: str) -> Location:
    ubicacion = data.get("ubicacion") or {}
    return Location(
        data.get("nombre"),
        data.get("direccion"),
        barrios.term(data["barrio"]) if data.get("barrio") else None,
        ubicacion.get("lat"),
        ubicacion.get("lon"),
        data.get("horarios"),
        data.get("accesible"),
        data.get("localidad"),
        data.get("codigo_postal"),
        _hours(data.get("horarios")),
        town,
        ", ".join(filter(None, [organization, data.get("nombre")])),
    )


def _hours(text: str | None) -> Hours | None:
    return parse_hours(text) if text else None


# The organizations of the last build of this process, by the validated profile they came
# from: `cmosc servir` gets the same Profile object back for an unchanged file
# (`profile_cache.py`), so on each save only the changed profiles are shaped again. Valid
# while what else shapes them (vocabularies, reference date, folder, town) is equal.
_BUILT: dict[int, tuple[Profile, Organization]] = {}
_BUILT_WITH: list = [None]


def build_organizations(catalog: Catalog, today: date) -> list[Organization]:
    """All organizations sorted by name with Spanish collation (ties by slug)."""
    profiles_dir = catalog.root / PROFILES_DIR
    town = catalog.municipal_area.localidad
    environment = (catalog.vocabularies, today, profiles_dir, town)
    built = _BUILT if _BUILT_WITH[0] == environment else {}
    orgs = []
    for profile in catalog.profiles:
        known = built.get(id(profile))
        if known is not None and known[0] is profile:
            orgs.append(known[1])
        else:
            orgs.append(build_organization(profile, catalog.vocabularies, today, profiles_dir, town))
    _BUILT.clear()
    _BUILT.update({id(p): (p, o) for p, o in zip(catalog.profiles, orgs)})
    _BUILT_WITH[0] = environment
    return sorted(orgs, key=lambda o: (o.sort_key, o.slug))
