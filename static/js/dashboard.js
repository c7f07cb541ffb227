// The dashboard's charts. The figures come from the page's <script type="application/json"
// id="dashboard-charts"> (Django's json_script), so no inline script is needed and the
// Content-Security-Policy can forbid them. Each key is the id of a <canvas> on the page.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-charts");
  if (!source || typeof Chart === "undefined") { return; }
  // Timed for the browser journey (performance.getEntriesByName("dashboard-charts")).
  performance.mark("dashboard-charts-start");
  var specs = JSON.parse(source.textContent);
  var palette = ["#0b6b3a", "#d4a017", "#2f7fc1", "#c0504d", "#7f6084", "#4bacc6", "#f79646",
    "#8c8c8c", "#5a9e6f", "#b85c9e", "#3b5998", "#999933"];
  var locale = document.documentElement.lang === "en" ? "en-GB" : "vi-VN";

  function draw(id, canvas) {
    var spec = specs[id];
    var pie = spec.type === "doughnut" || spec.type === "pie";
    var datasets = spec.datasets.map(function (dataset, index) {
      var colours = pie ? palette.slice(0, dataset.data.length) : palette[index % palette.length];
      return { label: dataset.label, data: dataset.data, backgroundColor: colours };
    });
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      // No entry animation: six charts animating for a second each kept the page busy (and the
      // load event waiting on their frames); figures should read at once.
      animation: false,
      locale: locale,
      plugins: { legend: { display: pie || datasets.length > 1, position: "bottom" } }
    };
    if (!pie) {
      options.indexAxis = spec.horizontal ? "y" : "x";
      options.scales = {
        x: { stacked: !!spec.stacked, ticks: { precision: 0 } },
        y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
      };
    }
    new Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options });
  }

  // The charts on the first screen are drawn at once; those below it after the page has loaded,
  // one per task, so neither the first screen nor the load event waits for all six.
  var later = [];
  Object.keys(specs).forEach(function (id) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    if (canvas.getBoundingClientRect().top < window.innerHeight) { draw(id, canvas); }
    else { later.push([id, canvas]); }
  });
  performance.measure("dashboard-charts", "dashboard-charts-start");
  window.addEventListener("load", function () {
    later.forEach(function (pair) { setTimeout(function () { draw(pair[0], pair[1]); }, 0); });
  });
})();
