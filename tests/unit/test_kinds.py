"""The field-kind registry: every kind the schema uses is declared, completely, once."""

from __future__ import annotations

from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import ORGANIZATION, VOCABULARY_ITEM, Field

STRUCTURE = {"lista", "objeto"}


def _kinds(field: Field) -> set[str]:
    found = {field.kind}
    for sub in field.fields:
        found |= _kinds(sub)
    if field.items is not None:
        found |= _kinds(field.items)
    return found


def test_every_schema_kind_is_registered():
    used = _kinds(ORGANIZATION) | _kinds(VOCABULARY_ITEM)
    assert used <= set(KINDS), used - set(KINDS)
    assert set(KINDS) - used == set(), "a registered kind no field uses is dead code"


def test_scalar_kinds_are_complete():
    for name, kind in KINDS.items():
        if name in STRUCTURE:
            assert kind.check is None and kind.json_schema is None
            continue
        assert kind.check is not None and kind.json_schema is not None, name
        assert kind.label, name
        assert kind.export_type in {"string", "integer", "number", "boolean", "date"}, name


def test_labels_are_distinct():
    labels = [k.label for k in KINDS.values()]
    assert len(labels) == len(set(labels))
