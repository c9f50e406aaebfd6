"""Armado del índice de búsqueda (en tiempo de build) con el paquete ``lunr``.

``build_index(documentos)`` devuelve un dict listo para ``json.dump``::

    {
      "formato": 1,
      "pipeline": {"version": 1, "etiquetas": [...], "palabras_vacias": [...]},
      "documentos": ["slug-a", "slug-b", ...],
      "lunr": { ...índice serializado por lunr, en forma compacta... }
    }

El navegador lo carga con ``CMOSCBusqueda.loadIndex(json)`` (en
``theme/static/js/search-pipeline.js``), que:

- configura el pipeline JS con ``pipeline`` — las palabras vacías viajan acá,
  así la única fuente de verdad es ``stopwords_es.txt``;
- expande ``lunr`` (ver abajo) y lo pasa a ``lunr.Index.load`` de lunr.js 2.3.9;
- devuelve el ``lunr.Index``; ``CMOSCBusqueda.buscar(indice, texto)`` devuelve
  los resultados con ``ref`` = slug.

Forma compacta (medida con 2000 documentos sintéticos, ver el informe del
módulo de tests): el índice de lunr guarda la referencia del documento en cada
posting y en cada vector, y un posting por CADA campo aunque esté vacío. Por
eso:

- la referencia interna de lunr es el número de orden del documento en base 36
  ("0", "1", … "1jz"); ``documentos[int(ref, 36)]`` es el slug;
- en ``invertedIndex`` se omiten los campos sin documentos, y en
  ``fieldVectors`` los vectores vacíos. ``expandir`` (y ``expandir`` en el
  JS) los reponen antes de ``Index.load``.

No se guardan posiciones ni otros metadatos (``metadata_whitelist`` vacía):
el buscador sólo necesita qué documentos coinciden y su puntaje.

No se usa ``lunr(..., languages="es")``: ese camino depende de NLTK y descarga
datos por red. El pipeline es el propio (``cmosc.search.pipeline``).
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping

from lunr.builder import Builder
from lunr.index import Index

from cmosc.search import pipeline as pl

__all__ = [
    "FORMATO",
    "CAMPOS",
    "build_index",
    "serializar",
    "expandir",
    "cargar",
    "ref_interna",
]

#: Sube cuando cambia la forma del JSON; el JS rechaza otro formato.
FORMATO = 1

#: (campo, boost). El orden es el de los campos en el índice serializado.
CAMPOS: tuple[tuple[str, int], ...] = (
    ("nombre", 10),
    ("sigla", 10),
    ("resumen", 5),
    ("areas", 4),
    ("poblacion", 3),
    ("barrio", 3),
    ("necesidades", 2),
    ("actividades", 2),
    ("descripcion", 1),
)

#: Tipo de una lista de campos con su boost.
Campos = tuple[tuple[str, int], ...]

_DIGITOS_36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def ref_interna(posicion: int) -> str:
    """Referencia lunr del documento ``posicion`` (base 36, igual que
    ``Number.prototype.toString(36)`` en JS)."""
    if posicion < 0:
        raise ValueError(posicion)
    digitos = ""
    while True:
        posicion, resto = divmod(posicion, 36)
        digitos = _DIGITOS_36[resto] + digitos
        if posicion == 0:
            return digitos


def _texto(documento: Mapping[str, object], campo: str) -> str:
    valor = documento.get(campo)
    if valor is None:
        return ""
    if not isinstance(valor, str):
        raise TypeError(
            f"documento {documento.get('id')!r}: el campo {campo!r} debe ser "
            f"texto (las listas se unen antes de llamar a build_index), "
            f"no {type(valor).__name__}"
        )
    return valor


def _ordenar(
    documentos: Iterable[Mapping[str, object]], campos: Campos = CAMPOS
) -> list[Mapping[str, object]]:
    docs = list(documentos)
    vistos: set[str] = set()
    for documento in docs:
        slug = documento.get("id")
        if not isinstance(slug, str) or not slug:
            raise ValueError(f"documento sin 'id' de texto: {documento!r:.120}")
        if slug in vistos:
            raise ValueError(f"id repetido en el índice de búsqueda: {slug!r}")
        vistos.add(slug)
        for campo, _ in campos:
            _texto(documento, campo)  # valida el tipo antes de indexar nada
    docs.sort(key=lambda d: d["id"])
    return docs


# --------------------------------------------------------------------------
# Constructores
# --------------------------------------------------------------------------


def _nuevo_builder(campos: Campos = CAMPOS) -> Builder:
    """Builder estándar de lunr con el pipeline propio: cada campo pasa por el
    tokenizador y el pipeline de lunr. Es el camino de referencia; el test
    ``test_constructor_rapido_igual_al_estandar`` verifica que
    ``_ConstructorRapido`` produce exactamente el mismo índice."""
    builder = Builder()
    builder.ref("id")
    for campo, boost in campos:

        def extraer(documento, campo=campo):
            # Se entrega la lista ya dividida: el tokenizador de lunr respeta
            # cada elemento (sólo lo pasa a minúsculas, idempotente aquí).
            return pl.dividir(_texto(documento, campo))

        builder.field(campo, boost=boost, extractor=extraer)
    builder.pipeline.add(pl.separar, pl.filtrar_vacias, pl.raices)
    builder.pipeline.skip(pl.filtrar_vacias, sorted(pl.CAMPOS_SIN_VACIAS))
    builder.search_pipeline.add(pl.separar, pl.filtrar_vacias, pl.raices)
    return builder


class _ConstructorRapido(Builder):
    """``lunr.Builder`` que recibe los términos ya calculados con
    ``pipeline.tokens`` en vez de pasar cada palabra por el tokenizador y el
    pipeline de lunr (que crean un ``Token`` y copian metadatos por palabra).
    Hace la misma contabilidad que ``Builder.add`` de lunr 0.8.0 con
    ``metadata_whitelist`` vacía; ``build()`` es el de lunr."""

    def add_terminos(self, ref: str, terminos_por_campo: Mapping[str, list[str]]):
        self._documents[ref] = {}
        self.document_count += 1
        invertido = self.inverted_index
        for campo in self._fields:
            terminos = terminos_por_campo.get(campo, ())
            clave = f"{campo}/{ref}"
            frecuencias: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[clave] = frecuencias
            self.field_lengths[clave] = len(terminos)
            for termino in terminos:
                frecuencias[termino] += 1
                posting = invertido.get(termino)
                if posting is None:
                    posting = {nombre: {} for nombre in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    invertido[termino] = posting
                docs_del_campo = posting[campo]
                if ref not in docs_del_campo:
                    docs_del_campo[ref] = {}


def _nuevo_constructor_rapido(campos: Campos = CAMPOS) -> _ConstructorRapido:
    builder = _ConstructorRapido()
    builder.ref("id")
    for campo, boost in campos:
        builder.field(campo, boost=boost)
    builder.search_pipeline.add(pl.separar, pl.filtrar_vacias, pl.raices)
    return builder


# --------------------------------------------------------------------------
# Forma compacta
# --------------------------------------------------------------------------


def _compactar(serializado: dict) -> dict:
    compacto = dict(serializado)
    compacto["invertedIndex"] = [
        [termino, {k: v for k, v in posting.items() if k == "_index" or v}]
        for termino, posting in serializado["invertedIndex"]
    ]
    compacto["fieldVectors"] = [[ref, vector] for ref, vector in serializado["fieldVectors"] if vector]
    return compacto


def expandir(compacto: dict) -> dict:
    """Inversa de la compactación: el índice tal como lo serializa lunr (lo
    que esperan ``lunr.Index.load`` en Python y en JS). Hace lo mismo que
    ``expandir`` en search-pipeline.js."""
    campos = compacto["fields"]
    expandido = dict(compacto)
    expandido["invertedIndex"] = [
        [termino, {**{campo: {} for campo in campos}, **posting}]
        for termino, posting in compacto["invertedIndex"]
    ]
    return copy.deepcopy(expandido)


# --------------------------------------------------------------------------
# API
# --------------------------------------------------------------------------


def _armar(
    documentos: Iterable[Mapping[str, object]],
    rapido: bool = True,
    procesos: int | None = None,
    campos: Campos = CAMPOS,
) -> dict:
    docs = _ordenar(documentos, campos)
    if rapido:
        divididos = [
            {campo: pl.dividir(_texto(documento, campo)) for campo, _ in campos} for documento in docs
        ]
        pl.precalcular(
            (p for porcampo in divididos for palabras in porcampo.values() for p in palabras),
            procesos=procesos,
        )
        builder = _nuevo_constructor_rapido(campos)
        for posicion, porcampo in enumerate(divididos):
            builder.add_terminos(
                ref_interna(posicion),
                {campo: pl.terminos(palabras, campo) for campo, palabras in porcampo.items()},
            )
    else:
        builder = _nuevo_builder(campos)
        for posicion, documento in enumerate(docs):
            builder.add({**documento, "id": ref_interna(posicion)})
    indice = builder.build()
    return {
        "formato": FORMATO,
        "pipeline": pl.configuracion_js(),
        "documentos": [documento["id"] for documento in docs],
        "lunr": _compactar(indice.serialize()),
    }


def build_index(
    documentos: Iterable[Mapping[str, object]],
    procesos: int | None = None,
    campos: Campos = CAMPOS,
) -> dict:
    """Arma el índice de búsqueda.

    ``documentos``: dicts con ``id`` (slug, único) y los campos de ``CAMPOS``
    como texto (las listas ya unidas por quien llama; un campo ausente o
    ``None`` cuenta como vacío). Otros campos se ignoran.

    Determinista: los documentos se indexan ordenados por ``id``, así que la
    misma colección (en cualquier orden) produce el mismo JSON byte a byte con
    ``serializar`` o ``json.dumps(..., sort_keys=True)``.

    ``procesos``: cuántos procesos usar para el stemmer (por defecto, hasta 4
    si el vocabulario es grande; 1 = sin procesos extra). No cambia el
    resultado.

    ``campos``: (campo, boost) a indexar; por defecto ``CAMPOS``. El sitio arma
    dos índices con subconjuntos (ver ``cmosc.search.tiers``).
    """
    return _armar(documentos, rapido=True, procesos=procesos, campos=campos)


def serializar(indice: dict) -> str:
    """JSON compacto y estable (claves ordenadas, UTF-8 sin escapar)."""
    return json.dumps(indice, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def cargar(indice: dict) -> Index:
    """Carga en Python (lunr.py) un índice de ``build_index``: útil para
    depurar y para los tests. Los ``ref`` de los resultados son internos:
    ``indice["documentos"][int(ref, 36)]`` da el slug."""
    if indice.get("formato") != FORMATO:
        raise ValueError(f"formato de índice desconocido: {indice.get('formato')!r}")
    return Index.load(expandir(indice["lunr"]))
