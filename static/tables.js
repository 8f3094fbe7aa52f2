// Tables on narrow screens: a table wider than its box becomes a pile of cards, one per row,
// each cell labelled with its column's heading, so every button stays on the screen without
// sideways scrolling. A table that still scrolls is made reachable by keyboard. Without this
// script the tables simply scroll sideways in their .table-wrap box.
(function () {
  "use strict";

  function labelCells(table) {
    var heads = [];
    var headRow = table.querySelector("thead tr");
    if (!headRow) return;
    Array.prototype.forEach.call(headRow.children, function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) heads.push(th.textContent.trim());
    });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr, tfoot tr"), function (tr) {
      var column = 0;
      Array.prototype.forEach.call(tr.children, function (cell) {
        if (heads[column] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", heads[column]);
        column += cell.colSpan || 1;
      });
    });
  }

  function scrolls(wrap) {
    return wrap.scrollWidth > wrap.clientWidth + 1;
  }

  // The scrolling box is named after the table's caption, else the heading just before it.
  function nameOf(wrap) {
    var table = wrap.querySelector("table");
    if (table && table.caption) return table.caption.textContent.trim();
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim();
    }
    var h1 = document.querySelector("h1");
    return h1 ? h1.textContent.trim() : document.title;
  }

  function fit(wrap) {
    wrap.classList.remove("stacked");
    if (scrolls(wrap) && wrap.querySelector("thead")) wrap.classList.add("stacked");
    if (scrolls(wrap)) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", nameOf(wrap));
    } else if (wrap.getAttribute("tabindex") === "0") {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
    }
  }

  function fitAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrap"), fit);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-wrap table"), labelCells);
    fitAll();
    var waiting = null;
    window.addEventListener("resize", function () {
      clearTimeout(waiting);
      waiting = setTimeout(fitAll, 150);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
