/*
 * CMOSC — /buscar/: instant search with facets, no framework.
 *
 * Data (cmosc/search/tiers.py) is fetched only when needed (focus on the
 * box, a facet, or the page opened with ?q= or facets), in shards of up to
 * 2500 organizations:
 *   1. documentos-0.json + nombres-0.json → first results;
 *   2. the other shards' documentos-K + nombres-K, then every texto-K
 *      (descriptions, activities) with its extractos-K (card snippets): the
 *      query runs again, results merge and cards gain their snippet.
 * State lives in the URL ?q=, one parameter per facet (?tipo=&barrio=…),
 * &abierto=1 and &inactivas=1.
 * Inactive organizations are left out of results and counts unless asked for.
 * On a phone the results come first: every filter sits behind one «Filtrar (n)»
 * <details>; chosen filters show as removable chips above the results.
 * «Abiertas ahora» (abierto=1) keeps organizations with a sede open at this
 * moment in Tucumán (hours.js, row field `h`); it needs the clock, so only JS.
 */
(function () {
  'use strict'

  var form = document.getElementById('busqueda')
  if (!form || !window.CMOSCSearch) return
  var S = window.CMOSCSearch

  // The facets (cmosc/model/facets.py): their URL parameters, and those a result card names.
  var facets = JSON.parse(document.getElementById('busqueda-facetas').textContent)
  var FACET_PARAMS = facets.parametros
  var PAGE_SIZE = 40
  var TYPING_DELAY_MS = 120

  var input = document.getElementById('q')
  var status = document.getElementById('estado')
  var notice = document.getElementById('aviso')
  var list = document.getElementById('resultados')
  var more = document.getElementById('mas')
  var empty = document.getElementById('vacio')
  var emptyFilters = document.getElementById('vacio-filtros')
  var clear = document.getElementById('limpiar')
  var filtersBox = document.getElementById('filtros')
  var filtersCount = document.getElementById('filtros-cantidad')
  var chips = document.getElementById('chips')
  var inactive = document.getElementById('f-inactivas')
  var inactiveCount = document.getElementById('inactivas-cantidad')
  var skip = document.getElementById('saltar-resultados')
  var heading = document.getElementById('resultados-titulo')
  var base = form.getAttribute('data-base') || '/'
  var H = window.CMOSCHours
  var openNow = document.getElementById('f-abierto')
  if (H) document.getElementById('filtro-abierto').hidden = false

  // With JS the page works: hide the no-JS apply button (inside the closed panel).
  var apply = form.querySelector('.busqueda__aplicar')
  if (apply) apply.hidden = true
  // Wide screens have room for the filters beside the results: open them there.
  if (window.matchMedia && window.matchMedia('(min-width: 60em)').matches) filtersBox.open = true

  // One entry per shard: {documentos, nombres, texto} URLs (cmosc/search/tiers.py).
  var shards = JSON.parse(document.getElementById('busqueda-archivos').textContent)
  var data = null // {documentos, facetas, positions: {param: {id: i}}, extractos: {row: text}}
  var indexes = [] // {index: lunr.Index, offset: position of its shard's first row}
  var offsets = []
  var loading = null
  var shownCount = PAGE_SIZE
  var lastResults = null // last result list (positions)
  var lastInactive = 0 // inactive organizations the last search left out
  var typing = false
  var timer = null

  // ------------------------------------------------------------------
  // Lazy loading
  // ------------------------------------------------------------------

  function fetchJson (url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status)
      return r.json()
    })
  }

  function mark (name) {
    if (window.performance && performance.mark) performance.mark(name)
  }

  // documentos-K.json is by column (cmosc/search/tiers.py `_documents`): one object per row.
  var DOCUMENTS_FORMAT = 2
  function rows (json) {
    if (json.formato !== DOCUMENTS_FORMAT) throw new Error('formato de documentos desconocido: ' + json.formato)
    var keys = Object.keys(json.columnas)
    var count = keys.length ? json.columnas[keys[0]].length : 0
    var result = []
    for (var i = 0; i < count; i++) {
      var row = {}
      keys.forEach(function (key) {
        var value = json.columnas[key][i]
        if (value !== null) row[key] = key === 'h' ? json.horarios[value] : value
      })
      result.push(row)
    }
    return result
  }

  // Shard k's cards and short-field index. Shards are loaded in order, so a
  // shard's rows go right after the previous ones: `offset` is where they start.
  function loadFirstTier (k) {
    return Promise.all([fetchJson(shards[k].documentos), fetchJson(shards[k].nombres)])
      .then(function (r) {
        if (k === 0) mark('cmosc-indice-bajado')
        if (!data) {
          var positions = {}
          FACET_PARAMS.forEach(function (p) {
            positions[p] = {}
            ;(r[0].facetas[p] || []).forEach(function (pair, i) { positions[p][pair[0]] = i })
          })
          data = { documentos: [], facetas: r[0].facetas, pais: r[0].pais, positions: positions, extractos: {} }
        }
        offsets[k] = data.documentos.length
        rows(r[0]).forEach(function (d) { data.documentos.push(d) })
        return yieldToPage(r[1])
      })
      .then(function (names) { indexes.push({ index: S.loadIndex(names), offset: offsets[k] }) })
  }

  function loadFullText (k) {
    return Promise.all([fetchJson(shards[k].texto), fetchJson(shards[k].extractos)]).then(function (r) {
      r[1].extractos.forEach(function (text, i) { if (text) data.extractos[offsets[k] + i] = text })
      return yieldToPage(r[0])
    }).then(function (text) { indexes.push({ index: S.loadIndex(text), offset: offsets[k] }) })
  }

  // A task boundary between long steps (decoding, building an index, drawing the
  // results), so the page paints and answers a tap in between.
  function yieldToPage (value) {
    return new Promise(function (resolve) { setTimeout(function () { resolve(value) }, 0) })
  }

  function refresh () {
    if (hasQuery(readForm())) update(true)
  }

  // After the first results: the other shards' first tier, then every
  // full-text tier, one at a time (each decode is a short main-thread task).
  function loadRest () {
    var chain = Promise.resolve()
    shards.forEach(function (_, k) {
      if (k > 0) chain = chain.then(function () { return loadFirstTier(k) }).then(yieldToPage).then(refresh)
    })
    shards.forEach(function (_, k) {
      chain = chain.then(function () { return loadFullText(k) })
    })
    chain.then(yieldToPage).then(function () {
      form.setAttribute('data-texto-cargado', '')
      mark('cmosc-texto-cargado')
      refresh()
    }, function () { /* without the rest, search goes on with what loaded */ })
  }

  function load () {
    if (loading) return loading
    status.textContent = 'Cargando el buscador…'
    loading = loadFirstTier(0).then(function () {
      mark('cmosc-indice-cargado')
      setTimeout(loadRest, 0) // its requests start; its work waits for the first results
      return yieldToPage()
    })
    loading.catch(function () {
      status.textContent = 'No se pudo cargar el buscador. Revisá la conexión y recargá la página.'
      loading = null
      data = null
      indexes = []
    })
    return loading
  }

  // ------------------------------------------------------------------
  // State: form ↔ URL
  // ------------------------------------------------------------------

  function readForm () {
    var filters = {}
    FACET_PARAMS.forEach(function (p) {
      filters[p] = Array.prototype.map.call(
        form.querySelectorAll('input[name="' + p + '"]:checked'), function (c) { return c.value })
    })
    return { q: input.value, filters: filters, open: !!H && openNow.checked, inactive: inactive.checked }
  }

  function readURL () {
    var params = new URLSearchParams(window.location.search)
    var filters = {}
    FACET_PARAMS.forEach(function (p) { filters[p] = params.getAll(p) })
    return {
      q: params.get('q') || '',
      filters: filters,
      open: !!H && params.get('abierto') === '1',
      inactive: params.get('inactivas') === '1'
    }
  }

  function writeForm (s) {
    input.value = s.q
    openNow.checked = s.open
    inactive.checked = s.inactive
    FACET_PARAMS.forEach(function (p) {
      form.querySelectorAll('input[name="' + p + '"]').forEach(function (c) {
        c.checked = s.filters[p].indexOf(c.value) !== -1
      })
      // Closed by default (short page on phones); open where something is chosen.
      var facet = form.querySelector('[data-faceta="' + p + '"]')
      if (facet && s.filters[p].length) facet.open = true
    })
  }

  function toURL (s) {
    var params = new URLSearchParams()
    if (s.q.trim()) params.append('q', s.q.trim())
    FACET_PARAMS.forEach(function (p) { s.filters[p].forEach(function (v) { params.append(p, v) }) })
    if (s.open) params.append('abierto', '1')
    if (s.inactive) params.append('inactivas', '1')
    var text = params.toString()
    return window.location.pathname + (text ? '?' + text : '')
  }

  function saveURL (push) {
    var url = toURL(readForm())
    if (url === window.location.pathname + window.location.search) return
    if (push) history.pushState(null, '', url)
    else history.replaceState(null, '', url)
  }

  // Chosen filters, in form order: [{param, value, label}] (what the chips show).
  function chosenList (s) {
    var list = []
    FACET_PARAMS.forEach(function (p) {
      s.filters[p].forEach(function (v) {
        var box = document.getElementById('f-' + p + '-' + v)
        if (box) list.push({ param: p, value: v, label: box.labels[0].firstChild.textContent.trim() })
      })
    })
    if (s.open) list.push({ param: 'abierto', value: '1', label: 'Abiertas ahora' })
    if (s.inactive) list.push({ param: 'inactivas', value: '1', label: 'Incluye las que ya no funcionan' })
    return list
  }

  function hasFilters (s) {
    return s.open || s.inactive || FACET_PARAMS.some(function (p) { return s.filters[p].length > 0 })
  }

  // «Cerca de mí» (search-nearby.js) alone lists every organization by distance.
  function hasQuery (s) {
    return s.q.trim() !== '' || hasFilters(s) || !!S.nearby
  }

  function metres (doc) {
    var m = S.nearby && S.nearby.distances[doc.slug]
    return m === undefined ? Infinity : m
  }

  // ------------------------------------------------------------------
  // Facets
  // ------------------------------------------------------------------

  // Chosen value positions per parameter: {param: {i: true}} (active ones only).
  function chosen (s) {
    var r = {}
    FACET_PARAMS.forEach(function (p) {
      if (!s.filters[p].length) return
      r[p] = {}
      s.filters[p].forEach(function (id) {
        var i = data.positions[p][id]
        if (i !== undefined) r[p][i] = true
      })
    })
    return r
  }

  function matches (doc, filters, except) {
    for (var p in filters) {
      if (p === except) continue
      var values = doc[p] || []
      var some = false
      for (var k = 0; k < values.length; k++) {
        if (filters[p][values[k]]) { some = true; break }
      }
      if (!some) return false
    }
    return true
  }

  // Disjunctive counts: each value is counted with the text and the OTHER
  // facets, so it shows what choosing it too would add.
  function updateCounts (candidates, filters) {
    FACET_PARAMS.forEach(function (p) {
      var counts = {}
      candidates.forEach(function (pos) {
        var doc = data.documentos[pos]
        if (!matches(doc, filters, p)) return
        ;(doc[p] || []).forEach(function (i) { counts[i] = (counts[i] || 0) + 1 })
      })
      var facet = form.querySelector('[data-faceta="' + p + '"]')
      if (!facet) return
      var visible = 0
      facet.querySelectorAll('input[name="' + p + '"]').forEach(function (c) {
        var i = data.positions[p][c.value]
        var n = (i !== undefined && counts[i]) || 0
        var option = c.closest('.faceta__opcion')
        option.querySelector('.faceta__cantidad').textContent = '(' + n + ')'
        option.hidden = n === 0 && !c.checked
        if (!option.hidden) visible++
      })
      facet.hidden = visible === 0
    })
  }

  // «Filtrar (n)» and one removable chip per chosen filter.
  function showChosen (s) {
    var list = chosenList(s)
    filtersCount.textContent = '(' + list.length + ')'
    var fragment = document.createDocumentFragment()
    list.forEach(function (f) {
      var li = document.createElement('li')
      var button = document.createElement('button')
      button.type = 'button'
      button.className = 'chip'
      button.setAttribute('data-param', f.param)
      button.setAttribute('data-value', f.value)
      button.setAttribute('aria-label', 'Quitar el filtro ' + f.label)
      button.textContent = f.label
      li.appendChild(button)
      fragment.appendChild(li)
    })
    chips.replaceChildren(fragment)
    chips.hidden = list.length === 0
  }

  // ------------------------------------------------------------------
  // Results
  // ------------------------------------------------------------------

  function facetNames (p, doc) {
    return (doc[p] || []).map(function (i) { return data.facetas[p][i][1] })
  }

  // A card's phone, as shown or [as shown, number] (cmosc/search/documents.py
  // `card_phone`): the number dialled is its digits in international form.
  function callNumber (tel) {
    if (typeof tel !== 'string') return tel[1]
    var digits = tel.replace(/\D/g, '')
    return tel.charAt(0) === '+' ? '+' + digits : '+' + data.pais + digits.replace(/^0/, '')
  }

  function card (pos) {
    var doc = data.documentos[pos]
    var li = document.createElement('li')
    li.className = 'resultado' + (doc.inactiva ? ' resultado--inactiva' : '')
    var title = document.createElement('h3')
    title.className = 'resultado__nombre'
    var link = document.createElement('a')
    link.href = base + 'organizaciones/' + doc.slug + '/'
    link.textContent = doc.nombre
    title.appendChild(link)
    if (doc.sigla) {
      var acronym = document.createElement('span')
      acronym.className = 'sigla'
      acronym.textContent = ' (' + doc.sigla + ')'
      title.appendChild(acronym)
    }
    li.appendChild(title)
    var info = document.createElement('p')
    info.className = 'resultado__datos'
    info.textContent = facets.tarjeta.map(function (p) { return facetNames(p, doc).join(', ') })
      .filter(Boolean).join(' · ') + (doc.inactiva ? ' · Ya no funciona' : '') +
      (metres(doc) < Infinity ? ' · ' + window.CMOSCNearby.text(metres(doc)) : '')
    li.appendChild(info)
    if (H && doc.h && !doc.inactiva) {
      var hours = document.createElement('p')
      hours.className = 'resultado__horario horario__estado' +
        (H.isOpen(doc.h, clock.date, clock.local) ? ' horario__estado--abierto' : '')
      hours.textContent = H.summary(doc.h, clock.date, clock.local)
      li.appendChild(hours)
    }
    if (doc.tel) {
      var shown = typeof doc.tel === 'string' ? doc.tel : doc.tel[0]
      var contact = document.createElement('p')
      contact.className = 'resultado__contacto'
      var call = document.createElement('a')
      call.className = 'resultado__llamar'
      call.href = 'tel:' + callNumber(doc.tel)
      call.textContent = 'Llamar al ' + shown
      contact.appendChild(call)
      li.appendChild(contact)
    }
    var extract = data.extractos[pos]
    if (extract) {
      var snippet = document.createElement('p')
      snippet.className = 'resultado__extracto'
      snippet.textContent = extract
      li.appendChild(snippet)
    }
    return li
  }

  // One reading of the clock per refresh, shared by the «abiertas ahora» filter and the cards.
  var clock = { date: new Date(), local: null }
  function readClock () {
    clock.date = new Date()
    clock.local = H ? H.localDay(clock.date) : null
  }

  // A refresh (more data arrived, the clock moved) must not drop the keyboard
  // out of the list: focus returns to the same link in the new cards.
  function show (positions) {
    var focused = list.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null
    var fragment = document.createDocumentFragment()
    positions.slice(0, shownCount).forEach(function (pos) {
      fragment.appendChild(card(pos))
    })
    list.replaceChildren(fragment)
    more.hidden = positions.length <= shownCount
    if (focused) {
      var again = Array.prototype.find.call(list.querySelectorAll('a'), function (a) { return a.getAttribute('href') === focused })
      if (again) again.focus()
    }
  }

  function announce (s, n, mode) {
    var text = s.q.trim()
    var count = n === 1 ? '1 organización' : n + ' organizaciones'
    notice.hidden = true
    if (mode === 'fuzzy' || mode === 'any') {
      notice.textContent = mode === 'fuzzy'
        ? 'No encontramos «' + text + '»; mostramos resultados parecidos.'
        : 'Ninguna organización tiene todas las palabras de «' + text + '»; mostramos las que tienen alguna.'
      notice.hidden = false
    }
    if (n === 0) {
      status.textContent = (text
        ? 'No encontramos organizaciones para «' + text + '»' + (hasFilters(s) ? ' con esos filtros.' : '.')
        : 'Ninguna organización cumple con esos filtros.') +
        (lastInactive ? ' Hay ' + (lastInactive === 1 ? '1 que ya no funciona' : lastInactive + ' que ya no funcionan') +
          ': para verla' + (lastInactive === 1 ? '' : 's') + ', marcá «Incluir organizaciones que ya no funcionan» en Filtrar.' : '')
    } else {
      status.textContent = (text ? count + ' para «' + text + '»' : count) +
        (hasFilters(s) ? ' con los filtros elegidos.' : '.') +
        (mode === 'fuzzy' ? ' Resultados parecidos.' : '')
    }
  }

  // Inactive organizations: counted for their checkbox, then dropped unless asked
  // for, so neither results nor facet counts include them.
  function countAndDrop (candidates, s, filters) {
    var active = []
    var inactiveMatches = 0
    candidates.forEach(function (pos) {
      var doc = data.documentos[pos]
      if (!doc.inactiva) active.push(pos)
      else if (matches(doc, filters)) inactiveMatches++
    })
    inactiveCount.textContent = '(' + inactiveMatches + ')'
    lastInactive = s.inactive ? 0 : inactiveMatches
    return s.inactive ? candidates : active
  }

  // `keep`: a refresh because more data arrived (keeps "show more").
  function update (keep) {
    var s = readForm()
    clear.hidden = !hasFilters(s)
    showChosen(s)
    if (!hasQuery(s)) {
      list.replaceChildren()
      more.hidden = true
      empty.hidden = true
      notice.hidden = true
      status.textContent = data ? 'Escribí qué buscás o elegí un filtro.' : ''
      if (data) updateCounts(countAndDrop(data.documentos.map(function (_, i) { return i }), s, {}), {})
      lastResults = []
      return
    }
    if (!data) {
      load().then(function () { update() }, function () { /* the status says it failed */ })
      return
    }
    var r = S.rank(indexes, s.q)
    var candidates
    if (r.scores === null) {
      candidates = data.documentos.map(function (_, i) { return i })
    } else {
      candidates = Object.keys(r.scores).map(Number)
    }
    readClock()
    if (s.open) {
      candidates = candidates.filter(function (pos) {
        var h = data.documentos[pos].h
        return !!h && H.isOpen(h, clock.date, clock.local)
      })
    }
    var filters = chosen(s)
    candidates = countAndDrop(candidates, s, filters)
    var shown = S.order(candidates.filter(function (pos) { return matches(data.documentos[pos], filters) }),
      data.documentos, r.scores, S.nearby && metres)
    if (keep !== true) shownCount = PAGE_SIZE
    lastResults = shown
    show(shown)
    updateCounts(candidates, filters)
    announce(s, shown.length, r.mode)
    empty.hidden = shown.length > 0
    emptyFilters.hidden = !hasFilters(s)
    form.setAttribute('data-resultados', String(shown.length))
    if (window.performance && performance.mark) performance.mark('cmosc-resultados')
  }

  // ------------------------------------------------------------------
  // Events
  // ------------------------------------------------------------------

  input.addEventListener('focus', function () {
    load().then(function () {
      if (!hasQuery(readForm())) update() // replaces "Cargando…"
    }, function () {})
  })
  input.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(function () {
      // The first keystroke of a burst adds a history entry, the next ones
      // replace it (Back returns to the previous search, not to each letter).
      saveURL(!typing)
      typing = true
      update()
    }, TYPING_DELAY_MS)
  })
  input.addEventListener('blur', function () { typing = false })

  form.addEventListener('change', function (e) {
    if (e.target === input) return
    typing = false
    saveURL(true)
    update()
  })

  form.addEventListener('submit', function (e) {
    e.preventDefault()
    clearTimeout(timer)
    typing = false
    saveURL(false)
    update()
    if (list.firstChild) list.querySelector('a').focus()
  })

  form.addEventListener('cmosc:cercania', function () { update() })

  clear.addEventListener('click', function () {
    form.querySelectorAll('.faceta input:checked').forEach(function (c) { c.checked = false })
    openNow.checked = false
    inactive.checked = false
    typing = false
    saveURL(true)
    update()
    input.focus()
  })

  chips.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-param]')
    if (!button) return
    var p = button.getAttribute('data-param')
    var box = { inactivas: inactive, abierto: openNow }[p] ||
      document.getElementById('f-' + p + '-' + button.getAttribute('data-value'))
    if (box) box.checked = false
    typing = false
    saveURL(true)
    update()
    // Keep the keyboard near: the next chip, else the «Filtrar» control.
    var next = chips.querySelector('button') || filtersBox.querySelector('summary')
    next.focus()
  })

  // «Saltar a los resultados»: to the first result when there is one.
  skip.addEventListener('click', function (e) {
    var first = list.querySelector('a')
    e.preventDefault()
    ;(first || heading).focus()
  })

  more.addEventListener('click', function () {
    var before = shownCount
    shownCount += PAGE_SIZE
    show(lastResults)
    var next = list.children[before]
    if (next) next.querySelector('a').focus()
  })

  window.addEventListener('popstate', function () {
    typing = false
    writeForm(readURL())
    update()
  })

  // Initial state from the URL (a shared link, the header search box).
  var initial = readURL()
  writeForm(initial)
  if (hasQuery(initial)) update()
}())
