/* stakeholders: "Save positions". A presenter drags organisations, then saves where they stand: as a download
 * (positions.csv, to put beside the source) or, in `stakeholders serve`, straight to the server, which writes
 * the positions file. Texts reach the page through textContent only. */
(function () {
  "use strict";
  var data = window.stakeholdersMap;
  var network = window.network;
  var saving = data && data.save_positions;
  if (!saving || !network) return;
  var W = saving.words;
  var panel = document.querySelector(".sidebar .buttons");
  if (!panel) return;

  var button = document.createElement("button");
  button.type = "button";
  button.id = "save-positions";
  button.textContent = W.save;
  var help = document.createElement("p");
  help.id = "save-positions-help";
  help.className = "hint";
  help.textContent = saving.mode === "server" ? W.help_server : W.help_download;
  var status = document.createElement("p");
  status.id = "save-positions-status";
  status.className = "hint";
  status.setAttribute("role", "status");
  button.setAttribute("aria-describedby", "save-positions-help");
  panel.appendChild(button);
  panel.parentNode.insertBefore(help, panel.nextSibling);
  help.parentNode.insertBefore(status, help.nextSibling);

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) { return key in values ? String(values[key]) : match; });
  }

  /* Where every organisation of the page stands now, in whole pixels, sorted by id. */
  function current() {
    var ids = data.organisations.map(function (org) { return String(org.id); });
    var found = network.getPositions(ids);
    ids.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    return ids.filter(function (id) { return found[id]; }).map(function (id) {
      return [id, Math.round(found[id].x), Math.round(found[id].y)];
    });
  }

  /* One CSV cell: quoted when it must be, and kept from running as a formula in a spreadsheet. */
  function cell(text) {
    var value = /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function download(rows) {
    var text = "id,x,y\n" + rows.map(function (row) { return [cell(row[0]), row[1], row[2]].join(","); }).join("\n") + "\n";
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = "positions.csv";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    status.textContent = fmt(W.downloaded, { n: rows.length });
  }

  function post(rows) {
    var positions = {};
    rows.forEach(function (row) { positions[row[0]] = [row[1], row[2]]; });
    button.disabled = true;
    fetch("/positions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ positions: positions }),
      cache: "no-store"
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error(answer.error || String(response.status));
        status.textContent = fmt(W.saved, { n: answer.saved, file: answer.file });
      });
    }).catch(function (error) {
      status.textContent = fmt(W.failed, { error: error.message });
    }).then(function () { button.disabled = false; });
  }

  button.addEventListener("click", function () {
    var rows = current();
    if (saving.mode === "server") post(rows); else download(rows);
  });
})();
