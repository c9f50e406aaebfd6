/*!
 * CMOSC — /buscar/: instant search with facets, no framework.
 *
 * Data (cmosc/search/tiers.py) is fetched only when needed (focus on the
 * box, a facet, or the page opened with ?q= or facets), in shards of up to
 * 2500 organizations:
 *   1. documentos-0.json + nombres-0.json → first results;
 *   2. the other shards' documentos-K + nombres-K, then every texto-K
 *      (descriptions, activities): the query runs again and results merge.
 * State lives in the URL (?q=&tipo=&area=&barrio=&poblacion=&necesidad=&ods=).
 */
(function () {
  'use strict'

  var form = document.getElementById('busqueda')
  if (!form || !window.CMOSCBusqueda || !window.lunr) return
  var B = window.CMOSCBusqueda
  var lunr = window.lunr

  var PARAMS = ['tipo', 'area', 'barrio', 'poblacion', 'necesidad', 'ods']
  var POR_PAGINA = 40
  var ESPERA_MS = 120

  var input = document.getElementById('q')
  var estado = document.getElementById('estado')
  var aviso = document.getElementById('aviso')
  var lista = document.getElementById('resultados')
  var mas = document.getElementById('mas')
  var vacio = document.getElementById('vacio')
  var vacioFiltros = document.getElementById('vacio-filtros')
  var limpiar = document.getElementById('limpiar')
  var base = form.getAttribute('data-base') || '/'
  var colador = new Intl.Collator('es', { sensitivity: 'base' })

  // With JS the page works: hide the no-JS notice and the no-JS apply button.
  document.getElementById('sin-js').hidden = true
  var aplicar = form.querySelector('.busqueda__aplicar')
  if (aplicar) aplicar.hidden = true

  // One entry per shard: {documentos, nombres, texto} URLs (cmosc/search/tiers.py).
  var fragmentos = JSON.parse(document.getElementById('busqueda-archivos').textContent)
  var datos = null // {documentos, facetas, posiciones: {param: {id: i}}}
  var indices = [] // {indice: lunr.Index, desde: offset of its shard's rows}
  var desplazamientos = []
  var cargando = null
  var mostrados = POR_PAGINA
  var ultimo = null // last result list (positions)
  var tecleando = false
  var temporizador = null

  // ------------------------------------------------------------------
  // Lazy loading
  // ------------------------------------------------------------------

  function pedir (url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status)
      return r.json()
    })
  }

  function marcar (nombre) {
    if (window.performance && performance.mark) performance.mark(nombre)
  }

  // Shard k's cards and short-field index. Shards are loaded in order, so a
  // shard's rows go right after the previous ones: `desde` is its offset.
  function primerNivel (k) {
    return Promise.all([pedir(fragmentos[k].documentos), pedir(fragmentos[k].nombres)])
      .then(function (r) {
        if (k === 0) marcar('cmosc-indice-bajado')
        if (!datos) {
          var posiciones = {}
          PARAMS.forEach(function (p) {
            posiciones[p] = {}
            ;(r[0].facetas[p] || []).forEach(function (par, i) { posiciones[p][par[0]] = i })
          })
          datos = { documentos: [], facetas: r[0].facetas, posiciones: posiciones }
        }
        desplazamientos[k] = datos.documentos.length
        r[0].documentos.forEach(function (d) { datos.documentos.push(d) })
        indices.push({ indice: B.loadIndex(r[1]), desde: desplazamientos[k] })
      })
  }

  function textoCompleto (k) {
    return pedir(fragmentos[k].texto).then(function (json) {
      indices.push({ indice: B.loadIndex(json), desde: desplazamientos[k] })
    })
  }

  function refrescar () {
    if (hayConsulta(leerFormulario())) actualizar(true)
  }

  // After the first results: the other shards' first tier, then every
  // full-text tier, one at a time (each decode is a short main-thread task).
  function cargarResto () {
    var cadena = Promise.resolve()
    fragmentos.forEach(function (_, k) {
      if (k > 0) cadena = cadena.then(function () { return primerNivel(k) }).then(refrescar)
    })
    fragmentos.forEach(function (_, k) {
      cadena = cadena.then(function () { return textoCompleto(k) })
    })
    cadena.then(function () {
      form.setAttribute('data-texto-cargado', '')
      marcar('cmosc-texto-cargado')
      refrescar()
    }, function () { /* without the rest, search goes on with what loaded */ })
  }

  function cargar () {
    if (cargando) return cargando
    estado.textContent = 'Cargando el buscador…'
    cargando = primerNivel(0).then(function () {
      marcar('cmosc-indice-cargado')
      setTimeout(cargarResto, 0) // after the first results are shown
    })
    cargando.catch(function () {
      estado.textContent = 'No se pudo cargar el buscador. Revisá la conexión y recargá la página.'
      cargando = null
      datos = null
      indices = []
    })
    return cargando
  }

  // ------------------------------------------------------------------
  // State: form ↔ URL
  // ------------------------------------------------------------------

  function leerFormulario () {
    var filtros = {}
    PARAMS.forEach(function (p) {
      filtros[p] = Array.prototype.map.call(
        form.querySelectorAll('input[name="' + p + '"]:checked'), function (c) { return c.value })
    })
    return { q: input.value, filtros: filtros }
  }

  function leerURL () {
    var params = new URLSearchParams(window.location.search)
    var filtros = {}
    PARAMS.forEach(function (p) { filtros[p] = params.getAll(p) })
    return { q: params.get('q') || '', filtros: filtros }
  }

  function escribirFormulario (s) {
    input.value = s.q
    PARAMS.forEach(function (p) {
      form.querySelectorAll('input[name="' + p + '"]').forEach(function (c) {
        c.checked = s.filtros[p].indexOf(c.value) !== -1
      })
      // Closed by default (short page on phones); open where something is chosen.
      var faceta = form.querySelector('[data-faceta="' + p + '"]')
      if (faceta && s.filtros[p].length) faceta.open = true
    })
  }

  function aURL (s) {
    var params = new URLSearchParams()
    if (s.q.trim()) params.append('q', s.q.trim())
    PARAMS.forEach(function (p) { s.filtros[p].forEach(function (v) { params.append(p, v) }) })
    var texto = params.toString()
    return window.location.pathname + (texto ? '?' + texto : '')
  }

  function guardarURL (nueva) {
    var url = aURL(leerFormulario())
    if (url === window.location.pathname + window.location.search) return
    if (nueva) history.pushState(null, '', url)
    else history.replaceState(null, '', url)
  }

  function hayFiltros (s) {
    return PARAMS.some(function (p) { return s.filtros[p].length > 0 })
  }

  // «Cerca de mí» (search-nearby.js) alone lists every organization by distance.
  function hayConsulta (s) {
    return s.q.trim() !== '' || hayFiltros(s) || !!B.cercania
  }

  function metros (doc) {
    var m = B.cercania && B.cercania.distancias[doc.slug]
    return m === undefined ? Infinity : m
  }

  // ------------------------------------------------------------------
  // Text search
  // ------------------------------------------------------------------

  // Documents matching one group (the variants of one word) in any loaded
  // index: {position: score}. Typo mode allows edit distance 1 on terms ≥ 4.
  function buscarGrupo (grupo, prefijo, difusa) {
    var encontrados = {}
    indices.forEach(function (cargado) {
      cargado.indice.query(function (q) {
        grupo.forEach(function (t) {
          q.term(t, { usePipeline: false, editDistance: difusa && t.length >= 4 ? 1 : 0 })
        })
        if (prefijo) {
          q.term(prefijo, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 })
        }
      }).forEach(function (r) {
        var pos = cargado.desde + parseInt(r.ref, 36)
        encontrados[pos] = (encontrados[pos] || 0) + r.score
      })
    })
    return encontrados
  }

  // {position: score} of the documents with every word (any word with
  // modo.alguna), or null when the text has no searchable word.
  function buscarTexto (texto, modo) {
    var grupos = B.queryGroups(texto)
    if (!grupos.length) return null
    // While typing, the last word may be incomplete: also match it as a prefix.
    var palabras = B.dividir(texto)
    var ultima = palabras.length && !/\s$/.test(texto) ? B.plegar(palabras[palabras.length - 1]) : ''
    var porGrupo = grupos.map(function (grupo, i) {
      var prefijo = i === grupos.length - 1 && ultima.length >= 3 ? ultima : ''
      return buscarGrupo(grupo, prefijo, modo.difusa)
    })
    var total = {}
    porGrupo.forEach(function (encontrados) {
      Object.keys(encontrados).forEach(function (pos) {
        if (modo.alguna || porGrupo.every(function (g) { return pos in g })) {
          total[pos] = (total[pos] || 0) + encontrados[pos]
        }
      })
    })
    return total
  }

  // Exact words; if nothing matches, with typos; if still nothing, any of
  // the words. Returns {puntajes, modo}.
  function coincidencias (texto) {
    var exacta = buscarTexto(texto, {})
    if (exacta === null || Object.keys(exacta).length) return { puntajes: exacta, modo: 'exacta' }
    var difusa = buscarTexto(texto, { difusa: true })
    if (Object.keys(difusa).length) return { puntajes: difusa, modo: 'difusa' }
    if (B.queryGroups(texto).length > 1) {
      var alguna = buscarTexto(texto, { difusa: true, alguna: true })
      if (Object.keys(alguna).length) return { puntajes: alguna, modo: 'alguna' }
    }
    return { puntajes: {}, modo: 'nada' }
  }

  // ------------------------------------------------------------------
  // Facets
  // ------------------------------------------------------------------

  // Chosen value positions per parameter: {param: {i: true}} (active ones only).
  function elegidos (s) {
    var r = {}
    PARAMS.forEach(function (p) {
      if (!s.filtros[p].length) return
      r[p] = {}
      s.filtros[p].forEach(function (id) {
        var i = datos.posiciones[p][id]
        if (i !== undefined) r[p][i] = true
      })
    })
    return r
  }

  function cumple (doc, filtros, salvo) {
    for (var p in filtros) {
      if (p === salvo) continue
      var valores = doc[p] || []
      var alguno = false
      for (var k = 0; k < valores.length; k++) {
        if (filtros[p][valores[k]]) { alguno = true; break }
      }
      if (!alguno) return false
    }
    return true
  }

  // Disjunctive counts: each value is counted with the text and the OTHER
  // facets, so it shows what choosing it too would add.
  function actualizarCuentas (candidatos, filtros) {
    PARAMS.forEach(function (p) {
      var cuentas = {}
      candidatos.forEach(function (pos) {
        var doc = datos.documentos[pos]
        if (!cumple(doc, filtros, p)) return
        ;(doc[p] || []).forEach(function (i) { cuentas[i] = (cuentas[i] || 0) + 1 })
      })
      var faceta = form.querySelector('[data-faceta="' + p + '"]')
      if (!faceta) return
      var visibles = 0
      faceta.querySelectorAll('input[name="' + p + '"]').forEach(function (c) {
        var i = datos.posiciones[p][c.value]
        var n = (i !== undefined && cuentas[i]) || 0
        var opcion = c.closest('.faceta__opcion')
        opcion.querySelector('.faceta__cantidad').textContent = '(' + n + ')'
        opcion.hidden = n === 0 && !c.checked
        if (!opcion.hidden) visibles++
      })
      faceta.hidden = visibles === 0
    })
  }

  // ------------------------------------------------------------------
  // Results
  // ------------------------------------------------------------------

  function nombres (p, doc) {
    return (doc[p] || []).map(function (i) { return datos.facetas[p][i][1] })
  }

  function tarjeta (doc) {
    var li = document.createElement('li')
    li.className = 'resultado' + (doc.inactiva ? ' resultado--inactiva' : '')
    var titulo = document.createElement('h3')
    titulo.className = 'resultado__nombre'
    var enlace = document.createElement('a')
    enlace.href = base + 'organizaciones/' + doc.slug + '/'
    enlace.textContent = doc.nombre
    titulo.appendChild(enlace)
    if (doc.sigla) {
      var sigla = document.createElement('span')
      sigla.className = 'sigla'
      sigla.textContent = ' (' + doc.sigla + ')'
      titulo.appendChild(sigla)
    }
    li.appendChild(titulo)
    var info = document.createElement('p')
    info.className = 'resultado__datos'
    info.textContent = nombres('tipo', doc).concat(nombres('barrio', doc).join(', ') || [])
      .join(' · ') + (doc.inactiva ? ' · Inactiva' : '') +
      (metros(doc) < Infinity ? ' · ' + window.CMOSCCercania.texto(metros(doc)) : '')
    li.appendChild(info)
    if (doc.extracto) {
      var extracto = document.createElement('p')
      extracto.className = 'resultado__extracto'
      extracto.textContent = doc.extracto
      li.appendChild(extracto)
    }
    return li
  }

  function mostrar (posiciones) {
    var fragmento = document.createDocumentFragment()
    posiciones.slice(0, mostrados).forEach(function (pos) {
      fragmento.appendChild(tarjeta(datos.documentos[pos]))
    })
    lista.replaceChildren(fragmento)
    mas.hidden = posiciones.length <= mostrados
  }

  function anunciar (s, n, modo) {
    var texto = s.q.trim()
    var cantidad = n === 1 ? '1 organización' : n + ' organizaciones'
    aviso.hidden = true
    if (modo === 'difusa' || modo === 'alguna') {
      aviso.textContent = modo === 'difusa'
        ? 'No encontramos «' + texto + '»; mostramos resultados parecidos.'
        : 'Ninguna organización tiene todas las palabras de «' + texto + '»; mostramos las que tienen alguna.'
      aviso.hidden = false
    }
    if (n === 0) {
      estado.textContent = texto
        ? 'No encontramos organizaciones para «' + texto + '»' + (hayFiltros(s) ? ' con esos filtros.' : '.')
        : 'Ninguna organización cumple con esos filtros.'
    } else {
      estado.textContent = (texto ? cantidad + ' para «' + texto + '»' : cantidad) +
        (hayFiltros(s) ? ' con los filtros elegidos.' : '.') +
        (modo === 'difusa' ? ' Resultados parecidos.' : '')
    }
  }

  // `conservar`: a refresh because more data arrived (keeps "show more").
  function actualizar (conservar) {
    var s = leerFormulario()
    limpiar.hidden = !hayFiltros(s)
    if (!hayConsulta(s)) {
      lista.replaceChildren()
      mas.hidden = true
      vacio.hidden = true
      aviso.hidden = true
      estado.textContent = datos ? 'Escribí qué buscás o elegí un filtro.' : ''
      if (datos) actualizarCuentas(datos.documentos.map(function (_, i) { return i }), {})
      ultimo = []
      return
    }
    if (!datos) {
      cargar().then(function () { actualizar() }, function () { /* the status says it failed */ })
      return
    }
    var r = coincidencias(s.q)
    var candidatos
    if (r.puntajes === null) {
      candidatos = datos.documentos.map(function (_, i) { return i })
    } else {
      candidatos = Object.keys(r.puntajes).map(Number)
    }
    var filtros = elegidos(s)
    var finales = candidatos.filter(function (pos) { return cumple(datos.documentos[pos], filtros) })
    var docs = datos.documentos
    finales.sort(function (a, b) {
      var da = docs[a]; var db = docs[b]
      if (!da.inactiva !== !db.inactiva) return da.inactiva ? 1 : -1
      if (B.cercania && metros(da) !== metros(db)) return metros(da) < metros(db) ? -1 : 1
      if (r.puntajes && r.puntajes[a] !== r.puntajes[b]) return r.puntajes[b] - r.puntajes[a]
      return colador.compare(da.nombre, db.nombre) || (a - b)
    })
    if (conservar !== true) mostrados = POR_PAGINA
    ultimo = finales
    mostrar(finales)
    actualizarCuentas(candidatos, filtros)
    anunciar(s, finales.length, r.modo)
    vacio.hidden = finales.length > 0
    vacioFiltros.hidden = !hayFiltros(s)
    form.setAttribute('data-resultados', String(finales.length))
    if (window.performance && performance.mark) performance.mark('cmosc-resultados')
  }

  // ------------------------------------------------------------------
  // Events
  // ------------------------------------------------------------------

  input.addEventListener('focus', function () {
    cargar().then(function () {
      if (!hayConsulta(leerFormulario())) actualizar() // replaces "Cargando…"
    }, function () {})
  })
  input.addEventListener('input', function () {
    clearTimeout(temporizador)
    temporizador = setTimeout(function () {
      // The first keystroke of a burst adds a history entry, the next ones
      // replace it (Back returns to the previous search, not to each letter).
      guardarURL(!tecleando)
      tecleando = true
      actualizar()
    }, ESPERA_MS)
  })
  input.addEventListener('blur', function () { tecleando = false })

  form.addEventListener('change', function (e) {
    if (e.target === input) return
    tecleando = false
    guardarURL(true)
    actualizar()
  })

  form.addEventListener('submit', function (e) {
    e.preventDefault()
    clearTimeout(temporizador)
    tecleando = false
    guardarURL(false)
    actualizar()
    if (lista.firstChild) lista.querySelector('a').focus()
  })

  form.addEventListener('cmosc:cercania', function () { actualizar() })

  limpiar.addEventListener('click', function () {
    form.querySelectorAll('.faceta input:checked').forEach(function (c) { c.checked = false })
    tecleando = false
    guardarURL(true)
    actualizar()
    input.focus()
  })

  mas.addEventListener('click', function () {
    var antes = mostrados
    mostrados += POR_PAGINA
    mostrar(ultimo)
    var siguiente = lista.children[antes]
    if (siguiente) siguiente.querySelector('a').focus()
  })

  window.addEventListener('popstate', function () {
    tecleando = false
    escribirFormulario(leerURL())
    actualizar()
  })

  // Initial state from the URL (a shared link, the header search box).
  var inicial = leerURL()
  escribirFormulario(inicial)
  if (hayConsulta(inicial)) actualizar()
}())
