/* stakeholders labels: the organisations' names, drawn by the page at one size on screen.
 *
 * vis-network draws a node's label at a size in map units, so a fitted map of 67 organisations shows its
 * names at 11-13 px and they pile up where organisations crowd. Here every name is drawn at `px` screen
 * pixels whatever the zoom, in the first free place around its organisation (below, above, right, left,
 * the corners, a little further out): never over another name or another organisation, and clear of the
 * arrowheads of mutual links (those of one-way links too where it can). The most connected organisations
 * are placed first; a name that finds no room waits until the map is zoomed in, and with more than
 * CROWDED organisations in view a name may cover a less connected organisation rather than be left out.
 * Names keep their places while the view moves and are placed again, between frames and a few
 * milliseconds at a time, once it stops. Each name is painted once into a small picture of its own
 * (text and white halo) and copied onto the map in every frame, which is far cheaper than stroked text.
 * Used by map.js (window.stakeholdersLabels.create); names are drawn as text on a canvas, never markup. */
(function () {
  "use strict";

  var FACE = "system-ui, Segoe UI, Roboto, Arial, sans-serif";
  var HALO = 4;
  var CROWDED = 150;
  var TRIED = 250; // organisations in view tried at most, most connected first: the rest wait for a zoom
  var BUDGET_MS = 4; // placement work at a time, between frames; a large map goes on placing after the next
  var SHOW_MS = 150;
  var IN_FRAME = 400; // names placed inside a frame at most // while a large map is being placed, its names so far are shown this often

  function create(network, options) {
    var px = options.px;
    var gap = Math.max(2, px / 6);
    var sprites = new Map();
    var widths = new Map();
    var measure = document.createElement("canvas").getContext("2d");
    var placed = []; // [{id, dx, dy, w, h}]: the box of each shown name, from its organisation's centre
    var placedKey = null;
    var pending = null; // a placement under way: {key, queue, index, grid}
    var quietTimer = null;

    function font(size) { return "500 " + size + "px " + FACE; }

    function width(text) {
      var key = px + "|" + text;
      if (!widths.has(key)) {
        measure.font = font(px);
        widths.set(key, Math.ceil(measure.measureText(text).width) + 2 * HALO);
      }
      return widths.get(key);
    }

    function sprite(text, colour, ratio) {
      var key = [text, colour, px, ratio].join("|");
      var found = sprites.get(key);
      if (found) return found;
      var w = width(text), h = Math.ceil(px * 1.25) + 2 * HALO;
      var canvas = document.createElement("canvas");
      canvas.width = Math.ceil(w * ratio);
      canvas.height = Math.ceil(h * ratio);
      var ctx = canvas.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.font = font(px);
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      ctx.lineWidth = HALO;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(text, w / 2, h / 2);
      ctx.fillStyle = colour;
      ctx.fillText(text, w / 2, h / 2);
      found = { canvas: canvas, w: w, h: h };
      if (sprites.size > 5000) sprites.clear();
      sprites.set(key, found);
      return found;
    }

    /* A uniform grid of boxes on the screen: what a name may not cover. */
    function Grid(cell) { this.cell = cell; this.cells = new Map(); }
    Grid.prototype.keys = function (box, visit) {
      var c = this.cell;
      for (var gx = Math.floor(box.l / c); gx <= Math.floor(box.r / c); gx++) {
        for (var gy = Math.floor(box.t / c); gy <= Math.floor(box.b / c); gy++) {
          if (visit(gx * 65536 + gy) === false) return false;
        }
      }
      return true;
    };
    Grid.prototype.add = function (box) {
      var cells = this.cells;
      this.keys(box, function (key) {
        var list = cells.get(key);
        if (list) list.push(box); else cells.set(key, [box]);
      });
    };
    Grid.prototype.free = function (box, except, soft, rank) {
      // soft: arrowheads of one-way links may be covered; rank: so may the less connected organisations
      var cells = this.cells;
      return this.keys(box, function (key) {
        var list = cells.get(key);
        if (!list) return true;
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (o.owner === except || (o.soft && soft) || (o.rank !== undefined && o.rank > rank)) continue;
          if (o.l < box.r && box.l < o.r && o.t < box.b && box.t < o.b) return false;
        }
        return true;
      });
    };

    function view() {
      var canvas = network.canvas.frame.canvas;
      return { scale: network.getScale(), x: network.body.view.translation.x, y: network.body.view.translation.y,
        w: canvas.clientWidth, h: canvas.clientHeight };
    }

    function screen(node, v) { return { x: node.x * v.scale + v.x, y: node.y * v.scale + v.y }; }

    function candidates(r, w, h) {
      var a = r + gap, d = (r + gap) * 0.72, far = a + h;
      return [
        [0, a + h / 2], [0, -a - h / 2], [a + w / 2, 0], [-a - w / 2, 0],
        [d + w / 2, d + h / 2], [-d - w / 2, d + h / 2], [d + w / 2, -d - h / 2], [-d - w / 2, -d - h / 2],
        [0, far + h / 2], [0, -far - h / 2], [a + w / 2, h], [-a - w / 2, h], [a + w / 2, -h], [-a - w / 2, -h]
      ];
    }

    function arrowBoxes(grid, v) {
      // where arrowheads are drawn: those of mutual links must stay visible, the others preferably
      var ctx = network.canvas.frame.canvas.getContext("2d");
      var links = options.arrowLinks();
      var all = links.length <= 600, soft = 0;
      links.forEach(function (link) {
        if (!all && link.direction !== "mutual") return;
        var edge = network.body.edges[link.id];
        if (!edge || !edge.edgeType || edge.options.hidden) return;
        var values = edge.getFormattingValues();
        var via = edge.edgeType.getViaNode();
        ["to", "from"].forEach(function (end) {
          if (!(end === "to" ? values.toArrow : values.fromArrow)) return;
          var arrow = edge.edgeType.getArrowData(ctx, end, via, false, false, values);
          var tip = screen(arrow.point, v), size = Math.max(4, arrow.length * v.scale);
          var cx = tip.x - Math.cos(arrow.angle) * size / 2, cy = tip.y - Math.sin(arrow.angle) * size / 2;
          grid.add({ l: cx - size / 2, r: cx + size / 2, t: cy - size / 2, b: cy + size / 2,
            owner: null, soft: link.direction !== "mutual" });
          if (link.direction !== "mutual") soft += 1;
        });
      });
      return soft; // how many may be covered
    }

    function start(key, v) {
      var grid = new Grid(Math.max(32, px * 3));
      var queue = [];
      options.order().forEach(function (id) {
        var node = network.body.nodes[id];
        if (!node || node.options.hidden) return;
        var at = screen(node, v), r = Math.max(3, (node.options.size || 14) * v.scale);
        if (at.x < -r || at.y < -r || at.x > v.w + r || at.y > v.h + r || queue.length >= TRIED) return;
        grid.add({ l: at.x - r, r: at.x + r, t: at.y - r, b: at.y + r, owner: id, rank: queue.length });
        queue.push({ id: id, at: at, r: r });
      });
      var soft = options.arrowLinks ? arrowBoxes(grid, v) : 0;
      // on a crowded map (more than CROWDED organisations in view) the most connected may cover the least
      pending = { key: key, queue: queue, index: 0, grid: grid, placed: [], soft: soft > 0, shown: performance.now(),
        passes: queue.length > CROWDED ? 3 : 2 };
    }

    function proceed(budget, inFrame) {
      var started = performance.now();
      var p = pending, v = view();
      while (p.index < p.queue.length) {
        var item = p.queue[p.index++];
        var text = options.text(item.id);
        if (!text) continue;
        var w = width(text), h = Math.ceil(px * 1.25);
        var spots = candidates(item.r, w, h);
        var found = null;
        for (var pass = 0; pass < p.passes && !found; pass++) {
          if (pass === 1 && !p.soft) continue; // nothing soft to cover: the same as the first pass
          for (var i = 0; i < spots.length; i++) {
            var cx = item.at.x + spots[i][0], cy = item.at.y + spots[i][1];
            var box = { l: cx - w / 2 + HALO, r: cx + w / 2 - HALO, t: cy - h / 2, b: cy + h / 2, owner: item.id };
            if (box.l < 2 || box.t < 2 || box.r > v.w - 2 || box.b > v.h - 2) continue;
            if (p.grid.free(box, item.id, pass > 0, pass > 1 ? p.index - 1 : Infinity)) { found = box; break; }
          }
        }
        if (found) {
          p.grid.add(found);
          p.placed.push({ id: item.id, dx: (found.l + found.r) / 2 - item.at.x, dy: (found.t + found.b) / 2 - item.at.y,
            w: w, h: h + 2 * HALO });
        }
        if ((p.index & 7) === 0 && performance.now() - started > budget) break;
      }
      var done = p.index >= p.queue.length;
      if (done) pending = null;
      // names appear once placed (on a large map, those placed so far, most connected first, now and then)
      if (done || performance.now() - p.shown > SHOW_MS) {
        p.shown = performance.now();
        placed = p.placed.slice();
        placedKey = p.key;
        if (!inFrame) network.redraw();
      }
      return done;
    }

    /* Names keep their place while the view pans or zooms and find new places once it stops. */
    function stateKey(v) { return [v.scale.toFixed(4), options.version(), v.w, v.h].join("|"); }

    function settle() {
      if (quietTimer) clearTimeout(quietTimer);
      quietTimer = setTimeout(function () { quietTimer = null; network.redraw(); }, 160);
    }

    /* Placing happens between frames (never inside a redraw), a few milliseconds at a time. */
    var scheduled = false;
    function work() {
      scheduled = false;
      if (options.moving() || quietTimer) return;
      var v = view();
      var key = stateKey(v) + "|" + Math.round(v.x) + "|" + Math.round(v.y);
      if (!pending || pending.key !== key) {
        if (!pending && placedKey === key) return;
        start(key, v);
      }
      if (!proceed(BUDGET_MS, false)) { scheduled = true; setTimeout(work, 0); }
    }

    function draw(ctx) {
      var v = view();
      var key = stateKey(v) + "|" + Math.round(v.x) + "|" + Math.round(v.y);
      if (!scheduled && !options.moving() && !quietTimer && (pending || placedKey !== key)) {
        if (!pending || pending.key !== key) start(key, v);
        // a few names are placed in this frame (cheaper than drawing the map once more); many, between frames
        if (pending.queue.length > IN_FRAME || !proceed(Infinity, true)) {
          scheduled = true;
          setTimeout(work, 0);
        }
      }
      var ratio = network.canvas.pixelRatio || 1;
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      placed.forEach(function (label) {
        var node = network.body.nodes[label.id];
        if (!node || node.options.hidden) return;
        var alpha = options.alpha(label.id, node);
        if (alpha <= 0) return;
        var at = screen(node, v);
        var image = sprite(options.text(label.id), options.colour(label.id, node), ratio);
        ctx.globalAlpha = alpha;
        ctx.drawImage(image.canvas, Math.round(at.x + label.dx - image.w / 2), Math.round(at.y + label.dy - image.h / 2),
          image.w, image.h);
      });
      ctx.restore();
    }

    network.on("afterDrawing", draw);
    network.on("zoom", settle);
    network.on("dragEnd", settle);

    return Object.freeze({
      /* The shown names as boxes on the page (left, top, width, height in CSS pixels) with their size. */
      boxes: function () {
        var v = view();
        var frame = network.canvas.frame.canvas.getBoundingClientRect();
        return placed.filter(function (label) {
          var node = network.body.nodes[label.id];
          return node && !node.options.hidden;
        }).map(function (label) {
          var at = screen(network.body.nodes[label.id], v);
          var w = label.w - 2 * HALO, h = label.h - 2 * HALO;
          return { id: label.id, text: options.text(label.id), px: px,
            left: frame.left + at.x + label.dx - w / 2, top: frame.top + at.y + label.dy - h / 2, width: w, height: h };
        });
      },
      /* The name at a point of the canvas (CSS pixels from its corner), or null. */
      at: function (x, y) {
        var v = view();
        for (var i = placed.length - 1; i >= 0; i--) {
          var label = placed[i], node = network.body.nodes[label.id];
          if (!node || node.options.hidden) continue;
          var at = screen(node, v), cx = at.x + label.dx, cy = at.y + label.dy;
          if (Math.abs(x - cx) <= label.w / 2 && Math.abs(y - cy) <= label.h / 2) return label.id;
        }
        return null;
      },
      px: px,
      width: function (text) { return width(text) - 2 * HALO; },
      invalidate: function () { placedKey = null; pending = null; }
    });
  }

  window.stakeholdersLabels = Object.freeze({ create: create });
})();
