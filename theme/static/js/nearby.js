/*
 * CMOSC — «Cerca de mí», shared by /mapa/ and /buscar/.
 *
 * The visitor's position (from the browser, with their permission) or the
 * centre of the barrio they choose never leaves the page: distances are
 * computed here. `CMOSCCercania.control(fieldset, onChoose)` wires the
 * control of macros/cercania.html and calls onChoose({lat, lon, texto}).
 */
(function () {
  'use strict'

  var RADIO_TIERRA_M = 6371008.8

  function radianes (grados) { return grados * Math.PI / 180 }

  // Haversine: great-circle distance in metres; within a city the error is negligible.
  function distancia (lat1, lon1, lat2, lon2) {
    var dLat = radianes(lat2 - lat1)
    var dLon = radianes(lon2 - lon1)
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(radianes(lat1)) * Math.cos(radianes(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2)
    return 2 * RADIO_TIERRA_M * Math.asin(Math.min(1, Math.sqrt(a)))
  }

  // Made on first use: building an Intl object loads locale data (a long task on a phone).
  var kilometros = null

  function texto (metros) {
    if (metros < 1000) return 'a ' + (Math.round(metros / 10) * 10) + ' m'
    kilometros = kilometros || new Intl.NumberFormat('es-AR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
    return 'a ' + kilometros.format(metros / 1000) + ' km'
  }

  var ERRORES = {
    1: 'No diste permiso para usar tu ubicación. Podés elegir tu barrio.',
    2: 'No pudimos saber dónde estás. Podés elegir tu barrio.',
    3: 'Tu ubicación tardó demasiado. Probá de nuevo o elegí tu barrio.'
  }

  function control (raiz, alElegir) {
    if (!raiz) return
    var boton = raiz.querySelector('[data-cercania-ubicacion]')
    var barrio = raiz.querySelector('[data-cercania-barrio]')
    var estado = raiz.querySelector('[data-cercania-estado]')
    raiz.hidden = false

    if (!navigator.geolocation) {
      boton.hidden = true
    }
    boton.addEventListener('click', function () {
      estado.textContent = 'Buscando tu ubicación…'
      navigator.geolocation.getCurrentPosition(function (posicion) {
        if (barrio) barrio.value = ''
        alElegir({
          lat: posicion.coords.latitude,
          lon: posicion.coords.longitude,
          texto: 'tu ubicación'
        })
      }, function (error) {
        estado.textContent = ERRORES[error.code] || ERRORES[2]
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 })
    })
    if (barrio) {
      barrio.addEventListener('change', function (e) {
        e.stopPropagation() // not a search filter: /buscar/'s form listens to its changes
        var opcion = barrio.options[barrio.selectedIndex]
        if (!opcion.value) return
        alElegir({
          lat: Number(opcion.getAttribute('data-lat')),
          lon: Number(opcion.getAttribute('data-lon')),
          texto: 'el centro de ' + opcion.textContent
        })
      })
    }
    return {
      anunciar: function (mensaje) { estado.textContent = mensaje }
    }
  }

  window.CMOSCCercania = { distancia: distancia, texto: texto, control: control }
}())
