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
    var uncontrolled = !navigator.serviceWorker.controller
    navigator.serviceWorker.register(sw).catch(function () { /* the site works without it */ })
    // This page loaded before the worker: hand it the files the page used (the map's scripts
    // and data, for one), so that the page works offline from the first visit.
    if (!uncontrolled || !window.performance || !performance.getEntriesByType) return
    navigator.serviceWorker.ready.then(function (registration) {
      var used = performance.getEntriesByType('resource').map(function (entry) { return entry.name })
      registration.active.postMessage({ keep: used })
    })
  })
}())

// /sin-conexion.html: list the pages this browser kept, by their titles.
;(function () {
  'use strict'
  var box = document.getElementById('paginas-guardadas')
  if (!box || !window.caches) return
  var list = box.querySelector('ul')
  caches.keys().then(function (names) {
    var name = names.filter(function (n) { return n.indexOf('cmosc-') === 0 }).pop()
    return name && caches.open(name)
  }).then(function (cache) {
    if (!cache) return
    return cache.keys().then(function (requests) {
      var pages = requests.filter(function (p) { return /\/$/.test(new URL(p.url).pathname) })
      return Promise.all(pages.map(function (p) {
        return cache.match(p).then(function (r) { return r.text() }).then(function (html) {
          var title = new DOMParser().parseFromString(html, 'text/html').title
          return { url: p.url, titulo: title.split(' · ')[0] }
        })
      }))
    })
  }).then(function (pages) {
    if (!pages) return
    pages = pages.filter(function (p) { return p.titulo })
    pages.sort(function (a, b) { return a.titulo.localeCompare(b.titulo, 'es') })
    pages.forEach(function (p) {
      var li = document.createElement('li')
      var a = document.createElement('a')
      a.href = p.url
      a.textContent = p.titulo
      li.appendChild(a)
      list.appendChild(li)
    })
    box.hidden = pages.length === 0
  }, function () {})
}())
