/* stakeholders netmap view: Net-Map's influence towers and stance marks, drawn over the map (data.netmap).
 *
 * After vis-network draws, each shown organisation with a score gets a tower to its right (a white frame as
 * tall as the top of the scale, filled as high as its influence) and a mark to its upper left (a white disc
 * with the stance's symbol: + = − ±, so the stance does not rest on colour). On the map page of the netmap
 * view they are always drawn; in a presentation, present.js turns them on for the steps that show them.
 * What was drawn last is window.stakeholdersNetmap.drawn ({towers: [...], marks: [...]}), for tests.
 */
(function () {
  "use strict";
  var data = window.stakeholdersMap;
  var page = window.stakeholdersPage;
  if (!data || !data.netmap || !page || !page.network) return;
  var netmap = data.netmap;
  var network = page.network;
  var FULL = 50; // a full tower's height, in the map's own units (an organisation is 14 across by default)
  var WIDTH = 9;
  var MARK = 10;
  var marks = new Map(netmap.marks.map(function (m) { return [m.id, m]; }));
  var ids = Object.keys(netmap.scores).sort();
  var state = { on: !data.presentation, drawn: { towers: [], marks: [] } };

  function drawTower(ctx, x, foot, influence) {
    var height = FULL * influence / netmap.max;
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#222222";
    ctx.fillStyle = "#FFFFFF";
    ctx.fillRect(x, foot - FULL, WIDTH, FULL);
    ctx.strokeRect(x, foot - FULL, WIDTH, FULL);
    if (height > 0) {
      ctx.fillStyle = netmap.tower_colour;
      ctx.fillRect(x, foot - height, WIDTH, height);
      ctx.strokeRect(x, foot - height, WIDTH, height);
    }
    return height;
  }

  function drawMark(ctx, x, y, stance) {
    var mark = marks.get(stance);
    ctx.beginPath();
    ctx.arc(x, y, MARK, 0, 2 * Math.PI);
    ctx.fillStyle = "#FFFFFF";
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = mark.colour;
    ctx.stroke();
    ctx.fillStyle = mark.colour;
    ctx.font = "bold 16px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(mark.symbol, x, y + 1);
    return mark.symbol;
  }

  network.on("afterDrawing", function (ctx) {
    var drawn = { towers: [], marks: [] };
    if (state.on) {
      var shown = page.nodes.get(ids).filter(function (node) { return node && !node.hidden; });
      var where = network.getPositions(shown.map(function (node) { return node.id; }));
      ctx.save();
      shown.forEach(function (node) {
        var score = netmap.scores[node.id];
        var p = where[node.id];
        var r = node.size || 14;
        if (score.influence !== null && score.influence !== undefined) {
          var height = drawTower(ctx, p.x + r + 4, p.y + r, score.influence);
          drawn.towers.push({ id: node.id, influence: score.influence, height: height, x: p.x + r + 4, foot: p.y + r });
        }
        if (score.stance) {
          var symbol = drawMark(ctx, p.x - r - 6, p.y - r - 2, score.stance);
          drawn.marks.push({ id: node.id, stance: score.stance, symbol: symbol, x: p.x - r - 6, y: p.y - r - 2 });
        }
      });
      ctx.restore();
    }
    state.drawn = drawn;
  });

  window.stakeholdersNetmap = Object.freeze({
    /* Draw the towers and marks (true) or not (false): a presentation's step says which. */
    show: function (on) {
      if (state.on === Boolean(on)) return;
      state.on = Boolean(on);
      network.redraw();
    },
    get drawn() { return state.drawn; },
    get shown() { return state.on; }
  });
  network.redraw();
})();
