// The dashboard's charts: open tickets per state and per queue as bars (uPlot). The numbers come
// from the page (data-labels, data-values) and are listed beside each chart as text as well, so
// the chart itself is decoration for screen readers. Redrawn when htmx refreshes the dashboard.
(() => {
  "use strict";
  const charts = new Map();

  function draw(box) {
    if (!window.uPlot) {
      return;
    }
    const labels = JSON.parse(box.dataset.labels || "[]");
    const values = JSON.parse(box.dataset.values || "[]");
    charts.get(box)?.destroy();
    box.replaceChildren();
    if (!labels.length) {
      return;
    }
    const xs = labels.map((_, i) => i);
    const css = getComputedStyle(document.documentElement);
    const accent = css.getPropertyValue("--accent").trim() || "#2456c8";
    const muted = css.getPropertyValue("--muted").trim() || "#5b6475";
    const short = (text) => (text.length > 12 ? text.slice(0, 11) + "…" : text);
    const chart = new window.uPlot({
      width: Math.max(200, box.clientWidth),
      height: 200,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: false, range: [-0.5, labels.length - 0.5] },
        y: { range: (u, min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { stroke: muted, splits: () => xs, values: (u, splits) => splits.map((i) => short(labels[i] ?? "")), size: 40 },
        { stroke: muted, size: 40 },
      ],
      series: [{}, { fill: accent, stroke: accent, paths: window.uPlot.paths.bars({ size: [0.6, 48] }), points: { show: false } }],
    }, [xs, values], box);
    charts.set(box, chart);
  }

  function drawAll() {
    for (const box of document.querySelectorAll("[data-chart]")) {
      draw(box);
    }
  }

  window.addEventListener("load", drawAll);
  document.addEventListener("htmx:afterSettle", drawAll);
})();
