/*
 * CMOSC — service worker (loaded by /sw.js, which sets self.CMOSC_SW for this
 * build: {cache, inicial, sinConexion}; see cmosc/site/offline.py).
 *
 * - Install: keep the shell (home, search page and its data, styles, scripts).
 * - Pages: network first, so visitors online always see today's data; each page
 *   seen is kept; offline, the kept copy, or /sin-conexion.html for pages never seen.
 * - Other files of this site: kept copy first (a build never changes a file under
 *   the same cache name), else network, then kept.
 * - Activate: delete the caches of earlier builds; keep the pages already open.
 * - Message {keep: [url, …]}: a page that loaded before the worker lists the files it used.
 * Requests to other hosts (map tiles) and to /admin/ are left to the browser.
 */
/* global self, caches, fetch, URL, Response */
'use strict'

var CONFIG = self.CMOSC_SW
var PREFIX = 'cmosc-'
var BASE = self.registration.scope

function url (path) { return new URL(path, BASE).href }

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CONFIG.cache).then(function (cache) {
    return cache.addAll(CONFIG.inicial.map(url))
  }).then(function () { return self.skipWaiting() }))
})

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CONFIG.cache
    }).map(function (n) { return caches.delete(n) }))
  }).then(function () {
    // The page that installed the worker loaded before it: keep it too.
    return self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  }).then(function (windows) {
    return caches.open(CONFIG.cache).then(function (cache) {
      return Promise.all(windows.map(function (v) {
        return v.url.indexOf(BASE) === 0 ? cache.add(v.url).catch(function () {}) : null
      }))
    })
  }).then(function () { return self.clients.claim() }))
})

function store (request, response) {
  if (response.ok && response.type === 'basic') {
    var copy = response.clone()
    caches.open(CONFIG.cache).then(function (cache) { return cache.put(request, copy) })
  }
  return response
}

function page (request) {
  return fetch(request).then(function (response) {
    return store(request, response)
  }, function () {
    return caches.open(CONFIG.cache).then(function (cache) {
      // /buscar/?q=… offline: the kept /buscar/ runs the query on the kept index.
      return cache.match(request).then(function (r) { return r || cache.match(request, { ignoreSearch: true }) })
        .then(function (r) { return r || cache.match(url(CONFIG.sinConexion)) })
        .then(function (r) { return r || Response.error() })
    })
  })
}

function file (request) {
  // Files carry ?v=<version> for HTTP caches; within one build the version is fixed.
  return caches.match(request, { ignoreSearch: true, cacheName: CONFIG.cache }).then(function (r) {
    return r || fetch(request).then(function (response) { return store(request, response) })
  })
}

// A page that loaded before the worker sends the files it used ({keep: [url, …]}): keep those
// of this site that are not kept yet.
self.addEventListener('message', function (event) {
  var urls = (event.data && event.data.keep) || []
  event.waitUntil(caches.open(CONFIG.cache).then(function (cache) {
    return Promise.all(urls.filter(ofThisSite).map(function (address) {
      return cache.match(address, { ignoreSearch: true }).then(function (kept) {
        return kept || cache.add(address).catch(function () {})
      })
    }))
  }))
})

function ofThisSite (address) {
  return address.indexOf(BASE) === 0 && address.indexOf(url('admin/')) !== 0
}

self.addEventListener('fetch', function (event) {
  var request = event.request
  if (request.method !== 'GET' || !ofThisSite(request.url)) return // tiles; the editor always goes online
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request))
})
