"""The invalid-file corpus: each file is one small edit of `valido.yml`.

Every fixture must have an entry with the exact (line, column, code, message) of
each error; a fixture without an entry fails the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "casos"

EXPECTED = {
    "Nombre_Invalido.yml": [
        (
            1,
            1,
            "nombre_archivo",
            "el nombre de archivo «Nombre_Invalido.yml» no sirve como identificador: usá minúsculas sin tildes, números y guiones simples (hasta 80 caracteres).",
        )
    ],
    "accesible-invalido.yml": [
        (19, 16, "booleano", "sedes[1].accesible: «quizás» no es sí/no; escribí true o false.")
    ],
    "ancla-alias.yml": [
        (11, 8, "ancla", "no se admiten anclas de YAML (&nombre); escribí el valor completo."),
        (12, 12, "alias", "no se admiten alias de YAML (*nombre); escribí el valor completo."),
    ],
    "area-desconocida.yml": [
        (11, 20, "vocabulario", "areas[2]: «deportes» no es un área válida; ¿quisiste decir «deporte»?")
    ],
    "area-repetida.yml": [(11, 20, "repetido", "areas[2]: «Educación» está repetido en la lista.")],
    "areas-no-lista.yml": [
        (
            11,
            8,
            "tipo_lista",
            "areas: se esperaba una lista (líneas que empiezan con «- ») y hay el texto «educacion».",
        )
    ],
    "barrio-desconocido.yml": [
        (
            16,
            13,
            "vocabulario",
            "sedes[1].barrio: «villa lujan norte» no es un barrio válido; ¿quisiste decir «villa-lujan» o «villa-mariano-moreno» o «villa-munecas»?",
        )
    ],
    "clave-desconocida.yml": [
        (5, 1, "clave_desconocida", "resumem: «resumem» no es un campo válido; ¿quisiste decir «resumen»?")
    ],
    "clave-repetida.yml": [
        (9, 1, "clave_repetida", "fundacion: la clave está repetida (ya aparece en la línea 8).")
    ],
    "coordenada-coma.yml": [
        (
            17,
            22,
            "coordenada",
            "sedes[1].ubicacion.lat: «-26,815» no es un número decimal (usá punto, por ejemplo -26.83).",
        )
    ],
    "coordenada-sin-signo.yml": [
        (
            17,
            22,
            "coordenada_fuera",
            "sedes[1].ubicacion.lat: 26.815 está fuera del municipio (-26.9 a -26.75); ¿falta el signo menos?",
        )
    ],
    "coordenadas-invertidas.yml": [
        (
            17,
            22,
            "coordenada_fuera",
            "sedes[1].ubicacion.lat: -65.217 está fuera del municipio (-26.9 a -26.75); ¿latitud y longitud están invertidas?",
        ),
        (
            17,
            36,
            "coordenada_fuera",
            "sedes[1].ubicacion.lon: -26.815 está fuera del municipio (-65.3 a -65.15); ¿latitud y longitud están invertidas?",
        ),
    ],
    "cuit-digito.yml": [
        (
            10,
            9,
            "cuit_digito",
            "identificadores.cuit: el CUIT «30-71234567-2» no es válido: el dígito verificador debería ser 1.",
        )
    ],
    "cuit-formato.yml": [
        (
            10,
            9,
            "cuit_formato",
            "identificadores.cuit: «30-7123-1» no tiene el formato de CUIT NN-NNNNNNNN-N.",
        )
    ],
    "email-invalido.yml": [
        (21, 10, "email", "contacto.email: «contacto(at)ejemplo.org.ar» no es un correo electrónico válido.")
    ],
    "estado-invalido.yml": [
        (8, 9, "opcion", "estado: «cerrada» no es válido; se espera «activa» o «inactiva».")
    ],
    "etiqueta-python.yml": [
        (3, 8, "etiqueta", "no se admiten etiquetas de YAML como «!!python/object:os.system»; quitala.")
    ],
    "fundacion-antigua.yml": [
        (8, 12, "anio", "fundacion: «1700» no es un año (1850 a 2026) ni una fecha AAAA-MM-DD.")
    ],
    "fundacion-futura.yml": [(8, 12, "fecha_futura", "fundacion: la fecha 2031-01-01 está en el futuro.")],
    "lista-arriba.yml": [
        (1, 1, "tipo_objeto", "se esperaba un grupo de campos (clave: valor) y hay una lista.")
    ],
    "necesidad-desconocida.yml": [
        (25, 11, "vocabulario", "necesidades[1].tipo: «plata» no es un tipo de necesidad válido.")
    ],
    "necesidad-sin-descripcion.yml": [
        (25, 5, "requerido", "necesidades[1].descripcion: falta este dato obligatorio.")
    ],
    "no-utf8.yml": [(1, 17, "no_utf8", "el archivo no está en UTF-8; guardalo con codificación UTF-8.")],
    "nombre-corto.yml": [(2, 9, "muy_corto", "nombre: tiene 2 caracteres; el mínimo es 3.")],
    "nombre-falta.yml": [(2, 1, "requerido", "nombre: falta este dato obligatorio.")],
    "ods-fuera.yml": [(13, 10, "rango", "ods[2]: 18 está fuera del rango permitido (1 a 17).")],
    "ods-texto.yml": [(13, 10, "entero", "ods[2]: «dos» no es un número entero.")],
    "programa-desconocido.yml": [
        (31, 13, "programa", "programas[1]: «programa-inexistente» no es un programa conocido.")
    ],
    "redes-desconocida.yml": [
        (
            25,
            5,
            "clave_desconocida",
            "contacto.redes.facebok: «facebok» no es un campo válido; ¿quisiste decir «facebook»?",
        )
    ],
    "referente-sin-consentimiento.yml": [
        (
            30,
            21,
            "consentimiento",
            "referentes[1].consentimiento: solo se publica una persona con «consentimiento: true» registrado.",
        )
    ],
    "resumen-largo.yml": [(5, 10, "muy_largo", "resumen: tiene 281 caracteres; el máximo es 280.")],
    "sin-contacto.yml": [
        (
            2,
            1,
            "sin_contacto",
            "falta una forma de llegar a la organización: agregá una sede con dirección o un dato de "
            "contacto (correo, teléfono, web o redes).",
        )
    ],
    "sigla-larga.yml": [(3, 8, "muy_largo", "sigla: tiene 35 caracteres; el máximo es 20.")],
    "sintaxis-dos-puntos.yml": [
        (
            5,
            15,
            "yaml_invalido",
            "YAML inválido: aparece «:» donde no se espera; si el texto lleva dos puntos, ponelo entre comillas.",
        )
    ],
    "tabulacion.yml": [(10, 1, "tabulacion", "hay una tabulación en la sangría; YAML solo admite espacios.")],
    "telefono-invalido.yml": [
        (
            22,
            28,
            "telefono",
            "contacto.telefonos[2]: «llamar a la tarde» no parece un teléfono (se esperan entre 6 y 15 dígitos).",
        )
    ],
    "tipo-desconocido.yml": [
        (4, 7, "vocabulario", "tipo: «asociación» no es un tipo válido; ¿quisiste decir «asociacion-civil»?")
    ],
    "ubicacion-incompleta.yml": [
        (17, 16, "requerido", "sedes[1].ubicacion.lon: falta este dato obligatorio.")
    ],
    "vacio.yml": [(1, 1, "archivo_vacio", "el archivo está vacío.")],
    "necesidad-desde-invalida.yml": [
        (
            27,
            12,
            "fecha",
            "necesidades[1].desde: «2026-13-01» no es una fecha válida; usá el formato AAAA-MM-DD.",
        )
    ],
    "sucesora-desconocida.yml": [
        (
            6,
            11,
            "sucesora_desconocida",
            "sucesora: «merendero-los-girasol» no es otra organización del directorio; ¿quisiste decir «merendero-los-girasoles» o «merendero-rayito-de-sol»?",
        )
    ],
    "verificado-invalido.yml": [
        (31, 13, "fecha", "verificado: «01/10/2026» no es una fecha válida; usá el formato AAAA-MM-DD.")
    ],
    "web-javascript.yml": [
        (
            23,
            8,
            "url",
            "contacto.web: «javascript:alert(1)» no es un enlace válido; debe empezar con https:// o http://.",
        )
    ],
    "web-sin-esquema.yml": [
        (
            23,
            8,
            "url",
            "contacto.web: «ejemplo.org.ar» no es un enlace válido; debe empezar con https:// o http://.",
        )
    ],
}


@pytest.fixture(scope="module")
def reported() -> dict[str, list[tuple]]:
    result = subprocess.run(
        [sys.executable, "-m", "cmosc.cli.main", "validar", "--formato", "json", str(CASES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    found: dict[str, list[tuple]] = {}
    for item in json.loads(result.stdout):
        campo = item["campo"] + ": " if item["campo"] else ""
        found.setdefault(Path(item["archivo"]).name, []).append(
            (item["linea"], item["columna"], item["codigo"], campo + item["mensaje"])
        )
    return found


def test_valid_base_has_no_errors(reported):
    assert "valido.yml" not in reported


def test_every_fixture_has_an_expectation():
    fixtures = {p.name for p in CASES.glob("*.yml")} - {"valido.yml"}
    assert fixtures == set(EXPECTED), "fixtures and EXPECTED disagree"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_errors(reported, name):
    assert sorted(reported.get(name, [])) == EXPECTED[name]
