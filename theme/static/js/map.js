/*
 * CMOSC — /mapa/: the list of sedes (cmosc/site/pages/map.py) drawn on a
 * Leaflet map with clusters. The list stays the source and the alternative:
 * filters, «Cerca de mí» and #sede-… links act on both.
 */
(function () {
  'use strict'

  var contenedor = document.getElementById('mapa')
  var lista = document.getElementById('sedes')
  if (!contenedor || !lista || !window.L || !L.markerClusterGroup) return
  var config = JSON.parse(document.getElementById('mapa-config').textContent)
  var formulario = document.getElementById('mapa-filtros')
  var estado = document.getElementById('mapa-estado')
  var FILTROS = ['tipo', 'area', 'barrio']

  function escapar (texto) {
    var div = document.createElement('div')
    div.textContent = texto
    return div.innerHTML.replace(/"/g, '&quot;')
  }

  function nombreOpcion (param, valor) {
    var opcion = formulario.querySelector('[data-filtro="' + param + '"] option[value="' + valor + '"]')
    return opcion ? opcion.getAttribute('data-nombre') : ''
  }

  // A popup is built on first opening: 2000 sedes need no 2000 popups up front.
  function popup (punto) {
    var caja = document.createElement('div')
    caja.className = 'mapa-popup'
    var titulo = document.createElement('p')
    titulo.className = 'mapa-popup__nombre'
    titulo.appendChild(punto.item.querySelector('a').cloneNode(true))
    caja.appendChild(titulo)
    var tipo = document.createElement('p')
    tipo.textContent = nombreOpcion('tipo', punto.tipo)
    caja.appendChild(tipo)
    var datos = document.createElement('p')
    datos.textContent = punto.item.querySelector('.sedes-mapa__datos').textContent
    caja.appendChild(datos)
    return caja
  }

  var puntos = Array.prototype.map.call(lista.children, function (item) {
    var punto = {
      item: item,
      lat: Number(item.getAttribute('data-lat')),
      lon: Number(item.getAttribute('data-lon')),
      tipo: item.getAttribute('data-tipo'),
      area: item.getAttribute('data-area').split(' '),
      barrio: item.getAttribute('data-barrio')
    }
    var nombre = item.querySelector('a').textContent
    punto.marcador = L.marker([punto.lat, punto.lon], {
      title: nombre,
      alt: nombre + ': ' + item.querySelector('.sedes-mapa__datos').textContent
    }).bindPopup(function () { return popup(punto) }, { maxWidth: 240 })
    return punto
  })
  var porAncla = {}
  puntos.forEach(function (p) { porAncla[p.item.id] = p })

  var herramientas = document.getElementById('mapa-herramientas')
  contenedor.hidden = false
  herramientas.hidden = false
  // Open on wide screens; on a phone closed, so the map comes first.
  herramientas.open = window.matchMedia('(min-width: 48rem)').matches
  var mapa = L.map(contenedor, { zoomControl: false })
  L.control.zoom({ zoomInTitle: 'Acercar', zoomOutTitle: 'Alejar' }).addTo(mapa)
  L.tileLayer(config.teselas, {
    maxZoom: 19,
    attribution: '<a href="' + escapar(config.atribucion.url) + '">' + escapar(config.atribucion.texto) + '</a>'
  }).addTo(mapa)

  var listo = false
  var grupos = L.markerClusterGroup({
    chunkedLoading: true, // 2000 sedes never block the page for long
    chunkProgress: function (hechos, total) {
      if (listo || hechos < total) return
      listo = true
      // Called before the group draws its clusters: once it has, the map is ready
      // (make bench measures this mark).
      setTimeout(function () {
        irAlAncla()
        contenedor.setAttribute('data-listo', 'true')
        if (window.performance && performance.mark) performance.mark('cmosc-mapa-listo')
      }, 0)
    },
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

  function cumple (punto, elegido) {
    return FILTROS.every(function (p) {
      var valor = elegido[p]
      if (!valor) return true
      return p === 'area' ? punto.area.indexOf(valor) >= 0 : punto[p] === valor
    })
  }

  function visibles () {
    return puntos.filter(function (p) { return !p.item.hidden })
  }

  function encuadrar (lista) {
    if (lista.length) {
      mapa.fitBounds(L.latLngBounds(lista.map(function (p) { return [p.lat, p.lon] })), { padding: [24, 24], maxZoom: 16 })
    } else {
      mapa.fitBounds(config.limites)
    }
  }

  function aplicar (encuadre) {
    var elegido = {}
    FILTROS.forEach(function (p) {
      var campo = formulario.querySelector('[data-filtro="' + p + '"]')
      elegido[p] = campo ? campo.value : ''
    })
    var marcadores = []
    puntos.forEach(function (p) {
      var ok = cumple(p, elegido)
      p.item.hidden = !ok
      if (ok) marcadores.push(p.marcador)
    })
    grupos.clearLayers()
    grupos.addLayers(marcadores)
    var n = marcadores.length
    var filtrado = n !== puntos.length
    estado.textContent = (n === 1 ? '1 sede' : n + ' sedes') +
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
    puntos.slice().sort(function (a, b) { return a.metros - b.metros }).forEach(function (p) {
      var distancia = p.item.querySelector('.sedes-mapa__distancia')
      if (!distancia) {
        distancia = document.createElement('span')
        distancia.className = 'sedes-mapa__distancia'
        p.item.appendChild(distancia)
      }
      distancia.textContent = ' · ' + CMOSCCercania.texto(p.metros)
      lista.appendChild(p.item)
    })
    if (!origen) origen = L.circleMarker([lugar.lat, lugar.lon], { radius: 9, color: '#083a66', fillColor: '#ffbf47', fillOpacity: 1, weight: 3 }).addTo(mapa)
    origen.setLatLng([lugar.lat, lugar.lon]).bindTooltip(lugar.texto === 'tu ubicación' ? 'Vos estás acá' : lugar.texto)
    var cercanas = visibles().slice(0, 5)
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
      aplicar(false)
    }
    mapa.setView([punto.lat, punto.lon], 17)
    grupos.zoomToShowLayer(punto.marcador, function () { punto.marcador.openPopup() })
    contenedor.scrollIntoView()
  }
  window.addEventListener('hashchange', irAlAncla)

  // The view first, so that the clusters are computed once, for it.
  // The sede of the #anchor is opened once every sede is in (chunkProgress above).
  var inicial = porAncla[decodeURIComponent(window.location.hash.slice(1))]
  if (inicial) mapa.setView([inicial.lat, inicial.lon], 17)
  else encuadrar(puntos)
  mapa.addLayer(grupos)
  aplicar(false)
}())
