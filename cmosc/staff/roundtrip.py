"""Round-trip YAML for the tools that rewrite profiles (importar, formatear).

ruamel.yaml keeps comments, flow/block style and quotes; we also make it keep every
plain scalar as the text that was typed: `- 03814000000` stays that, `sigla: NO` is
not a boolean, `12:30` is not sexagesimal, dates stay text. New text written by a
tool is quoted when another YAML reader (PyYAML, Decap, the editor) would read it as
something else; values the schema types (years, dates, numbers) are written plain.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import LiteralScalarString, PlainScalarString, ScalarString

from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import Field

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_STANDARD = pyyaml.resolver.Resolver()


class TextResolver(VersionedResolver):
    """Every plain scalar is text, except the empty/null words (an absent value)."""

    _ONLY_NULL = {ch: [("tag:yaml.org,2002:null", _NULL)] for ch in ("~", "n", "N", "")}

    @property
    def versioned_resolver(self):
        return self._ONLY_NULL


class TextConstructor(RoundTripConstructor):
    """Plain scalars become `PlainScalarString`, so a rewrite emits them as typed."""

    def construct_yaml_str(self, node):
        value = super().construct_yaml_str(node)
        if node.style is None and type(value) is str:
            return PlainScalarString(value)
        return value


TextConstructor.add_constructor("tag:yaml.org,2002:str", TextConstructor.construct_yaml_str)


def ambiguous(text: str) -> bool:
    """True when a standard YAML reader would not read this plain text as a string."""
    resolved = _STANDARD.resolve(pyyaml.ScalarNode, text, (True, False))
    return resolved != "tag:yaml.org,2002:str"


class TextRepresenter(RoundTripRepresenter):
    """New strings: plain when unambiguous, single-quoted otherwise, literal if multi-line."""

    def represent_str(self, data):
        if "\n" in data:
            return self.represent_preserved_scalarstring(LiteralScalarString(data))
        style = "'" if ambiguous(data) or data != data.strip() else None
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)


TextRepresenter.add_representer(str, TextRepresenter.represent_str)


def make_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = TextResolver
    yaml.Constructor = TextConstructor
    yaml.Representer = TextRepresenter
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100_000  # never re-wrap what staff wrote
    yaml.allow_unicode = True
    return yaml


def load_text(text: str):
    return make_yaml().load(text)


def load_path(path: Path):
    return load_text(path.read_text(encoding="utf-8-sig"))


def dump_text(data) -> str:
    stream = io.StringIO()
    make_yaml().dump(data, stream)
    return stream.getvalue()


def scalar(text: str, field: Field | None):
    """A new value for a field: plain for typed kinds, else quoted when ambiguous."""
    if field is not None and KINDS[field.kind].plain:
        return PlainScalarString(text)
    return str(text)


def text_of(value) -> str | None:
    """The typed text of a loaded scalar (None for an absent value or a collection)."""
    if value is None or isinstance(value, (CommentedMap, CommentedSeq, dict, list)):
        return None
    return str(value)


def is_scalar_string(value) -> bool:
    return isinstance(value, (str, ScalarString))
