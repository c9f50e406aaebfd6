"""`vocabularios/sinonimos.yml`: staff-written groups of words that mean the same to a searcher.

A list of groups, each a list of at least two words or phrases (``- [comedor, merendero,
olla popular]``). Read at node level like every vocabulary; problems are located
diagnostics, all of them at once. The file is optional: without it search has no synonyms.
How the groups are applied (stems, phrases) is the search stage's business
(`cmosc.search.synonyms`); here they stay as typed.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import ScalarNode, SequenceNode

from cmosc.diagnostics import Diagnostic
from cmosc.folding import fold
from cmosc.profiles.loader import load_file, position
from cmosc.profiles.located import located

SYNONYMS_FILE = "vocabularios/sinonimos.yml"
MAX_ENTRY = 100

SynonymGroups = tuple[tuple[str, ...], ...]


def _comparable(text: str) -> str:
    """What makes two entries the same one: case, accents and spacing aside."""
    return " ".join(fold(text).split())


def load_synonyms(root: Path) -> tuple[SynonymGroups, list[Diagnostic]]:
    path = root / SYNONYMS_FILE
    if not path.exists():
        return (), []
    loaded = load_file(path, SYNONYMS_FILE)
    if loaded.node is None:
        return (), list(loaded.diagnostics)
    if not isinstance(loaded.node, SequenceNode):
        line, col = position(loaded.node)
        return (), [located(SYNONYMS_FILE, line, col, "", "sinonimos_no_lista")]
    groups: list[tuple[str, ...]] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}  # comparable entry → line of its first appearance
    for number, group in enumerate(loaded.node.value, start=1):
        where = f"[{number}]"
        group_line, group_col = position(group)
        if not isinstance(group, SequenceNode):
            problems.append(located(SYNONYMS_FILE, group_line, group_col, where, "sinonimos_grupo_no_lista"))
            continue
        entries = []
        for k, item in enumerate(group.value, start=1):
            line, col = position(item)
            campo = f"{where}[{k}]"
            text = item.value.strip() if isinstance(item, ScalarNode) else ""
            if not any(c.isalnum() for c in text) or len(text) > MAX_ENTRY:
                problems.append(
                    located(SYNONYMS_FILE, line, col, campo, "sinonimo_invalido", maximo=MAX_ENTRY)
                )
                continue
            key = _comparable(text)
            if key in seen:
                problems.append(
                    located(SYNONYMS_FILE, line, col, campo, "sinonimo_repetido", valor=text, linea=seen[key])
                )
                continue
            seen[key] = line
            entries.append(text)
        if len(group.value) < 2:
            problems.append(located(SYNONYMS_FILE, group_line, group_col, where, "sinonimos_grupo_corto"))
        groups.append(tuple(entries))
    return (() if problems else tuple(groups)), problems
