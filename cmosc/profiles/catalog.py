"""Load and validate the whole data set: vocabularies, program ids, profiles.

This is the one entry point that the CLI, the Pelican plugin, the staff tools and
the tests share; it returns validated plain data and every diagnostic found.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from yaml.nodes import SequenceNode

from cmosc.diagnostics import Diagnostic, sort_diagnostics
from cmosc.folding import fold
from cmosc.messages import suggestion
from cmosc.municipality import MUNICIPALITY, Municipality, project_municipality
from cmosc.profiles.checks import is_valid_slug
from cmosc.profiles.content_check import check_content
from cmosc.profiles.loader import load_file, position
from cmosc.profiles.located import located
from cmosc.profiles.profile_cache import ProfileCache, environment_key
from cmosc.profiles.schema import ORGANIZATION, SLUG_MAX, VOCABULARY_FILES, VOCABULARY_ITEM
from cmosc.profiles.synonyms import SynonymGroups, load_synonyms
from cmosc.profiles.validator import Env, validate, validate_with_marks
from cmosc.profiles.vocabularies import Term, Vocabulary

PROFILES_DIR = "organizaciones"
VOCABULARIES_DIR = "vocabularios"
PROGRAMS_DIR = "content/programas"


# Kinds of value that checks after validation point at, so their positions are kept: slugs
# (`sucesora`, `redirecciones` against the other profiles, below) and hours (the staff
# report's unreadable ones). Any other path is marked at (1, 1).
MARKED_KINDS = frozenset({"slug", "horario"})


@dataclass(frozen=True, slots=True)
class Profile:
    slug: str
    archivo: str
    data: dict
    marks: dict = field(default_factory=dict, compare=False, repr=False)  # of MARKED_KINDS

    def mark(self, path: str) -> tuple[int, int]:
        return self.marks.get(path, (1, 1))


@dataclass
class Catalog:
    root: Path
    vocabularies: dict[str, Vocabulary]
    programas: frozenset[str]
    profiles: list[Profile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    municipal_area: Municipality = MUNICIPALITY  # the project's (pelicanconf.py), as validated
    synonyms: SynonymGroups = ()  # vocabularios/sinonimos.yml, as typed

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.nivel == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def shown(root: Path, path: Path) -> str:
    """The path as staff see it: relative to the project root when inside it."""
    # The common case, a path under an absolute root, as a string prefix: pathlib's
    # is_relative_to and relative_to were a fortieth of validating a profile.
    text, prefix = str(path), f"{root}{os.sep}"
    if text.startswith(prefix) and root.is_absolute():
        return text[len(prefix) :]
    if path.is_absolute() and path.is_relative_to(root):
        return str(path.relative_to(root))
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def load_vocabulary(path: Path, root: Path) -> tuple[Vocabulary | None, list[Diagnostic]]:
    archivo = shown(root, path)
    loaded = load_file(path, archivo)
    if loaded.node is None:
        return None, list(loaded.diagnostics)
    diagnostics: list[Diagnostic] = []
    if not isinstance(loaded.node, SequenceNode):
        line, col = position(loaded.node)
        return None, [located(archivo, line, col, "", "vocabulario_no_lista")]
    terms, seen_ids, seen_names = [], {}, {}
    for number, item in enumerate(loaded.node.value, start=1):
        data, problems = validate(item, VOCABULARY_ITEM, archivo, Env({}))
        diagnostics += [_with_prefix(p, f"[{number}]") for p in problems]
        if data is None:
            continue
        line = position(item)[0]
        for key, seen, code in (
            (data["id"], seen_ids, "id_duplicado"),
            (fold(data["nombre"]), seen_names, "nombre_duplicado"),
        ):
            if key in seen:
                diagnostics.append(
                    located(archivo, line, position(item)[1], f"[{number}]", code, valor=key, linea=seen[key])
                )
            seen.setdefault(key, line)
        terms.append(Term(data["id"], data["nombre"], data.get("descripcion", "")))
    name = path.stem
    return (None if diagnostics else Vocabulary(name, terms)), diagnostics


def _with_prefix(d: Diagnostic, prefix: str) -> Diagnostic:
    campo = f"{prefix}.{d.campo}" if d.campo else prefix
    return replace(d, campo=campo)


def load_vocabularies(root: Path) -> tuple[dict[str, Vocabulary], list[Diagnostic]]:
    vocabularies, diagnostics = {}, []
    folder = root / VOCABULARIES_DIR
    for name in VOCABULARY_FILES:
        path = folder / f"{name}.yml"
        if not path.exists():
            diagnostics.append(located(shown(root, path), 1, 1, "", "vocabulario_falta", valor=name))
            continue
        vocabulary, problems = load_vocabulary(path, root)
        diagnostics += problems
        if vocabulary:
            vocabularies[name] = vocabulary
    return vocabularies, diagnostics


def program_slugs(root: Path) -> frozenset[str]:
    return frozenset(p.stem for p in (root / PROGRAMS_DIR).glob("*.md"))


def validate_profile(path: Path, root: Path, env: Env) -> tuple[Profile | None, list[Diagnostic]]:
    archivo, slug = shown(root, path), path.stem
    loaded = load_file(path, archivo)
    diagnostics = list(loaded.diagnostics)
    if not is_valid_slug(slug):
        diagnostics.append(located(archivo, 1, 1, "", "nombre_archivo", valor=path.name, maximo=SLUG_MAX))
    if loaded.node is None:
        return None, diagnostics
    data, marks, problems = validate_with_marks(loaded.node, ORGANIZATION, archivo, env, MARKED_KINDS)
    diagnostics += problems
    if data is None or any(d.nivel == "error" for d in diagnostics):
        return None, diagnostics
    return Profile(slug, archivo, data, marks), diagnostics


def profile_paths(root: Path) -> list[Path]:
    # Sorted by name (the same order as by path: one folder), not by Path objects:
    # comparing 20,000 of them took seconds.
    folder = root / PROFILES_DIR
    try:
        names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".yml"))
    except FileNotFoundError:
        return []
    return [folder / name for name in names]


def load_catalog(
    root: Path, paths: list[Path] | None = None, today: date | None = None, cache: ProfileCache | None = None
) -> Catalog:
    """Validate vocabularies and profiles (all of them unless `paths` narrows it).

    With a `cache`, profiles whose inputs did not change since the last call are not re-validated.
    """
    root = root.resolve()
    vocabularies, diagnostics = load_vocabularies(root)
    synonyms, problems = load_synonyms(root)
    catalog = Catalog(
        root, vocabularies, program_slugs(root), diagnostics=diagnostics + problems, synonyms=synonyms
    )
    env = Env(
        vocabularies,
        catalog.programas,
        root / PROFILES_DIR,
        today or date.today(),
        project_municipality(root),
    )
    catalog.municipal_area = env.municipal_area
    every = profile_paths(root)
    paths = paths if paths is not None else every
    if cache is not None:
        environment = environment_key(env)
        cache.forget_missing(paths)
    for path in paths:
        if cache is None:
            profile, problems = validate_profile(path, root, env)
        else:
            profile, problems = cache.validate(path, environment, partial(validate_profile, path, root, env))
        catalog.diagnostics += problems
        if profile:
            catalog.profiles.append(profile)
    catalog.diagnostics += _redirect_conflicts(catalog.profiles, root)
    catalog.diagnostics += _unknown_successors(catalog.profiles, {path.stem for path in every})
    catalog.diagnostics += check_content(root)
    catalog.diagnostics = sort_diagnostics(catalog.diagnostics)
    return catalog


def _unknown_successors(profiles: list[Profile], slugs: set[str]) -> list[Diagnostic]:
    """`sucesora` names another profile of `slugs` (all files count, even when validating a few)."""
    problems = []
    for profile in profiles:
        successor = profile.data.get("sucesora")
        if successor and (successor not in slugs or successor == profile.slug):
            close = difflib.get_close_matches(successor, sorted(slugs - {profile.slug}), n=2, cutoff=0.6)
            line, col = profile.mark("sucesora")
            problems.append(
                located(
                    profile.archivo,
                    line,
                    col,
                    "sucesora",
                    "sucesora_desconocida",
                    valor=successor,
                    sugerencia=suggestion(close),
                )
            )
    return problems


def _redirect_conflicts(profiles: list[Profile], root: Path) -> list[Diagnostic]:
    slugs = {p.slug for p in profiles}
    owners: dict[str, str] = {}
    problems = []
    for profile in profiles:
        for number, old in enumerate(profile.data.get("redirecciones", []), start=1):
            use = None
            if old in slugs:
                use = "el identificador de una organización vigente"
            elif old in owners:
                use = f"una redirección de «{owners[old]}»"
            if use:
                line, col = profile.mark(f"redirecciones[{number}]")
                problems.append(
                    located(
                        profile.archivo,
                        line,
                        col,
                        f"redirecciones[{number}]",
                        "redireccion_duplicada",
                        valor=old,
                        uso=use,
                    )
                )
            owners.setdefault(old, profile.slug)
    return problems
