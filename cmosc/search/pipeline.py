"""Pipeline español del buscador (lado Python).

Este módulo y ``theme/static/js/search-pipeline.js`` implementan EXACTAMENTE
el mismo procesamiento de texto; ``tests/test_busqueda_pipeline.py`` lo verifica
pasando la misma lista de palabras por ambos lados (Node).

Procesamiento de un texto
-------------------------

1. ``normalizar``: NFKC → minúsculas → NFKC (``str.lower`` y
   ``String.prototype.toLowerCase`` aplican el mismo mapeo Unicode).
2. ``dividir``: se borran los caracteres de formato (categoría ``Cf``: guion
   blando, ZWJ, BOM…); todo lo que no sea letra (``L*``), número (``N*``),
   marca (``M*``) o punto separa palabras; los puntos dentro de una palabra se
   borran (``A.C.E.S.`` → ``aces``, ``1.500`` → ``1500``).
3. Palabras vacías: se descarta la palabra si su forma *plegada* está en
   ``stopwords_es.txt`` (salvo en el campo ``sigla``: ver ``CAMPOS_SIN_VACIAS``).
4. Variantes: cada palabra ``w`` produce de uno a tres términos, sin repetir::

       a = plegar(raiz(w))                         # tal como está escrita
       b = plegar(raiz(plegar(w)))                 # escrita sin tildes
       c = plegar(raiz(pluralizar(plegar(w))))     # su plural, sin tildes

   Lo mismo en documentos y en consultas (en la consulta, los términos de una
   palabra son alternativos). ``b`` y ``c`` dependen sólo de ``plegar(w)``:
   todas las formas con y sin tildes de una palabra comparten esos términos
   ("educacion" ↔ "educación", "ninos" ↔ "niños", "futbol" ↔ "fútbol", en
   los dos sentidos). ``c`` une singular y plural cuando Snowball no lo hace
   ("mujer"→"muj" pero "mujeres"→"mujer"; "joven"/"jóvenes";
   "ciudad"/"ciudades"; "taller"/"talleres"). ``a`` conserva el Snowball
   normal para texto bien acentuado ("japonés"/"japoneses").

Por qué el orden importa: los sufijos del Snowball español llevan tilde
("-ación", "-ía", "-ión"…) y el algoritmo quita las tildes al final. Plegar
ANTES de la raíz pierde sufijos (raiz("tenia") = "teni" pero
raiz("tenía") = "ten"); plegar sólo DESPUÉS no iguala lo que el visitante
escribe sin tildes (evidencia: ``test_orden_plegado_y_raiz`` en
tests/test_busqueda_pipeline.py).

``raiz`` = ``restaurar`` + Snowball español. ``restaurar`` pone la tilde a las
terminaciones "-acion"/"-ucion" (en castellano siempre la llevan). Es lo que
hace posible la paridad: Snowball 3.0 (``snowballstemmer`` 3.x de Python)
agregó reglas para "-acion"/"-ucion" sin tilde que el stemmer de
lunr-languages (un Snowball anterior) no tiene; sobre el diccionario español
completo (103 mil formas, con y sin tildes) ésas son TODAS las diferencias
entre ambos, y con la tilde restaurada dan idéntico. Snowball sólo se aplica a
palabras de alfabeto latino (todos los caracteres < U+0250): es un stemmer
español, y así se evitan diferencias UTF-16 (JS) / puntos de código (Python).

Las funciones del pipeline de lunr se registran con las etiquetas de
``ETIQUETAS``; lunr serializa esas etiquetas en el índice y lunr.js debe tener
funciones registradas con los mismos nombres (las registra
``search-pipeline.js``).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import resources

import snowballstemmer
from lunr.pipeline import Pipeline

__all__ = [
    "VERSION_PIPELINE",
    "ETIQUETAS",
    "CAMPOS_SIN_VACIAS",
    "PALABRAS_VACIAS",
    "normalizar",
    "dividir",
    "plegar",
    "fold",
    "restaurar",
    "raiz",
    "pluralizar",
    "variantes",
    "precalcular",
    "es_vacia",
    "terminos",
    "tokens",
    "query_groups",
    "query_tokens",
    "configuracion_js",
    "separar",
    "filtrar_vacias",
    "raices",
]

#: Sube cuando cambia el procesamiento; el JS rechaza un índice de otra versión.
VERSION_PIPELINE = 1

#: Etiquetas con las que se registran las funciones en lunr (Python y JS).
ETIQUETAS = {
    "separar": "cmosc-es-separar",
    "vacias": "cmosc-es-vacias",
    "raices": "cmosc-es-raices",
}

#: Campos en los que NO se descartan palabras vacías (una sigla "UNO" o "ESA"
#: tiene que poder encontrarse).
CAMPOS_SIN_VACIAS = frozenset({"sigla"})

# Todo carácter por debajo de este punto de código es latino (Latin-1,
# Latin Extended-A/B): sólo a esas palabras se les aplica Snowball.
_LIMITE_LATINO = "\u0250"


# --------------------------------------------------------------------------
# Normalización y división en palabras
# --------------------------------------------------------------------------


def normalizar(texto: str) -> str:
    """NFKC, minúsculas, NFKC (igual que ``normalizar`` en el JS)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", texto).lower())


class _MapaCaracteres(dict):
    """Tabla perezosa para ``str.translate``: letra/número/marca/punto se
    conservan, ``Cf`` se borra y todo lo demás pasa a espacio."""

    def __missing__(self, codigo: int):
        caracter = chr(codigo)
        categoria = unicodedata.category(caracter)
        if categoria == "Cf":
            valor = None
        elif categoria[0] in "LNM" or caracter == ".":
            valor = codigo
        else:
            valor = " "
        self[codigo] = valor
        return valor


_MAPA = _MapaCaracteres()


def dividir(texto: str) -> list[str]:
    """Normaliza y divide un texto en palabras (sin filtrar ni reducir)."""
    if not texto:
        return []
    palabras = []
    for parte in normalizar(texto).translate(_MAPA).split(" "):
        if "." in parte:
            parte = parte.replace(".", "")
        if parte:
            palabras.append(parte)
    return palabras


# --------------------------------------------------------------------------
# Plegado, raíces y variantes
# --------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def plegar(palabra: str) -> str:
    """Quita tildes, diéresis y virgulilla: á→a, é→e, í→i, ó→o, ú→u, ü→u,
    ñ→n (en general: NFD, se borran las marcas no espaciadoras ``Mn``, NFC)."""
    if palabra.isascii():
        return palabra
    descompuesta = unicodedata.normalize("NFD", palabra)
    sin_marcas = "".join(c for c in descompuesta if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", sin_marcas)


#: Alias en inglés (la función de plegado de acentos).
fold = plegar


def restaurar(palabra: str) -> str:
    """Pone la tilde a las terminaciones "-acion"/"-ucion" (ver el docstring
    del módulo: iguala Snowball 3.0 de Python y el Snowball de lunr.es.js)."""
    if palabra.endswith("acion"):
        return palabra[:-5] + "ación"
    if palabra.endswith("ucion"):
        return palabra[:-5] + "ución"
    return palabra


_STEMMER = snowballstemmer.stemmer("spanish")


def raiz(palabra: str) -> str:
    """Raíz Snowball española de una palabra ya normalizada (sin plegar el
    resultado). Palabras con caracteres no latinos se devuelven intactas."""
    if not palabra or max(palabra) >= _LIMITE_LATINO:
        return palabra
    return _STEMMER.stemWord(restaurar(palabra))


def pluralizar(palabra: str) -> str:
    """Plural regular de una palabra ya plegada, de al menos tres letras a-z,
    terminada en consonante: z → ces, otra consonante (salvo s/x) → +es. En
    cualquier otro caso devuelve la misma palabra.

    Con final en vocal ("niño"/"niños") Snowball ya iguala singular y plural
    casi siempre, así que no se gasta otra llamada al stemmer (es la parte
    cara del armado del índice)."""
    if len(palabra) < 3 or not (palabra.isascii() and palabra.isalpha()):
        return palabra
    final = palabra[-1]
    if final in "aeiousx":
        return palabra
    if final == "z":
        return palabra[:-1] + "ces"
    return palabra + "es"


def _calcular_variantes(palabra: str) -> tuple[str, ...]:
    plegada = plegar(palabra)
    a = plegar(raiz(palabra))
    b = a if plegada == palabra else plegar(raiz(plegada))
    plural = pluralizar(plegada)
    c = b if plural == plegada else plegar(raiz(plural))
    # dict.fromkeys quita repetidos conservando el orden; una "palabra" hecha
    # sólo de marcas combinantes se pliega a "" y se descarta.
    return tuple(t for t in dict.fromkeys((a, b, c)) if t)


_CACHE: dict[str, tuple[str, ...]] = {}
_CACHE_MAXIMO = 1_000_000


def variantes(palabra: str) -> tuple[str, ...]:
    """Términos que produce una palabra ya normalizada (ver el docstring del
    módulo): ``a``, ``b`` y ``c`` sin repetir, en ese orden."""
    try:
        return _CACHE[palabra]
    except KeyError:
        pass
    resultado = _calcular_variantes(palabra)
    if len(_CACHE) >= _CACHE_MAXIMO:
        _CACHE.clear()
    _CACHE[palabra] = resultado
    return resultado


def _calcular_lote(palabras: list[str]) -> list[tuple[str, ...]]:
    return [_calcular_variantes(p) for p in palabras]


#: Con menos palabras nuevas que esto no vale la pena abrir procesos.
UMBRAL_PARALELO = 4000


def _nucleos() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def precalcular(palabras: Iterable[str], procesos: int | None = None) -> int:
    """Calcula y guarda en caché las variantes de muchas palabras (ya
    normalizadas). El stemmer Snowball en Python puro (~0,1 ms por palabra) es
    lo más caro del armado del índice; con vocabularios grandes se reparte
    entre procesos. El resultado es el mismo con cualquier número de procesos.
    Devuelve cuántas palabras nuevas calculó."""
    pendientes = sorted({p for p in palabras if p not in _CACHE})
    if not pendientes:
        return 0
    if procesos is None:
        procesos = min(_nucleos(), 4) if len(pendientes) >= UMBRAL_PARALELO else 1
    # Sólo con "fork" (Linux) y sin otros hilos: un fork con hilos vivos puede
    # trabarse, y "spawn" re-importaría el programa principal. Si no, serie.
    if procesos > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        lotes = [pendientes[i::procesos] for i in range(procesos)]
        contexto = multiprocessing.get_context("fork")
        try:
            with ProcessPoolExecutor(max_workers=procesos, mp_context=contexto) as ex:
                for lote, resultado in zip(lotes, ex.map(_calcular_lote, lotes)):
                    _CACHE.update(zip(lote, resultado))
            return len(pendientes)
        except (OSError, RuntimeError):
            pass  # sin procesos disponibles (sandbox, etc.): se calcula acá
    for palabra in pendientes:
        variantes(palabra)
    return len(pendientes)


# --------------------------------------------------------------------------
# Palabras vacías
# --------------------------------------------------------------------------


def _leer_palabras_vacias() -> tuple[str, ...]:
    texto = resources.files(__package__).joinpath("stopwords_es.txt").read_text(encoding="utf-8")
    palabras = set()
    for linea in texto.splitlines():
        linea = linea.split("#", 1)[0].strip()
        if linea:
            for palabra in dividir(linea):
                palabras.add(plegar(palabra))
    return tuple(sorted(palabras))


#: Palabras vacías normalizadas y plegadas, ordenadas (lo que viaja al JS).
PALABRAS_VACIAS: tuple[str, ...] = _leer_palabras_vacias()
_VACIAS = frozenset(PALABRAS_VACIAS)


def es_vacia(palabra: str) -> bool:
    return plegar(palabra) in _VACIAS


# --------------------------------------------------------------------------
# API de alto nivel
# --------------------------------------------------------------------------


def terminos(palabras: Iterable[str], campo: str | None = None) -> list[str]:
    """Términos indexados para palabras ya divididas (ver ``tokens``)."""
    filtrar = campo not in CAMPOS_SIN_VACIAS
    resultado: list[str] = []
    for palabra in palabras:
        if filtrar and plegar(palabra) in _VACIAS:
            continue
        resultado.extend(variantes(palabra))
    return resultado


def tokens(texto: str, campo: str | None = None) -> list[str]:
    """Términos que se indexan para ``texto`` (lado documento), en orden y con
    repeticiones (lunr cuenta frecuencias). Igual a ``tokens`` del JS."""
    return terminos(dividir(texto), campo)


def query_groups(texto: str) -> list[list[str]]:
    """Lado consulta: un grupo de términos alternativos por palabra.

    Se descartan las palabras vacías, salvo que la consulta tenga sólo
    palabras vacías: entonces se conservan (así se encuentra una sigla como
    "UNO", y "de la" no rompe nada: fuera del campo sigla esas palabras no
    están indexadas). Se omiten grupos repetidos."""
    palabras = dividir(texto)
    utiles = [p for p in palabras if plegar(p) not in _VACIAS] or palabras
    grupos: list[list[str]] = []
    vistos: set[tuple[str, ...]] = set()
    for palabra in utiles:
        grupo = variantes(palabra)
        if grupo and grupo not in vistos:
            vistos.add(grupo)
            grupos.append(list(grupo))
    return grupos


def query_tokens(texto: str) -> list[str]:
    """Lado consulta: todos los términos a buscar, sin repetir y en orden."""
    vistos: dict[str, None] = {}
    for grupo in query_groups(texto):
        for termino in grupo:
            vistos.setdefault(termino, None)
    return list(vistos)


def configuracion_js() -> dict:
    """Lo que el JS necesita para reproducir el pipeline (viaja en el índice)."""
    return {
        "version": VERSION_PIPELINE,
        "etiquetas": [ETIQUETAS[k] for k in ("separar", "vacias", "raices")],
        "palabras_vacias": list(PALABRAS_VACIAS),
    }


# --------------------------------------------------------------------------
# Funciones del pipeline de lunr (firma (token, i, tokens), como en lunr.js)
# --------------------------------------------------------------------------


def separar(token, i=None, tokens=None):
    """Normaliza y vuelve a dividir un token (el tokenizador de lunr sólo
    corta en espacios y guiones; ésta es la división del proyecto)."""
    texto = str(token)
    partes = dividir(texto)
    if partes == [texto]:
        return token
    return [token.clone(lambda _s, _m, p=p: p) for p in partes]


def filtrar_vacias(token, i=None, tokens=None):
    return None if plegar(str(token)) in _VACIAS else token


def raices(token, i=None, tokens=None):
    lista = variantes(str(token))
    if not lista:
        return None
    clones = [token.clone(lambda _s, _m, t=t: t) for t in lista[1:]]
    return [token.update(lambda _s, _m: lista[0]), *clones]


def _registrar() -> None:
    for funcion, clave in (
        (separar, "separar"),
        (filtrar_vacias, "vacias"),
        (raices, "raices"),
    ):
        etiqueta = ETIQUETAS[clave]
        if Pipeline.registered_functions.get(etiqueta) is not funcion:
            Pipeline.register_function(funcion, etiqueta)


_registrar()
