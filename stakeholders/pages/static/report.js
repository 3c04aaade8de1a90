/* The meeting report's own script: before printing, the map is drawn at the size of its printed
   frame (see report.css, `html.printing` and `@media print`) and fitted to it, so no organisation
   or label is cut off; after printing, the map gets its screen size and view back. */
(function () {
  "use strict";
  var network = window.network;
  if (!network) return;
  var root = document.documentElement;
  var saved = null;
  // The view on screen, kept as drawn: the map's own beforeprint handler fits it before ours runs.
  function currentView() { return { position: network.getViewPosition(), scale: network.getScale() }; }
  var onScreen = currentView();
  network.on("afterDrawing", function () { if (!saved) onScreen = currentView(); });

  function beforePrint() {
    if (saved) return;
    saved = onScreen;
    root.classList.add("printing");
    network.setSize(); // the canvas takes the frame's printed size (reading it lays the page out)
    window.stakeholdersPage.fit(); // the names' room included
    network.redraw();
  }

  function afterPrint() {
    if (!saved) return;
    root.classList.remove("printing");
    network.setSize();
    network.moveTo({ position: saved.position, scale: saved.scale, animation: false });
    network.redraw();
    saved = null;
  }

  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    var changed = function (event) { if (event.matches) beforePrint(); else afterPrint(); };
    if (print.addEventListener) print.addEventListener("change", changed);
    else if (print.addListener) print.addListener(changed);
  }
})();
