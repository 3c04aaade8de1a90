/* stakeholders serve: reload when the source changes; show validation errors without losing the map. */
(function () {
  "use strict";
  var shown = Number(document.documentElement.getAttribute("data-version"));
  var banner = null;

  function showErrors(errors) {
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "live-errors";
      banner.setAttribute("role", "alert");
      banner.className = "live-errors";
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.replaceChildren();
    var heading = document.createElement("strong");
    heading.textContent = errors.title;
    banner.appendChild(heading);
    var list = document.createElement("ul");
    errors.lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    banner.appendChild(list);
    banner.hidden = false;
  }

  function check() {
    fetch("/state", { cache: "no-store" }).then(function (response) { return response.json(); }).then(function (state) {
      if (state.errors && state.errors.lines.length) {
        showErrors(state.errors);
      } else if (banner) {
        banner.hidden = true;
      }
      if (state.version !== shown && state.good === state.version) {
        window.location.reload();
      }
    }).catch(function () { /* the server stopped: keep the last map */ }).then(function () {
      window.setTimeout(check, 700);
    });
  }
  window.setTimeout(check, 700);
})();
