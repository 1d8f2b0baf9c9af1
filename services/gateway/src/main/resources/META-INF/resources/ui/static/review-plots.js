// Draws the review page's plots with uPlot from the decision's plot data (JSON, same origin):
// observed symptoms, and per arm its predicted median with the 10-90 % band across replications
// (filled under the lines) when the evaluation stored per-arm series.
// Loaded as a file because the content security policy forbids inline script.
(function () {
  "use strict";
  var COLORS = ["#3b6fd8", "#2a9d4b", "#d8823b", "#8a4fd8", "#cc3333", "#17a2b8", "#6c757d"];
  var BASELINE = "#888888";

  function color(s, i) {
    if (s.kind === "observed") { return "#1d2430"; }
    if (s.kind === "baseline") { return BASELINE; }
    return COLORS[i % COLORS.length];
  }

  function seriesOptions(s, i) {
    var o = { label: s.label, stroke: color(s, i), width: 2, spanGaps: true };
    if (s.kind === "baseline") { o.dash = [6, 4]; }
    return o;
  }

  function extent(plot) {
    var hi = -Infinity;
    var lo = Infinity;
    plot.series.forEach(function (s) {
      [s.values, s.high || [], s.low || []].forEach(function (column) {
        column.forEach(function (v) {
          if (v !== null) { hi = Math.max(hi, v); lo = Math.min(lo, v); }
        });
      });
    });
    return { lo: lo, hi: hi };
  }

  // Fills each band (high forward, low backward) between the axes and the lines.
  function drawBands(plot) {
    return function (u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.beginPath();
      ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      ctx.clip();
      plot.series.forEach(function (s, i) {
        if (!s.low || !s.high || !u.series[i + 1].show) { return; }
        var idx = [];
        s.low.forEach(function (v, j) { if (v !== null && s.high[j] !== null) { idx.push(j); } });
        if (idx.length < 2) { return; }
        ctx.beginPath();
        idx.forEach(function (j, k) {
          var x = u.valToPos(plot.x[j], "x", true);
          var y = u.valToPos(s.high[j], "y", true);
          if (k === 0) { ctx.moveTo(x, y); } else { ctx.lineTo(x, y); }
        });
        idx.slice().reverse().forEach(function (j) {
          ctx.lineTo(u.valToPos(plot.x[j], "x", true), u.valToPos(s.low[j], "y", true));
        });
        ctx.closePath();
        ctx.fillStyle = color(s, i) + "2e";
        ctx.fill();
      });
      ctx.restore();
    };
  }

  // A dashed vertical line where the candidates were decided.
  function drawDecision(at) {
    return function (u) {
      if (typeof at !== "number") { return; }
      var x = u.valToPos(at, "x", true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { return; }
      var ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = "#5a6270";
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillStyle = "#5a6270";
      ctx.font = Math.round(11 * devicePixelRatio) + "px sans-serif";
      ctx.fillText("decided", x + 4, u.bbox.top + 12 * devicePixelRatio);
      ctx.restore();
    };
  }

  function draw(figure, plot, decision) {
    var e = extent(plot);
    var options = {
      width: 540,
      height: 260,
      scales: {
        x: { time: true },
        y: {
          range: function (u, min, max) {
            if (!isFinite(e.lo)) { return [0, 1]; }
            var top = e.hi > 0 ? e.hi * 1.08 : 1;
            return [Math.min(0, e.lo), top];
          },
        },
      },
      series: [{}].concat(plot.series.map(seriesOptions)),
      hooks: { drawAxes: [drawBands(plot)], draw: [drawDecision(decision)] },
    };
    var data = [plot.x].concat(plot.series.map(function (s) { return s.values; }));
    var chart = new uPlot(options, data, figure);
    figure.dataset.seriesCount = String(chart.series.length - 1);
    figure.dataset.bands = String(plot.series.filter(function (s) { return !!s.low; }).length);
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
          draw(figure, data[figure.dataset.plot], data.decision);
        });
        var note = document.getElementById("plot-note");
        note.textContent = data.note;
        note.dataset.predicted = String(!!data.predicted);
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
