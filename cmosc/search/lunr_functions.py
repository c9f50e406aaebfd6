"""The Spanish pipeline as lunr.py pipeline functions, registered under ``pipeline.LABELS``.

The build never runs lunr.py (it writes the index itself, `compact.py`); these are for
whoever loads or builds our index with lunr.py, as the tests do to prove the index is
lunr's. Kept out of `pipeline.py` so that a build does not import lunr (15 ms). Signature
(token, i, tokens), as in lunr.js.
"""

from __future__ import annotations

from lunr.pipeline import Pipeline

from cmosc.search import pipeline as pl


def split_token(token, i=None, tokens=None):
    """Normalize and split a token again (lunr's tokenizer only cuts at spaces
    and hyphens; this is the project's split)."""
    text = str(token)
    parts = pl.split_words(text)
    if parts == [text]:
        return token
    return [token.clone(lambda _s, _m, p=p: p) for p in parts]


def drop_stopword(token, i=None, tokens=None):
    return None if pl.is_stopword(str(token)) else token


def stem_token(token, i=None, tokens=None):
    found = pl.variants(str(token))
    if not found:
        return None
    clones = [token.clone(lambda _s, _m, t=t: t) for t in found[1:]]
    return [token.update(lambda _s, _m: found[0]), *clones]


def _register() -> None:
    for function, key in ((split_token, "split"), (drop_stopword, "stopwords"), (stem_token, "stems")):
        label = pl.LABELS[key]
        if Pipeline.registered_functions.get(label) is not function:
            Pipeline.register_function(function, label)


_register()
