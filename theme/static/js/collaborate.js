// /colaborar/: the filter links narrow the list in place (one value per filter; tap again
// to clear). Without this script each link opens its static filtered page.
(function () {
  "use strict";
  var box = document.querySelector("[data-filtros]");
  var status = document.querySelector("[data-estado]");
  if (!box || !status) return;
  var cards = document.querySelectorAll(".pedido");
  var chosen = {};

  function apply() {
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var ok = true;
      for (var key in chosen) {
        var values = (cards[i].getAttribute("data-" + key) || "").split(" ");
        if (values.indexOf(chosen[key]) < 0) ok = false;
      }
      cards[i].hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = shown + (shown === 1 ? " organización" : " organizaciones");
  }

  box.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-filtro]");
    if (!link) return;
    event.preventDefault();
    var key = link.getAttribute("data-filtro");
    var value = link.getAttribute("data-valor");
    var same = chosen[key] === value;
    var siblings = box.querySelectorAll('a[data-filtro="' + key + '"]');
    for (var i = 0; i < siblings.length; i++) siblings[i].removeAttribute("aria-current");
    if (same) {
      delete chosen[key];
    } else {
      chosen[key] = value;
      link.setAttribute("aria-current", "true");
    }
    apply();
  });
})();
