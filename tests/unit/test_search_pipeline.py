"""Pipeline español del buscador: comportamiento en Python y paridad con el JS.

La paridad corre ``theme/static/js/search-pipeline.js`` en Node con los
archivos VENDORIZADOS (lunr.js 2.3.9 y lunr-languages 1.22.0) sobre la misma
lista de palabras que Python, y exige resultados idénticos. Con ``CI=true``
la falta de ``node`` es un error, nunca un salto.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cmosc.search import pipeline as pl
from support.node_runner import correr

RAIZ = Path(__file__).resolve().parents[2]
JS_PIPELINE = RAIZ / "theme/static/js/search-pipeline.js"
VENDOR = RAIZ / "theme/static/vendor"


# --------------------------------------------------------------------------
# Node
# --------------------------------------------------------------------------


def correr_js(tmp_path: Path, cuerpo: str, entrada) -> object:
    """Corre ``cuerpo`` en Node con lunr + nuestro pipeline y devuelve ``salida``."""
    return correr(tmp_path, cuerpo, entrada)


# --------------------------------------------------------------------------
# Lista de palabras para la paridad (la MISMA entra a Python y a Node)
# --------------------------------------------------------------------------

_SUSTANTIVOS = """
educación educacion educaciones Educación EDUCACIÓN niño niños niña niñas ninos
nino NIÑOS niñez adolescencia adolescentes juventud jóvenes joven jovenes mujer
mujeres género géneros diversidad discapacidad discapacidades salud saludable
alimentación alimentos comedor comedores merendero merenderos comunitario
comunitaria comunitarios vecinal vecinales barrio barrios vivienda viviendas
hábitat hábitats ambiente ambiental reciclaje deporte deportes fútbol futbol
básquet vóley club clubes cultura cultural música musica teatro arte artes
taller talleres capacitación capacitaciones capacitacion formación oficio oficios
empleo trabajo trabajadores trabajadoras cooperativa cooperativas economía
económico social sociales derecho derechos humanos violencia adicción adicciones
adiccion consumo prevención acompañamiento asistencia asesoramiento jurídico
legales ciudadanía participación organización organizaciones organizacion
asociación asociaciones fundación fundaciones institución iglesia parroquia
biblioteca bibliotecas escuela escuelas escolar escolares apoyo universidad
universitarios voluntariado voluntarios voluntarias donaciones donación ropa
útiles juguetes leche pañales medicamentos ancianos adultos mayores abuelos
familias familia hogar hogares refugio calle situación pobreza inclusión
inclusion integración migrantes pueblos originarios indígenas campesinos rural
ciudad ciudades lugar lugares luz luces raíz raíces raiz pais país países
interés intereses japonés japoneses pingüino pingüinos pinguino bilingüe
bilingües lingüística vergüenza verguenza cigüeña cigüeñas agüita año años
señora señores compañía compañero mañana sueño diseño enseñanza nación naciones
nacion revolución revolucion solución soluciones solucion contribución
contribucion constitución examen exámenes imagen imágenes origen orígenes
crimen régimen carácter caracteres árbol árboles lápiz lápices vez veces
actividad actividades necesidad necesidades comunidad comunidades menú menús
sofá sofás bebé bebés maní maníes tabú ley leyes rey reyes
"""

_VERBOS = """
brindar brindamos brinda brindó acompañar acompañamos acompañando trabajamos
trabajando trabajó organizamos organizó organizando realizamos realizaron
ayudar ayudamos enseñar enseñamos aprender aprendiendo construir construyendo
compartir compartimos recibir recibimos necesitamos necesitan tenía tenían
había habían estaba será serán podemos pueden queremos damos dándoles
diciéndole llevarlos hacerlo educar educamos alimentar contener contenemos
fortalecer promover promovemos garantizar sostener sostenemos capacitar
"""

_LUGARES = """
Tucumán tucumán Tucuman tucumano tucumanos tucumanas Yerba Buena Tafí Viejo
Banda del Río Salí Famaillá Monteros Concepción Aguilares Alderetes Lules
Villa Luján Ciudadela Manantial Sarmiento Belgrano Güemes Marapa Simoca
"""

_OTRAS = [
    # siglas
    "ACES",
    "A.C.E.S.",
    "aces",
    "UNT",
    "CONICET",
    "ONG",
    "ONGs",
    "O.N.G.",
    "ANSES",
    "UNICEF",
    "INADI",
    "CILSA",
    "APADIM",
    "SENAF",
    "S.R.L.",
    "UNO",
    "ESA",
    "LA",
    "DNI",
    "CUIT",
    # números
    "2024",
    "1.500",
    "3,5",
    "9",
    "24hs",
    "0800-555-1234",
    "1º",
    "2ª",
    "½",
    "km²",
    "nº5",
    "Nº 12",
    "50%",
    "$1000",
    "Av. Sarmiento 123",
    # con guiones y barras
    "bio-construcción",
    "socio-comunitario",
    "físico-químico",
    "ex-alumnos",
    "e-mail",
    "co-gestión",
    "pre-escolar",
    "auto-gestión",
    "niño/a",
    "y/o",
    "niñ@s",
    "todos/as",
    "chicos-as",
    "Villa 9 de Julio",
    # puntuación y mezcla
    "¿Dónde?",
    "¡Hola!",
    "(ONG)",
    "«comedor»",
    "“niños”",
    "O'Higgins",
    "d'Alessandro",
    "etc.",
    "...",
    "email@dominio.org",
    "https://ejemplo.org/a?b=1",
    "#hashtag",
    "@usuario",
    "N°",
    "Comedor comunitario",
    "Escuela de fútbol infantil",
    "de la",
    "el y la",
    "los de las",
    "",
    # mayúsculas y letras especiales
    "ÑANDÚ",
    "PINGÜINO",
    "Árbol",
    "Éxito",
    "Índice",
    "Óptica",
    "Útil",
    "ÜBER",
    "café",
    "Noël",
    "à la carte",
    "Çelik",
    "São Paulo",
    "straße",
    "İstanbul",
    "ΣΟΦΊΑ",
    "Москва",
    "日本語",
    "😀 niños",
    "ﬁesta",
    "ＡＣＥＳ",
    "Ⅻ",
    # Unicode "sucio": NFD, guion blando, espacios raros, formato
    "educacio\u0301n",
    "edu\u00adcación",
    "niños\u200b",
    "ni\u00f1os\u00a0felices",
    "tab\tseparado",
    "línea\nnueva",
    "\ufeffcomedor",
    "e\u0301",
    "\u0301",
    # terminaciones que distinguen Snowball 3.0 (Python) del de lunr.es (JS)
    "acion",
    "ucion",
    "acción",
    "accion",
    "estacion",
    "estación",
    "educacion",
    "institucion",
    "distribucion",
    "atribuciones",
    "gestion",
    "gestión",
]


def _palabras() -> list[str]:
    palabras = []
    for bloque in (_SUSTANTIVOS, _VERBOS, _LUGARES):
        palabras.extend(bloque.split())
    palabras.extend(_OTRAS)
    return palabras


PALABRAS = _palabras()


def test_lista_de_paridad_es_amplia():
    distintas = set(PALABRAS)
    assert len(distintas) >= 300
    assert any("ñ" in p for p in distintas) and any("ü" in p for p in distintas)
    assert any(p.isupper() for p in distintas) and any(c.isdigit() for p in distintas for c in p)
    assert any("-" in p for p in distintas)


# --------------------------------------------------------------------------
# Lado Python
# --------------------------------------------------------------------------


def coinciden(texto_documento: str, consulta: str) -> bool:
    return bool(set(pl.tokens(texto_documento)) & set(pl.query_tokens(consulta)))


@pytest.mark.parametrize(
    "a, b",
    [
        ("educacion", "educación"),
        ("ninos", "niños"),
        ("comedores", "Comedor comunitario"),
        ("futbol", "fútbol"),
        ("organizacion", "organizaciones"),
        ("capacitacion", "capacitaciones"),
        ("adiccion", "adicciones"),
        ("inclusion", "inclusión"),
        ("pinguino", "pingüinos"),
        ("bilingue", "bilingües"),
        ("verguenza", "vergüenza"),
        ("ciguenas", "cigüeña"),
        ("tucuman", "Tucumán"),
        ("famailla", "Famaillá"),
        ("tafi", "Tafí"),
        ("anos", "años"),
        ("ACES", "aces"),
        ("A.C.E.S.", "aces"),
        ("ONG", "ong"),
    ],
)
def test_pares_se_encuentran_en_ambos_sentidos(a, b):
    assert coinciden(a, b), (a, b, pl.tokens(a), pl.query_tokens(b))
    assert coinciden(b, a), (b, a, pl.tokens(b), pl.query_tokens(a))


SINGULAR_PLURAL = [
    ("niño", "niños"),
    ("niña", "niñas"),
    ("educación", "educaciones"),
    ("organización", "organizaciones"),
    ("comedor", "comedores"),
    ("mujer", "mujeres"),
    ("joven", "jóvenes"),
    ("ciudad", "ciudades"),
    ("taller", "talleres"),
    ("hogar", "hogares"),
    ("lugar", "lugares"),
    ("luz", "luces"),
    ("raíz", "raíces"),
    ("país", "países"),
    ("imagen", "imágenes"),
    ("examen", "exámenes"),
    ("actividad", "actividades"),
    ("necesidad", "necesidades"),
    ("familia", "familias"),
    ("voluntario", "voluntarios"),
    ("adolescente", "adolescentes"),
    ("pingüino", "pingüinos"),
    ("club", "clubes"),
    ("ley", "leyes"),
    ("árbol", "árboles"),
    ("jardín", "jardines"),
    ("canción", "canciones"),
    ("japonés", "japoneses"),
]


@pytest.mark.parametrize("singular, plural", SINGULAR_PLURAL)
def test_singular_y_plural_con_y_sin_tildes(singular, plural):
    """Las cuatro combinaciones (con/sin tildes en cada lado), en los dos
    sentidos (documento → consulta y consulta → documento)."""
    for s in {singular, pl.plegar(singular)}:
        for p in {plural, pl.plegar(plural)}:
            if (s, p) == ("japones", "japoneses"):
                continue  # sin la tilde no hay forma de saber que es singular
            assert coinciden(s, p), (s, p, pl.tokens(s), pl.query_tokens(p))
            assert coinciden(p, s), (p, s, pl.tokens(p), pl.query_tokens(s))


def test_pares_que_no_deben_encontrarse():
    assert not coinciden("comedor", "fútbol")
    assert not coinciden("educación", "alimentación")
    assert not coinciden("mujer", "música")


def test_plegado():
    assert pl.plegar("áéíóúüñ") == "aeiouun"
    assert pl.fold("ÁÉÍÓÚÜÑ".lower()) == "aeiouun"
    assert pl.plegar("pingüino") == "pinguino"
    assert pl.plegar("educacio\u0301n") == "educacion"  # NFD
    assert pl.plegar("sin tildes") == "sin tildes"


def test_orden_plegado_y_raiz():
    """Evidencia de por qué un solo orden no alcanza (si el stemmer cambiara
    y esto dejara de valer, revisar el diseño de ``variantes``)."""

    def plegar_despues(w):  # plegar(raiz(w)): lo "natural"
        return pl.plegar(pl.raiz(w))

    def plegar_antes(w):  # raiz(plegar(w))
        return pl.raiz(pl.plegar(w))

    # Los sufijos de Snowball llevan tilde: plegar antes pierde "-ía".
    assert plegar_despues("tenía") == "ten" and plegar_antes("tenía") == "teni"
    # … y plegar después no alcanza a lo que se escribe sin tildes.
    assert plegar_despues("tenía") != plegar_despues("tenia")
    # Con tilde correcta, sólo plegar_despues une "japonés" y "japoneses".
    assert plegar_despues("japonés") == plegar_despues("japoneses")
    assert plegar_antes("japonés") != plegar_antes("japoneses")
    # Snowball solo no une estos singulares y plurales.
    assert pl.raiz("mujer") != pl.raiz("mujeres")
    assert pl.raiz("joven") != pl.raiz("jóvenes")
    assert pl.raiz("ciudad") != pl.raiz("ciudades")
    # Nuestras variantes sí, en todas las combinaciones.
    for a, b in [
        ("tenía", "tenia"),
        ("japonés", "japoneses"),
        ("mujer", "mujeres"),
        ("joven", "jovenes"),
        ("ciudad", "ciudades"),
    ]:
        assert set(pl.variantes(a)) & set(pl.variantes(b)), (a, b)


def test_variantes_ejemplos():
    assert pl.tokens("educación") == ["educ"]
    assert pl.tokens("educacion") == ["educ"]
    assert pl.tokens("niños") == ["nin"]
    assert pl.tokens("Comedor comunitario") == ["comedor", "comunitari"]
    assert pl.tokens("fútbol") == ["futbol"]
    assert pl.tokens("mujer") == ["muj", "mujer"]
    assert pl.tokens("mujeres") == ["mujer"]


def test_palabras_vacias_se_descartan():
    assert pl.tokens("de la y el los") == []
    assert pl.tokens("Comedor de los niños") == pl.tokens("comedor niños")
    # Se comparan plegadas: con o sin tilde.
    assert pl.tokens("más mas está esta él") == []
    # "estado" (el Estado) se sacó a propósito de la lista de Snowball.
    assert pl.tokens("estado") != []
    assert pl.query_tokens("el comedor") == pl.query_tokens("comedor")


def test_consulta_solo_con_palabras_vacias():
    assert pl.query_tokens("") == []
    assert pl.query_tokens("¿?") == []
    # Se conservan para poder encontrar siglas como "UNO"; no rompe nada.
    assert pl.query_tokens("de la") == ["de", "la"]
    assert pl.query_tokens("UNO") == ["uno"]


def test_sigla_en_minusculas_y_sin_filtrar():
    assert pl.tokens("ACES") == ["aces"]
    assert pl.tokens("A.C.E.S.") == ["aces"]
    assert pl.tokens("ＡＣＥＳ") == ["aces"]
    assert pl.query_tokens("ACES") == pl.query_tokens("aces") == ["aces"]
    assert pl.tokens("UNO") == []
    assert pl.tokens("UNO", campo="sigla") == ["uno"]


def test_division_en_palabras():
    assert pl.dividir("Villa 9 de Julio") == ["villa", "9", "de", "julio"]
    assert pl.dividir("bio-construcción y/o e-mail") == [
        "bio",
        "construcción",
        "y",
        "o",
        "e",
        "mail",
    ]
    assert pl.dividir("1.500 A.C.E.S. etc...") == ["1500", "aces", "etc"]
    assert pl.dividir("edu\u00adcación") == ["educación"]  # guion blando
    assert pl.dividir("«comedor», (ONG)") == ["comedor", "ong"]
    assert pl.dividir("") == [] and pl.dividir("  \t\n") == []


def test_restaurar():
    assert pl.restaurar("educacion") == "educación"
    assert pl.restaurar("contribucion") == "contribución"
    assert pl.restaurar("educaciones") == "educaciones"
    assert pl.restaurar("gestion") == "gestion"


def test_palabras_vacias_una_sola_fuente():
    archivo = RAIZ / "cmosc/search/stopwords_es.txt"
    en_archivo = set()
    for linea in archivo.read_text(encoding="utf-8").splitlines():
        linea = linea.split("#", 1)[0].strip()
        if linea:
            en_archivo.add(pl.plegar(linea))
    assert set(pl.PALABRAS_VACIAS) == en_archivo
    assert pl.configuracion_js()["palabras_vacias"] == list(pl.PALABRAS_VACIAS)
    # El JS no tiene su propia lista: la recibe del índice.
    fuente_js = JS_PIPELINE.read_text(encoding="utf-8")
    for palabra in ("estuviésemos", "hubiéramos", "vosotras", "nosotros"):
        assert palabra not in fuente_js


def test_funciones_registradas_en_lunr_python():
    from lunr.pipeline import Pipeline

    for etiqueta in pl.ETIQUETAS.values():
        assert etiqueta in Pipeline.registered_functions
    assert Pipeline.registered_functions[pl.ETIQUETAS["raices"]] is pl.raices


def test_pipeline_de_lunr_igual_a_tokens():
    """Las funciones registradas en lunr (las que usa la búsqueda) hacen lo
    mismo que ``tokens``/``query_tokens``."""
    from lunr.pipeline import Pipeline
    from lunr.tokenizer import Tokenizer

    pipeline = Pipeline.load(list(pl.ETIQUETAS.values()))
    for texto in PALABRAS:
        obtenidos = [str(t) for t in pipeline.run(Tokenizer(texto))]
        assert obtenidos == pl.tokens(texto), texto


def test_precalcular_en_paralelo_da_lo_mismo():
    palabras = sorted({p for texto in PALABRAS for p in pl.dividir(texto)})
    esperado = {p: pl._calcular_variantes(p) for p in palabras}
    pl._CACHE.clear()
    assert pl.precalcular(palabras, procesos=2) == len(palabras)
    assert {p: pl._CACHE[p] for p in palabras} == esperado
    pl._CACHE.clear()
    assert pl.precalcular(palabras, procesos=1) == len(palabras)
    assert {p: pl._CACHE[p] for p in palabras} == esperado
    assert pl.precalcular(palabras) == 0  # ya en caché


# --------------------------------------------------------------------------
# Paridad Python ↔ JS (Node)
# --------------------------------------------------------------------------

_CUERPO_PARIDAD = r"""
api.configurar(entrada.config);
const salida = entrada.palabras.map(function (t) {
  return {
    dividir: api.dividir(t),
    plegar: api.dividir(t).map(api.plegar),
    raiz: api.dividir(t).map(api.raiz),
    variantes: api.dividir(t).map(api.variantes),
    tokens: api.tokens(t),
    sigla: api.tokens(t, 'sigla'),
    grupos: api.queryGroups(t),
    consulta: api.queryTokens(t)
  };
});
"""


def _lado_python(texto: str) -> dict:
    palabras = pl.dividir(texto)
    return {
        "dividir": palabras,
        "plegar": [pl.plegar(p) for p in palabras],
        "raiz": [pl.raiz(p) for p in palabras],
        "variantes": [list(pl.variantes(p)) for p in palabras],
        "tokens": pl.tokens(texto),
        "sigla": pl.tokens(texto, "sigla"),
        "grupos": pl.query_groups(texto),
        "consulta": pl.query_tokens(texto),
    }


def test_paridad_python_js(tmp_path):
    # Cada palabra sola, en mayúsculas y sin tildes, y todas juntas en frases.
    textos = list(PALABRAS)
    textos += [p.upper() for p in PALABRAS]
    textos += [pl.plegar(p) for p in PALABRAS]
    textos += [" ".join(PALABRAS[i : i + 7]) for i in range(0, len(PALABRAS), 7)]
    textos += list(pl.PALABRAS_VACIAS)
    salida_js = correr_js(
        tmp_path,
        _CUERPO_PARIDAD,
        {"config": pl.configuracion_js(), "palabras": textos},
    )
    assert len(salida_js) == len(textos)
    diferencias = [
        (texto, _lado_python(texto), js) for texto, js in zip(textos, salida_js) if _lado_python(texto) != js
    ]
    assert diferencias == [], diferencias[:5]


def test_js_lee_palabras_vacias_del_indice(tmp_path):
    """Con otra lista en la configuración, el JS usa ésa (no tiene una propia)."""
    cuerpo = r"""
    const antes = [api.tokens('comedor de niños'), api.queryTokens('el comedor')];
    api.configurar({version: entrada.version, palabras_vacias: ['comedor']});
    const salida = {antes: antes, despues: [api.tokens('comedor de niños'), api.queryTokens('el comedor')]};
    api.configurar(entrada.config);
    """
    config = pl.configuracion_js()
    salida = correr_js(
        tmp_path,
        "api.configurar(entrada.config);\n" + cuerpo,
        {"config": config, "version": config["version"]},
    )
    assert salida["antes"] == [pl.tokens("comedor de niños"), pl.query_tokens("el comedor")]
    assert salida["despues"] == [["de", "nin"], ["el"]]


def test_js_sin_configurar_falla_claro(tmp_path):
    cuerpo = r"""
    let salida;
    try { api.tokens('hola'); salida = 'sin error'; } catch (e) { salida = e.message; }
    """
    salida = correr_js(tmp_path, cuerpo, {})
    assert "sin configurar" in salida


def test_etiquetas_registradas_igual_en_js(tmp_path):
    cuerpo = r"""
    const salida = {
      etiquetas: api.ETIQUETAS,
      registradas: Object.keys(lunr.Pipeline.registeredFunctions),
      version: api.VERSION_PIPELINE
    };
    """
    salida = correr_js(tmp_path, cuerpo, {})
    assert salida["etiquetas"] == pl.ETIQUETAS
    assert set(pl.ETIQUETAS.values()) <= set(salida["registradas"])
    assert salida["version"] == pl.VERSION_PIPELINE
    assert pl.configuracion_js()["etiquetas"] == [
        pl.ETIQUETAS["separar"],
        pl.ETIQUETAS["vacias"],
        pl.ETIQUETAS["raices"],
    ]


def test_restaurar_iguala_los_dos_snowball(tmp_path):
    """Evidencia de ``restaurar``: Snowball 3.0 (Python) quita "-acion" sin
    tilde y el Snowball de lunr.es.js no; con la tilde restaurada coinciden."""
    palabras = ["educacion", "organizacion", "contribucion", "solucion", "nacion"]
    cuerpo = r"""
    const salida = entrada.map(function (p) { return lunr.es.stemmer(p); });
    """
    crudo_js = correr_js(tmp_path, cuerpo, palabras)
    crudo_py = [pl._STEMMER.stemWord(p) for p in palabras]
    assert crudo_js[:3] != crudo_py[:3]  # sin restaurar difieren
    restaurado_js = correr_js(tmp_path, cuerpo, [pl.restaurar(p) for p in palabras])
    assert restaurado_js == [pl.raiz(p) for p in palabras]


# --------------------------------------------------------------------------
# Paridad en un navegador real (fixture ``navegador`` de conftest: Chromium de
# Debian vía Playwright; falta el navegador → salto local, error con CI=true)
# --------------------------------------------------------------------------

SCRIPTS_NAVEGADOR = [
    "theme/static/vendor/lunr/lunr.min.js",
    "theme/static/vendor/lunr-languages/lunr.stemmer.support.js",
    "theme/static/vendor/lunr-languages/lunr.es.js",
    "theme/static/js/search-pipeline.js",
]


def abrir_pagina_con_buscador(browser):
    """Página con los scripts cargados como <script> comunes, igual que en el
    sitio; devuelve la página y la lista donde se juntan errores y mensajes
    de consola."""
    pagina = browser.new_page()
    errores: list[str] = []
    pagina.on("pageerror", lambda e: errores.append(str(e)))
    pagina.on("console", lambda m: errores.append(f"{m.type}: {m.text}"))
    pagina.set_content("<!doctype html><html lang='es'><title>prueba</title></html>")
    for ruta in SCRIPTS_NAVEGADOR:
        pagina.add_script_tag(path=str(RAIZ / ruta))
    return pagina, errores


def test_paridad_en_chromium(browser):
    textos = list(PALABRAS) + [" ".join(PALABRAS[i : i + 7]) for i in range(0, len(PALABRAS), 7)]
    pagina, errores = abrir_pagina_con_buscador(browser)
    try:
        salida = pagina.evaluate(
            """([config, textos]) => {
                CMOSCBusqueda.configurar(config);
                return textos.map(t => [CMOSCBusqueda.tokens(t), CMOSCBusqueda.queryTokens(t)]);
            }""",
            [pl.configuracion_js(), textos],
        )
    finally:
        pagina.close()
    assert errores == []
    esperado = [[pl.tokens(t), pl.query_tokens(t)] for t in textos]
    diferencias = [(t, e, o) for t, e, o in zip(textos, esperado, salida) if e != o]
    assert diferencias == [], diferencias[:5]
