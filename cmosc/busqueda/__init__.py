"""Núcleo del buscador del sitio: pipeline español y armado del índice lunr.

- ``cmosc.busqueda.pipeline``: procesamiento de texto (idéntico al de
  ``theme/static/js/busqueda-pipeline.js``).
- ``cmosc.busqueda.indice``: ``build_index(documentos)`` → dict JSON-able.
- ``cmosc.busqueda.compacto``: formato 2, sólo postings (el navegador
  recalcula los vectores BM25 de lunr); es lo que publica el sitio.
- ``cmosc.busqueda.documentos``: organización → textos a indexar, tarjeta y
  valores de facetas (sólo datos publicados).
- ``cmosc.busqueda.niveles``: los tres archivos de /buscar/ (documentos,
  índice de nombres, índice de texto completo).
"""

from cmosc.busqueda.indice import CAMPOS, build_index, serializar
from cmosc.busqueda.pipeline import query_tokens, tokens

__all__ = ["CAMPOS", "build_index", "serializar", "query_tokens", "tokens"]
