// Folds the column descriptions Datasette lists above a table into <details>,
// and shows each description as its column header's tooltip.
document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
  dl.querySelectorAll("dt").forEach(function (dt) {
    var th = document.querySelector("th.col-" + CSS.escape(dt.textContent.trim()));
    if (th && dt.nextElementSibling) { th.title = dt.nextElementSibling.textContent; }
  });
  var details = document.createElement("details");
  var summary = document.createElement("summary");
  summary.textContent = "Column descriptions (" + dl.querySelectorAll("dt").length + ")";
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
