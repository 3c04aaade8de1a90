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
  /* "1 organisation", "5 organisations": a count with its noun ("organisation" or "link") in the page's words. */
  function counted(n, noun) {
    return n === 1 ? W["one_" + noun] : fmt(W["n_" + noun + "s"], { n: n });
  }
  function localised(record, field) {
    return (NAMES && record[field + "_" + NAMES]) || record[field];
  }
  var FAINT_INK = "#6b6b6b"; // the label of what a highlight makes recede (a diff's unchanged): 5.3:1 on white
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
  /* The barrier model, when the map has one: phases by id, barriers by id and by organisation. */
  var phaseNames = new Map();
  var barrierById = new Map();
  var barriersByOrg = new Map();
  (data.script || []).forEach(function (p) { phaseNames.set(p.id, localised(p, "name")); });
  (data.barriers || []).forEach(function (b) {
    barrierById.set(b.id, b);
    (b.owners || []).concat(b.partners || []).forEach(function (org) {
      if (!barriersByOrg.has(org)) barriersByOrg.set(org, []);
      if (barriersByOrg.get(org).indexOf(b) < 0) barriersByOrg.get(org).push(b);
    });
  });
  function barrierOrgs(b) {
    return (b.owners || []).concat(b.partners || []).filter(function (org, i, all) {
      return orgById.has(org) && all.indexOf(org) === i;
    });
  }
  /* Tell the page's other scripts (the board) what is in focus: {org: id}, {barrier: id} or nothing. */
  function announce(detail) {
    document.dispatchEvent(new CustomEvent("stakeholders:focus", { detail: detail || {} }));
  }

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
    if (link.confirmation) facts.push(term("confirmation", link.confirmation));
    return facts.join(", ");
  }

  /* ---- drawing ------------------------------------------------------------------ */

  var highlight = data.highlight || null;
  var highlightValues = new Map(((highlight && highlight.values) || []).map(function (v) { return [v.id, v]; }));
  /* The value a record is coloured by: its field, or (an average from the links, such as trust) by its id. */
  function highlightKey(record) {
    var byId = highlight.by_id;
    if (byId && record.source === undefined) return Object.prototype.hasOwnProperty.call(byId, record.id) ? byId[record.id] : "";
    var value = record[highlight.field];
    return Array.isArray(value) ? value.join("|") : (value || "");
  }
  function highlighted(record) {
    if (!highlight || (highlight.links === false && record.source !== undefined && record.target !== undefined)) return null;
    return highlightValues.get(highlightKey(record));
  }
  /* A highlight value may also say how much its organisations and links stand out (a diff: see pages/diff.py):
   * symbol (before the label), size (of an organisation), border, width and dashes (of a link), faint (recede). */
  function markSymbol(mark) { return mark && mark.symbol ? mark.symbol + " " : ""; }
  function inkFor(org) { var mark = highlighted(org); return mark && mark.faint ? FAINT_INK : INK; }
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
    var node = {
      id: org.id,
      label: markSymbol(mark) + orgLabel(org),
      x: position[0],
      y: position[1],
      shape: style.level[org.level || ""] || "dot",
      size: sizes[org.id] || (mark && mark.size) || 14,
      opacity: 1,
      color: {
        background: fill, border: style.border,
        highlight: { background: fill, border: "#000000" },
        hover: { background: fill, border: "#000000" }
      },
      shapeProperties: { borderDashes: mark && mark.dashed ? [4, 3] : (mark && mark.border_dashes) || false },
      title: tooltip.concat(mark ? [mark.label] : []).join("\n")
    };
    if (mark && mark.border) node.borderWidth = mark.border;
    if (mark && mark.faint) node.font = { color: FAINT_INK };
    return node;
  }

  function edgeColour(link) {
    var mark = highlighted(link);
    if (mark) return mark.colour;
    return link.status === "lapsed" ? style.lapsed : (style.kind[link.kind || ""] || "#333333");
  }

  function linkLabel(link) {
    var mark = highlighted(link);
    return mark && mark.faint ? "" : markSymbol(mark) + term("kind", link.kind);
  }

  function edgeFor(link) {
    var unverified = link.evidence === "unverified" || link.evidence === "inferred";
    var dashKey = link.status === "planned" || link.status === "lapsed"
      ? link.status + (unverified ? "-unverified" : "") : (unverified ? "unverified" : null);
    if (link.confirmation === "one-sided") { // reported by one end only (a merged map): two dots after each dash
      dashKey = link.status === "planned" || link.status === "lapsed" ? link.status + "-one-sided" : "one-sided";
    }
    var mark = highlighted(link);
    var curve = data.layout.curves[link.id];
    var colour = edgeColour(link);
    return {
      id: link.id,
      from: link.source,
      to: link.target,
      color: { color: colour, highlight: colour, hover: colour, opacity: 1 },
      dashes: mark && mark.dashes ? mark.dashes : mark && mark.dashed ? [6, 4] : (dashKey ? style.dashes[dashKey] : false),
      width: mark && mark.width ? mark.width : link.strength ? Number(link.strength) : 1.5,
      arrows: {
        to: { enabled: link.direction !== "undirected", scaleFactor: 0.55 },
        from: { enabled: link.direction === "mutual", scaleFactor: 0.55 }
      },
      smooth: curve ? { enabled: true, type: curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(curve) }
        : false,
      label: linkLabels ? linkLabel(link) : undefined,
      title: linkTitle(link) + "\n" + linkFacts(link) + (mark ? "\n" + mark.label : "")
    };
  }

  var anchorNodes = (data.layout.anchors || []).map(function (anchor, index) {
    return { id: "anchor:" + index, label: anchor.label, x: anchor.x, y: anchor.y, shape: "text", fixed: true,
      chosen: false, scaling: { label: { drawThreshold: 5 } },
      font: { size: 22, face: "system-ui, Segoe UI, Roboto, Arial, sans-serif", color: "#4a4a4a", bold: true } };
  });
  /* Large maps (measured with scripts/bench): vis-network spends ~14 µs per link per frame, so above
   * MANY_LINKS links the page draws the links itself, batched by style, under vis-network's nodes; above
   * VEIL_LINKS links a focus dims the rest with one veil instead of new options for every element, and
   * links are hidden while the view is dragged or zoomed; above BIG organisations names appear only when
   * zoomed in; many edge labels get a plain background instead of a stroked halo (stroked text is the
   * slowest thing a canvas draws). */
  var MANY_LINKS = 1500;
  var VEIL_LINKS = 1000;
  var BIG = 1000;
  var ownLinks = data.links.length > MANY_LINKS;
  var veil = data.links.length > VEIL_LINKS;
  var big = ownLinks || data.organisations.length > BIG;
  /* Organisations' names are drawn by labels.js at LABEL_PX on screen (vis-network never draws them: its
   * threshold is out of reach); links' labels are off until the reader asks for them (the "Link labels"
   * button), then drawn at LINK_LABEL_PX on screen at the fitted zoom. */
  var LABEL_PX = Number(data.label_px) || 20;
  var LINK_LABEL_PX = Math.max(12, Math.round(LABEL_PX * 0.8));
  var NO_LABELS = 1e9;
  var linkLabels = Boolean(data.link_labels); // a diff opens with them: they say what changed
  var edgeFont = { size: 10, color: "#333333", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" };
  if (data.links.length > 300) {
    edgeFont = { size: 10, color: "#333333", strokeWidth: 0, background: "rgba(255,255,255,0.85)", align: "middle" };
  }
  var nodes = new vis.DataSet(data.organisations.map(nodeFor).concat(anchorNodes));
  var edges = new vis.DataSet(ownLinks ? [] : data.links.map(edgeFor));
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: {
      hover: true, tooltipDelay: 120, multiselect: false, navigationButtons: false,
      keyboard: { enabled: false }, hideEdgesOnDrag: big || veil, hideEdgesOnZoom: big || veil
    },
    nodes: {
      size: 14, borderWidth: 1.5, borderWidthSelected: 3,
      font: { size: 14, face: "system-ui, Segoe UI, Roboto, Arial, sans-serif", color: INK, strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: NO_LABELS } }
    },
    edges: {
      width: 1.5, selectionWidth: 1.5, hoverWidth: 0.5, smooth: false,
      font: edgeFont,
      scaling: { label: { enabled: false, drawThreshold: 5 } }
    }
  });
  window.network = network;

  /* The map is one keyboard stop, the element that carries its name: vis-network's own canvas frame is taken
   * out of the tab order (its keyboard module is off), and arrow keys move the view, + and - zoom. A page with
   * keys of its own (the presentation) takes the arrow keys first and marks them handled. */
  var PAN_PIXELS = 80;
  var ZOOM_STEP = 1.25;
  container.querySelectorAll("[tabindex]").forEach(function (inner) { inner.removeAttribute("tabindex"); });
  container.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
    var pan = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    var zoom = { "+": ZOOM_STEP, "=": ZOOM_STEP, "-": 1 / ZOOM_STEP, "_": 1 / ZOOM_STEP, "\u2212": 1 / ZOOM_STEP }[event.key];
    if (!pan && !zoom) return;
    event.preventDefault();
    var scale = network.getScale();
    var at = network.getViewPosition();
    var distance = PAN_PIXELS * (event.shiftKey ? 4 : 1) / scale;
    network.moveTo({
      position: pan ? { x: at.x + pan[0] * distance, y: at.y + pan[1] * distance } : at,
      scale: zoom ? scale * zoom : scale
    });
  });
  window.addEventListener("beforeprint", function () { network.redraw(); fitView(); });

  /* ---- names and fit ------------------------------------------------------------ */

  var degree = new Map(data.organisations.map(function (org) { return [org.id, linksByOrg.get(org.id).length]; }));
  var byDegree = data.organisations.map(function (org) { return org.id; }).sort(function (a, b) {
    return degree.get(b) - degree.get(a) || (a < b ? -1 : a > b ? 1 : 0);
  });
  var labelVersion = 0;
  var labelOrder = null;
  var moving = false; // a view animation (a glide, a step of the presentation) is under way
  var movingTimer = null;
  function startMoving(ms) { // until the animation ends (or a little after it should have)
    moving = true;
    clearTimeout(movingTimer);
    movingTimer = setTimeout(function () { moving = false; network.redraw(); }, ms + 250);
  }
  network.on("animationFinished", function () { moving = false; network.redraw(); });
  var labeller = window.stakeholdersLabels.create(network, {
    px: LABEL_PX,
    text: function (id) { var node = nodes.get(id); return node ? node.label : ""; },
    // the organisation in focus and its neighbours first, then the most connected
    order: function () {
      if (labelOrder && labelOrder.version === labelVersion) return labelOrder.ids;
      var members = focus ? focus.members : null;
      var first = members ? byDegree.filter(function (id) { return members.has(id); }) : [];
      var rest = members ? byDegree.filter(function (id) { return !members.has(id); }) : byDegree;
      labelOrder = { version: labelVersion, ids: first.concat(rest) };
      return labelOrder.ids;
    },
    colour: function (id, node) { return (node.options.font && node.options.font.color) || INK; },
    alpha: function (id, node) {
      var opacity = node.options.opacity === undefined ? 1 : node.options.opacity;
      return veil && focus && !focus.members.has(id) ? opacity * DIM_NODE : opacity;
    },
    version: function () { return labelVersion; },
    moving: function () {
      var renderer = network.renderer;
      return moving || animating || Boolean(renderer && (renderer.dragging || renderer.zooming));
    },
    arrowLinks: ownLinks ? null : function () { return data.links.filter(function (l) { return shown.links.has(l.id); }); }
  });

  /* Fit the organisations (all those shown, or ids) to the frame, names included: beyond 100 % for a small
   * map, so that a dozen organisations fill the screen as a hundred do. */
  var MAX_FIT = 4;
  function fitView(ids, animation) {
    var list = ids ? ids.slice() : Array.from(shown.orgs).concat(anchorNodes.map(function (a) { return a.id; }));
    var box = { l: Infinity, r: -Infinity, t: Infinity, b: -Infinity }, radius = 0, widest = 0;
    list.forEach(function (id) {
      var node = nodeAt(id);
      if (!node) return;
      box.l = Math.min(box.l, node.x); box.r = Math.max(box.r, node.x);
      box.t = Math.min(box.t, node.y); box.b = Math.max(box.b, node.y);
      radius = Math.max(radius, node.options.size || 14);
      if (orgById.has(id)) widest = Math.max(widest, labeller.width(nodes.get(id).label || ""));
    });
    if (!(box.r >= box.l)) return;
    var w = container.clientWidth, h = container.clientHeight;
    var marginX = Math.min(widest / 2, w * 0.12) + 8, marginY = LABEL_PX * 1.5 + 8;
    var scale = Math.min((w - 2 * marginX) / (box.r - box.l + 2 * radius),
      (h - 2 * marginY) / (box.b - box.t + 2 * radius), MAX_FIT);
    if (!(scale > 0) || !isFinite(scale)) scale = 1;
    if (animation) startMoving(animation.duration || 1000);
    network.moveTo({ position: { x: (box.l + box.r) / 2, y: (box.t + box.b) / 2 }, scale: scale, animation: animation || false });
    fitScale = scale;
    if (linkLabels) setLinkLabelSize();
  }
  var fitScale = 1;

  /* Links' labels, off at first: the button shows them (and hides them again), sized for the fitted view. */
  function setLinkLabelSize() {
    network.setOptions({ edges: { font: { size: LINK_LABEL_PX / fitScale } } });
  }
  var labelsGiven = linkLabels; // links get their labels the first time they are shown (none to draw before)
  function showLinkLabels(show) {
    linkLabels = Boolean(show);
    if (linkLabels) setLinkLabelSize();
    if (linkLabels && !labelsGiven) {
      labelsGiven = true;
      edges.update(data.links.map(function (link) { return { id: link.id, label: linkLabel(link) }; }));
    }
    network.setOptions({ edges: { scaling: { label: { drawThreshold: linkLabels ? 5 : NO_LABELS } } } });
    var button = $("link-labels");
    if (button) button.setAttribute("aria-pressed", String(linkLabels));
  }
  on("link-labels", "click", function () { showLinkLabels(!linkLabels); });
  if ($("link-labels")) $("link-labels").setAttribute("aria-pressed", String(linkLabels));
  document.addEventListener("keydown", function (event) { // L, as the button says, outside text fields
    if ((event.key !== "l" && event.key !== "L") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target && /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
    if ($("link-labels") && !$("link-labels").hidden) showLinkLabels(!linkLabels);
  });
  if (ownLinks && $("link-labels")) $("link-labels").hidden = true; // links drawn by the page carry no labels

  /* ---- links drawn by the page (large maps) ------------------------------------- */

  var linkGroups = []; // every shown link, by style: [{colour, width, dashes, chosen, links: [link]}]
  var focusGroups = []; // the links in focus, drawn again over the dimmed map
  var filterKey = null;

  function grouped(links, chosen) {
    var groups = new Map();
    links.forEach(function (link) {
      var style = edgeFor(link);
      var key = [style.color.color, style.width, String(style.dashes), link.id === chosen].join("|");
      if (!groups.has(key)) {
        groups.set(key, { colour: style.color.color, width: style.width, dashes: style.dashes || [],
          chosen: link.id === chosen, links: [] });
      }
      groups.get(key).links.push(link);
    });
    return Array.from(groups.values());
  }

  function groupLinks() {
    // all shown links (again only when a filter changed), and those in focus
    var key = ["sector", "level", "kind", "highlight"].map(function (f) { return Array.from(hidden[f]).sort().join(","); })
      .join("|") + "|" + onlyVersion;
    if (key !== filterKey) {
      filterKey = key;
      linkGroups = grouped(data.links.filter(function (l) { return shown.links.has(l.id); }), null);
      layer.key = null;
    }
    focusGroups = grouped(focusLinks(), focus && focus.type === "link" ? focus.id : null);
  }

  function focusLinks() {
    return !focus ? [] : focus.type === "link" ? [linkById.get(focus.id)] : data.links.filter(function (l) {
      return shown.links.has(l.id) && focus.members.has(l.source) && focus.members.has(l.target);
    });
  }

  function dimAllButFocus(ctx) {
    /* On a map with many links the focus dims the rest with one veil over the canvas and draws its links and
     * organisations again on top, instead of giving thousands of organisations a new opacity. */
    if (!focus) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255,255,255," + (1 - DIM_NODE) + ")";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    if (ownLinks) {
      paintLinks(ctx, focusGroups);
    } else {
      focusLinks().forEach(function (link) {
        var edge = network.body.edges[link.id];
        if (edge) { edge.draw(ctx); edge.drawArrows(ctx); }
      });
    }
    var labels = [];
    focus.members.forEach(function (id) {
      var node = nodeAt(id);
      if (!node || !shown.orgs.has(id)) return;
      var drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
    });
    labels.forEach(function (draw) { draw(); });
  }

  function nodeAt(id) { return network.body.nodes[id]; }

  function curvePoint(from, to, curve) {
    // the control point of a bent link, where vis-network puts a curvedCW (curve > 0) or curvedCCW edge's:
    // k = (1 + |curve|) / 2 of the way along, turned k·π (stakeholders.routing.via_point)
    var dx = to.x - from.x, dy = to.y - from.y;
    var k = 0.5 + Math.abs(curve) / 2;
    var along = k * Math.sin(k * Math.PI), side = -k * Math.cos(k * Math.PI) * (curve > 0 ? 1 : -1);
    return { x: from.x + along * dx + side * dy, y: from.y + along * dy - side * dx };
  }

  function clipped(a, b, box) {
    // the part [t0, t1] of the segment a→b inside box (Liang-Barsky), or null when it misses the box
    var dx = b.x - a.x, dy = b.y - a.y, t0 = 0, t1 = 1;
    var p = [-dx, dx, -dy, dy], q = [a.x - box.left, box.right - a.x, a.y - box.top, box.bottom - a.y];
    for (var i = 0; i < 4; i++) {
      if (p[i] === 0) { if (q[i] < 0) return null; continue; }
      var r = q[i] / p[i];
      if (p[i] < 0) { if (r > t1) return null; if (r > t0) t0 = r; } else { if (r < t0) return null; if (r < t1) t1 = r; }
    }
    return [t0, t1];
  }

  function paintLinks(ctx, groups) {
    /* Links are clipped to the view before they are drawn: a canvas dashes and rasterises the whole of a
     * long line even where it is off screen. Dashes too fine to see at this zoom are drawn as solid lines,
     * and lines at most one pixel wide: a link's strength shows in its details, not its width. */
    var scale = network.getScale();
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    var far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var margin = 40 / scale;
    var box = { left: corner.x - margin, top: corner.y - margin, right: far.x + margin, bottom: far.y + margin };
    var inView = function (n) { return n.x > box.left && n.x < box.right && n.y > box.top && n.y < box.bottom; };
    var arrows = scale >= 0.3;
    ctx.save();
    groups.forEach(function (group) {
      var period = group.dashes.reduce(function (sum, d) { return sum + d; }, 0);
      var dashed = period * scale >= 4;
      ctx.strokeStyle = group.colour;
      ctx.fillStyle = group.colour;
      // a canvas rasterises lines up to one pixel wide far faster than wider ones (5x at 5,000 links in view)
      ctx.lineWidth = (group.chosen ? 3 : Math.min(group.width * scale, 1)) / scale;
      ctx.setLineDash(dashed ? group.dashes : []);
      ctx.beginPath();
      var heads = [];
      group.links.forEach(function (link) {
        var from = nodeAt(link.source), to = nodeAt(link.target);
        if (!from || !to) return;
        var curve = data.layout.curves[link.id];
        if (curve) {
          var c = curvePoint(from, to, curve);
          if (Math.max(from.x, to.x, c.x) < box.left || Math.min(from.x, to.x, c.x) > box.right ||
              Math.max(from.y, to.y, c.y) < box.top || Math.min(from.y, to.y, c.y) > box.bottom) return;
          ctx.moveTo(from.x, from.y);
          ctx.quadraticCurveTo(c.x, c.y, to.x, to.y);
        } else {
          var part = clipped(from, to, box);
          if (!part) return;
          var t0 = part[0];
          if (dashed && t0 > 0) { // start on a whole dash period, so the pattern stays where it was
            var length = Math.hypot(to.x - from.x, to.y - from.y);
            t0 = Math.floor(t0 * length / period) * period / length;
          }
          ctx.moveTo(from.x + (to.x - from.x) * t0, from.y + (to.y - from.y) * t0);
          ctx.lineTo(from.x + (to.x - from.x) * part[1], from.y + (to.y - from.y) * part[1]);
        }
        if (arrows) {
          var back = curve ? curvePoint(from, to, curve) : from;
          if (link.direction !== "undirected" && inView(to)) heads.push([back, to]);
          if (link.direction === "mutual" && inView(from)) heads.push([curve ? back : to, from]);
        }
      });
      ctx.stroke();
      if (heads.length) {
        ctx.setLineDash([]);
        ctx.beginPath();
        var size = (15 * 0.55 + 3 * Math.min(group.width * scale, 1) / scale) * (group.chosen ? 1.5 : 1);
        heads.forEach(function (pair) {
          var start = pair[0], end = pair[1];
          var dx = end.x - start.x, dy = end.y - start.y;
          var norm = Math.sqrt(dx * dx + dy * dy) || 1;
          dx /= norm; dy /= norm;
          var tipX = end.x - dx * 16, tipY = end.y - dy * 16; // the node's edge, not its centre
          ctx.moveTo(tipX, tipY);
          ctx.lineTo(tipX - dx * size - dy * size * 0.4, tipY - dy * size + dx * size * 0.4);
          ctx.lineTo(tipX - dx * size + dy * size * 0.4, tipY - dy * size - dx * size * 0.4);
          ctx.closePath();
        });
        ctx.fill();
      }
    });
    ctx.restore();
  }

  function linkNear(point, tolerance) {
    // the shown link nearest to a point on the canvas, within tolerance
    var best = null, bestDistance = tolerance;
    data.links.forEach(function (link) {
      if (!shown.links.has(link.id)) return;
      var from = nodeAt(link.source), to = nodeAt(link.target);
      var curve = data.layout.curves[link.id];
      var points = [from];
      if (curve) {
        var c = curvePoint(from, to, curve);
        for (var step = 1; step < 8; step++) {
          var t = step / 8;
          points.push({ x: (1 - t) * (1 - t) * from.x + 2 * t * (1 - t) * c.x + t * t * to.x,
            y: (1 - t) * (1 - t) * from.y + 2 * t * (1 - t) * c.y + t * t * to.y });
        }
      }
      points.push(to);
      for (var i = 1; i < points.length; i++) {
        var a = points[i - 1], b = points[i];
        var dx = b.x - a.x, dy = b.y - a.y;
        var along = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
        var distance = Math.hypot(point.x - a.x - along * dx, point.y - a.y - along * dy);
        if (distance < bestDistance) { bestDistance = distance; best = link; }
      }
    });
    return best;
  }

  /* The links are painted into a layer the size of the canvas and reused while nothing they depend on
   * changes (a hover, a tooltip); while the view is dragged the layer moves with it, and while it zooms or
   * glides to an organisation only the organisations are drawn: the links follow when it stops. */
  var layer = { canvas: document.createElement("canvas"), key: null, x: 0, y: 0, moved: false };
  var animating = false;
  var draggingNodes = false;

  function drawOwnLinks(ctx) {
    var t = ctx.getTransform();
    var renderer = network.renderer;
    if (animating || (renderer && renderer.zooming)) { layer.moved = true; return; }
    var key = [ctx.canvas.width, ctx.canvas.height, t.a, t.d].join(" ");
    if (renderer && renderer.dragging && !draggingNodes && layer.key === key) {
      drawLayer(ctx, t.e - layer.x, t.f - layer.y); // panning: move the picture, paint when the drag ends
      layer.moved = true;
      return;
    }
    if (layer.key !== key || layer.x !== t.e || layer.y !== t.f || draggingNodes) {
      layer.canvas.width = ctx.canvas.width;
      layer.canvas.height = ctx.canvas.height;
      var paint = layer.canvas.getContext("2d");
      paint.setTransform(t);
      paintLinks(paint, linkGroups);
      layer.key = key;
      layer.x = t.e;
      layer.y = t.f;
    }
    drawLayer(ctx, 0, 0);
  }

  function drawLayer(ctx, dx, dy) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer.canvas, dx, dy);
    ctx.restore();
  }

  if (veil) network.on("afterDrawing", dimAllButFocus);
  if (ownLinks) {
    network.on("beforeDrawing", drawOwnLinks);
    network.on("dragStart", function (params) { draggingNodes = params.nodes.length > 0; });
    network.on("dragEnd", function () {
      draggingNodes = false;
      if (layer.moved) { layer.moved = false; network.redraw(); }
    });
    network.on("zoom", function () { layer.moved = true; });
    network.on("animationFinished", function () { animating = false; network.redraw(); });
  }

  function glide(move) {
    // run a view animation; large maps draw their links again when it ends (or after 800 ms at most)
    animating = ownLinks;
    startMoving(800);
    move();
    if (ownLinks) setTimeout(function () { if (animating) { animating = false; network.redraw(); } }, 800);
  }

  /* ---- state: filters and focus ------------------------------------------------- */

  var hidden = { sector: new Set(), level: new Set(), kind: new Set(), highlight: new Set() };
  var focus = null; // {type: "org"|"link", id, members: Set of org ids}
  var shown = { orgs: new Set(), links: new Set() };
  // id → what vis-network was last given: shown (s) or hidden (h), in focus (1) or dimmed (0)
  var nodeState = new Map(data.organisations.map(function (org) { return [org.id, "s1b"]; }));
  var edgeState = new Map(data.links.map(function (link) { return [link.id, "s"]; }));

  function highlightShown(record) { return !highlight || !hidden.highlight.has(highlightKey(record)); }
  var only = null; // {orgs: Set, links: Set}: what a presentation step shows
  var onlyVersion = 0;
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
    labelVersion += 1;
    shown.orgs = new Set(data.organisations.filter(orgVisible).map(function (o) { return o.id; }));
    shown.links = new Set(data.links.filter(linkVisible).map(function (l) { return l.id; }));
    if (focus && focus.type === "org") {
      if (!shown.orgs.has(focus.id)) { focus = null; } else { focus.members = neighbourhood(focus.id, depth()); }
    }
    if (focus && focus.type === "link" && !shown.links.has(focus.id)) focus = null;
    var members = focus ? focus.members : null;
    var changed = [];
    data.organisations.forEach(function (org) {
      var faint = (dimmedByView.has(org.id) || (only && only.dimmed.has(org.id))) && !members;
      var state = (shown.orgs.has(org.id) ? "s" : "h") + (veil || !members || members.has(org.id) ? "1" : "0") +
        (faint ? "f" : "b");
      if (nodeState.get(org.id) === state) return;
      nodeState.set(org.id, state);
      var inFocus = state[1] === "1";
      changed.push({
        id: org.id, hidden: state[0] === "h", opacity: inFocus ? (faint ? 0.3 : 1) : DIM_NODE,
        font: { color: inFocus ? inkFor(org) : "rgba(26,26,26,0.3)" }
      });
    });
    if (changed.length) nodes.update(changed); // only what changed (large maps dim with a veil instead)
    if (ownLinks) {
      groupLinks();
      network.redraw();
    } else if (veil) {
      var shownChanged = [];
      data.links.forEach(function (link) {
        var state = shown.links.has(link.id) ? "s" : "h";
        if (edgeState.get(link.id) === state) return;
        edgeState.set(link.id, state);
        shownChanged.push({ id: link.id, hidden: state === "h" });
      });
      if (shownChanged.length) edges.update(shownChanged);
      network.redraw();
    } else {
      edges.update(data.links.map(function (link) {
        var inFocus = !members || (members.has(link.source) && members.has(link.target) &&
          (focus.type === "org" || focus.type === "barrier" || link.id === focus.id));
        var colour = edgeColour(link);
        return {
          id: link.id, hidden: !shown.links.has(link.id),
          color: { color: colour, highlight: colour, hover: colour, opacity: inFocus ? 1 : DIM_EDGE },
          font: { color: inFocus ? "#333333" : "rgba(51,51,51,0.2)" }
        };
      }));
    }
    updateStatus();
    updateTable();
  }

  function depth() { return $("focus-depth") ? Number($("focus-depth").value) || 1 : 1; }

  function updateStatus() {
    var text;
    var allShown = shown.orgs.size === data.organisations.length && shown.links.size === data.links.length;
    if (allShown) {
      text = fmt(W.showing_all_counts, {
        orgs: counted(data.organisations.length, "organisation"), links: counted(data.links.length, "link")
      });
    } else {
      text = fmt(W.showing_some_counts, {
        orgs: shown.orgs.size, all_orgs: counted(data.organisations.length, "organisation"),
        links: shown.links.size, all_links: counted(data.links.length, "link"),
        hidden_orgs: counted(data.organisations.length - shown.orgs.size, "organisation"),
        hidden_links: counted(data.links.length - shown.links.size, "link")
      });
    }
    if (focus && focus.type === "org") {
      text += fmt(W.focus_counts, {
        name: orgTitle(orgById.get(focus.id)), orgs: counted(focus.members.size - 1, "organisation"),
        steps: depth() === 1 ? W.one_step : fmt(W.n_steps, { n: depth() })
      });
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
    status: "status", evidence: "evidence", sensitivity: "sensitivity", stance: "stance" };
  var DATE_FIELDS = { since: true, until: true, last_checked: true };
  var MONTHS = String(W.months || "").split("|");

  /* A date as the page's readers write it (as dates.format_date does): 1 December 2025, 1 december 2025. */
  function dateText(value) {
    var match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(value));
    if (!match || !match[2] || MONTHS.length !== 12 || !MONTHS[Number(match[2]) - 1]) return String(value);
    var month = MONTHS[Number(match[2]) - 1] + " " + match[1];
    return match[3] ? Number(match[3]) + " " + month : month;
  }

  function valueNode(name, value) {
    if (name === "url") {
      var text = String(value).trim();
      return SAFE_URL.test(text) ? link(text, text) : el("span", text);
    }
    if (name === "source" || name === "target") return el("span", orgTitle(orgById.get(value)));
    if (name === "stages" || name === "hands_over_to" || name === "stage") {
      return el("span", value.map(function (s) { return stageNames.get(s) || s; }).join(", "));
    }
    if (name === "phase") return el("span", value.map(function (p) { return phaseNames.get(p) || p; }).join(", "));
    if (name === "technique") return el("span", term("technique", value));
    if (VOCABULARY_FIELDS[name]) return el("span", term(VOCABULARY_FIELDS[name], value));
    if (DATE_FIELDS[name]) return el("span", dateText(value));
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

  /* The panel takes the keyboard focus when it opens (its heading), keeps it while one moves from
   * organisation to organisation inside it, and gives it back to what opened it when it closes. */
  var infoOpener = null;
  var HEADING = Number(($("info") && $("info").getAttribute("data-heading-level")) || 2);

  function openInfo(children) {
    var panel = $("info");
    var body = $("info-body");
    if (!body) return;
    var active = document.activeElement;
    if (active && active !== document.body && !panel.contains(active)) infoOpener = active;
    body.replaceChildren.apply(body, children);
    panel.hidden = false;
    children[0].tabIndex = -1;
    children[0].focus();
  }

  /* How many of an organisation's links count as current: those `analyse` counts (status active, the default). */
  function isCurrent(link) { return (link.status || "active") === "active"; }

  function showOrg(id) {
    var org = orgById.get(id);
    var children = [el("h" + HEADING, orgTitle(org)),
      el("p", [term("sector", org.sector), term("level", org.level)].join(" · "), "kind"),
      fieldList(org, data.fields.organisations, ["name", "short_name"])];
    var own = linksByOrg.get(id);
    children.push(el("h" + (HEADING + 1), fmt(W.links_current, {
      links: counted(own.length, "link"), current: own.filter(isCurrent).length
    })));
    var list = el("ul");
    own.forEach(function (l) {
      var other = l.source === id ? l.target : l.source;
      var item = el("li");
      var arrow = l.direction === "mutual" ? "↔ " : l.direction === "undirected" ? "— " : (l.source === id ? "→ " : "← ");
      item.appendChild(document.createTextNode(arrow));
      var neighbour = orgById.get(other);
      var go = el("button", orgLabel(neighbour));
      go.type = "button";
      // the name starts with the text on the button (WCAG 2.5.3) and gives the whole name after it
      var shown = orgLabel(neighbour), full = orgName(neighbour);
      if (full.indexOf(shown) !== 0) go.setAttribute("aria-label", shown + ", " + full);
      else if (full !== shown) go.setAttribute("aria-label", full);
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
    var ownBarriers = barriersByOrg.get(id) || [];
    if (ownBarriers.length) {
      children.push(el("h" + (HEADING + 1), W.barrier_of_org));
      var barrierList = el("ul");
      ownBarriers.forEach(function (b) {
        var item = el("li");
        var go = el("button", localised(b, "name"));
        go.type = "button";
        go.addEventListener("click", function () { focusBarrier(b.id); });
        item.appendChild(go);
        var facts = [(b.phase || []).map(function (p) { return phaseNames.get(p) || p; }).join(", ")];
        if ((b.owners || []).indexOf(id) < 0) facts.push(W.barrier_as_partner);
        if (b.status && b.status !== "in-place") facts.push(term("barrier_status", b.status));
        item.appendChild(document.createTextNode(": " + facts.join(", ")));
        barrierList.appendChild(item);
      });
      children.push(barrierList);
    }
    openInfo(children);
  }

  function orgButtons(ids) {
    var list = el("ul");
    ids.filter(function (org) { return orgById.has(org); }).forEach(function (org) {
      var item = el("li");
      var go = el("button", orgTitle(orgById.get(org)));
      go.type = "button";
      go.addEventListener("click", function () { focusOrganisation(org); });
      item.appendChild(go);
      list.appendChild(item);
    });
    return list;
  }

  /* A barrier: what it is, who raises it, whose cooperation it needs, and the links between them. */
  function showBarrier(id, members) {
    var b = barrierById.get(id);
    var children = [el("h" + HEADING, localised(b, "name")),
      el("p", [term("technique", b.technique), term("barrier_status", b.status || "in-place")].join(" · "), "kind")];
    children.push(el("h" + (HEADING + 1), W.barrier_owners));
    children.push((b.owners || []).length ? orgButtons(b.owners) : el("p", W.not_stated));
    if ((b.partners || []).length) {
      children.push(el("h" + (HEADING + 1), W.barrier_partners));
      children.push(orgButtons(b.partners));
    }
    var between = data.links.filter(function (l) { return members.has(l.source) && members.has(l.target) && l.source !== l.target; });
    if (members.size > 1) children.push(el("h" + (HEADING + 1), W.barrier_links));
    if (members.size > 1 && !between.some(isCurrent)) children.push(el("p", W.barrier_no_links));
    if (between.length) {
      var list = el("ul");
      between.forEach(function (l) {
        var item = el("li");
        var go = el("button", linkTitle(l));
        go.type = "button";
        go.addEventListener("click", function () { focusLink(l.id); });
        item.appendChild(go);
        item.appendChild(document.createTextNode(": " + linkFacts(l)));
        list.appendChild(item);
      });
      children.push(list);
    }
    children.push(fieldList(b, data.fields.barriers, ["id", "name", "owners", "partners", "technique", "status",
      "name_nl", "name_en", "description_nl", "description_en"]));
    openInfo(children);
  }

  function showLink(id) {
    var l = linkById.get(id);
    openInfo([el("h" + HEADING, linkTitle(l)), el("p", linkFacts(l), "kind"), fieldList(l, data.fields.links, [])]);
  }

  function closeInfo() {
    var panel = $("info");
    if (!panel || panel.hidden) return;
    var active = document.activeElement;
    var hadFocus = !active || active === document.body || panel.contains(active);
    panel.hidden = true;
    var back = infoOpener && infoOpener.isConnected && infoOpener.getClientRects().length ? infoOpener : container;
    infoOpener = null;
    if (hadFocus) back.focus();
  }

  /* ---- focus -------------------------------------------------------------------- */

  function focusOrganisation(id, options) {
    var org = orgById.get(id);
    if (!org) return;
    if (!orgVisible(org)) { // a search or a link can lead to a filtered-out organisation: show it again
      hidden.sector.delete(org.sector || "");
      hidden.level.delete(org.level || "");
      if (highlight) hidden.highlight.delete(highlightKey(org));
      syncCheckboxes();
    }
    focus = { type: "org", id: id, members: new Set([id]) };
    refresh();
    network.selectNodes([id]);
    showOrg(id);
    announce({ org: id });
    if (!options || options.move !== false) {
      glide(function () { network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 350 } }); });
    }
  }

  /* A barrier in focus: its owners and partners, and the links between them, stand out. */
  function focusBarrier(id) {
    var b = barrierById.get(id);
    if (!b) return;
    var members = new Set(barrierOrgs(b));
    members.forEach(function (org) { // show them again if a filter had hidden them
      var o = orgById.get(org);
      if (!orgVisible(o)) { hidden.sector.delete(o.sector || ""); hidden.level.delete(o.level || ""); }
    });
    syncCheckboxes();
    focus = { type: "barrier", id: id, members: members };
    refresh();
    network.selectNodes(Array.from(members));
    showBarrier(id, members);
    announce({ barrier: id });
  }

  function focusLink(id) {
    var l = linkById.get(id);
    if (!l) return;
    focus = { type: "link", id: id, members: new Set([l.source, l.target]) };
    refresh();
    if (ownLinks) network.unselectAll(); else network.selectEdges([id]);
    showLink(id);
  }

  function clearFocus() {
    focus = null;
    announce();
    network.unselectAll();
    closeInfo();
    refresh();
  }

  network.on("click", function (params) {
    var own = ownLinks && !params.nodes.length ? linkNear(params.pointer.canvas, 6 / network.getScale()) : null;
    var named = params.nodes.length ? null : labeller.at(params.pointer.DOM.x, params.pointer.DOM.y);
    if (params.nodes.length && orgById.has(params.nodes[0])) focusOrganisation(params.nodes[0], { move: false });
    else if (params.nodes.length) clearFocus(); // a lane or group title
    else if (params.edges.length) focusLink(params.edges[0]);
    else if (own) focusLink(own.id);
    else if (named) focusOrganisation(named, { move: false }); // a click on a name is a click on its organisation
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
  on("fit", "click", function () { glide(function () { fitView(null, { duration: 300 }); }); });
  on("clear-focus", "click", clearFocus);
  on("close-info", "click", clearFocus);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && (focus || ($("info") && !$("info").hidden))) clearFocus();
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
    return scored.map(function (pair) { return pair[1]; });
  }

  var LISTED = 10;
  var searchBox = $("search") || el("input");
  var results = $("search-results") || el("ul");
  var searchStatus = $("search-status") || el("p");
  function showResults() {
    var all = search(searchBox.value);
    var found = all.slice(0, LISTED);
    results.replaceChildren();
    // said by screen readers as it changes (a status region): how many match, or which one
    searchStatus.textContent = !searchBox.value.trim() ? ""
      : !all.length ? W.no_match
      : all.length === 1 ? fmt(W.one_match, { name: orgTitle(all[0]) })
      : fmt(all.length > LISTED ? W.n_matches_listed : W.n_matches, { n: all.length, listed: LISTED });
    found.forEach(function (org) {
      var item = el("li");
      var button = el("button", orgTitle(org));
      button.type = "button";
      button.appendChild(el("span", " " + term("sector", org.sector) + (orgVisible(org) ? "" : " " + W.hidden_by_filter), "sub"));
      button.addEventListener("click", function () { focusOrganisation(org.id); });
      item.appendChild(button);
      results.appendChild(item);
    });
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
    button.addEventListener("click", function () { focusOrganisation(id); });
    return button;
  }

  function buildTables() {
    // the netmap view's towers and marks have their text here: influence and stance as columns
    var netmapFields = data.netmap ? data.fields.organisations.filter(function (f) {
      return f.name === "influence" || f.name === "stance";
    }) : [];
    buildTable($("organisations-table"), [W.col_organisation, W.col_sector, W.col_level, W.col_country, W.col_stages, W.col_links]
      .concat(netmapFields.map(function (f) { return f.label; })),
      data.organisations.map(function (org) {
        return { id: org.id, cells: [orgButton(org.id), term("sector", org.sector), term("level", org.level),
          org.country || "", (org.stages || []).map(function (s) { return stageNames.get(s) || s; }).join(", "),
          String(linksByOrg.get(org.id).length)].concat(netmapFields.map(function (f) {
            return f.name === "stance" ? term("stance", org.stance) : (org.influence === undefined ? "" : String(org.influence));
          })) };
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
  fitView();

  /* For other scripts of our own pages (the presentation): show only some organisations and links. */
  window.stakeholdersPage = Object.freeze({
    showOnly: function (orgIds, linkIds, dimmed) {
      only = orgIds ? { orgs: new Set(orgIds), links: new Set(linkIds || []), dimmed: new Set(dimmed || []) } : null;
      onlyVersion += 1;
      focus = null;
      network.unselectAll();
      closeInfo();
      refresh();
    },
    /* Size and colour the organisations as a view does: sizes (id → size, default 14) and a highlight
     * (colours by a field, as data.highlight) or null for the sector colours; showOnly then draws it. */
    restyle: function (newSizes, newHighlight) {
      sizes = newSizes || {};
      highlight = newHighlight || null;
      highlightValues = new Map(((highlight && highlight.values) || []).map(function (v) { return [v.id, v]; }));
      hidden.highlight.clear();
      nodes.update(data.organisations.map(function (org) {
        var node = nodeFor(org);
        return { id: node.id, size: node.size, color: node.color, shapeProperties: node.shapeProperties, title: node.title };
      }));
      labelVersion += 1;
    },
    /* Open the info panel of an organisation without moving the view (a list of the step's organisations). */
    showOrganisation: function (id) { focusOrganisation(id, { move: false }); },
    /* Bring a barrier into focus: its owners and partners, the links between them, its details. */
    showBarrier: function (id) { focusBarrier(id); },
    /* Fit these organisations (ids; default: all shown) to the frame, with an optional vis-network animation. */
    fit: fitView,
    /* The organisations' names as drawn: [{id, text, px, left, top, width, height}] in CSS pixels of the page. */
    labelBoxes: labeller.boxes,
    nodes: nodes,
    network: network
  });
})();
