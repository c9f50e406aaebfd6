"""Deterministic pseudo-Spanish documents for the search tests.

Roots made of syllables (with accents, ñ and ü) plus real endings (-ción/-ciones,
-dad/-dades, -ar/-er/-ir, -mente…), sampled with a Zipf law and mixed with stopwords,
as in real text: many distinct forms, so the stemmer and the index formats see
every kind of word.
"""

from __future__ import annotations

import itertools
import random

from cmosc.search import pipeline as pl

_SYLLABLES_TEXT = (
    "ba be bi bo bu ca co cu da de di do du fa fe fi fo ga go gu la le li lo lu ma me mi mo mu "
    "na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi za zo "
    "cha che chi cho lla lle llo ña ñe ño bra bre cre cri dra fra gra gri pla pre pri tra tre tro "
    "gue gui güe güi que qui al an ar as el en er es in ir is or os un ur tá té tí tó tú lá lé ló "
    "rá ré rí ró ná nó mé mí sí"
)
_ENDINGS_TEXT = (
    "o a os as e es ión iones ción ciones dad dades ar er ir ando iendo ado ada ados adas ía ías "
    "mente or ores ista istas ismo ero era eros eras ito ita itos itas al ales ante antes encia "
    "encias oso osa osos osas ivo iva ivos ivas án én ín ón ún és ás l n r z ces"
)
_SYLLABLES, _ENDINGS = _SYLLABLES_TEXT.split(), _ENDINGS_TEXT.split()
#: Words per field, scaled to the requested document length.
_LENGTHS = {
    "nombre": 4,
    "resumen": 20,
    "areas": 4,
    "poblacion": 3,
    "barrio": 2,
    "necesidades": 6,
    "actividades": 10,
    "descripcion": 100,
}


def _vocabulary(rnd: random.Random, size: int) -> list[str]:
    forms: dict[str, None] = {}
    while len(forms) < size:
        root = "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(1, 3)))
        forms.setdefault(root + rnd.choice(_ENDINGS), None)
    return list(forms)


def synthetic_documents(count: int = 2000, words: int = 150, seed: int = 2024) -> list[dict]:
    """``count`` documents (``id`` plus the indexed text fields) of about ``words`` words."""
    rnd = random.Random(seed)
    vocabulary = _vocabulary(rnd, 60000)
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocabulary))))
    stopwords = list(pl.STOPWORDS)
    scale = words / sum(_LENGTHS.values())

    def text(n: int) -> str:
        chosen = rnd.choices(vocabulary, cum_weights=weights, k=n)
        return " ".join(w if rnd.random() > 0.4 else rnd.choice(stopwords) for w in chosen)

    documents = []
    for i in range(count):
        doc = {field: text(max(1, round(n * scale))) for field, n in _LENGTHS.items()}
        doc["nombre"] = doc["nombre"].title()
        doc["sigla"] = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        doc["id"] = "asociacion-civil-" + "-".join(doc["nombre"].lower().split()[:3]) + f"-{i}"
        documents.append(doc)
    return documents
