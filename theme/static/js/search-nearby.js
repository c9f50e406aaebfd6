/*!
 * CMOSC — «Cerca de mí» on /buscar/: results by distance to the visitor (or to
 * the barrio they chose). Sede coordinates (buscar/ubicaciones.json, slug →
 * [[lat, lon], …]) are fetched only when asked; an organization's distance is
 * that of its nearest sede. search.js sorts by `CMOSCBusqueda.cercania`.
 */
(function () {
  'use strict'

  var form = document.getElementById('busqueda')
  var B = window.CMOSCBusqueda
  var C = window.CMOSCCercania
  if (!form || !B || !C || !window.lunr) return
  var ubicaciones = null

  function cargar () {
    if (!ubicaciones) {
      ubicaciones = fetch(form.getAttribute('data-ubicaciones'), { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status)
          return r.json()
        })
      ubicaciones.catch(function () { ubicaciones = null })
    }
    return ubicaciones
  }

  var control = C.control(document.getElementById('cercania-buscar'), function (lugar) {
    cargar().then(function (sedes) {
      var distancias = {}
      Object.keys(sedes).forEach(function (slug) {
        distancias[slug] = Math.min.apply(null, sedes[slug].map(function (p) {
          return C.distancia(lugar.lat, lugar.lon, p[0], p[1])
        }))
      })
      B.cercania = { distancias: distancias }
      form.dispatchEvent(new CustomEvent('cmosc:cercania'))
      control.anunciar('Resultados ordenados por distancia a ' + lugar.texto + '.')
    }, function () {
      control.anunciar('No pudimos cargar las ubicaciones de las sedes. Probá de nuevo.')
    })
  })
}())
