/*
 * CMOSC — /mapa/: the list of sedes drawn on a Leaflet map with clusters.
 * The markers' data is mapa/sedes.json (cmosc/site/pages/map.py `markers`), by
 * columns, one entry per list item in the same order; the list stays the alternative: filters,
 * «Solo abiertas ahora», «Cerca de mí» and #sede-… links act on both.
 */
(function () {
  'use strict'

  var container = document.getElementById('mapa')
  var list = document.getElementById('sedes')
  if (!container || !list || !window.L || !L.markerClusterGroup || !window.fetch) return
  var config = JSON.parse(document.getElementById('mapa-config').textContent)
  var form = document.getElementById('mapa-filtros')
  var state = document.getElementById('mapa-estado')
  var open = document.getElementById('filtro-abierto')
  var H = window.CMOSCHours

  var ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
  function escapeHtml (text) {
    return String(text).replace(/[&<>"]/g, function (c) { return ENTITIES[c] })
  }

  function optionName (param, value) {
    var option = form.querySelector('[data-filtro="' + param + '"] option[value="' + value + '"]')
    return option ? option.getAttribute('data-nombre') : ''
  }

  function data (item) { return item.querySelector('.sedes-mapa__datos').textContent }

  // A popup is built on opening: 2000 sedes need no 2000 popups up front.
  function popup (point, schedules) {
    var box = document.createElement('div')
    box.className = 'mapa-popup'
    function line (className, content) {
      var p = document.createElement('p')
      if (className) p.className = className
      if (typeof content === 'string') p.textContent = content
      else p.appendChild(content)
      box.appendChild(p)
    }
    line('mapa-popup__nombre', point.item.querySelector('a').cloneNode(true))
    line('', optionName('tipo', point.tipo[0]))
    line('', data(point.item))
    var hours = schedules[point.horario]
    if (H && hours) {
      var now = new Date()
      var s = H.status(hours, now)
      line('horario__estado' + (s && s.open ? ' horario__estado--abierto' : ''), H.describe(s, now) || '')
    }
    return box
  }

  fetch(list.getAttribute('data-sedes-url')).then(function (r) {
    if (!r.ok) throw new Error(r.status)
    return r.json()
  }).then(start, function () {
    state.textContent = 'No se pudo cargar el mapa; la lista de sedes sigue aquí.'
  })

  function start (json) {
    // Popups are bound on first opening (a click, Enter on a marker, a #sede-… link).
    function openPopup (point) {
      if (!point.marker.getPopup()) {
        point.marker.bindPopup(function () { return popup(point, json.h) }, { maxWidth: 240 })
      }
      point.marker.openPopup()
    }
    // The filters are the columns of mapa/sedes.json: the facets the map offers (cmosc/model/facets.py).
    var FILTERS = Object.keys(json.v)
    var items = list.children
    function values (param, i) {
      var n = json[param][i]
      return (Array.isArray(n) ? n : n < 0 ? [] : [n]).map(function (k) { return json.v[param][k] })
    }
    var points = json.lat.map(function (lat, i) {
      var item = items[i]
      var point = {
        item: item,
        lat: json.base[0] + lat / json.escala,
        lon: json.base[1] + json.lon[i] / json.escala,
        horario: json.horario[i]
      }
      FILTERS.forEach(function (param) { point[param] = values(param, i) })
      var name = item.querySelector('a').textContent
      // A CSS dot rather than Leaflet's picture: no images to download, one element per marker.
      var icon = L.divIcon({
        className: 'punto-mapa',
        html: '<span class="visualmente-oculto">' + escapeHtml(name + ': ' + data(item)) + '</span>',
        iconSize: [22, 22],
        popupAnchor: [0, -8]
      })
      point.marker = L.marker([point.lat, point.lon], { title: name, icon: icon })
      point.marker.point = point
      return point
    })
    var byAnchor = {}
    points.forEach(function (p) { byAnchor[p.item.id] = p })

    var tools = document.getElementById('mapa-herramientas')
    container.hidden = false
    tools.hidden = false
    if (!H || !json.h.length) open.parentNode.parentNode.hidden = true
    // Open on wide screens; on a phone closed, so the map comes first.
    tools.open = window.matchMedia('(min-width: 48rem)').matches
    var map = L.map(container, { zoomControl: false })
    L.control.zoom({ zoomInTitle: 'Acercar', zoomOutTitle: 'Alejar' }).addTo(map)
    var streetsMissing = document.getElementById('mapa-sin-calles')
    L.tileLayer(config.teselas, {
      maxZoom: 19,
      attribution: '<a href="' + escapeHtml(config.atribucion.url) + '">' + escapeHtml(config.atribucion.texto) + '</a>'
    }).on('tileerror', function () { streetsMissing.hidden = false })
      .on('tileload', function () { streetsMissing.hidden = true })
      .addTo(map)

    var groups = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: function (group) {
        var n = group.getChildCount()
        var size = n < 10 ? 'chico' : n < 100 ? 'mediano' : 'grande'
        return L.divIcon({
          html: '<span>' + n + '<span class="visualmente-oculto"> sedes: acercar</span></span>',
          className: 'grupo-mapa grupo-mapa--' + size,
          iconSize: L.point(40, 40)
        })
      }
    })
    groups.on('click', function (e) {
      if (e.layer.point && !e.layer.getPopup()) openPopup(e.layer.point)
    })

    // Open now, per distinct hours of the file (few), at the time of asking.
    function openNow () {
      var now = new Date()
      var today = H.localDay(now)
      return json.h.map(function (hours) { return H.isOpen([hours], now, today) })
    }

    function chosenValues () {
      var chosen = {}
      FILTERS.forEach(function (p) {
        var field = form.querySelector('[data-filtro="' + p + '"]')
        chosen[p] = field ? field.value : ''
      })
      return chosen
    }

    function matches (point, chosen, openOnes) {
      if (openOnes && !openOnes[point.horario]) return false
      return FILTERS.every(function (p) { return !chosen[p] || point[p].indexOf(chosen[p]) >= 0 })
    }

    function visible () {
      return points.filter(function (p) { return !p.item.hidden })
    }

    function frame (which) {
      if (which.length) {
        map.fitBounds(L.latLngBounds(which.map(function (p) { return [p.lat, p.lon] })), { padding: [24, 24], maxZoom: 16 })
      } else {
        map.fitBounds(config.limites)
      }
    }

    function apply (framing) {
      var chosen = chosenValues()
      var openOnes = open.checked && H ? openNow() : null
      var markers = []
      points.forEach(function (p) {
        var ok = matches(p, chosen, openOnes)
        p.item.hidden = !ok
        if (ok) markers.push(p.marker)
      })
      groups.clearLayers()
      groups.addLayers(markers)
      var n = markers.length
      var filtered = n !== points.length
      state.textContent = (n === 1 ? '1 sede' : n + ' sedes') +
        (openOnes ? (n === 1 ? ' abierta ahora' : ' abiertas ahora') : '') +
        (filtered ? ' con los filtros elegidos (de ' + points.length + ').' : ' en el mapa.')
      container.setAttribute('data-sedes', String(n))
      if (framing !== false) frame(visible())
    }

    form.addEventListener('change', function () { apply() })
    form.addEventListener('reset', function () { setTimeout(apply, 0) })
    form.addEventListener('submit', function (e) { e.preventDefault() })

    // «Cerca de mí»: the list in order of distance, each item with its distance.
    var origin = null
    var nearness = window.CMOSCNearby && CMOSCNearby.control(document.getElementById('cercania-mapa'), function (place) {
      points.forEach(function (p) { p.metres = CMOSCNearby.distance(place.lat, place.lon, p.lat, p.lon) })
      var sorted = points.slice().sort(function (a, b) { return a.metres - b.metres })
      var added = document.createDocumentFragment()
      sorted.forEach(function (p) {
        var distance = p.item.querySelector('.sedes-mapa__distancia')
        if (!distance) {
          distance = document.createElement('span')
          distance.className = 'sedes-mapa__distancia'
          p.item.appendChild(distance)
        }
        distance.textContent = ' · ' + CMOSCNearby.text(p.metres)
        added.appendChild(p.item)
      })
      list.appendChild(added)
      if (!origin) origin = L.circleMarker([place.lat, place.lon], { radius: 9, color: '#083a66', fillColor: '#ffbf47', fillOpacity: 1, weight: 3 }).addTo(map)
      origin.setLatLng([place.lat, place.lon]).bindTooltip(place.label === 'tu ubicación' ? 'Vos estás acá' : place.label)
      var nearest = sorted.filter(function (p) { return !p.item.hidden }).slice(0, 5)
      var box = L.latLngBounds([[place.lat, place.lon]])
      nearest.forEach(function (p) { box.extend([p.lat, p.lon]) })
      map.fitBounds(box, { padding: [32, 32], maxZoom: 16 })
      var first = nearest[0]
      nearness.announce(first
        ? 'Sedes ordenadas por distancia a ' + place.label + '. La más cercana: ' + first.item.querySelector('a').textContent + ', ' + CMOSCNearby.text(first.metres) + '.'
        : 'Ninguna sede cumple con los filtros elegidos.')
    })

    // #sede-<slug>-<n> (profiles link here): centre on that sede and open it.
    function goToAnchor () {
      var point = byAnchor[decodeURIComponent(window.location.hash.slice(1))]
      if (!point) return
      points.forEach(function (p) { p.item.classList.toggle('sedes-mapa__item--elegido', p === point) })
      if (point.item.hidden) {
        form.querySelectorAll('select').forEach(function (field) { field.value = '' })
        open.checked = false
        apply(false)
      }
      map.setView([point.lat, point.lon], 17)
      groups.zoomToShowLayer(point.marker, function () { openPopup(point) })
      container.scrollIntoView()
    }
    window.addEventListener('hashchange', goToAnchor)

    // The view first, so that the clusters are computed once, for it.
    var initial = byAnchor[decodeURIComponent(window.location.hash.slice(1))]
    if (initial) map.setView([initial.lat, initial.lon], 17)
    else frame(points)
    map.addLayer(groups)
    apply(false)
    goToAnchor()
    container.setAttribute('data-listo', 'true')
    // make bench measures this mark: every sede is on the map.
    if (window.performance && performance.mark) performance.mark('cmosc-mapa-listo')
  }
}())
