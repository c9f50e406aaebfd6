"""Canonical form of a profile: schema key order, vocabulary ids and the canonical Spanish of
readable hours (`hours.canonical`), comments kept.

Works on the round-trip tree from `reescritura`, so everything it does not touch
(comments, quotes, flow lists, block text) is written back exactly as it was.
"""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import PlainScalarString

from cmosc.profiles import hours_format
from cmosc.profiles.schema import ORGANIZATION, Field
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.staff.roundtrip import dump_text, load_text


def canonical_text(text: str, vocabularies: dict[str, Vocabulary]) -> str:
    """The canonical text of a profile (unchanged when it is already canonical)."""
    document = load_text(text)
    if not isinstance(document, CommentedMap):
        return text  # not a profile; validation explains why
    canonicalize(document, ORGANIZATION, vocabularies)
    return dump_text(document)


def canonicalize(node, schema: Field, vocabularies: dict[str, Vocabulary]) -> None:
    if schema.kind == "objeto" and isinstance(node, CommentedMap):
        reorder(node, schema)
        for key in list(node):
            sub = schema.child(str(key))
            if sub is not None:
                node[key] = _canonical_value(node[key], sub, vocabularies)
    elif schema.kind == "lista" and isinstance(node, CommentedSeq) and schema.items is not None:
        for index, item in enumerate(node):
            node[index] = _canonical_value(item, schema.items, vocabularies)


def _canonical_value(value, schema: Field, vocabularies):
    if isinstance(value, (CommentedMap, CommentedSeq)):
        canonicalize(value, schema, vocabularies)
        return value
    if schema.kind == "vocab" and isinstance(value, str):
        vocabulary = vocabularies.get(schema.vocab)
        term_id = vocabulary.resolve(value) if vocabulary else None
        if term_id is not None and term_id != value:
            return PlainScalarString(term_id)
    if schema.kind == "horario" and isinstance(value, str):
        text = hours_format.rewritten(value)
        if text != value:
            return type(value)(text) if type(value) is not str else text
    return value


def schema_rank(schema: Field) -> dict[str, int]:
    return {f.key: i for i, f in enumerate(schema.fields)}


def reorder(mapping: CommentedMap, schema: Field) -> None:
    """Schema order; unknown keys (an error for the validator) keep their place at the end."""
    rank = schema_rank(schema)
    keys = list(mapping)
    wanted = sorted(keys, key=lambda k: (rank.get(str(k), len(rank)), keys.index(k)))
    if wanted == keys:
        return
    for key in wanted:
        mapping.move_to_end(key)


def insert_in_order(mapping: CommentedMap, key: str, value, schema: Field) -> None:
    """Add a key where the schema puts it among the keys already there."""
    if key in mapping:
        mapping[key] = value
        return
    rank = schema_rank(schema)
    mine = rank.get(key, len(rank))
    position = next((i for i, k in enumerate(mapping) if rank.get(str(k), len(rank)) > mine), len(mapping))
    mapping.insert(position, key, value)
