// Puts the columns that say what a row is right after its link column (claims: model, kind,
// quote; documents: title, date, platform), ahead of the mostly empty ones. The order comes
// from this script's data-first attribute; the JSON and CSV keep the table's own order.
(function () {
  var me = document.currentScript || document.querySelector("script[data-first]");
  var first = (me && me.getAttribute("data-first") || "").split(",").filter(Boolean);
  document.querySelectorAll("table.rows-and-columns tr").forEach(function (tr) {
    var anchor = tr.children[0];
    first.forEach(function (name) {
      var cell = tr.querySelector(".col-" + CSS.escape(name));
      if (cell && anchor) { anchor.after(cell); anchor = cell; }
    });
  });
})();
