/*
 * CMOSC — /mapa/: the list of sedes drawn on a Leaflet map with clusters.
 * The markers' data is mapa/sedes.json (cmosc/site/pages/map.py `markers`), by
 * columns, one entry per list item in the same order; the list stays the alternative: filters,
 * «Solo abiertas ahora», «Cerca de mí» and #sede-… links act on both.
 */
(function () {
  'use strict'

  var contenedor = document.getElementById('mapa')
  var lista = document.getElementById('sedes')
  if (!contenedor || !lista || !window.L || !L.markerClusterGroup || !window.fetch) return
  var config = JSON.parse(document.getElementById('mapa-config').textContent)
  var formulario = document.getElementById('mapa-filtros')
  var estado = document.getElementById('mapa-estado')
  var abierto = document.getElementById('filtro-abierto')
  var H = window.CMOSCHours
  var FILTROS = ['tipo', 'area', 'barrio']

  var ENTIDADES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
  function escapar (texto) {
    return String(texto).replace(/[&<>"]/g, function (c) { return ENTIDADES[c] })
  }

  function nombreOpcion (param, valor) {
    var opcion = formulario.querySelector('[data-filtro="' + param + '"] option[value="' + valor + '"]')
    return opcion ? opcion.getAttribute('data-nombre') : ''
  }

  function datos (item) { return item.querySelector('.sedes-mapa__datos').textContent }

  // A popup is built on opening: 2000 sedes need no 2000 popups up front.
  function popup (punto, horarios) {
    var caja = document.createElement('div')
    caja.className = 'mapa-popup'
    function linea (clase, contenido) {
      var p = document.createElement('p')
      if (clase) p.className = clase
      if (typeof contenido === 'string') p.textContent = contenido
      else p.appendChild(contenido)
      caja.appendChild(p)
    }
    linea('mapa-popup__nombre', punto.item.querySelector('a').cloneNode(true))
    linea('', nombreOpcion('tipo', punto.tipo[0]))
    linea('', datos(punto.item))
    var hours = horarios[punto.horario]
    if (H && hours) {
      var ahora = new Date()
      var s = H.status(hours, ahora)
      linea('horario__estado' + (s && s.open ? ' horario__estado--abierto' : ''), H.describe(s, ahora) || '')
    }
    return caja
  }

  fetch(lista.getAttribute('data-sedes-url')).then(function (r) {
    if (!r.ok) throw new Error(r.status)
    return r.json()
  }).then(iniciar, function () {
    estado.textContent = 'No se pudo cargar el mapa; la lista de sedes sigue aquí.'
  })

  function iniciar (json) {
    // Popups are bound on first opening (a click, Enter on a marker, a #sede-… link).
    function abrirPopup (punto) {
      if (!punto.marcador.getPopup()) {
        punto.marcador.bindPopup(function () { return popup(punto, json.h) }, { maxWidth: 240 })
      }
      punto.marcador.openPopup()
    }
    var items = lista.children
    function valores (param, i) {
      var n = json[param][i]
      return (Array.isArray(n) ? n : n < 0 ? [] : [n]).map(function (k) { return json.v[param][k] })
    }
    var puntos = json.lat.map(function (lat, i) {
      var item = items[i]
      var punto = {
        item: item,
        lat: json.base[0] + lat / json.escala,
        lon: json.base[1] + json.lon[i] / json.escala,
        horario: json.horario[i]
      }
      FILTROS.forEach(function (param) { punto[param] = valores(param, i) })
      var nombre = item.querySelector('a').textContent
      // A CSS dot rather than Leaflet's picture: no images to download, one element per marker.
      var icono = L.divIcon({
        className: 'punto-mapa',
        html: '<span class="visualmente-oculto">' + escapar(nombre + ': ' + datos(item)) + '</span>',
        iconSize: [22, 22],
        popupAnchor: [0, -8]
      })
      punto.marcador = L.marker([punto.lat, punto.lon], { title: nombre, icon: icono })
      punto.marcador.punto = punto
      return punto
    })
    var porAncla = {}
    puntos.forEach(function (p) { porAncla[p.item.id] = p })

    var herramientas = document.getElementById('mapa-herramientas')
    contenedor.hidden = false
    herramientas.hidden = false
    if (!H || !json.h.length) abierto.parentNode.parentNode.hidden = true
    // Open on wide screens; on a phone closed, so the map comes first.
    herramientas.open = window.matchMedia('(min-width: 48rem)').matches
    var mapa = L.map(contenedor, { zoomControl: false })
    L.control.zoom({ zoomInTitle: 'Acercar', zoomOutTitle: 'Alejar' }).addTo(mapa)
    L.tileLayer(config.teselas, {
      maxZoom: 19,
      attribution: '<a href="' + escapar(config.atribucion.url) + '">' + escapar(config.atribucion.texto) + '</a>'
    }).addTo(mapa)

    var grupos = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: function (grupo) {
        var n = grupo.getChildCount()
        var tamano = n < 10 ? 'chico' : n < 100 ? 'mediano' : 'grande'
        return L.divIcon({
          html: '<span>' + n + '<span class="visualmente-oculto"> sedes: acercar</span></span>',
          className: 'grupo-mapa grupo-mapa--' + tamano,
          iconSize: L.point(40, 40)
        })
      }
    })
    grupos.on('click', function (e) {
      if (e.layer.punto && !e.layer.getPopup()) abrirPopup(e.layer.punto)
    })

    // Open now, per distinct hours of the file (few), at the time of asking.
    function abiertosAhora () {
      var ahora = new Date()
      var hoy = H.localDay(ahora)
      return json.h.map(function (hours) { return H.isOpen([hours], ahora, hoy) })
    }

    function elegidos () {
      var elegido = {}
      FILTROS.forEach(function (p) {
        var campo = formulario.querySelector('[data-filtro="' + p + '"]')
        elegido[p] = campo ? campo.value : ''
      })
      return elegido
    }

    function cumple (punto, elegido, abiertos) {
      if (abiertos && !abiertos[punto.horario]) return false
      return FILTROS.every(function (p) { return !elegido[p] || punto[p].indexOf(elegido[p]) >= 0 })
    }

    function visibles () {
      return puntos.filter(function (p) { return !p.item.hidden })
    }

    function encuadrar (cuales) {
      if (cuales.length) {
        mapa.fitBounds(L.latLngBounds(cuales.map(function (p) { return [p.lat, p.lon] })), { padding: [24, 24], maxZoom: 16 })
      } else {
        mapa.fitBounds(config.limites)
      }
    }

    function aplicar (encuadre) {
      var elegido = elegidos()
      var abiertos = abierto.checked && H ? abiertosAhora() : null
      var marcadores = []
      puntos.forEach(function (p) {
        var ok = cumple(p, elegido, abiertos)
        p.item.hidden = !ok
        if (ok) marcadores.push(p.marcador)
      })
      grupos.clearLayers()
      grupos.addLayers(marcadores)
      var n = marcadores.length
      var filtrado = n !== puntos.length
      estado.textContent = (n === 1 ? '1 sede' : n + ' sedes') +
        (abiertos ? (n === 1 ? ' abierta ahora' : ' abiertas ahora') : '') +
        (filtrado ? ' con los filtros elegidos (de ' + puntos.length + ').' : ' en el mapa.')
      contenedor.setAttribute('data-sedes', String(n))
      if (encuadre !== false) encuadrar(visibles())
    }

    formulario.addEventListener('change', function () { aplicar() })
    formulario.addEventListener('reset', function () { setTimeout(aplicar, 0) })
    formulario.addEventListener('submit', function (e) { e.preventDefault() })

    // «Cerca de mí»: the list in order of distance, each item with its distance.
    var origen = null
    var cercania = window.CMOSCCercania && CMOSCCercania.control(document.getElementById('cercania-mapa'), function (lugar) {
      puntos.forEach(function (p) { p.metros = CMOSCCercania.distancia(lugar.lat, lugar.lon, p.lat, p.lon) })
      var ordenados = puntos.slice().sort(function (a, b) { return a.metros - b.metros })
      var nuevos = document.createDocumentFragment()
      ordenados.forEach(function (p) {
        var distancia = p.item.querySelector('.sedes-mapa__distancia')
        if (!distancia) {
          distancia = document.createElement('span')
          distancia.className = 'sedes-mapa__distancia'
          p.item.appendChild(distancia)
        }
        distancia.textContent = ' · ' + CMOSCCercania.texto(p.metros)
        nuevos.appendChild(p.item)
      })
      lista.appendChild(nuevos)
      if (!origen) origen = L.circleMarker([lugar.lat, lugar.lon], { radius: 9, color: '#083a66', fillColor: '#ffbf47', fillOpacity: 1, weight: 3 }).addTo(mapa)
      origen.setLatLng([lugar.lat, lugar.lon]).bindTooltip(lugar.texto === 'tu ubicación' ? 'Vos estás acá' : lugar.texto)
      var cercanas = ordenados.filter(function (p) { return !p.item.hidden }).slice(0, 5)
      var caja = L.latLngBounds([[lugar.lat, lugar.lon]])
      cercanas.forEach(function (p) { caja.extend([p.lat, p.lon]) })
      mapa.fitBounds(caja, { padding: [32, 32], maxZoom: 16 })
      var primera = cercanas[0]
      cercania.anunciar(primera
        ? 'Sedes ordenadas por distancia a ' + lugar.texto + '. La más cercana: ' + primera.item.querySelector('a').textContent + ', ' + CMOSCCercania.texto(primera.metros) + '.'
        : 'Ninguna sede cumple con los filtros elegidos.')
    })

    // #sede-<slug>-<n> (profiles link here): centre on that sede and open it.
    function irAlAncla () {
      var punto = porAncla[decodeURIComponent(window.location.hash.slice(1))]
      if (!punto) return
      puntos.forEach(function (p) { p.item.classList.toggle('sedes-mapa__item--elegido', p === punto) })
      if (punto.item.hidden) {
        formulario.querySelectorAll('select').forEach(function (campo) { campo.value = '' })
        abierto.checked = false
        aplicar(false)
      }
      mapa.setView([punto.lat, punto.lon], 17)
      grupos.zoomToShowLayer(punto.marcador, function () { abrirPopup(punto) })
      contenedor.scrollIntoView()
    }
    window.addEventListener('hashchange', irAlAncla)

    // The view first, so that the clusters are computed once, for it.
    var inicial = porAncla[decodeURIComponent(window.location.hash.slice(1))]
    if (inicial) mapa.setView([inicial.lat, inicial.lon], 17)
    else encuadrar(puntos)
    mapa.addLayer(grupos)
    aplicar(false)
    irAlAncla()
    contenedor.setAttribute('data-listo', 'true')
    // make bench measures this mark: every sede is on the map.
    if (window.performance && performance.mark) performance.mark('cmosc-mapa-listo')
  }
}())
