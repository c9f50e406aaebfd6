"""What a rendered page depends on, as one hash: the key of the page cache (`page_cache.py`).

A page is its template run over the build's context and the page's own variables. The
key of a page is a hash of

- the *build key*: everything every page may read (our code, the libraries' versions, the
  theme, `content/`, the settings, the vocabularies, the reference date);
- the page's template name, path and variables, encoded value by value (`encode`): an
  organization by the hash of its published data, so a page that shows an organization
  changes key when that organization changes;
- the site attributes the template read while rendering (`SiteReads`, the `cmosc` the
  templates see): those that depend only on the build key are free; any other
  (`cmosc.facetas`, `cmosc.historia`…) adds the hash of its whole value.

A value of a type the encoder does not know makes the page uncacheable: it is rendered on
every build, never reused. Rendering is deterministic, so equal keys mean equal bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import operator
import sys
from datetime import date, datetime
from enum import Enum
from importlib import metadata
from pathlib import Path, PurePath

from markupsafe import Markup

from cmosc.model.facets import Facet
from cmosc.model.organization import Organization

# Bump when the encoding or what goes into a key changes.
KEY_FORMAT = 2
# Libraries whose code shapes a page (templates, escaping, Markdown, sanitising, Pelican).
LIBRARIES = ("jinja2", "markupsafe", "pelican", "cmarkgfm", "nh3", "PyYAML")
# Site attributes that depend only on the build key's inputs (settings, vocabularies,
# content/, the reference date): reading them adds nothing to a page's key.
BUILD_WIDE = frozenset(
    {
        "settings",
        "vocabularies",
        "today",
        "programas",
        "synonyms",
        "municipal_area",
        "oficina",
        "url_canonica",
        "ruta_base",
        "per_page",
        "capacitaciones_proximas",
        "capacitaciones_pasadas",
        "capacitacion_realizada",
        "convocatorias_abiertas",
        "estado_convocatoria",
    }
)
# Build state in Pelican's settings and context that is not an input of any page.
NOT_INPUTS = frozenset({"OUTPUT_PATH"})
_PACKAGE = Path(__file__).resolve().parent.parent
_SCALARS = frozenset({str, int, float, bool, type(None)})  # encoded as themselves
# Values that encode alike exactly when they are `==` and of the same type.
_EQUAL = frozenset({str, int, bool, type(None), Markup, date})
_ORGANIZATIONS = frozenset({Organization})
# Sequences up to this long are compared value by value; longer ones a column at a time.
SHORT = 32


class Uncacheable(Exception):
    """A page's inputs hold a value the encoder cannot describe exactly."""


def _digest(value) -> bytes:
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).digest()


def _tree_digest(folder: Path) -> tuple:
    """(relative path, sha256) of every file under `folder`, sorted; not Python's compiled
    files, which it writes whenever it first imports a changed module (a key that changed
    with them made the next build render every page again)."""
    if not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            found.append((path.relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).digest()))
    return tuple(found)


def code_digest() -> bytes:
    """Our package's source and the versions of the libraries and Python that run it."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, None))
    return _digest((KEY_FORMAT, sys.version, versions, _tree_digest(_PACKAGE)))


class Encoder:
    """Turns page variables into nested tuples of plain values, for hashing.

    `organizations` maps id(org) → digest for this build's organizations; an organization
    from anywhere else is not described (Uncacheable), never guessed. Tuples and frozen
    dataclasses (a listing's organizations, a facet value shared by its pages) are encoded
    once per build and stand in their parents as their hash: the same object is not
    walked again for every page that shows it. The encoder lives for one build."""

    def __init__(self, organizations: dict[int, bytes]):
        self.organizations = organizations
        self._memo: dict[int, tuple[object, tuple]] = {}  # id → (the object, kept alive; its code)
        self._fields: dict[type, tuple[str, ...] | None] = {}  # frozen dataclass → field names
        self._compared: dict[int, tuple[object, object, bool]] = {}  # id → (new, old, `same`)

    def encode(self, value, depth: int = 0):
        kind = type(value)
        if kind in _SCALARS:
            return value
        if depth > 40:
            raise Uncacheable("anidamiento")
        if kind is Organization:
            try:
                return ("org", self.organizations[id(value)])
            except KeyError:
                raise Uncacheable("organización de otra construcción") from None
        if kind is Markup:
            return ("markup", str(value))
        if kind is Facet:
            return ("facet", value.id)  # declared in code, which the build key covers
        depth += 1
        if kind is tuple or self._frozen_fields(kind) is not None:
            known = self._memo.get(id(value))
            if known is not None and known[0] is value:
                return known[1]
            code = ("hash", _digest(self._encode_container(value, kind, depth)))
            self._memo[id(value)] = (value, code)
            return code
        return self._encode_container(value, kind, depth)

    def same(self, old, new, depth: int = 0) -> bool:
        """Whether `new` encodes exactly as `old` did, told without encoding either: equal
        plain values, the same organization of this build, or the same frozen object (model
        values are never changed once built: the memo of `encode` relies on it too), and
        containers of such values."""
        kind = type(new)
        return type(old) is kind and self._same_kind(old, new, kind, depth)

    def _same_kind(self, old, new, kind: type, depth: int) -> bool:
        """`same` for two values both of type `kind`."""
        if kind in _EQUAL:
            return old == new
        if kind is Organization:
            return old is new and id(new) in self.organizations
        if kind is float:
            return repr(old) == repr(new)  # 0.0 == -0.0, but they encode apart
        if kind is datetime:
            return old.isoformat() == new.isoformat()  # one instant in two time zones: equal
        if kind is Facet:
            return old.id == new.id
        if depth > 40:
            return False
        depth += 1
        if kind is list:
            return self._all_same(old, new, depth)
        if kind is dict:  # keys, then values, in order
            return self._all_same([*old, *old.values()], [*new, *new.values()], depth)
        names = None if kind is tuple else self._frozen_fields(kind)
        if kind is not tuple and names is None:
            return False  # anything else is encoded again
        if old is new:
            return True
        # A listing's organizations or a facet value is shared by many pages: compared once.
        known = self._compared.get(id(new))
        if known is not None and known[0] is new and known[1] is old:
            return known[2]
        if names is None:
            verdict = self._all_same(old, new, depth)
        else:
            verdict = self._all_same(_field_values(old, names), _field_values(new, names), depth)
        self._compared[id(new)] = (new, old, verdict)
        return verdict

    def _all_same(self, olds, news, depth: int) -> bool:
        """`same` of each pair of two sequences. Plain values and organizations, most of what
        pages hold, are told in the loop rather than by a call each: those calls were most of
        the time of a rebuild's page keys."""
        if len(olds) != len(news):
            return False
        if len(news) > SHORT:
            return self._all_same_by_column(olds, news, depth)
        organizations, compared = self.organizations, self._compared
        for old, new in zip(olds, news):
            kind = type(new)
            if type(old) is not kind:
                return False
            if kind in _EQUAL:
                if old != new:
                    return False
            elif kind is Organization:
                if old is not new or id(new) not in organizations:
                    return False
            elif (known := compared.get(id(new))) is not None and known[0] is new and known[1] is old:
                if not known[2]:  # compared already (`_same_kind`): a facet value, a barrio's topic
                    return False
            elif not self._same_kind(old, new, kind, depth):
                return False
        return True

    def _all_same_by_column(self, olds, news, depth: int) -> bool:
        """`_all_same` of long sequences (a listing): the types all at once, then a column of
        plain values by `==` or of organizations by identity, each in one pass in C."""
        kinds = list(map(type, news))
        if kinds != list(map(type, olds)):
            return False
        distinct = set(kinds)
        if distinct <= _EQUAL:
            return all(map(operator.eq, olds, news))
        if distinct == _ORGANIZATIONS:
            return all(map(operator.is_, olds, news)) and all(
                map(self.organizations.__contains__, map(id, news))
            )
        return all(map(self._same_kind, olds, news, kinds, itertools.repeat(depth)))

    def _frozen_fields(self, kind: type) -> tuple[str, ...] | None:
        if kind not in self._fields:
            params = getattr(kind, "__dataclass_params__", None)
            frozen = params is not None and params.frozen
            self._fields[kind] = tuple(f.name for f in dataclasses.fields(kind)) if frozen else None
        return self._fields[kind]

    def _encode_container(self, value, kind: type, depth: int):
        if kind is list or kind is tuple:
            return self._encode_sequence(value, kind, depth)
        if kind is dict:
            return ("dict", *((self.encode(k, depth), self.encode(v, depth)) for k, v in value.items()))
        if kind is set or kind is frozenset:
            return ("set", *sorted(repr(self.encode(v, depth)) for v in value))
        if kind is date or kind is datetime:
            return (kind.__name__, value.isoformat())
        names = self._frozen_fields(kind)
        if names is not None:
            return (
                f"{kind.__module__}.{kind.__qualname__}",
                *(self.encode(getattr(value, n), depth) for n in names),
            )
        if isinstance(value, PurePath):
            return ("path", str(value))
        if isinstance(value, Enum):
            return ("enum", kind.__qualname__, value.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return (
                f"{kind.__module__}.{kind.__qualname__}",
                *(self.encode(getattr(value, f.name), depth) for f in dataclasses.fields(value)),
            )
        content = _pelican_content(value)
        if content is not None:
            return content  # built from content/ and the settings, both in the build key
        raise Uncacheable(f"{kind.__module__}.{kind.__qualname__}")

    def _encode_sequence(self, value, kind: type, depth: int):
        """A list or tuple: plain values as they are; one of organizations only, as one hash of
        their digests, under a tag no other value encodes to (a call and a tuple per
        organization made a listing's inputs the costliest of a rebuild's keys)."""
        kinds = set(map(type, value))
        if kinds <= _SCALARS:
            return (kind.__name__, *value)
        if kinds == _ORGANIZATIONS:
            try:
                digests = b"".join(map(self.organizations.__getitem__, map(id, value)))  # 32 bytes each
            except KeyError:
                raise Uncacheable("organización de otra construcción") from None
            return ("orgs", kind.__name__, hashlib.sha256(digests).digest())
        return (kind.__name__, *(self.encode(v, depth) for v in value))


def _field_values(value, names: tuple[str, ...]) -> list:
    return [getattr(value, n) for n in names]


def _pelican_content(value):
    from pelican.contents import Content
    from pelican.urlwrappers import URLWrapper

    if isinstance(value, Content):
        return ("content", type(value).__name__, value.source_path)
    if isinstance(value, URLWrapper):
        return ("urlwrapper", type(value).__name__, value.name)
    return None


# Digests of the last build's organizations, by identity: `cmosc servir` gets the same
# Organization object back for an unchanged profile (`build_organizations`), and its
# digest need not be computed again (20,000 of them took seconds).
_DIGESTS: dict[int, tuple[Organization, bytes]] = {}


def organization_digests(organizations) -> dict[int, bytes]:
    """id(org) → hash of what an organization's pages can show of it: its published data
    (everything else it holds is derived from that and the build key) and its logo."""
    encoder = Encoder({})
    digests = {}
    for org in organizations:
        known = _DIGESTS.get(id(org))
        if known is None or known[0] is not org:
            known = (org, _digest((org.slug, encoder.encode(org.data), encoder.encode(org.logo_img))))
        digests[id(org)] = known
    _DIGESTS.clear()
    _DIGESTS.update(digests)
    return {key: digest for key, (_, digest) in digests.items()}


def _settings_value(value, depth: int = 0):
    """Settings as plain values; objects the settings hold (plugins, functions) by name,
    their code being in the build key or in the configuration file itself."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if depth > 20:
        return "…"
    if kind in (list, tuple, set, frozenset):
        items = [_settings_value(v, depth + 1) for v in value]
        return (kind.__name__, *(sorted(items, key=repr) if kind in (set, frozenset) else items))
    if kind is dict:
        return ("dict", *((repr(k), _settings_value(v, depth + 1)) for k, v in value.items()))
    if kind in (date, datetime):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    return (
        kind.__module__,
        kind.__qualname__,
        getattr(value, "__qualname__", getattr(value, "__name__", "")),
    )


def build_key(settings: dict, root: Path, config: Path | None, site, skip: frozenset[str]) -> bytes:
    """What every page may read beyond its own variables and the site attributes it reads."""
    plain = {k: _settings_value(v) for k, v in sorted(settings.items()) if k not in NOT_INPUTS | skip}
    theme = Path(settings.get("THEME", "")) if settings.get("THEME") else None
    encoder = Encoder({})
    return _digest(
        (
            code_digest(),
            repr(plain),
            config.read_bytes() if config and config.is_file() else None,
            [(p.name, p.read_bytes()) for p in sorted(root.glob("*conf.py"))],
            _tree_digest(theme) if theme else (),
            _tree_digest(Path(settings["PATH"])),
            encoder.encode(site.vocabularies),
            encoder.encode(site.synonyms),
            site.today.isoformat(),
            encoder.encode(site.settings),
            encoder.encode(site.programas),
        )
    )


class SiteReads:
    """The site as one page's template sees it (`cmosc`), noting which attributes it read."""

    __slots__ = ("_cmosc_site", "_cmosc_read")

    def __init__(self, site):
        object.__setattr__(self, "_cmosc_site", site)
        object.__setattr__(self, "_cmosc_read", set())

    def __getattr__(self, name: str):
        if name not in BUILD_WIDE:
            self._cmosc_read.add(name)
        return getattr(self._cmosc_site, name)

    def __setattr__(self, name, value):
        raise AttributeError("las plantillas no modifican el sitio")


def reads_of(tracker: SiteReads) -> tuple[str, ...]:
    return tuple(sorted(tracker._cmosc_read))


class PageKeys:
    """Keys of this build's pages.

    `last`: save_as → (build key, template, variables, inputs) of the last build of this
    process, given when it builds again (`cmosc servir`); `fresh` is this build's. A page
    whose variables are the same values as then (`Encoder.same`) has the same inputs,
    without encoding and hashing them again (at N=20,000 that took a sixth of a rebuild)."""

    def __init__(self, site, base: bytes, last: dict | None = None):
        self.site = site
        self.base = base
        self.encoder = Encoder(organization_digests(site.organizations))
        self._attributes: dict[str, bytes | None] = {}
        self._reads: dict[tuple[str, ...], bytes | None] = {}  # reads → hash of their digests
        self.last = last
        self.fresh: dict[str, tuple] | None = None if last is None else {}

    def inputs(self, save_as: str, template: str, variables: dict) -> bytes | None:
        """Hash of the page's own inputs, or None when they cannot be described."""
        known = self.last.get(save_as) if self.last is not None else None
        if (
            known is not None
            and known[0] == self.base
            and known[1] == template
            and self.encoder.same(known[2], variables)
        ):
            digest = known[3]
        else:
            try:
                digest = _digest((self.base, save_as, template, self.encoder.encode(variables)))
            except Uncacheable:
                return None
        if self.fresh is not None:
            self.fresh[save_as] = (self.base, template, variables, digest)
        return digest

    def fragments(self, name: str, args: tuple) -> bytes | None:
        """Key of a per-organization macro's fragments with these arguments (`cards.py`): its
        macro sees only SITEURL. Each organization's fragment is kept under it and the
        organization's digest (`organization`); hashed once per listing, not per organization."""
        try:
            return _digest((self.base, name, *(self.encoder.encode(a) for a in args)))
        except Uncacheable:
            return None

    def organization(self, org) -> bytes | None:
        """The digest of one of this build's organizations (None: of no organization of it)."""
        return self.encoder.organizations.get(id(org))

    def present(self) -> set[bytes]:
        """The digests of this build's organizations."""
        return set(self.encoder.organizations.values())

    def full(self, inputs: bytes, reads: tuple[str, ...]) -> bytes | None:
        """The key: the page's inputs plus every site attribute its template read."""
        if reads not in self._reads:  # most pages read the same few: hashed once per build
            self._reads[reads] = self._read_digest(reads)
        read = self._reads[reads]
        return None if read is None else hashlib.sha256(inputs + read).digest()  # both 32 bytes

    def _read_digest(self, reads: tuple[str, ...]) -> bytes | None:
        parts = []
        for name in reads:
            digest = self._attribute(name)
            if digest is None:
                return None
            parts.append((name, digest))
        return _digest(tuple(parts))

    def _attribute(self, name: str) -> bytes | None:
        if name not in self._attributes:
            try:
                value = getattr(self.site, name)
                self._attributes[name] = None if callable(value) else _digest(self.encoder.encode(value))
            except (Uncacheable, AttributeError):
                self._attributes[name] = None
        return self._attributes[name]
