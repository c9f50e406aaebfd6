/*
 * CMOSC — registers the service worker (/sw.js) so that pages seen once, and
 * the search, work without a connection. Browsers without service workers, or
 * pages not served over https or from localhost, simply go on as before.
 */
(function () {
  'use strict'
  var script = document.currentScript
  if (!('serviceWorker' in navigator) || !script) return
  var sw = script.getAttribute('data-sw')
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(sw).catch(function () { /* the site works without it */ })
  })
}())

// /sin-conexion.html: list the pages this browser kept, by their titles.
;(function () {
  'use strict'
  var caja = document.getElementById('paginas-guardadas')
  if (!caja || !window.caches) return
  var lista = caja.querySelector('ul')
  caches.keys().then(function (nombres) {
    var nombre = nombres.filter(function (n) { return n.indexOf('cmosc-') === 0 }).pop()
    return nombre && caches.open(nombre)
  }).then(function (cache) {
    if (!cache) return
    return cache.keys().then(function (pedidos) {
      var paginas = pedidos.filter(function (p) { return /\/$/.test(new URL(p.url).pathname) })
      return Promise.all(paginas.map(function (p) {
        return cache.match(p).then(function (r) { return r.text() }).then(function (html) {
          var titulo = new DOMParser().parseFromString(html, 'text/html').title
          return { url: p.url, titulo: titulo.split(' · ')[0] }
        })
      }))
    })
  }).then(function (paginas) {
    if (!paginas) return
    paginas = paginas.filter(function (p) { return p.titulo })
    paginas.sort(function (a, b) { return a.titulo.localeCompare(b.titulo, 'es') })
    paginas.forEach(function (p) {
      var li = document.createElement('li')
      var a = document.createElement('a')
      a.href = p.url
      a.textContent = p.titulo
      li.appendChild(a)
      lista.appendChild(li)
    })
    caja.hidden = paginas.length === 0
  }, function () {})
}())
