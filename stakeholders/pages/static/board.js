/* stakeholders board (templates/board.html): a chosen card opens what it stands for, the page's sector and
 * level filters hide cards, and on the map page a button switches between the board and the network.
 * It reads the data only from attributes the template wrote; it writes no markup. */
(function () {
  "use strict";
  var page = window.stakeholdersPage;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".board-card"));

  function choose(ref) {
    cards.forEach(function (card) { card.classList.toggle("is-chosen", card.getAttribute("data-ref") === ref); });
  }

  cards.forEach(function (card) {
    card.addEventListener("click", function () {
      var ref = card.getAttribute("data-ref");
      if (card.getAttribute("data-kind") === "barrier") {
        if (page && page.showBarrier) page.showBarrier(ref);
        return;
      }
      choose(ref);
      if (page && page.showOrganisation) page.showOrganisation(ref);
    });
  });
  var close = document.getElementById("close-info");
  if (close) close.addEventListener("click", function () { choose(null); relate(null); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { choose(null); relate(null); } });

  /* Barrier cards: the one in focus is chosen; an organisation in focus marks every barrier it raises or joins. */
  var barrierCards = cards.filter(function (card) { return card.getAttribute("data-kind") === "barrier"; });
  function relate(org) {
    barrierCards.forEach(function (card) {
      var related = org !== null && JSON.parse(card.getAttribute("data-related") || "[]").indexOf(org) >= 0;
      card.classList.toggle("is-related", related);
    });
  }
  if (barrierCards.length) {
    document.addEventListener("stakeholders:focus", function (event) {
      var detail = event.detail || {};
      choose(detail.barrier || null);
      relate(detail.org || null);
    });
  }

  /* The legend's checkboxes (data-filter="sector", "level") hide the cards whose value they turn off. */
  function applyFilters() {
    var off = {};
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      if (!box.checked) (off[name] = off[name] || new Set()).add(box.value);
    });
    cards.forEach(function (card) {
      card.parentNode.hidden = Object.keys(off).some(function (name) {
        var value = card.getAttribute("data-filter-" + name);
        return value !== null && off[name].has(value);
      });
    });
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) { box.addEventListener("change", applyFilters); });

  /* A board that must fit its frame (a step of a presentation) is zoomed out until it does, to 60 % at the
   * least: zoom, unlike a transform, lets the columns grow wider as it shrinks, so fewer names wrap. */
  function fit(frame) {
    var board = frame.querySelector(".board");
    if (!board || frame.hidden || !frame.clientHeight) return;
    var style = window.getComputedStyle(frame);
    var room = frame.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    function fits(zoom) {
      board.style.zoom = String(zoom);
      return board.getBoundingClientRect().height <= room + 1;
    }
    if (fits(1)) return;
    var low = 0.6, high = 1; // the largest zoom that fits, to within 1 %
    while (high - low > 0.01) {
      var middle = (low + high) / 2;
      if (fits(middle)) low = middle; else high = middle;
    }
    fits(low);
  }
  if (window.ResizeObserver) {
    var watcher = new ResizeObserver(function (entries) { entries.forEach(function (entry) { fit(entry.target); }); });
    document.querySelectorAll(".board-stage[data-fit]").forEach(function (frame) { watcher.observe(frame); });
  }

  /* The map page: the board stands over the network; the button shows one or the other. */
  var stage = document.getElementById("board-stage");
  var toggle = document.getElementById("board-toggle");
  if (stage && toggle) {
    toggle.addEventListener("click", function () {
      var showBoard = stage.hidden;
      stage.hidden = !showBoard;
      stage.parentNode.classList.toggle("board-shown", showBoard); // the network leaves the tab order under the board
      toggle.textContent = toggle.getAttribute(showBoard ? "data-to-network" : "data-to-board");
      if (!showBoard && window.network) { window.network.redraw(); window.stakeholdersPage.fit(); }
    });
  }
})();
