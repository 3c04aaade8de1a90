/* stakeholders map page: draws window.stakeholdersMap with vis-network.
 * Every text from the data reaches the page through textContent, vis-network's
 * plain-text tooltips or attribute setters: never as markup. */
(function () {
  "use strict";

  function deepFreeze(value) {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
      Object.freeze(value);
      Object.keys(value).forEach(function (key) { deepFreeze(value[key]); });
    }
    return value;
  }

  var data = deepFreeze(JSON.parse(document.getElementById("map-data").textContent));
  Object.defineProperty(window, "stakeholdersMap", { value: data, enumerable: true });

  var INK = "#1a1a1a";
  var W = data.words;
  var NAMES = data.names_lang;
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) { return key in values ? String(values[key]) : match; });
  }
  function localised(record, field) {
    return (NAMES && record[field + "_" + NAMES]) || record[field];
  }
  var DIM_NODE = 0.18;
  var DIM_EDGE = 0.1;
  var style = data.style;
  var orgById = new Map();
  var linkById = new Map();
  var linksByOrg = new Map();
  var labels = {};
  var stageNames = new Map();
  Object.keys(data.vocabularies).forEach(function (name) {
    labels[name] = new Map(data.vocabularies[name].map(function (t) { return [t.id, t.label]; }));
  });
  data.stages.forEach(function (s) { stageNames.set(s.id, localised(s, "name")); });
  data.organisations.forEach(function (org) { orgById.set(org.id, org); linksByOrg.set(org.id, []); });
  data.links.forEach(function (link) {
    linkById.set(link.id, link);
    linksByOrg.get(link.source).push(link);
    linksByOrg.get(link.target).push(link);
  });

  function $(id) { return document.getElementById(id); }
  function on(id, event, handler) { // pages other than the map (a presentation) leave some controls out
    var element = $(id);
    if (element) element.addEventListener(event, handler);
  }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function term(vocabulary, id) {
    if (!id) return W.not_stated;
    return (labels[vocabulary] && labels[vocabulary].get(id)) || id;
  }
  function orgName(org) { return localised(org, "name"); }
  function orgLabel(org) { return org.short_name || orgName(org); }
  function orgTitle(org) {
    var name = orgName(org);
    return org.short_name && org.short_name !== name ? name + " (" + org.short_name + ")" : name;
  }
  function arrowFor(link) {
    return link.direction === "mutual" ? " ↔ " : link.direction === "undirected" ? " — " : " → ";
  }
  function linkTitle(link) {
    return orgLabel(orgById.get(link.source)) + arrowFor(link) + orgLabel(orgById.get(link.target));
  }
  function linkFacts(link) {
    var facts = [term("kind", link.kind)];
    if (link.status && link.status !== "active") facts.push(term("status", link.status));
    if (link.evidence === "unverified" || link.evidence === "inferred") facts.push(term("evidence", link.evidence));
    return facts.join(", ");
  }

  /* ---- drawing ------------------------------------------------------------------ */

  var highlight = data.highlight || null;
  var highlightValues = new Map(((highlight && highlight.values) || []).map(function (v) { return [v.id, v]; }));
  function highlighted(record) {
    if (!highlight || (highlight.links === false && record.source !== undefined && record.target !== undefined)) return null;
    var value = record[highlight.field];
    return highlightValues.get(Array.isArray(value) ? value.join("|") : (value || ""));
  }
  var sizes = data.layout.sizes || {};
  var view = data.view || null;
  var dimmedByView = new Set((view && view.dimmed) || []);

  function nodeFor(org) {
    var position = data.layout.positions[org.id] || [0, 0];
    var mark = highlighted(org);
    var fill = mark ? mark.colour : (style.sector[org.sector || ""] || "#FFFFFF");
    var tooltip = [orgTitle(org), [term("sector", org.sector), term("level", org.level), org.country]
      .filter(Boolean).join(" · ")];
    if (org.stages && org.stages.length) {
      tooltip.push(W.stages_prefix + ": " + org.stages.map(function (s) { return stageNames.get(s) || s; }).join(", "));
    }
    return {
      id: org.id,
      label: orgLabel(org),
      x: position[0],
      y: position[1],
      shape: style.level[org.level || ""] || "dot",
      size: sizes[org.id] || 14,
      color: {
        background: fill, border: style.border,
        highlight: { background: fill, border: "#000000" },
        hover: { background: fill, border: "#000000" }
      },
      shapeProperties: { borderDashes: mark && mark.dashed ? [4, 3] : false },
      title: tooltip.concat(mark ? [mark.label] : []).join("\n")
    };
  }

  function edgeColour(link) {
    var mark = highlighted(link);
    if (mark) return mark.colour;
    return link.status === "lapsed" ? style.lapsed : (style.kind[link.kind || ""] || "#333333");
  }

  function edgeFor(link) {
    var unverified = link.evidence === "unverified" || link.evidence === "inferred";
    var dashKey = link.status === "planned" ? (unverified ? "planned-unverified" : "planned")
      : (unverified ? "unverified" : null);
    var mark = highlighted(link);
    var curve = data.layout.curves[link.id];
    var colour = edgeColour(link);
    return {
      id: link.id,
      from: link.source,
      to: link.target,
      color: { color: colour, highlight: colour, hover: colour, opacity: 1 },
      dashes: mark && mark.dashed ? [6, 4] : (dashKey ? style.dashes[dashKey] : false),
      width: link.strength ? Number(link.strength) : 1.5,
      arrows: {
        to: { enabled: link.direction !== "undirected", scaleFactor: 0.55 },
        from: { enabled: link.direction === "mutual", scaleFactor: 0.55 }
      },
      smooth: curve ? { enabled: true, type: curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(curve) }
        : false,
      label: term("kind", link.kind),
      title: linkTitle(link) + "\n" + linkFacts(link) + (mark ? "\n" + mark.label : "")
    };
  }

  var big = data.organisations.length > 2000;
  var anchorNodes = (data.layout.anchors || []).map(function (anchor, index) {
    return { id: "anchor:" + index, label: anchor.label, x: anchor.x, y: anchor.y, shape: "text", fixed: true,
      chosen: false, font: { size: 22, face: "system-ui, Segoe UI, Roboto, Arial, sans-serif", color: "#4a4a4a", bold: true } };
  });
  var nodes = new vis.DataSet(data.organisations.map(nodeFor).concat(anchorNodes));
  var edges = new vis.DataSet(data.links.map(edgeFor));
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: {
      hover: true, tooltipDelay: 120, multiselect: false, navigationButtons: false,
      keyboard: { enabled: true, bindToWindow: false }, hideEdgesOnDrag: big, hideEdgesOnZoom: big
    },
    nodes: {
      size: 14, borderWidth: 1.5, borderWidthSelected: 3,
      font: { size: 14, face: "system-ui, Segoe UI, Roboto, Arial, sans-serif", color: INK, strokeWidth: 4, strokeColor: "#ffffff" }
    },
    edges: {
      width: 1.5, selectionWidth: 1.5, hoverWidth: 0.5, smooth: false,
      font: { size: 10, color: "#333333", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      scaling: { label: { enabled: false, drawThreshold: 9 } }
    }
  });
  window.network = network;
  network.fit();
  window.addEventListener("beforeprint", function () { network.redraw(); network.fit(); });

  /* ---- state: filters and focus ------------------------------------------------- */

  var hidden = { sector: new Set(), level: new Set(), kind: new Set(), highlight: new Set() };
  var focus = null; // {type: "org"|"link", id, members: Set of org ids}
  var shown = { orgs: new Set(), links: new Set() };

  function highlightShown(record) { return !highlight || !hidden.highlight.has(record[highlight.field] || ""); }
  var only = null; // {orgs: Set, links: Set}: what a presentation step shows
  function orgVisible(org) {
    return !hidden.sector.has(org.sector || "") && !hidden.level.has(org.level || "") && highlightShown(org) &&
      (!only || only.orgs.has(org.id));
  }
  function linkVisible(link) {
    return !hidden.kind.has(link.kind || "") && highlightShown(link) && (!only || only.links.has(link.id)) &&
      shown.orgs.has(link.source) && shown.orgs.has(link.target);
  }

  function neighbourhood(start, depth) {
    var members = new Set([start]);
    var frontier = [start];
    for (var step = 0; step < depth; step++) {
      var next = [];
      frontier.forEach(function (id) {
        linksByOrg.get(id).forEach(function (link) {
          if (!shown.links.has(link.id)) return;
          var other = link.source === id ? link.target : link.source;
          if (!members.has(other)) { members.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return members;
  }

  function refresh() {
    shown.orgs = new Set(data.organisations.filter(orgVisible).map(function (o) { return o.id; }));
    shown.links = new Set(data.links.filter(linkVisible).map(function (l) { return l.id; }));
    if (focus && focus.type === "org") {
      if (!shown.orgs.has(focus.id)) { focus = null; } else { focus.members = neighbourhood(focus.id, depth()); }
    }
    if (focus && focus.type === "link" && !shown.links.has(focus.id)) focus = null;
    var members = focus ? focus.members : null;
    nodes.update(data.organisations.map(function (org) {
      var inFocus = !members || members.has(org.id);
      var base = (dimmedByView.has(org.id) || (only && only.dimmed.has(org.id))) && !members ? 0.3 : 1;
      return {
        id: org.id, hidden: !shown.orgs.has(org.id), opacity: inFocus ? base : DIM_NODE,
        font: { color: inFocus ? INK : "rgba(26,26,26,0.3)" }
      };
    }));
    edges.update(data.links.map(function (link) {
      var inFocus = !members || (members.has(link.source) && members.has(link.target) &&
        (focus.type === "org" || link.id === focus.id));
      var colour = edgeColour(link);
      return {
        id: link.id, hidden: !shown.links.has(link.id),
        color: { color: colour, highlight: colour, hover: colour, opacity: inFocus ? 1 : DIM_EDGE },
        font: { color: inFocus ? "#333333" : "rgba(51,51,51,0.2)" }
      };
    }));
    updateStatus();
    updateTable();
  }

  function depth() { return $("focus-depth") ? Number($("focus-depth").value) || 1 : 1; }

  function updateStatus() {
    var text;
    var allShown = shown.orgs.size === data.organisations.length && shown.links.size === data.links.length;
    if (allShown) {
      text = fmt(W.showing_all, { orgs: data.organisations.length, links: data.links.length });
    } else {
      text = fmt(W.showing_some, {
        orgs: shown.orgs.size, all_orgs: data.organisations.length, links: shown.links.size,
        all_links: data.links.length, hidden_orgs: data.organisations.length - shown.orgs.size,
        hidden_links: data.links.length - shown.links.size
      });
    }
    if (focus && focus.type === "org") {
      text += fmt(W.focus_status, { name: orgTitle(orgById.get(focus.id)), n: focus.members.size - 1, depth: depth() });
    }
    if ($("filter-status")) $("filter-status").textContent = text;
  }

  /* ---- info panel --------------------------------------------------------------- */

  var SAFE_URL = /^(https?:|mailto:)/i;
  var URL_IN_TEXT = /(https?:\/\/[^\s;,<>"')]+)/g;

  function link(href, text) {
    var a = el("a", text);
    a.href = href;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  function linkified(text) {
    var span = el("span");
    var last = 0;
    String(text).replace(URL_IN_TEXT, function (match, url, offset) {
      span.appendChild(document.createTextNode(String(text).slice(last, offset)));
      span.appendChild(link(url, url));
      last = offset + match.length;
      return match;
    });
    span.appendChild(document.createTextNode(String(text).slice(last)));
    return span;
  }

  var VOCABULARY_FIELDS = { sector: "sector", level: "level", kind: "kind", direction: "direction",
    status: "status", evidence: "evidence", sensitivity: "sensitivity" };

  function valueNode(name, value) {
    if (name === "url") {
      var text = String(value).trim();
      return SAFE_URL.test(text) ? link(text, text) : el("span", text);
    }
    if (name === "source" || name === "target") return el("span", orgTitle(orgById.get(value)));
    if (name === "stages" || name === "hands_over_to") {
      return el("span", value.map(function (s) { return stageNames.get(s) || s; }).join(", "));
    }
    if (VOCABULARY_FIELDS[name]) return el("span", term(VOCABULARY_FIELDS[name], value));
    if (Array.isArray(value)) return el("span", value.join(", "));
    return linkified(value);
  }

  function fieldList(record, fields, skip) {
    var dl = el("dl");
    fields.forEach(function (field) {
      var value = field.name === "description" ? localised(record, "description") : record[field.name];
      if (skip.indexOf(field.name) >= 0 || value === null || value === undefined || value === "" ||
          (Array.isArray(value) && !value.length)) return;
      dl.appendChild(el("dt", field.label));
      var dd = el("dd");
      dd.appendChild(valueNode(field.name, value));
      dl.appendChild(dd);
    });
    return dl;
  }

  function openInfo(children) {
    var body = $("info-body");
    if (!body) return;
    body.replaceChildren.apply(body, children);
    $("info").hidden = false;
  }

  function showOrg(id) {
    var org = orgById.get(id);
    var children = [el("h2", orgTitle(org)),
      el("p", [term("sector", org.sector), term("level", org.level)].join(" · "), "kind"),
      fieldList(org, data.fields.organisations, ["name", "short_name"])];
    var own = linksByOrg.get(id);
    children.push(el("h3", fmt(W.links_n, { n: own.length })));
    var list = el("ul");
    own.forEach(function (l) {
      var other = l.source === id ? l.target : l.source;
      var item = el("li");
      var arrow = l.direction === "mutual" ? "↔ " : l.direction === "undirected" ? "— " : (l.source === id ? "→ " : "← ");
      item.appendChild(document.createTextNode(arrow));
      var go = el("button", orgLabel(orgById.get(other)));
      go.type = "button";
      go.setAttribute("aria-label", fmt(W.focus_on, { name: orgTitle(orgById.get(other)) }));
      go.addEventListener("click", function () { focusOrganisation(other); });
      item.appendChild(go);
      item.appendChild(document.createTextNode(": " + linkFacts(l) + " "));
      var details = el("button", W.details);
      details.type = "button";
      details.setAttribute("aria-label", fmt(W.link_details, { name: linkTitle(l) }));
      details.addEventListener("click", function () { focusLink(l.id); });
      item.appendChild(details);
      list.appendChild(item);
    });
    children.push(list);
    openInfo(children);
  }

  function showLink(id) {
    var l = linkById.get(id);
    openInfo([el("h2", linkTitle(l)), el("p", linkFacts(l), "kind"), fieldList(l, data.fields.links, [])]);
  }

  function closeInfo() { if ($("info")) $("info").hidden = true; }

  /* ---- focus -------------------------------------------------------------------- */

  function focusOrganisation(id, options) {
    var org = orgById.get(id);
    if (!org) return;
    if (!orgVisible(org)) { // a search or a link can lead to a filtered-out organisation: show it again
      hidden.sector.delete(org.sector || "");
      hidden.level.delete(org.level || "");
      if (highlight) hidden.highlight.delete(org[highlight.field] || "");
      syncCheckboxes();
    }
    focus = { type: "org", id: id, members: new Set([id]) };
    refresh();
    network.selectNodes([id]);
    showOrg(id);
    if (!options || options.move !== false) {
      network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 350 } });
    }
  }

  function focusLink(id) {
    var l = linkById.get(id);
    if (!l) return;
    focus = { type: "link", id: id, members: new Set([l.source, l.target]) };
    refresh();
    network.selectEdges([id]);
    showLink(id);
  }

  function clearFocus() {
    focus = null;
    network.unselectAll();
    closeInfo();
    refresh();
  }

  network.on("click", function (params) {
    if (params.nodes.length && orgById.has(params.nodes[0])) focusOrganisation(params.nodes[0], { move: false });
    else if (params.edges.length) focusLink(params.edges[0]);
    else clearFocus();
  });

  /* ---- controls ----------------------------------------------------------------- */

  function syncCheckboxes() {
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      box.checked = !hidden[box.dataset.filter].has(box.value);
    });
  }

  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () {
      var set = hidden[box.dataset.filter];
      if (box.checked) set.delete(box.value); else set.add(box.value);
      refresh();
    });
  });

  on("focus-depth", "change", refresh);
  on("zoom-in", "click", function () { network.moveTo({ scale: network.getScale() * 1.3 }); });
  on("zoom-out", "click", function () { network.moveTo({ scale: network.getScale() / 1.3 }); });
  on("fit", "click", function () { network.fit({ animation: { duration: 300 } }); });
  on("clear-focus", "click", clearFocus);
  on("close-info", "click", clearFocus);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && focus) clearFocus();
  });

  /* ---- search ------------------------------------------------------------------- */

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  var searchIndex = data.organisations.map(function (org) {
    var names = Object.keys(org).filter(function (key) { return key.indexOf("name_") === 0; })
      .map(function (key) { return org[key]; });  // name_en, name_nl …: found in any language
    var exact = [org.id, org.name, org.short_name].concat(names, org.aliases || []).filter(Boolean).map(fold);
    return { org: org, exact: exact };
  });

  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var scored = [];
    searchIndex.forEach(function (entry) {
      var score = 9;
      entry.exact.forEach(function (name) {
        if (name === q) score = Math.min(score, 0);
        else if (name.indexOf(q) === 0) score = Math.min(score, 1);
        else if (name.split(/[\s()\-–/]+/).some(function (word) { return word.indexOf(q) === 0; })) score = Math.min(score, 2);
        else if (name.indexOf(q) >= 0) score = Math.min(score, 3);
      });
      if (score < 9) scored.push([score, entry.org]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1].name.localeCompare(b[1].name); });
    return scored.slice(0, 10).map(function (pair) { return pair[1]; });
  }

  var searchBox = $("search") || el("input");
  var results = $("search-results") || el("ul");
  function showResults() {
    var found = search(searchBox.value);
    results.replaceChildren();
    found.forEach(function (org) {
      var item = el("li");
      var button = el("button", orgTitle(org));
      button.type = "button";
      button.appendChild(el("span", " " + term("sector", org.sector) + (orgVisible(org) ? "" : " " + W.hidden_by_filter), "sub"));
      button.addEventListener("click", function () { focusOrganisation(org.id); });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (searchBox.value && !found.length) results.appendChild(el("li", W.no_match, "hint"));
    return found;
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var found = showResults();
      if (found.length) focusOrganisation(found[0].id);
    } else if (event.key === "ArrowDown") {
      var first = results.querySelector("button");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });

  /* ---- table view --------------------------------------------------------------- */

  var tableBuilt = false;
  var tableRows = { orgs: new Map(), links: new Map() };

  function buildTable(table, headers, rows, store) {
    var head = el("thead");
    var tr = el("tr");
    headers.forEach(function (h) { var th = el("th", h); th.scope = "col"; tr.appendChild(th); });
    head.appendChild(tr);
    var body = el("tbody");
    rows.forEach(function (row) {
      var line = el("tr");
      row.cells.forEach(function (cell) {
        var td = el("td");
        td.appendChild(cell instanceof Node ? cell : document.createTextNode(cell));
        line.appendChild(td);
      });
      store.set(row.id, line);
      body.appendChild(line);
    });
    table.replaceChildren(head, body);
  }

  function orgButton(id) {
    var button = el("button", orgTitle(orgById.get(id)));
    button.type = "button";
    button.addEventListener("click", function () { focusOrganisation(id); $("network").focus(); });
    return button;
  }

  function buildTables() {
    buildTable($("organisations-table"), [W.col_organisation, W.col_sector, W.col_level, W.col_country, W.col_stages, W.col_links],
      data.organisations.map(function (org) {
        return { id: org.id, cells: [orgButton(org.id), term("sector", org.sector), term("level", org.level),
          org.country || "", (org.stages || []).map(function (s) { return stageNames.get(s) || s; }).join(", "),
          String(linksByOrg.get(org.id).length)] };
      }), tableRows.orgs);
    buildTable($("links-table"), [W.col_from, W.col_to, W.col_kind, W.col_direction, W.col_status, W.col_evidence, W.col_source],
      data.links.map(function (l) {
        return { id: l.id, cells: [orgTitle(orgById.get(l.source)), orgTitle(orgById.get(l.target)),
          term("kind", l.kind), term("direction", l.direction), term("status", l.status),
          term("evidence", l.evidence), linkified(l.source_ref || "")] };
      }), tableRows.links);
    tableBuilt = true;
  }

  function updateTable() {
    if (!tableBuilt) return;
    tableRows.orgs.forEach(function (row, id) { row.hidden = !shown.orgs.has(id); });
    tableRows.links.forEach(function (row, id) { row.hidden = !shown.links.has(id); });
  }

  on("toggle-table", "click", function () {
    var view = $("table-view");
    var open = view.hidden;
    if (open && !tableBuilt) buildTables();
    view.hidden = !open;
    updateTable();
    this.setAttribute("aria-expanded", String(open));
    this.textContent = open ? W.hide_table : W.show_table;
    if (open) view.focus();
  });
  var skip = document.querySelector(".skip");
  if (skip) {
    skip.addEventListener("click", function () {
      if ($("table-view").hidden) $("toggle-table").click();
    });
  }

  refresh();

  /* For other scripts of our own pages (the presentation): show only some organisations and links. */
  window.stakeholdersPage = Object.freeze({
    showOnly: function (orgIds, linkIds, dimmed) {
      only = orgIds ? { orgs: new Set(orgIds), links: new Set(linkIds || []), dimmed: new Set(dimmed || []) } : null;
      focus = null;
      network.unselectAll();
      closeInfo();
      refresh();
    },
    nodes: nodes
  });
})();
