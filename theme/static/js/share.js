// «Compartir»: the phone's own share sheet (Web Share API) where it exists, and
// copy-the-link where the clipboard is available. The WhatsApp and e-mail links in the
// HTML work without this script; it only reveals the two buttons that need it.
(function () {
  "use strict";
  function setUp(box) {
    var title = box.getAttribute("data-titulo");
    var url = box.getAttribute("data-url");
    var status = box.querySelector("[data-compartir-estado]");
    var nativeButton = box.querySelector("[data-compartir-nativo]");
    var copyButton = box.querySelector("[data-compartir-copiar]");
    if (navigator.share && nativeButton) {
      nativeButton.parentNode.hidden = false;
      nativeButton.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {
          // Closed by the person or refused: nothing to report.
        });
      });
    }
    if (navigator.clipboard && window.isSecureContext && copyButton) {
      copyButton.parentNode.hidden = false;
      copyButton.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { status.textContent = "Enlace copiado: " + url; },
          function () { status.textContent = "No se pudo copiar. El enlace es " + url; }
        );
      });
    }
  }
  var boxes = document.querySelectorAll("[data-compartir]");
  for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
})();
