// Draws the review page's plots with uPlot from the decision's plot data (JSON, same origin).
// Loaded as a file because the content security policy forbids inline script.
(function () {
  "use strict";
  var COLORS = ["#3b6fd8", "#2a9d4b", "#d8823b", "#8a4fd8", "#c33", "#17a2b8", "#6c757d"];

  function seriesOptions(s, i) {
    if (s.kind === "observed") {
      return { label: s.label, stroke: "#1d2430", width: 2 };
    }
    if (s.kind === "baseline") {
      return { label: s.label, stroke: "#888", width: 2, dash: [6, 4] };
    }
    return { label: s.label, stroke: COLORS[i % COLORS.length], width: 2 };
  }

  function draw(figure, plot) {
    var options = {
      width: 540,
      height: 260,
      scales: { x: { time: true } },
      series: [{}].concat(plot.series.map(seriesOptions)),
    };
    var data = [plot.x].concat(plot.series.map(function (s) { return s.values; }));
    var chart = new uPlot(options, data, figure);
    figure.dataset.seriesCount = String(chart.series.length - 1);
    figure.dataset.rendered = "true";
  }

  function init() {
    var holder = document.getElementById("plots");
    if (!holder || typeof uPlot === "undefined") {
      return;
    }
    fetch(holder.dataset.plots, { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error("plot data: HTTP " + r.status); }
        return r.json();
      })
      .then(function (data) {
        holder.querySelectorAll("figure[data-plot]").forEach(function (figure) {
          draw(figure, data[figure.dataset.plot]);
        });
        document.getElementById("plot-note").textContent = data.note;
      })
      .catch(function (e) {
        document.getElementById("plot-note").textContent = "No plots: " + e.message;
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
