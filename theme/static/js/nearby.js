/*
 * CMOSC — «Cerca de mí», shared by /mapa/ and /buscar/.
 *
 * The visitor's position (from the browser, with their permission) or the
 * centre of the barrio they choose never leaves the page: distances are
 * computed here. `CMOSCNearby.control(fieldset, onChoose)` wires the
 * control of macros/cercania.html and calls onChoose({lat, lon, label}).
 */
(function () {
  'use strict'

  var EARTH_RADIUS_M = 6371008.8

  function radians (degrees) { return degrees * Math.PI / 180 }

  // Haversine: great-circle distance in metres; within a city the error is negligible.
  function distance (lat1, lon1, lat2, lon2) {
    var dLat = radians(lat2 - lat1)
    var dLon = radians(lon2 - lon1)
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2)
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
  }

  // Made on first use: building an Intl object loads locale data (a long task on a phone).
  var kilometres = null

  function text (metres) {
    if (metres < 1000) return 'a ' + (Math.round(metres / 10) * 10) + ' m'
    kilometres = kilometres || new Intl.NumberFormat('es-AR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
    return 'a ' + kilometres.format(metres / 1000) + ' km'
  }

  var ERRORS = {
    1: 'No diste permiso para usar tu ubicación. Podés elegir tu barrio.',
    2: 'No pudimos saber dónde estás. Podés elegir tu barrio.',
    3: 'Tu ubicación tardó demasiado. Probá de nuevo o elegí tu barrio.'
  }

  function control (root, onChoose) {
    if (!root) return
    var button = root.querySelector('[data-cercania-ubicacion]')
    var barrio = root.querySelector('[data-cercania-barrio]')
    var state = root.querySelector('[data-cercania-estado]')
    root.hidden = false

    if (!navigator.geolocation) {
      button.hidden = true
    }
    button.addEventListener('click', function () {
      state.textContent = 'Buscando tu ubicación…'
      navigator.geolocation.getCurrentPosition(function (position) {
        if (barrio) barrio.value = ''
        onChoose({
          lat: position.coords.latitude,
          lon: position.coords.longitude,
          label: 'tu ubicación'
        })
      }, function (error) {
        state.textContent = ERRORS[error.code] || ERRORS[2]
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 })
    })
    if (barrio) {
      barrio.addEventListener('change', function (e) {
        e.stopPropagation() // not a search filter: /buscar/'s form listens to its changes
        var option = barrio.options[barrio.selectedIndex]
        if (!option.value) return
        onChoose({
          lat: Number(option.getAttribute('data-lat')),
          lon: Number(option.getAttribute('data-lon')),
          label: 'el centro de ' + option.textContent
        })
      })
    }
    return {
      announce: function (message) { state.textContent = message }
    }
  }

  window.CMOSCNearby = { distance: distance, text: text, control: control }
}())
