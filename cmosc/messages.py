"""Catalogue of validation messages: stable code → Spanish template and explanation.

Checks only name a code and its values; the wording lives here, once, and the
staff guide's "qué significa este error" page is generated from this table. Every
`Diagnostic` is built by `profiles.located.located`, which words it from here, so a
code missing from this table cannot reach staff (tests/unit/test_messages.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    template: str
    explanation: str


CATALOG: dict[str, Message] = {
    # Reading the file (loader.py): problems before any field can be checked.
    "archivo_ilegible": Message(
        "no se pudo leer el archivo ({motivo}).",
        "El archivo no existe, no tiene permiso de lectura o está dañado.",
    ),
    "archivo_grande": Message(
        "el archivo pesa {peso} bytes; el máximo es {maximo}.",
        "Un perfil ocupa unos pocos KB; un archivo tan grande suele ser otro archivo guardado con este nombre.",
    ),
    "no_utf8": Message(
        "el archivo no está en UTF-8; guardalo con codificación UTF-8.",
        "Los archivos se guardan en UTF-8 para que las tildes y la ñ se lean igual en todas las computadoras.",
    ),
    "yaml_invalido": Message(
        "YAML inválido: {problema}",
        "El archivo no se puede leer como YAML; el mensaje dice qué falta o sobra en esa línea (sangría, «:», comillas).",
    ),
    "archivo_vacio": Message("el archivo está vacío.", "El perfil no tiene ningún campo."),
    "tabulacion": Message(
        "hay una tabulación en la sangría; YAML solo admite espacios.",
        "Reemplazá la tabulación del comienzo de la línea por espacios.",
    ),
    "alias": Message(
        "no se admiten alias de YAML (*nombre); escribí el valor completo.",
        "Un alias repite un valor de otra parte del archivo; se escribe completo para que cada dato se lea donde está.",
    ),
    "ancla": Message(
        "no se admiten anclas de YAML (&nombre); escribí el valor completo.",
        "Las anclas solo sirven para los alias, que no se admiten.",
    ),
    "anidamiento": Message(
        "el archivo anida más de {maximo} niveles.",
        "Ningún campo del perfil tiene tantos niveles; suele ser una sangría o corchetes de más.",
    ),
    "etiqueta": Message(
        "no se admiten etiquetas de YAML como «{etiqueta}»; quitala.",
        "Las etiquetas («!!…») cambian cómo se lee un valor; el esquema ya decide el tipo de cada campo.",
    ),
    "clave_invalida": Message(
        "las claves deben ser texto simple.",
        "Una clave (lo que va antes de «:») no puede ser una lista ni un grupo.",
    ),
    "clave_repetida": Message(
        "la clave está repetida (ya aparece en la línea {linea}).",
        "Un campo aparece dos veces en el mismo grupo; solo valdría uno, así que se pide dejar uno solo.",
    ),
    # Checking the fields (validator.py, checks.py) and the data set (catalog.py).
    "requerido": Message("falta este dato obligatorio.", "El campo es obligatorio y no está en el archivo."),
    "sin_contacto": Message(
        "falta una forma de llegar a la organización: agregá una sede con dirección o un dato de "
        "contacto (correo, teléfono, web o redes).",
        "Para publicar un perfil alcanzan el nombre, el tipo y una forma de encontrarla: una dirección o un contacto.",
    ),
    "clave_desconocida": Message(
        "«{clave}» no es un campo válido{sugerencia}.",
        "El campo no existe en el esquema; suele ser un error de tipeo. Se rechaza para no perder datos en silencio.",
    ),
    "tipo_objeto": Message(
        "se esperaba un grupo de campos (clave: valor) y hay {hay}.",
        "Este campo agrupa otros campos con sangría debajo.",
    ),
    "tipo_lista": Message(
        "se esperaba una lista (líneas que empiezan con «- ») y hay {hay}.",
        "Este campo es una lista de valores.",
    ),
    "tipo_texto": Message("se esperaba un texto y hay {hay}.", "Este campo es un texto simple."),
    "caracter_invisible": Message(
        "el texto tiene un carácter de control invisible ({codigo}); borralo y volvé a escribir esa parte.",
        "Suele venir de copiar y pegar desde un PDF o una planilla; rompe los archivos de datos abiertos.",
    ),
    "vacio": Message("el valor está vacío.", "Si no hay dato, borrá la línea completa."),
    "muy_corto": Message("tiene {largo} caracteres; el mínimo es {minimo}.", "El texto es demasiado corto."),
    "muy_largo": Message("tiene {largo} caracteres; el máximo es {maximo}.", "El texto es demasiado largo."),
    "vocabulario": Message(
        "«{valor}» no es {articulo}{sugerencia}.",
        "Los valores válidos están en la carpeta `vocabularios/`; se acepta el identificador o el nombre, con o sin tildes.",
    ),
    "opcion": Message(
        "«{valor}» no es válido; se espera {opciones}.", "Solo se admiten los valores indicados."
    ),
    "entero": Message("«{valor}» no es un número entero.", "Se espera un número sin decimales."),
    "rango": Message(
        "{valor} está fuera del rango permitido ({minimo} a {maximo}).",
        "El número no está entre los límites permitidos.",
    ),
    "booleano": Message(
        "«{valor}» no es sí/no; escribí true o false.", "Se espera `true` (sí) o `false` (no)."
    ),
    "fecha": Message(
        "«{valor}» no es una fecha válida; usá el formato AAAA-MM-DD.",
        "Las fechas se escriben año-mes-día, por ejemplo 2026-10-01.",
    ),
    "fecha_futura": Message(
        "la fecha {valor} está en el futuro.",
        "Una fecha de verificación o fundación no puede ser posterior a hoy.",
    ),
    "anio": Message(
        "«{valor}» no es un año ({minimo} a {maximo}) ni una fecha AAAA-MM-DD.",
        "Se espera un año o una fecha completa.",
    ),
    "cuit_formato": Message(
        "«{valor}» no tiene el formato de CUIT NN-NNNNNNNN-N.",
        "El CUIT tiene 11 dígitos; los guiones son opcionales.",
    ),
    "cuit_digito": Message(
        "el CUIT «{valor}» no es válido: el dígito verificador debería ser {esperado}.",
        "El último dígito del CUIT se calcula con los anteriores (módulo 11); probablemente hay un dígito mal copiado.",
    ),
    "email": Message(
        "«{valor}» no es un correo electrónico válido.",
        "Se espera una dirección como contacto@organizacion.org.ar.",
    ),
    "url": Message(
        "«{valor}» no es un enlace válido; debe empezar con https:// o http://.",
        "Solo se publican enlaces web http o https.",
    ),
    "telefono": Message(
        "«{valor}» no parece un teléfono (se esperan entre 6 y 15 dígitos).",
        "Escribí el número con característica, por ejemplo 0381 421-3456 o +54 9 381 555-0123.",
    ),
    "coordenada": Message(
        "«{valor}» no es un número decimal (usá punto, por ejemplo -26.83).",
        "Las coordenadas son números decimales con punto.",
    ),
    "coordenada_fuera": Message(
        "{valor} está fuera del municipio ({minimo} a {maximo}){pista}.",
        "La ubicación debe caer dentro de la ciudad; revisá el signo y que latitud y longitud no estén invertidas.",
    ),
    "consentimiento": Message(
        "solo se publica una persona con «consentimiento: true» registrado.",
        "Por la Ley 25.326 de protección de datos personales, un nombre se publica solo con consentimiento.",
    ),
    "programa": Message(
        "«{valor}» no es un programa conocido{sugerencia}.",
        "Los programas son los archivos de `content/programas/`.",
    ),
    "slug": Message(
        "«{valor}» no es un identificador válido: minúsculas sin tildes, números y guiones simples, hasta {maximo} caracteres.",
        "Los identificadores se usan en las direcciones web.",
    ),
    "nombre_archivo": Message(
        "el nombre de archivo «{valor}» no sirve como identificador: usá minúsculas sin tildes, números y guiones simples (hasta {maximo} caracteres).",
        "El nombre del archivo es la dirección permanente de la organización.",
    ),
    "repetido": Message("«{valor}» está repetido en la lista.", "Cada valor debe aparecer una sola vez."),
    "logo_falta": Message(
        "no existe el archivo de logo «{valor}».", "La ruta es relativa a la carpeta `organizaciones/`."
    ),
    "logo_formato": Message(
        "«{valor}» no es una imagen PNG, JPG o WebP válida.", "Solo se aceptan imágenes PNG, JPG o WebP."
    ),
    "logo_grande": Message(
        "el logo pesa {peso} KB; el máximo es {maximo} KB.", "Reducí la imagen antes de subirla."
    ),
    "logo_dimensiones": Message(
        "el logo mide {ancho}×{alto} px; cada lado debe medir entre {minimo} y {maximo} px.",
        "Usá una imagen cuadrada o apaisada de unos 500 px de lado; se publica reducida a 256 px.",
    ),
    "sucesora_desconocida": Message(
        "«{valor}» no es otra organización del directorio{sugerencia}.",
        "La sucesora se escribe con el identificador de su archivo en `organizaciones/`, sin `.yml`.",
    ),
    "redireccion_duplicada": Message(
        "«{valor}» ya es {uso}.",
        "Una dirección vieja solo puede apuntar a una organización y no puede ser la de otra vigente.",
    ),
    "id_duplicado": Message(
        "el identificador «{valor}» ya está en la línea {linea}.",
        "Los identificadores de un vocabulario son únicos.",
    ),
    "nombre_duplicado": Message(
        "el nombre «{valor}» ya está en la línea {linea}.", "Dos valores no pueden tener el mismo nombre."
    ),
    "vocabulario_no_lista": Message(
        "un vocabulario es una lista de valores «- id: … nombre: …».",
        "Cada valor del vocabulario empieza con «- id:» y lleva su «nombre:» debajo.",
    ),
    # vocabularios/sinonimos.yml (profiles/synonyms.py).
    "sinonimos_no_lista": Message(
        "los sinónimos son una lista de grupos «- [comedor, merendero, olla popular]».",
        "Cada renglón que empieza con «- [» es un grupo de palabras que quieren decir lo mismo.",
    ),
    "sinonimos_grupo_no_lista": Message(
        "un grupo de sinónimos es una lista entre corchetes: «- [guardería, jardín maternal]».",
        "Las palabras del grupo van entre corchetes y separadas por comas.",
    ),
    "sinonimos_grupo_corto": Message(
        "un grupo de sinónimos necesita al menos dos palabras o frases.",
        "Un grupo une palabras distintas que quieren decir lo mismo; con una sola no une nada.",
    ),
    "sinonimo_invalido": Message(
        "cada sinónimo es una palabra o frase de hasta {maximo} caracteres, con letras o números.",
        "Revisá que no haya comas de más ni un elemento vacío en el grupo.",
    ),
    "sinonimo_repetido": Message(
        "«{valor}» ya está en la línea {linea}.",
        "Una palabra o frase va en un solo grupo; si dos grupos la comparten, uní los grupos.",
    ),
    # Metadata of trainings and programs (content_check.py).
    "fecha_hora": Message(
        "«{valor}» no es una fecha válida; usá AAAA-MM-DD o AAAA-MM-DDTHH:MM.",
        "El comienzo y el fin de una capacitación llevan fecha y, si se quiere, hora: 2026-09-15T18:00.",
    ),
    "enlace": Message(
        "«{valor}» no es un enlace válido; debe empezar con https://, http:// o mailto:.",
        "La inscripción es una dirección web o un correo (mailto:inscripciones@ejemplo.org.ar).",
    ),
    "sesion_invalida": Message(
        "«{valor}» no es una sesión válida; usá AAAA-MM-DDTHH:MM/HH:MM, por ejemplo 2026-09-15T18:00/20:00.",
        "Cada encuentro de «Sesiones:» es fecha y hora de inicio, una barra y la hora de fin, en hora de Tucumán.",
    ),
    "sesion_al_reves": Message(
        "la sesión «{valor}» termina antes de empezar.", "La hora de fin va después de la de inicio."
    ),
    "sin_sesiones": Message(
        "no hay ninguna sesión; separalas con comas.",
        "«Sesiones:» lista los encuentros separados por comas: 2026-09-15T18:00/20:00, 2026-09-22T18:00/20:00.",
    ),
    "sesiones_e_inicio": Message(
        "con «Sesiones» no hacen falta «Inicio» ni «Fin»: borralos (la primera sesión es el inicio).",
        "Una capacitación de varios encuentros se describe solo con «Sesiones:».",
    ),
    "direccion_falta": Message(
        "una capacitación {modalidad} necesita «Direccion:» (calle y número del lugar).",
        "La dirección aparece en la página y en el calendario; sin ella nadie sabe adónde ir.",
    ),
    "horario_ilegible": Message(
        "no se pudo leer el horario «{valor}» ({motivo}); se publica tal como está escrito, "
        "sin «abierto ahora». Por ejemplo: «lunes a viernes de 9 a 13 y de 16 a 20».",
        "Es una advertencia, no un error: el perfil se publica igual. Los horarios se leen como días "
        "y franjas («martes y jueves de 17 a 19», «primer lunes de cada mes a las 20», «último "
        "sábado del mes de 10 a 19», «cerrado en enero»); lo que no se entiende se muestra como "
        "está escrito y el sitio no puede decir si está abierto.",
    ),
    "vocabulario_falta": Message(
        "falta el vocabulario obligatorio «{valor}».", "La carpeta `vocabularios/` debe tener este archivo."
    ),
}

ARTICULOS = {
    "tipos": "un tipo válido",
    "areas": "un área válida",
    "poblaciones": "una población válida",
    "necesidades": "un tipo de necesidad válido",
    "barrios": "un barrio válido",
}


def format_message(code: str, **values) -> str:
    # A suggestion ends in «?»; the template's final period would then be doubled.
    return CATALOG[code].template.format(**values).replace("?.", "?")


def suggestion(options: list[str]) -> str:
    """Turn close matches into «; ¿quisiste decir «x»?» (or nothing)."""
    if not options:
        return ""
    quoted = " o ".join(f"«{o}»" for o in options[:3])
    return f"; ¿quisiste decir {quoted}?"
