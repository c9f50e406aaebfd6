"""Núcleo del buscador del sitio: pipeline español y armado del índice lunr.

- ``cmosc.search.pipeline``: procesamiento de texto (idéntico al de
  ``theme/static/js/search-pipeline.js``).
- ``cmosc.search.index``: ``build_index(documentos)`` → dict JSON-able.
- ``cmosc.search.compact``: formato 2, sólo postings (el navegador
  recalcula los vectores BM25 de lunr); es lo que publica el sitio.
- ``cmosc.search.documents``: organización → textos a indexar, tarjeta y
  valores de facetas (sólo datos publicados).
- ``cmosc.search.tiers``: los tres archivos de /buscar/ (documentos,
  índice de nombres, índice de texto completo).
"""

from cmosc.search.index import CAMPOS, build_index, serializar
from cmosc.search.pipeline import query_tokens, tokens

__all__ = ["CAMPOS", "build_index", "serializar", "query_tokens", "tokens"]
