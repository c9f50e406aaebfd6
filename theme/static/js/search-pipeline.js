/*!
 * CMOSC — pipeline de búsqueda en español para lunr.js 2.3.9.
 *
 * Es el gemelo de cmosc/search/pipeline.py: mismo procesamiento, mismas
 * etiquetas de funciones de pipeline. tests/test_busqueda_pipeline.py pasa la
 * misma lista de palabras por los dos lados y exige resultados idénticos.
 *
 * Requiere, cargados ANTES (sin build, como <script> comunes):
 *   vendor/lunr/lunr.min.js
 *   vendor/lunr-languages/lunr.stemmer.support.js
 *   vendor/lunr-languages/lunr.es.js      (sólo se usa su stemmer Snowball)
 *
 * En el navegador expone window.CMOSCBusqueda. En Node (tests):
 *   var api = require('.../search-pipeline.js')(lunr)
 *
 * Uso:
 *   fetch(urlDelIndice).then(r => r.json()).then(function (json) {
 *     var indice = CMOSCBusqueda.loadIndex(json)        // lunr.Index
 *     CMOSCBusqueda.buscar(indice, 'comedores ninos')   // [{ref: slug, score, matchData}]
 *   })
 *
 * Las palabras vacías NO están en este archivo: llegan dentro del índice
 * (json.pipeline), generadas desde cmosc/search/stopwords_es.txt.
 */
(function (raiz, fabrica) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = fabrica
  } else {
    raiz.CMOSCBusqueda = fabrica(raiz.lunr)
  }
}(typeof self !== 'undefined' ? self : this, function (lunr) {
  'use strict'

  if (!lunr || !lunr.Pipeline || !lunr.Index) {
    throw new Error('CMOSCBusqueda: falta lunr.js (cargar vendor/lunr/lunr.min.js antes)')
  }
  if (!lunr.es || typeof lunr.es.stemmer !== 'function') {
    throw new Error('CMOSCBusqueda: falta el stemmer español (cargar ' +
      'vendor/lunr-languages/lunr.stemmer.support.js y lunr.es.js antes)')
  }

  var VERSION_PIPELINE = 1
  var FORMATO = 1
  var FORMATO_COMPACTO = 2
  var ETIQUETAS = {
    separar: 'cmosc-es-separar',
    vacias: 'cmosc-es-vacias',
    raices: 'cmosc-es-raices'
  }
  var CAMPOS_SIN_VACIAS = { sigla: true }

  var RE_FORMATO = /\p{Cf}/gu
  var RE_SEPARADOR = /[^\p{L}\p{N}\p{M}.]+/gu
  var RE_PUNTOS = /\./g
  var RE_MARCAS = /\p{Mn}/gu
  var RE_ASCII = /^[\x00-\x7f]*$/
  // Todo carácter < U+0250 (sin flag u: un par sustituto nunca coincide).
  var RE_LATINO = /^[\x00-\u024f]*$/
  var RE_LETRAS_ASCII = /^[A-Za-z]{3,}$/

  var vacias = null // Object.create(null) con las palabras vacías plegadas

  // ------------------------------------------------------------------
  // Normalización y división en palabras (= pipeline.py)
  // ------------------------------------------------------------------

  function normalizar (texto) {
    return texto.normalize('NFKC').toLowerCase().normalize('NFKC')
  }

  function dividir (texto) {
    if (texto === null || texto === undefined || texto === '') return []
    var partes = normalizar(String(texto))
      .replace(RE_FORMATO, '')
      .replace(RE_SEPARADOR, ' ')
      .split(' ')
    var palabras = []
    for (var i = 0; i < partes.length; i++) {
      var parte = partes[i]
      if (parte.indexOf('.') !== -1) parte = parte.replace(RE_PUNTOS, '')
      if (parte) palabras.push(parte)
    }
    return palabras
  }

  // ------------------------------------------------------------------
  // Plegado, raíces y variantes
  // ------------------------------------------------------------------

  function plegar (palabra) {
    if (RE_ASCII.test(palabra)) return palabra
    return palabra.normalize('NFD').replace(RE_MARCAS, '').normalize('NFC')
  }

  function restaurar (palabra) {
    var n = palabra.length
    if (n >= 5) {
      var final = palabra.slice(n - 5)
      if (final === 'acion') return palabra.slice(0, n - 5) + 'ación'
      if (final === 'ucion') return palabra.slice(0, n - 5) + 'ución'
    }
    return palabra
  }

  function raiz (palabra) {
    if (!palabra || !RE_LATINO.test(palabra)) return palabra
    // Con un string (no un lunr.Token) el stemmer de lunr.es devuelve string.
    return lunr.es.stemmer(restaurar(palabra))
  }

  function pluralizar (palabra) {
    if (!RE_LETRAS_ASCII.test(palabra)) return palabra
    var final = palabra.charAt(palabra.length - 1)
    if ('aeiousx'.indexOf(final) !== -1) return palabra
    if (final === 'z') return palabra.slice(0, -1) + 'ces'
    return palabra + 'es'
  }

  var cache = Object.create(null)
  var tamCache = 0

  function variantes (palabra) {
    var guardado = cache[palabra]
    if (guardado) return guardado
    var plegada = plegar(palabra)
    var a = plegar(raiz(palabra))
    var b = plegada === palabra ? a : plegar(raiz(plegada))
    var plural = pluralizar(plegada)
    var c = plural === plegada ? b : plegar(raiz(plural))
    var resultado = []
    var candidatos = [a, b, c]
    for (var i = 0; i < candidatos.length; i++) {
      var t = candidatos[i]
      if (t && resultado.indexOf(t) === -1) resultado.push(t)
    }
    if (tamCache >= 100000) { cache = Object.create(null); tamCache = 0 }
    cache[palabra] = resultado
    tamCache++
    return resultado
  }

  function exigirConfiguracion () {
    if (!vacias) {
      throw new Error('CMOSCBusqueda: pipeline sin configurar; usar loadIndex(json) ' +
        'o configurar(json.pipeline) primero')
    }
  }

  function esVacia (palabra) {
    exigirConfiguracion()
    return vacias[plegar(palabra)] === true
  }

  // ------------------------------------------------------------------
  // API de alto nivel (= tokens / query_groups / query_tokens de Python)
  // ------------------------------------------------------------------

  function tokens (texto, campo) {
    exigirConfiguracion()
    var filtrar = !(campo && CAMPOS_SIN_VACIAS[campo] === true)
    var palabras = dividir(texto)
    var resultado = []
    for (var i = 0; i < palabras.length; i++) {
      if (filtrar && vacias[plegar(palabras[i])] === true) continue
      var lista = variantes(palabras[i])
      for (var j = 0; j < lista.length; j++) resultado.push(lista[j])
    }
    return resultado
  }

  function queryGroups (texto) {
    exigirConfiguracion()
    var palabras = dividir(texto)
    var utiles = palabras.filter(function (p) { return vacias[plegar(p)] !== true })
    if (!utiles.length) utiles = palabras
    var grupos = []
    var vistos = Object.create(null)
    for (var i = 0; i < utiles.length; i++) {
      var grupo = variantes(utiles[i])
      var clave = grupo.join('\u0000')
      if (grupo.length && !vistos[clave]) {
        vistos[clave] = true
        grupos.push(grupo.slice())
      }
    }
    return grupos
  }

  function queryTokens (texto) {
    var vistos = Object.create(null)
    var resultado = []
    queryGroups(texto).forEach(function (grupo) {
      grupo.forEach(function (t) {
        if (!vistos[t]) { vistos[t] = true; resultado.push(t) }
      })
    })
    return resultado
  }

  // ------------------------------------------------------------------
  // Funciones del pipeline de lunr (mismas etiquetas que en Python)
  // ------------------------------------------------------------------

  function separar (token) {
    var texto = token.toString()
    var partes = dividir(texto)
    if (partes.length === 1 && partes[0] === texto) return token
    return partes.map(function (p) {
      return token.clone(function () { return p })
    })
  }

  function filtrarVacias (token) {
    exigirConfiguracion()
    return vacias[plegar(token.toString())] === true ? undefined : token
  }

  function raices (token) {
    var lista = variantes(token.toString())
    if (!lista.length) return undefined
    var clones = lista.slice(1).map(function (t) {
      return token.clone(function () { return t })
    })
    return [token.update(function () { return lista[0] })].concat(clones)
  }

  function registrar (funcion, etiqueta) {
    if (lunr.Pipeline.registeredFunctions[etiqueta] !== funcion) {
      lunr.Pipeline.registerFunction(funcion, etiqueta)
    }
  }
  registrar(separar, ETIQUETAS.separar)
  registrar(filtrarVacias, ETIQUETAS.vacias)
  registrar(raices, ETIQUETAS.raices)

  // ------------------------------------------------------------------
  // Índice
  // ------------------------------------------------------------------

  function configurar (config) {
    if (!config || config.version !== VERSION_PIPELINE) {
      throw new Error('CMOSCBusqueda: el índice usa la versión de pipeline ' +
        (config && config.version) + ' y este script la ' + VERSION_PIPELINE +
        ' (¿JS e índice de builds distintos?)')
    }
    var nuevas = Object.create(null)
    config.palabras_vacias.forEach(function (p) { nuevas[plegar(p)] = true })
    vacias = nuevas
  }

  // Repone lo que cmosc/search/index.py omite para achicar el JSON: los
  // campos sin documentos de cada posting (lunr.js los recorre con
  // Object.keys). Modifica el objeto recibido y lo devuelve.
  function expandir (lunrCompacto) {
    var campos = lunrCompacto.fields
    var invertido = lunrCompacto.invertedIndex
    for (var i = 0; i < invertido.length; i++) {
      var posting = invertido[i][1]
      for (var j = 0; j < campos.length; j++) {
        if (!posting[campos[j]]) posting[campos[j]] = {}
      }
    }
    return lunrCompacto
  }

  // Formato 2 (cmosc/search/compact.py): sólo postings; los vectores de
  // cada campo se calculan acá con la fórmula BM25 de lunr.Builder
  // (createFieldVectors, k1 = 1.2, b = 0.75, 3 decimales). Devuelve el índice
  // tal como lo serializa lunr. Es el gemelo de a_lunr() en Python.
  var K1 = 1.2
  var BM25_B = 0.75

  function desempaquetar (json) {
    var campos = json.campos.map(function (c) { return c[0] })
    var boosts = json.campos.map(function (c) { return c[1] })
    var n = json.documentos
    var terminos = json.terminos
    var refs = new Array(n)
    var i, j, k
    for (i = 0; i < n; i++) refs[i] = i.toString(36)
    // Largo de cada campo por documento (= suma de frecuencias) y promedio.
    var largos = campos.map(function () { return new Float64Array(n) })
    for (i = 0; i < terminos.length; i++) {
      var fila = terminos[i]
      for (j = 1; j < fila.length; j += 2) {
        var largo = largos[fila[j]]
        var deltas = fila[j + 1]
        var pos = 0
        for (k = 0; k < deltas.length; k++) { pos += deltas[k]; largo[pos]++ }
      }
    }
    var promedios = largos.map(function (largo) {
      var total = 0
      for (var d = 0; d < n; d++) total += largo[d]
      return n ? total / n : 0
    })
    // Vectores por campo y documento: [índice, peso, índice, peso…], en
    // orden de término (= orden de inserción).
    var vectores = campos.map(function () { return new Array(n) })
    var invertido = new Array(terminos.length)
    var vacio = {} // lunr sólo lee estos metadatos (MatchData los copia)
    var docs = []
    var tfs = []
    for (i = 0; i < terminos.length; i++) {
      var fila2 = terminos[i]
      var conTermino = 0
      var porCampo = []
      for (j = 1; j < fila2.length; j += 2) {
        // Decodifica deltas: un 0 tras el primero repite el documento (tf + 1).
        var lista = fila2[j + 1]
        var ds = []
        var fs = []
        var p = 0
        for (k = 0; k < lista.length; k++) {
          p += lista[k]
          if (ds.length && ds[ds.length - 1] === p) fs[fs.length - 1]++
          else { ds.push(p); fs.push(1) }
        }
        conTermino += ds.length
        porCampo.push(fila2[j], ds, fs)
      }
      var x = (n - conTermino + 0.5) / (conTermino + 0.5)
      var idf = Math.log(1 + Math.abs(x))
      var posting = { _index: i }
      for (j = 0; j < campos.length; j++) posting[campos[j]] = {}
      for (j = 0; j < porCampo.length; j += 3) {
        var f = porCampo[j]
        docs = porCampo[j + 1]
        tfs = porCampo[j + 2]
        var enCampo = posting[campos[f]]
        var largoF = largos[f]
        var promedio = promedios[f]
        var boost = boosts[f]
        var vectoresF = vectores[f]
        for (k = 0; k < docs.length; k++) {
          var doc = docs[k]
          var tf = tfs[k]
          enCampo[refs[doc]] = vacio
          var peso = idf * ((K1 + 1) * tf) /
            (K1 * (1 - BM25_B + BM25_B * (largoF[doc] / promedio)) + tf) * boost
          ;(vectoresF[doc] || (vectoresF[doc] = [])).push(i, Math.round(peso * 1000) / 1000)
        }
      }
      invertido[i] = [fila2[0], posting]
    }
    var serializados = []
    for (j = 0; j < campos.length; j++) {
      for (k = 0; k < n; k++) {
        if (vectores[j][k]) serializados.push([campos[j] + '/' + refs[k], vectores[j][k]])
      }
    }
    return {
      version: lunr.version,
      fields: campos,
      fieldVectors: serializados,
      invertedIndex: invertido,
      pipeline: [ETIQUETAS.separar, ETIQUETAS.vacias, ETIQUETAS.raices]
    }
  }

  function loadIndex (json) {
    if (typeof json === 'string') json = JSON.parse(json)
    if (!json || (json.formato !== FORMATO && json.formato !== FORMATO_COMPACTO)) {
      throw new Error('CMOSCBusqueda: formato de índice desconocido: ' + (json && json.formato))
    }
    configurar(json.pipeline)
    if (json.formato === FORMATO_COMPACTO) {
      // Sin slugs: ref = posición del documento en base 36.
      return lunr.Index.load(desempaquetar(json))
    }
    var indice = lunr.Index.load(expandir(json.lunr))
    indice.cmoscDocumentos = json.documentos
    return indice
  }

  function slug (indice, ref) {
    var documentos = indice.cmoscDocumentos
    return documentos ? documentos[parseInt(ref, 36)] : ref
  }

  // Búsqueda para texto escrito por una persona: no pasa por el parser de
  // consultas de lunr (que trata ":", "^", "~", "*", "+", "-" como sintaxis y
  // lanza QueryParseError con entradas como "niños:"). Cada palabra aporta
  // sus variantes como términos opcionales; con {todas: true} sólo quedan los
  // documentos que coinciden con TODAS las palabras (en alguna variante).
  function buscar (indice, texto, opciones) {
    var grupos = queryGroups(texto)
    if (!grupos.length) return []
    var resultados = indice.query(function (q) {
      grupos.forEach(function (grupo) {
        grupo.forEach(function (t) { q.term(t, { usePipeline: false }) })
      })
    })
    if (opciones && opciones.todas) {
      resultados = resultados.filter(function (r) {
        var encontrados = r.matchData.metadata
        return grupos.every(function (grupo) {
          return grupo.some(function (t) {
            return Object.prototype.hasOwnProperty.call(encontrados, t)
          })
        })
      })
    }
    return resultados.map(function (r) {
      return { ref: slug(indice, r.ref), score: r.score, matchData: r.matchData }
    })
  }

  return {
    VERSION_PIPELINE: VERSION_PIPELINE,
    ETIQUETAS: ETIQUETAS,
    normalizar: normalizar,
    dividir: dividir,
    plegar: plegar,
    fold: plegar,
    restaurar: restaurar,
    raiz: raiz,
    pluralizar: pluralizar,
    variantes: function (p) { return variantes(p).slice() },
    esVacia: esVacia,
    tokens: tokens,
    queryGroups: queryGroups,
    queryTokens: queryTokens,
    configurar: configurar,
    expandir: expandir,
    desempaquetar: desempaquetar,
    loadIndex: loadIndex,
    slug: slug,
    buscar: buscar,
    funciones: { separar: separar, filtrarVacias: filtrarVacias, raices: raices }
  }
}))
