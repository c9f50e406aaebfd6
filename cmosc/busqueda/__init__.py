"""Núcleo del buscador del sitio: pipeline español y armado del índice lunr.

- ``cmosc.busqueda.pipeline``: procesamiento de texto (idéntico al de
  ``theme/static/js/busqueda-pipeline.js``).
- ``cmosc.busqueda.indice``: ``build_index(documentos)`` → dict JSON-able.
"""

from cmosc.busqueda.indice import CAMPOS, build_index, serializar
from cmosc.busqueda.pipeline import query_tokens, tokens

__all__ = ["CAMPOS", "build_index", "serializar", "query_tokens", "tokens"]
