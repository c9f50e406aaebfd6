"""Índice de búsqueda: se arma en Python (lunr.py) y se consulta en Node con
lunr.js 2.3.9 + nuestro pipeline, con los archivos vendorizados.

Con ``CI=true`` la falta de ``node`` es un error, nunca un salto.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cmosc.search import index as ix
from cmosc.search import pipeline as pl
from cmosc.search.index import build_index, cargar, serializar
from cmosc.search.measure import _cpu, documentos_sinteticos
from support.node_runner import correr, ejecutar

RAIZ = Path(__file__).resolve().parents[2]


def correr_js(tmp_path: Path, indice: dict, cuerpo: str, entrada=None):
    """Carga ``indice`` (el JSON tal como se publicaría) con ``CMOSCBusqueda.loadIndex``
    y corre ``cuerpo``; devuelve ``salida`` como JSON."""
    return correr(tmp_path, cuerpo, entrada, serializar(indice))


def _doc(id, **campos) -> dict:
    doc = {campo: "" for campo, _ in ix.CAMPOS}
    doc.update(campos)
    doc["id"] = id
    return doc


DOCUMENTOS = [
    _doc(
        "asociacion-civil-esperanza-solidaria",
        nombre="Asociación Civil Esperanza Solidaria",
        sigla="ACES",
        resumen="Apoyo escolar y educación popular para niñas y niños del barrio.",
        areas="Educación, Niñez",
        poblacion="Niñas, niños y adolescentes",
        barrio="Villa 9 de Julio",
        necesidades="Útiles escolares, voluntarios",
        actividades="Apoyo escolar, Biblioteca popular",
        descripcion="Funcionamos desde 2004 en el salón de la parroquia.",
    ),
    _doc(
        "comedor-los-peques",
        nombre="Comedor comunitario Los Peques",
        resumen="Almuerzo y merienda para familias del barrio.",
        areas="Alimentación",
        poblacion="Familias",
        barrio="Villa Luján",
        necesidades="Alimentos no perecederos, garrafas",
        actividades="Comedor, Merendero",
        descripcion="Cocinamos todos los días para 120 personas.",
    ),
    _doc(
        "club-atletico-san-cayetano",
        nombre="Club Atlético San Cayetano",
        resumen="Escuela de fútbol infantil y otros deportes.",
        areas="Deporte",
        poblacion="Jóvenes",
        barrio="San Cayetano",
        actividades="Fútbol, Hockey, Vóley",
        descripcion="Tenemos una pequeña biblioteca en la sede.",
    ),
    _doc(
        "union-de-organizaciones",
        nombre="Unión de Organizaciones del Oeste",
        sigla="UNO",
        resumen="Red de organizaciones vecinales.",
        areas="Participación ciudadana",
        poblacion="Mujer, diversidad",
        barrio="Oeste",
        actividades="Talleres de género",
    ),
    _doc(
        "centro-educacion-adultos-tafi",
        # Texto escrito sin tildes, como llega a veces de los formularios.
        nombre="Centro de educacion de adultos",
        resumen="Terminalidad educativa para jovenes y adultos",
        areas="Educacion",
        poblacion="Jovenes, adultos, mujeres",
        barrio="Tafi Viejo",
        necesidades="Computadoras",
    ),
    _doc(
        "fundacion-biblioteca-del-sur",
        nombre="Fundación Biblioteca del Sur",
        resumen="Promoción de la lectura.",
        areas="Cultura",
        poblacion="Todas las edades",
        barrio="Barrio Sur",
        actividades="Préstamo de libros, talleres de lectura para niños",
    ),
]

_CUERPO_BUSCAR = r"""
const salida = {};
entrada.forEach(function (q) {
  salida[q] = {
    buscar: api.buscar(indice, q).map(function (r) { return r.ref; }),
    todas: api.buscar(indice, q, {todas: true}).map(function (r) { return r.ref; }),
  };
});
"""


@pytest.fixture(scope="module")
def indice() -> dict:
    return build_index(DOCUMENTOS)


@pytest.fixture(scope="module")
def resultados_js(indice, tmp_path_factory) -> dict:
    consultas = [
        "ninos",
        "niños",
        "NIÑOS",
        "nino",
        "comedores",
        "comedor",
        "futbol",
        "fútbol",
        "educacion",
        "educación",
        "ACES",
        "aces",
        "A.C.E.S.",
        "uno",
        "mujeres",
        "mujer",
        "jóvenes",
        "joven",
        "biblioteca",
        "tafi viejo",
        "comedor villa lujan",
        "comedor futbol",
        "zzxqj",
        "qwertyuiop asdf",
        "de la",
        "el",
        "y",
        "los de las",
        "",
        "   ",
        "¿?",
        "niños:",
        "+-~^*:",
        "educación~1",
        "comedor^10",
        "-comedor",
    ]
    return correr_js(tmp_path_factory.mktemp("js"), indice, _CUERPO_BUSCAR, consultas)


@pytest.mark.parametrize(
    "consulta, esperado",
    [
        ("ninos", "asociacion-civil-esperanza-solidaria"),
        ("niños", "asociacion-civil-esperanza-solidaria"),
        ("NIÑOS", "asociacion-civil-esperanza-solidaria"),
        ("nino", "asociacion-civil-esperanza-solidaria"),
        ("comedores", "comedor-los-peques"),
        ("comedor", "comedor-los-peques"),
        ("futbol", "club-atletico-san-cayetano"),
        ("fútbol", "club-atletico-san-cayetano"),
        ("ACES", "asociacion-civil-esperanza-solidaria"),
        ("aces", "asociacion-civil-esperanza-solidaria"),
        ("A.C.E.S.", "asociacion-civil-esperanza-solidaria"),
        ("uno", "union-de-organizaciones"),
        ("biblioteca", "fundacion-biblioteca-del-sur"),
    ],
)
def test_consulta_encuentra_primero(resultados_js, consulta, esperado):
    obtenidos = resultados_js[consulta]["buscar"]
    assert obtenidos and obtenidos[0] == esperado, (consulta, obtenidos)


def test_educacion_con_y_sin_tildes_en_ambos_sentidos(resultados_js):
    esperados = {"asociacion-civil-esperanza-solidaria", "centro-educacion-adultos-tafi"}
    # "educacion" encuentra el documento con tilde, "educación" el que no la tiene.
    assert set(resultados_js["educacion"]["buscar"]) == esperados
    assert set(resultados_js["educación"]["buscar"]) == esperados


def test_singular_plural_en_el_indice(resultados_js):
    # "mujer" está en un documento y "mujeres" en otro: cada consulta encuentra ambos.
    ambos = {"union-de-organizaciones", "centro-educacion-adultos-tafi"}
    assert set(resultados_js["mujer"]["buscar"]) == ambos
    assert set(resultados_js["mujeres"]["buscar"]) == ambos
    # "Jóvenes" (con tilde) y "jovenes" (sin) en documentos distintos.
    jovenes = {"club-atletico-san-cayetano", "centro-educacion-adultos-tafi"}
    assert set(resultados_js["jóvenes"]["buscar"]) == jovenes
    assert set(resultados_js["joven"]["buscar"]) == jovenes


def test_sin_resultados(resultados_js):
    assert resultados_js["zzxqj"]["buscar"] == []
    assert resultados_js["qwertyuiop asdf"]["buscar"] == []


@pytest.mark.parametrize("consulta", ["de la", "el", "y", "los de las", "", "   ", "¿?", "+-~^*:"])
def test_consultas_sin_palabras_utiles_no_rompen(resultados_js, consulta):
    assert resultados_js[consulta] == {"buscar": [], "todas": []}


def test_sintaxis_de_lunr_no_rompe(resultados_js):
    # buscar() no usa el parser de consultas de lunr: ":" "~" "^" "-" son texto.
    assert resultados_js["niños:"]["buscar"] == resultados_js["niños"]["buscar"]
    assert resultados_js["comedor^10"]["buscar"] == resultados_js["comedor"]["buscar"]
    assert resultados_js["-comedor"]["buscar"] == resultados_js["comedor"]["buscar"]


def test_todas_las_palabras(resultados_js):
    assert resultados_js["comedor villa lujan"]["todas"] == ["comedor-los-peques"]
    assert resultados_js["tafi viejo"]["todas"] == ["centro-educacion-adultos-tafi"]
    assert resultados_js["comedor futbol"]["todas"] == []
    assert set(resultados_js["comedor futbol"]["buscar"]) == {
        "comedor-los-peques",
        "club-atletico-san-cayetano",
    }


def test_boost_nombre_sobre_descripcion(resultados_js):
    # "biblioteca": en el nombre de una, en actividades de otra y en la
    # descripción de la tercera.
    assert resultados_js["biblioteca"]["buscar"] == [
        "fundacion-biblioteca-del-sur",
        "asociacion-civil-esperanza-solidaria",
        "club-atletico-san-cayetano",
    ]


def test_search_de_lunr_usa_nuestro_pipeline(indice, tmp_path):
    """``indice.search`` (parser de lunr + pipeline serializado en el índice)
    da lo mismo que ``buscar`` para consultas simples; y lunr.py, cargando el
    mismo JSON, da los mismos documentos con los mismos puntajes."""
    consultas = [
        "ninos",
        "comedores",
        "futbol",
        "educacion",
        "ACES",
        "mujer",
        "jóvenes",
        "biblioteca",
        "de la",
        "zzxqj",
        "comedor villa lujan",
    ]
    cuerpo = r"""
    const salida = {};
    entrada.forEach(function (q) {
      salida[q] = {
        search: indice.search(q).map(function (r) { return [api.slug(indice, r.ref), r.score]; }),
        buscar: api.buscar(indice, q).map(function (r) { return [r.ref, r.score]; }),
        pipeline: indice.pipeline.toJSON()
      };
    });
    """
    salida = correr_js(tmp_path, indice, cuerpo, consultas)
    python = cargar(json.loads(serializar(indice)))
    documentos = indice["documentos"]
    for q in consultas:
        js = salida[q]
        assert js["pipeline"] == list(pl.ETIQUETAS.values())
        assert [r for r, _ in js["search"]] == [r for r, _ in js["buscar"]], q
        py = [(documentos[int(r["ref"], 36)], r["score"]) for r in python.search(q)]
        assert [r for r, _ in py] == [r for r, _ in js["search"]], q
        for (_, a), (_, b) in zip(py, js["search"]):
            assert a == pytest.approx(b, rel=1e-9), q


# --------------------------------------------------------------------------
# Forma del índice
# --------------------------------------------------------------------------


def test_forma_del_indice(indice):
    assert indice["formato"] == ix.FORMATO
    assert indice["pipeline"] == pl.configuracion_js()
    assert indice["documentos"] == sorted(d["id"] for d in DOCUMENTOS)
    lunr_json = indice["lunr"]
    assert lunr_json["version"] == "2.3.9"
    assert lunr_json["fields"] == [campo for campo, _ in ix.CAMPOS]
    assert lunr_json["pipeline"] == list(pl.ETIQUETAS.values())
    json.dumps(indice)  # JSON-able


def test_terminos_del_indice_son_los_de_tokens(indice):
    """Cada campo de cada documento tiene exactamente los términos de
    ``pipeline.tokens`` (y en el campo sigla no se quitan palabras vacías)."""
    esperado: dict[tuple[str, str], set[str]] = {}
    for posicion, slug in enumerate(indice["documentos"]):
        doc = next(d for d in DOCUMENTOS if d["id"] == slug)
        for campo, _ in ix.CAMPOS:
            esperado[(ix.ref_interna(posicion), campo)] = set(pl.tokens(doc[campo], campo))
    obtenido: dict[tuple[str, str], set[str]] = {clave: set() for clave in esperado}
    for termino, posting in indice["lunr"]["invertedIndex"]:
        for campo, docs in posting.items():
            if campo == "_index":
                continue
            for ref, metadatos in docs.items():
                assert metadatos == {}  # sin posiciones ni otros metadatos
                obtenido[(ref, campo)].add(termino)
    assert obtenido == esperado


def test_compacto_sin_campos_vacios(indice):
    for _, posting in indice["lunr"]["invertedIndex"]:
        assert all(v for k, v in posting.items() if k != "_index")
    assert all(vector for _, vector in indice["lunr"]["fieldVectors"])
    expandido = ix.expandir(indice["lunr"])
    campos = set(indice["lunr"]["fields"])
    for _, posting in expandido["invertedIndex"]:
        assert set(posting) == campos | {"_index"}


def test_constructor_rapido_igual_al_estandar():
    """El builder estándar de lunr (tokenizador + pipeline registrado, con
    skip del filtro de vacías en sigla) y ``_ConstructorRapido`` dan el mismo
    índice byte a byte."""
    docs = DOCUMENTOS + documentos_sinteticos(40, 80, semilla=7)
    docs.append(_doc("vacio"))
    docs.append({"id": "con-none", "nombre": "Hogar de Día", "sigla": None})
    assert serializar(ix._armar(docs, rapido=True)) == serializar(ix._armar(docs, rapido=False))


def test_determinista():
    docs = documentos_sinteticos(150, 60, semilla=3)
    primero = serializar(build_index(docs))
    mezclados = list(docs)
    random.Random(1).shuffle(mezclados)
    pl._CACHE.clear()
    assert serializar(build_index(mezclados, procesos=2)) == primero
    assert json.dumps(build_index(docs), sort_keys=True) == json.dumps(json.loads(primero), sort_keys=True)


def test_refs_internas_en_base_36():
    assert [ix.ref_interna(n) for n in (0, 9, 10, 35, 36, 1295, 1296)] == [
        "0",
        "9",
        "a",
        "z",
        "10",
        "zz",
        "100",
    ]


def test_validacion_de_documentos():
    with pytest.raises(ValueError, match="repetido"):
        build_index([_doc("a"), _doc("a")])
    with pytest.raises(ValueError, match="id"):
        build_index([{"nombre": "sin id"}])
    with pytest.raises(TypeError, match="areas"):
        build_index([_doc("a", areas=["Educación", "Salud"])])


def test_js_rechaza_otra_version(indice, tmp_path):
    otro = json.loads(serializar(indice))
    otro["pipeline"]["version"] = pl.VERSION_PIPELINE + 1
    proceso = ejecutar(tmp_path, "const salida = 'cargado';", None, serializar(otro))
    assert proceso.returncode != 0
    assert "versión de pipeline" in proceso.stderr


# --------------------------------------------------------------------------
# Tamaño y tiempo (2000 documentos sintéticos de ~150 palabras)
# --------------------------------------------------------------------------


def test_2000_documentos_rapido_y_chico(tmp_path):
    """Cotas holgadas; los valores medidos se reproducen con
    ``python -m cmosc.search.measure`` (≈6 s de CPU, ≈5,3 MiB, ≈1,4 MiB con
    gzip). Sin la caché de variantes el armado pasa el minuto de CPU; con
    referencias largas o postings vacíos el JSON pasa las 8 MiB."""
    docs = documentos_sinteticos(2000, 150)
    pl._CACHE.clear()
    # Tiempo de CPU (este proceso + hijos), no de reloj: en una máquina
    # compartida el reloj depende de la carga ajena.
    inicio = _cpu()
    indice = build_index(docs)
    segundos_cpu = _cpu() - inicio
    datos = serializar(indice).encode("utf-8")
    assert segundos_cpu < 40, segundos_cpu
    assert len(datos) < 8 * 1024 * 1024, len(datos)
    # Y lunr.js lo carga y busca.
    salida = correr_js(
        tmp_path,
        indice,
        "const salida = api.buscar(indice, entrada).length;",
        docs[0]["nombre"],
    )
    assert salida > 0


def test_busqueda_en_chromium(indice, browser):
    """Los scripts cargados como <script> comunes en Chromium (como en el
    sitio) exponen window.CMOSCBusqueda y encuentran lo mismo que en Node."""
    pagina = browser.new_page()
    errores: list[str] = []
    pagina.on("pageerror", lambda e: errores.append(str(e)))
    pagina.on("console", lambda m: errores.append(f"{m.type}: {m.text}"))
    try:
        pagina.set_content("<!doctype html><html lang='es'><title>prueba</title></html>")
        for ruta in (
            "theme/static/vendor/lunr/lunr.min.js",
            "theme/static/vendor/lunr-languages/lunr.stemmer.support.js",
            "theme/static/vendor/lunr-languages/lunr.es.js",
            "theme/static/js/search-pipeline.js",
        ):
            pagina.add_script_tag(path=str(RAIZ / ruta))
        salida = pagina.evaluate(
            """(texto) => {
                const indice = CMOSCBusqueda.loadIndex(texto);
                const q = ['ninos', 'comedores', 'futbol', 'educacion', 'ACES', 'de la', 'zzxqj'];
                return Object.fromEntries(q.map(c => [c, CMOSCBusqueda.buscar(indice, c).map(r => r.ref)]));
            }""",
            serializar(indice),
        )
    finally:
        pagina.close()
    assert errores == []
    assert salida["ninos"][0] == "asociacion-civil-esperanza-solidaria"
    assert salida["comedores"][0] == "comedor-los-peques"
    assert salida["futbol"][0] == "club-atletico-san-cayetano"
    assert set(salida["educacion"]) == {
        "asociacion-civil-esperanza-solidaria",
        "centro-educacion-adultos-tafi",
    }
    assert salida["ACES"][0] == "asociacion-civil-esperanza-solidaria"
    assert salida["de la"] == [] and salida["zzxqj"] == []
