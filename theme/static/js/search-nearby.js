/*
 * CMOSC — «Cerca de mí» on /buscar/: results by distance to the visitor (or to
 * the barrio they chose). Sede coordinates (buscar/ubicaciones.json, slug →
 * [[lat, lon], …]) are fetched only when asked; an organization's distance is
 * that of its nearest sede. search.js sorts by `CMOSCSearch.nearby`.
 */
(function () {
  'use strict'

  var form = document.getElementById('busqueda')
  var S = window.CMOSCSearch
  var C = window.CMOSCNearby
  if (!form || !S || !C || !window.lunr) return
  var locations = null

  function load () {
    if (!locations) {
      locations = fetch(form.getAttribute('data-ubicaciones'), { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status)
          return r.json()
        })
      locations.catch(function () { locations = null })
    }
    return locations
  }

  var control = C.control(document.getElementById('cercania-buscar'), function (place) {
    load().then(function (sedes) {
      var distances = {}
      Object.keys(sedes).forEach(function (slug) {
        distances[slug] = Math.min.apply(null, sedes[slug].map(function (p) {
          return C.distance(place.lat, place.lon, p[0], p[1])
        }))
      })
      S.nearby = { distances: distances }
      form.dispatchEvent(new CustomEvent('cmosc:cercania'))
      control.announce('Resultados ordenados por distancia a ' + place.label + '.')
    }, function () {
      control.announce('No pudimos cargar las ubicaciones de las sedes. Probá de nuevo.')
    })
  })
}())
