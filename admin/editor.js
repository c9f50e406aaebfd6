// Starts Decap CMS for the staff. Decap's GitHub sign-in needs an OAuth server, which a site on
// GitHub Pages does not have, so staff sign in with a fine-grained GitHub token instead: checked
// here against the repository, then handed to Decap as the session it restores on start. On this
// computer, decap-server (`make admin`) saves straight into the project folder. Whenever the editor
// cannot start, the page says why and what to do. ES5 on purpose: an old browser must still run
// far enough to say that it is too old.
(function () {
  "use strict";

  // Where Decap keeps its session (decap-cms-lib-auth); it restores the user from it on start.
  var SESSION_KEY = "decap-cms-user";
  var START_TIMEOUT_MS = 30000;
  var GITHUB_API = "https://api.github.com";
  var LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

  var page = document.getElementById("inicio");
  var script = document.querySelector("script[data-decap]");
  var decapLoaded = null;
  var repository = {};

  function element(id) {
    return document.getElementById(id);
  }

  function problem(text) {
    element("problema-texto").textContent = text;
    element("problema").hidden = false;
    element("cargando").hidden = true;
    element("entrar").hidden = true;
  }

  function formError(id, text) {
    element(id).textContent = text;
    element(id).hidden = !text;
  }

  function tooOld() {
    var modules = "noModule" in document.createElement("script");
    return !(modules && window.fetch && window.Promise && window.localStorage && Object.assign && window.JSON);
  }

  // The generated config.yml always has this shape (cmosc/derived/decap.py).
  function readConfig(text) {
    function value(pattern) {
      var match = text.match(pattern);
      return match ? match[1] : "";
    }
    return {
      repo: value(/^ {2}repo: (\S+)$/m),
      branch: value(/^ {2}branch: (\S+)$/m),
      local: value(/^local_backend:\n {2}url: (\S+)$/m),
    };
  }

  function loadDecap() {
    if (decapLoaded) {
      return decapLoaded;
    }
    decapLoaded = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      var timer = setTimeout(function () {
        reject(new Error("El programa del editor tarda demasiado en descargarse. Revisá la conexión y recargá la página."));
      }, START_TIMEOUT_MS);
      tag.src = script.getAttribute("data-decap");
      tag.onload = function () {
        clearTimeout(timer);
        if (window.CMS && window.CMS.init) {
          resolve(window.CMS);
        } else {
          reject(new Error("El programa del editor se descargó incompleto. Recargá la página."));
        }
      };
      tag.onerror = function () {
        clearTimeout(timer);
        reject(new Error("No se pudo descargar el programa del editor (" + tag.src + "). Recargá la página; si sigue, avisá a quien mantiene el sitio: falta el archivo en la publicación."));
      };
      document.head.appendChild(tag);
    });
    return decapLoaded;
  }

  // Our own parts of the editor, each loaded by index.html before Decap starts.
  var PARTS = [
    ["admin/yaml-format.mjs", "CMOSCYamlFormat"],
    ["admin/hours-text.js", "CMOSCHoursText"],
    ["admin/hours-widget.js", "CMOSCHoursWidget"],
  ];

  function missingPart() {
    for (var i = 0; i < PARTS.length; i++) {
      if (!window[PARTS[i][1]]) {
        return PARTS[i][0];
      }
    }
    return null;
  }

  function start() {
    element("entrar").hidden = true;
    element("cargando").hidden = false;
    loadDecap().then(function (CMS) {
      var missing = missingPart();
      if (missing) {
        problem("No se pudo cargar una parte del editor (" + missing + "). Recargá la página; si sigue, avisá a quien mantiene el sitio: falta el archivo en la publicación.");
        return;
      }
      // Our YAML format replaces Decap's (same name): saving keeps comments and values as typed.
      var format = window.CMOSCYamlFormat;
      CMS.registerCustomFormat("yaml", "yml", format);
      CMS.registerEventListener({ name: "preSave", handler: format.rememberOriginal });
      // The hours fields: the text, and under it how the site reads it (`widget: horario`).
      window.CMOSCHoursWidget.register(CMS, window.h, window.createClass, window.CMOSCHoursText);
      CMS.init();
      var watch = setInterval(function () {
        var root = element("nc-root");
        if (root && root.childElementCount) {
          clearInterval(watch);
          clearTimeout(stuck);
          page.hidden = true;
          watchSignOut();
        }
      }, 200);
      var stuck = setTimeout(function () {
        clearInterval(watch);
        problem("El editor se descargó pero no terminó de arrancar. Recargá la página; si sigue, probá con otro navegador (Firefox o Chrome actualizados).");
      }, START_TIMEOUT_MS);
    }, function (error) {
      problem(error.message);
    });
  }

  // Decap's own sign-in page would offer GitHub's OAuth, which needs a server we do not run:
  // after «Salir» we come back to this page instead.
  function watchSignOut() {
    setInterval(function () {
      if (!window.localStorage.getItem(SESSION_KEY)) {
        window.location.reload();
      }
    }, 1000);
  }

  function checkToken(token) {
    return fetch(GITHUB_API + "/repos/" + repository.repo, {
      headers: { Authorization: "Bearer " + token, Accept: "application/vnd.github+json" },
    }).then(function (response) {
      if (response.status === 401) {
        throw new Error("GitHub no reconoce ese token: puede estar mal copiado o vencido. Creá uno nuevo como explica la guía.");
      }
      if (!response.ok) {
        throw new Error("Ese token no tiene acceso al repositorio " + repository.repo + ". Al crearlo, elegí ese repositorio en «Repository access».");
      }
      return response.json();
    }, function () {
      throw new Error("No se pudo conectar con GitHub. Revisá la conexión a internet y probá de nuevo.");
    }).then(function (info) {
      if (!info.permissions || !info.permissions.push) {
        throw new Error("Ese token puede leer el repositorio pero no guardar cambios. Dale permiso de lectura y escritura en «Contents» y en «Pull requests».");
      }
    });
  }

  function signInWithToken(event) {
    event.preventDefault();
    var token = element("token").value.trim();
    formError("entrar-error", "");
    checkToken(token).then(function () {
      window.localStorage.setItem(SESSION_KEY, JSON.stringify({ backendName: "github", token: token }));
      start();
    }, function (error) {
      formError("entrar-error", error.message);
    });
  }

  function useLocalServer() {
    formError("local-error", "");
    fetch(repository.local, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    }).then(function (response) {
      if (!response.ok) {
        throw new Error();
      }
      window.localStorage.setItem(SESSION_KEY, JSON.stringify({ backendName: "proxy" }));
      start();
    }).catch(function () {
      formError("local-error", "No encuentro el servidor local. Corré «make admin» en una terminal, dejala abierta y volvé a tocar el botón.");
    });
  }

  function showSignIn() {
    var isLocal = LOCAL_HOSTS.indexOf(window.location.hostname) !== -1;
    var names = document.querySelectorAll(".repositorio");
    for (var i = 0; i < names.length; i++) {
      names[i].textContent = repository.repo;
    }
    element("entrar-local").hidden = !isLocal;
    element("entrar").hidden = false;
    element("entrar-token").addEventListener("submit", signInWithToken);
    element("usar-local").addEventListener("click", useLocalServer);
  }

  function resume(session) {
    if (session.backendName === "proxy") {
      useLocalServer();
      return;
    }
    checkToken(session.token).then(start, function (error) {
      window.localStorage.removeItem(SESSION_KEY);
      showSignIn();
      formError("entrar-error", error.message);
    });
  }

  var late = element("demora");
  late.parentNode.removeChild(late);
  if (tooOld()) {
    problem("Este navegador es demasiado antiguo para el editor. Usá Firefox, Chrome o Edge actualizados.");
    return;
  }
  window.CMS_MANUAL_INIT = true;
  fetch("config.yml").then(function (response) {
    if (!response.ok) {
      throw new Error();
    }
    return response.text();
  }).then(function (text) {
    repository = readConfig(text);
    // Download while the person signs in; a failure means the editor cannot start at all.
    loadDecap().catch(function (error) {
      problem(error.message);
    });
    var stored = window.localStorage.getItem(SESSION_KEY);
    if (stored) {
      resume(JSON.parse(stored));
    } else {
      showSignIn();
    }
  }).catch(function () {
    problem("No se pudo leer la configuración del editor (admin/config.yml). Recargá la página; si sigue, avisá a quien mantiene el sitio.");
  });
})();
