/* stakeholders presentation: step through the views of a map on one stable layout. */
(function () {
  "use strict";
  var data = window.stakeholdersMap;
  var page = window.stakeholdersPage;
  var network = window.network;
  var steps = data.presentation.steps;
  var W = data.words;
  var current = -1;
  // labels readable from the back of the room; the presenter's keys (below) drive the steps
  network.setOptions({ nodes: { font: { size: 20 } } });

  function $(id) { return document.getElementById(id); }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) { return key in values ? String(values[key]) : match; });
  }
  function counted(n, noun) { return n === 1 ? W["one_" + noun] : fmt(W["n_" + noun + "s"], { n: n }); }
  var orgById = new Map(data.organisations.map(function (org) { return [org.id, org]; }));
  function orgTitle(org) {
    var name = (data.names_lang && org["name_" + data.names_lang]) || org.name;
    return org.short_name && org.short_name !== name ? name + " (" + org.short_name + ")" : name;
  }

  /* The step's organisations as a list of buttons: their details open from the keyboard too. */
  function listOrganisations(step) {
    var list = $("step-organisation-list");
    var hadFocus = list.contains(document.activeElement); // a new step keeps the focus in the list
    var orgs = step.organisations.map(function (id) { return orgById.get(id); });
    orgs.sort(function (a, b) { return orgTitle(a).localeCompare(orgTitle(b)); });
    list.replaceChildren.apply(list, orgs.map(function (org) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = orgTitle(org);
      button.addEventListener("click", function () { page.showOrganisation(org.id); });
      item.appendChild(button);
      return item;
    }));
    if (hadFocus && list.firstChild) list.querySelector("button").focus();
  }

  function fadeIn(ids, dimmed) {
    if (!ids.length) return;
    var start = null;
    page.nodes.update(ids.map(function (id) { return { id: id, opacity: 0 }; }));
    function frame(now) {
      if (start === null) start = now;
      var k = Math.min(1, (now - start) / 600);
      page.nodes.update(ids.map(function (id) { return { id: id, opacity: k * (dimmed.has(id) ? 0.3 : 1) }; }));
      if (k < 1) window.requestAnimationFrame(frame);
    }
    window.requestAnimationFrame(frame);
  }

  // sizes grow or shrink to the step's over 600 ms; a newer step stops an older step's growing
  var growing = 0;
  function grow(from) {
    var ids = Object.keys(from);
    var token = ++growing;
    if (!ids.length) return;
    var to = new Map(page.nodes.get(ids).map(function (node) { return [node.id, node.size]; }));
    var start = null;
    function frame(now) {
      if (token !== growing) return;
      if (start === null) start = now;
      var k = Math.min(1, (now - start) / 600);
      var ease = k * (2 - k);
      page.nodes.update(ids.map(function (id) { return { id: id, size: from[id] + (to.get(id) - from[id]) * ease }; }));
      if (k < 1) window.requestAnimationFrame(frame);
    }
    page.nodes.update(ids.map(function (id) { return { id: id, size: from[id] }; }));
    window.requestAnimationFrame(frame);
  }

  function showLegend(index) {
    document.querySelectorAll(".deck-legend[data-steps]").forEach(function (legend) {
      legend.hidden = legend.getAttribute("data-steps").split(" ").indexOf(String(index)) < 0;
    });
  }

  /* A step whose view is a board shows its board over the network (templates/board.html). */
  function showBoard(index) {
    var shown = false;
    document.querySelectorAll(".deck-board").forEach(function (board) {
      board.hidden = board.getAttribute("data-step") !== String(index);
      shown = shown || !board.hidden;
    });
    $("network").parentNode.classList.toggle("board-shown", shown);
  }

  function show(index, animate) {
    index = Math.max(0, Math.min(steps.length - 1, index));
    if (index === current) return;
    var before = current >= 0 ? new Set(steps[current].organisations) : new Set();
    current = index;
    var step = steps[index];
    var was = new Map(page.nodes.get(step.organisations).map(function (node) { return [node.id, node.size]; }));
    growing += 1; // an older step's sizes stop growing before this step's are set
    page.restyle(step.sizes, step.highlight);
    if (window.stakeholdersNetmap) window.stakeholdersNetmap.show(step.netmap); // towers and marks (netmap.js)
    page.showOnly(step.organisations, step.links, step.dimmed);
    showLegend(index);
    showBoard(index);
    if (animate) {
      fadeIn(step.organisations.filter(function (id) { return !before.has(id); }), new Set(step.dimmed));
      var from = {};
      page.nodes.get(step.organisations).forEach(function (node) {
        if (was.has(node.id) && was.get(node.id) !== node.size) from[node.id] = was.get(node.id);
      });
      grow(from);
    }
    var place = { n: index + 1, total: steps.length, title: step.title };
    $("step-title").textContent = step.title;
    $("step-counter").textContent = fmt(W.step_counter, place);
    $("step-status").textContent = fmt(W.step_status, place); // said by screen readers: the step and its title
    $("step-note").textContent = step.note;
    $("network").setAttribute("aria-label", fmt(W.deck_map_label, Object.assign(place, {
      orgs: counted(step.organisations.length, "organisation"), links: counted(step.links.length, "link")
    })));
    listOrganisations(step);
    if (window.history && window.history.replaceState) window.history.replaceState(null, "", "#" + (index + 1));
    network.fit({ nodes: step.organisations, animation: animate ? { duration: 700, easingFunction: "easeInOutQuad" } : false });
  }

  function toggleNotes() {
    var notes = $("notes");
    notes.hidden = !notes.hidden;
    $("toggle-notes").setAttribute("aria-expanded", String(!notes.hidden));
  }

  function toggleOrganisations() {
    var panel = $("step-organisations");
    panel.hidden = !panel.hidden;
    $("toggle-organisations").setAttribute("aria-expanded", String(!panel.hidden));
    var first = panel.querySelector("button");
    if (!panel.hidden && first) first.focus();
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  }

  document.addEventListener("keydown", function (event) {
    if (event.target && /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;  // Ctrl+O, Cmd+F …: the browser's, not ours
    var key = event.key;
    if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || key === " ") {
      if (key === " " && event.target && event.target.tagName === "BUTTON") return;
      event.preventDefault();
      show(current + 1, true);
    } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") {
      event.preventDefault();
      show(current - 1, true);
    } else if (key === "Home") {
      event.preventDefault();
      show(0, true);
    } else if (key === "End") {
      event.preventDefault();
      show(steps.length - 1, true);
    } else if (key === "n" || key === "N") {
      toggleNotes();
    } else if (key === "o" || key === "O") {
      toggleOrganisations();
    } else if (key === "f" || key === "F") {
      toggleFullscreen();
    }
  }, true);
  $("previous-step").addEventListener("click", function () { show(current - 1, true); });
  $("next-step").addEventListener("click", function () { show(current + 1, true); });
  $("toggle-notes").addEventListener("click", toggleNotes);
  $("toggle-organisations").addEventListener("click", toggleOrganisations);
  $("fullscreen").addEventListener("click", toggleFullscreen);

  var start = Number((window.location.hash || "").slice(1)) || 1;
  show(start - 1, false);
})();
