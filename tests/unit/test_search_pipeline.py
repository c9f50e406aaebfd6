"""The search's Spanish pipeline: behaviour in Python and parity with the JS.

Parity runs ``theme/static/js/search-pipeline.js`` in Node and Chromium with the
VENDORED files (lunr.js 2.3.9 and lunr-languages 1.22.0) over the same word list
as Python, and requires identical results. Under ``CI=true`` a missing ``node``
or browser fails, never skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cmosc.profiles.synonyms import load_synonyms
from cmosc.search import lunr_functions
from cmosc.search import pipeline as pl
from cmosc.search.synonyms import Synonyms
from support.node_runner import open_search_page, run_js

ROOT = Path(__file__).resolve().parents[2]
JS_PIPELINE = ROOT / "theme/static/js/search-pipeline.js"
VENDOR = ROOT / "theme/static/vendor"


# --------------------------------------------------------------------------
# Parity word list (the SAME one goes into Python and the JS)
# --------------------------------------------------------------------------

_NOUNS = """
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
inclusion integración migrbefore pueblos originarios indígenas campesinos rural
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

_VERBS = """
brindar brindamos brinda brindó acompañar acompañamos acompañando trabajamos
trabajando trabajó organizamos organizó organizando realizamos realizaron
ayudar ayudamos enseñar enseñamos aprender aprendiendo construir construyendo
compartir compartimos recibir recibimos necesitamos necesitan tenía tenían
había habían estaba será serán podemos pueden queremos damos dándoles
diciéndole llevarlos hacerlo educar educamos alimentar contener contenemos
fortalecer promover promovemos garantizar sostener sostenemos capacitar
"""

_PLACES = """
Tucumán tucumán Tucuman tucumano tucumanos tucumanas Yerba Buena Tafí Viejo
Banda del Río Salí Famaillá Monteros Concepción Aguilares Alderetes Lules
Villa Luján Ciudadela Manantial Sarmiento Belgrano Güemes Marapa Simoca
"""

_OTHERS = [
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


#: The staff's synonym groups (vocabularios/sinonimos.yml), as the site applies them.
SYNONYM_GROUPS = load_synonyms(ROOT)[0]
SYNONYMS = Synonyms.from_groups(SYNONYM_GROUPS)


def _words() -> list[str]:
    words = []
    for block in (_NOUNS, _VERBS, _PLACES):
        words.extend(block.split())
    words.extend(_OTHERS)
    # Every synonym entry, and each of its words alone (word by word).
    for group in SYNONYM_GROUPS:
        for entry in group:
            words.append(entry)
            words.extend(entry.split())
    return list(dict.fromkeys(words))


WORDS = _words()


def test_parity_list_is_broad():
    distinct = set(WORDS)
    assert len(distinct) >= 300
    assert any("ñ" in p for p in distinct) and any("ü" in p for p in distinct)
    assert any(p.isupper() for p in distinct) and any(c.isdigit() for p in distinct for c in p)
    assert any("-" in p for p in distinct)


# --------------------------------------------------------------------------
# Python side
# --------------------------------------------------------------------------


def match(document_text: str, query: str) -> bool:
    return bool(set(pl.tokens(document_text)) & set(pl.query_tokens(query)))


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
def test_pairs_match_both_ways(a, b):
    assert match(a, b), (a, b, pl.tokens(a), pl.query_tokens(b))
    assert match(b, a), (b, a, pl.tokens(b), pl.query_tokens(a))


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
def test_singular_and_plural_with_and_without_accents(singular, plural):
    """The four combinations (with/without accents on each side), both ways
    (document → query and query → document)."""
    for s in {singular, pl.fold(singular)}:
        for p in {plural, pl.fold(plural)}:
            if (s, p) == ("japones", "japoneses"):
                continue  # without the accent nothing says it is singular
            assert match(s, p), (s, p, pl.tokens(s), pl.query_tokens(p))
            assert match(p, s), (p, s, pl.tokens(p), pl.query_tokens(s))


def test_pairs_that_must_not_match():
    assert not match("comedor", "fútbol")
    assert not match("educación", "alimentación")
    assert not match("mujer", "música")


def test_fold():
    assert pl.fold("áéíóúüñ") == "aeiouun"
    assert pl.fold("ÁÉÍÓÚÜÑ".lower()) == "aeiouun"
    assert pl.fold("pingüino") == "pinguino"
    assert pl.fold("educacio\u0301n") == "educacion"  # NFD
    assert pl.fold("sin tildes") == "sin tildes"


def test_fold_and_stem_order():
    """Evidence that one order is not enough (should the stemmer change and this
    stop holding, revisit the design of ``variants``)."""

    def fold_after(w):  # fold(stem(w)): the "natural" one
        return pl.fold(pl.stem(w))

    def fold_before(w):  # stem(fold(w))
        return pl.stem(pl.fold(w))

    # Snowball suffixes carry accents: folding first loses "-ía".
    assert fold_after("tenía") == "ten" and fold_before("tenía") == "teni"
    # … and folding after does not reach what is typed without accents.
    assert fold_after("tenía") != fold_after("tenia")
    # Correctly accented, only fold_after joins "japonés" and "japoneses".
    assert fold_after("japonés") == fold_after("japoneses")
    assert fold_before("japonés") != fold_before("japoneses")
    # Snowball alone does not join these singulars and plurals.
    assert pl.stem("mujer") != pl.stem("mujeres")
    assert pl.stem("joven") != pl.stem("jóvenes")
    assert pl.stem("ciudad") != pl.stem("ciudades")
    # Our variants do, in every combination.
    for a, b in [
        ("tenía", "tenia"),
        ("japonés", "japoneses"),
        ("mujer", "mujeres"),
        ("joven", "jovenes"),
        ("ciudad", "ciudades"),
    ]:
        assert set(pl.variants(a)) & set(pl.variants(b)), (a, b)


def test_variant_examples():
    assert pl.tokens("educación") == ["educ"]
    assert pl.tokens("educacion") == ["educ"]
    assert pl.tokens("niños") == ["nin"]
    assert pl.tokens("Comedor comunitario") == ["comedor", "comunitari"]
    assert pl.tokens("fútbol") == ["futbol"]
    assert pl.tokens("mujer") == ["muj", "mujer"]
    assert pl.tokens("mujeres") == ["mujer"]


def test_stopwords_are_dropped():
    assert pl.tokens("de la y el los") == []
    assert pl.tokens("Comedor de los niños") == pl.tokens("comedor niños")
    # Compared folded: with or without accents.
    assert pl.tokens("más mas está esta él") == []
    # "estado" (the State) was taken out of Snowball's list on purpose.
    assert pl.tokens("estado") != []
    assert pl.query_tokens("el comedor") == pl.query_tokens("comedor")


def test_query_with_only_stopwords():
    assert pl.query_tokens("") == []
    assert pl.query_tokens("¿?") == []
    # Kept so that siglas like "UNO" are found; breaks nothing.
    assert pl.query_tokens("de la") == ["de", "la"]
    assert pl.query_tokens("UNO") == ["uno"]


def test_sigla_lower_case_and_unfiltered():
    assert pl.tokens("ACES") == ["aces"]
    assert pl.tokens("A.C.E.S.") == ["aces"]
    assert pl.tokens("ＡＣＥＳ") == ["aces"]
    assert pl.query_tokens("ACES") == pl.query_tokens("aces") == ["aces"]
    assert pl.tokens("UNO") == []
    assert pl.tokens("UNO", "sigla") == ["uno"]


def test_split_words():
    assert pl.split_words("Villa 9 de Julio") == ["villa", "9", "de", "julio"]
    assert pl.split_words("bio-construcción y/o e-mail") == [
        "bio",
        "construcción",
        "y",
        "o",
        "e",
        "mail",
    ]
    assert pl.split_words("1.500 A.C.E.S. etc...") == ["1500", "aces", "etc"]
    assert pl.split_words("edu\u00adcación") == ["educación"]  # soft hyphen
    assert pl.split_words("«comedor», (ONG)") == ["comedor", "ong"]
    assert pl.split_words("") == [] and pl.split_words("  \t\n") == []


def test_latin_texts_split_as_translated():
    """A text NFKC leaves in Latin-1 is lowered and split as bytes (`_LATIN_1_MAP`): the same
    words as normalizing and translating it (`_MAP`), as every other text is, for each Latin-1
    character inside, around and between words, in both cases, next to a dot and to a
    character outside Latin-1 (a combining accent composed by NFKC, a zero-width joiner)."""

    def translated(text: str) -> list[str]:
        return [part for part in pl.normalize(text).translate(pl._MAP).replace(".", "").split(" ") if part]

    for code in range(256):
        c = chr(code)
        for text in (c, f"a{c}b", f"Á{c}B", f"{c} x", f"x.{c}.y", f"ñ{c}", f"N\u0303{c}", f"a{c}\u200db"):
            assert pl.split_words(text) == translated(text), (code, text)


def test_restore_accent():
    assert pl.restore_accent("educacion") == "educación"
    assert pl.restore_accent("contribucion") == "contribución"
    assert pl.restore_accent("educaciones") == "educaciones"
    assert pl.restore_accent("gestion") == "gestion"


def test_stopwords_single_source():
    source = ROOT / "cmosc/search/stopwords_es.txt"
    in_file = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            in_file.add(pl.fold(line))
    assert set(pl.STOPWORDS) == in_file
    assert pl.js_config()["palabras_vacias"] == list(pl.STOPWORDS)
    # The JS has no list of its own: it gets it from the index.
    js_source = JS_PIPELINE.read_text(encoding="utf-8")
    for word in ("estuviésemos", "hubiéramos", "vosotras", "nosotros"):
        assert word not in js_source


def test_functions_registered_in_lunr_python():
    from lunr.pipeline import Pipeline

    for label in pl.LABELS.values():
        assert label in Pipeline.registered_functions
    assert Pipeline.registered_functions[pl.LABELS["stems"]] is lunr_functions.stem_token


def test_lunr_pipeline_equals_tokens():
    """The functions registered in lunr do the same as ``tokens``."""
    from lunr.pipeline import Pipeline
    from lunr.tokenizer import Tokenizer

    pipeline = Pipeline.load(list(pl.LABELS.values()))
    for text in WORDS:
        obtained = [str(t) for t in pipeline.run(Tokenizer(text))]
        assert obtained == pl.tokens(text), text


# --------------------------------------------------------------------------
# Python ↔ JS parity (Node)
# --------------------------------------------------------------------------

_PARITY_BODY = r"""
api.configure(input.config);
const output = input.words.map(function (t) {
  return {
    split: api.splitWords(t),
    fold: api.splitWords(t).map(api.fold),
    stem: api.splitWords(t).map(api.stem),
    variants: api.splitWords(t).map(api.variants),
    keys: api.splitWords(t).map(api.synonymKey),
    tokens: api.tokens(t),
    sigla: api.tokens(t, 'sigla'),
    groups: api.queryGroups(t),
    query: api.queryTokens(t)
  };
});
"""


def _python_side(text: str) -> dict:
    words = pl.split_words(text)
    return {
        "split": words,
        "fold": [pl.fold(w) for w in words],
        "stem": [pl.stem(w) for w in words],
        "variants": [list(pl.variants(w)) for w in words],
        "keys": [pl.synonym_key(w) for w in words],
        "tokens": pl.tokens(text, None, SYNONYMS),
        "sigla": pl.tokens(text, "sigla", SYNONYMS),
        "groups": pl.query_groups(text, SYNONYMS),
        "query": pl.query_tokens(text, SYNONYMS),
    }


def test_python_js_parity(tmp_path):
    # Each word alone, upper case and unaccented, and all together in phrases.
    texts = list(WORDS)
    texts += [p.upper() for p in WORDS]
    texts += [pl.fold(p) for p in WORDS]
    texts += [" ".join(WORDS[i : i + 7]) for i in range(0, len(WORDS), 7)]
    texts += list(pl.STOPWORDS)
    js_output = run_js(
        tmp_path,
        _PARITY_BODY,
        {"config": pl.js_config(SYNONYMS), "words": texts},
    )
    assert len(js_output) == len(texts)
    differences = [
        (text, _python_side(text), js) for text, js in zip(texts, js_output) if _python_side(text) != js
    ]
    assert differences == [], differences[:5]


def test_js_reads_stopwords_from_the_index(tmp_path):
    """Given another list in the configuration, the JS uses that one (it has none of its own)."""
    body = r"""
    const before = [api.tokens('comedor de niños'), api.queryTokens('el comedor')];
    api.configure({version: input.version, palabras_vacias: ['comedor']});
    const output = {before: before, after: [api.tokens('comedor de niños'), api.queryTokens('el comedor')]};
    api.configure(input.config);
    """
    config = pl.js_config()
    output = run_js(
        tmp_path,
        "api.configure(input.config);\n" + body,
        {"config": config, "version": config["version"]},
    )
    assert output["before"] == [pl.tokens("comedor de niños"), pl.query_tokens("el comedor")]
    assert output["after"] == [["de", "nin"], ["el"]]


def test_js_without_config_fails_clearly(tmp_path):
    body = r"""
    let output;
    try { api.tokens('hola'); output = 'no error'; } catch (e) { output = e.message; }
    """
    output = run_js(tmp_path, body, {})
    assert "sin configurar" in output


def test_same_labels_registered_in_js(tmp_path):
    body = r"""
    const output = {
      labels: api.LABELS,
      registered: Object.keys(lunr.Pipeline.registeredFunctions),
      version: api.PIPELINE_VERSION
    };
    """
    output = run_js(tmp_path, body, {})
    assert output["labels"] == pl.LABELS
    assert set(pl.LABELS.values()) <= set(output["registered"])
    assert output["version"] == pl.PIPELINE_VERSION
    assert pl.js_config()["etiquetas"] == [pl.LABELS["split"], pl.LABELS["stopwords"], pl.LABELS["stems"]]


def test_restore_accent_makes_both_snowballs_agree(tmp_path):
    """Evidence for ``restore_accent``: Snowball 3.0 (Python) strips unaccented
    "-acion" and lunr.es.js' Snowball does not; with the accent restored they agree."""
    words = ["educacion", "organizacion", "contribucion", "solucion", "nacion"]
    body = r"""
    const output = input.map(function (w) { return lunr.es.stemmer(w); });
    """
    raw_js = run_js(tmp_path, body, words)
    raw_py = [pl._STEMMER.stemWord(w) for w in words]
    assert raw_js[:3] != raw_py[:3]  # unrestored, they differ
    restored_js = run_js(tmp_path, body, [pl.restore_accent(w) for w in words])
    assert restored_js == [pl.stem(w) for w in words]


# --------------------------------------------------------------------------
# Parity in a real browser (conftest's ``browser``: Debian's Chromium through
# Playwright; a missing browser skips locally and fails under CI=true)
# --------------------------------------------------------------------------


def test_parity_in_chromium(browser):
    texts = list(WORDS) + [" ".join(WORDS[i : i + 7]) for i in range(0, len(WORDS), 7)]
    page, errors = open_search_page(browser)
    try:
        output = page.evaluate(
            """([config, texts]) => {
                CMOSCSearch.configure(config);
                return texts.map(t => [CMOSCSearch.tokens(t), CMOSCSearch.queryTokens(t)]);
            }""",
            [pl.js_config(SYNONYMS), texts],
        )
    finally:
        page.close()
    assert errors == []
    expected = [[pl.tokens(t, None, SYNONYMS), pl.query_tokens(t, SYNONYMS)] for t in texts]
    differences = [(t, e, o) for t, e, o in zip(texts, expected, output) if e != o]
    assert differences == [], differences[:5]
