// eventwire's pages: charts, map and graph drawn with Plotly from the JSON the server put in
// <script type="application/json" id="page-data">. Nothing is fetched from another host.
"use strict";

(function () {
  var QUAD = {
    1: { name: "1 verbal cooperation", color: "#66bd63" },
    2: { name: "2 material cooperation", color: "#1a9850" },
    3: { name: "3 verbal conflict", color: "#f46d43" },
    4: { name: "4 material conflict", color: "#d73027" },
    0: { name: "not coded", color: "#999999" },
  };
  var CONFIG = { displaylogo: false, responsive: true, topojsonURL: "/static/" };
  var FONT = { family: "system-ui, sans-serif", size: 12 };
  var DAY = 86400000;

  function pageData() {
    var node = document.getElementById("page-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function noCharts(id) {
    var node = document.getElementById(id);
    if (node) {
      node.textContent = "Charts need plotly.min.js (the plotly Python package).";
      node.classList.add("empty");
    }
  }

  function emptyChart(id, text) {
    var node = document.getElementById(id);
    node.textContent = text;
    node.classList.add("empty");
  }

  // Stacked bars per day, one trace per quad class; `sign` maps a row to +1/-1 (or 0: skip).
  function quadBars(rows, sign) {
    var traces = [];
    [1, 2, 3, 4, 0].forEach(function (q) {
      var byDay = {};
      rows.forEach(function (r) {
        var s = sign ? sign(r) : 1;
        if ((r.quad_class || 0) === q && s) {
          byDay[r.day] = (byDay[r.day] || 0) + s * r.events;
        }
      });
      var days = Object.keys(byDay).sort();
      if (days.length) {
        traces.push({
          type: "bar",
          name: QUAD[q].name,
          quad: q,
          x: days,
          y: days.map(function (d) { return byDay[d]; }),
          width: 0.8 * DAY,
          marker: { color: QUAD[q].color },
          hovertemplate: "%{x}: %{y} events<extra>" + QUAD[q].name + "</extra>",
        });
      }
    });
    return traces;
  }

  // Days on the x axis, over the window the page gives (the filter's dates, else the
  // bulk of the data: a few events dated 1905 do not stretch it); ticks carry the year.
  function timeAxis(rows, window) {
    var days = rows.map(function (r) { return Date.parse(r.day); });
    var first = window ? Date.parse(window[0]) : Math.min.apply(null, days);
    var last = window ? Date.parse(window[1]) : Math.max.apply(null, days);
    var axis = { type: "date", tickformat: "%d %b %Y", automargin: true };
    axis.range = [first - DAY, last + DAY];
    if (last - first <= 21 * DAY) axis.dtick = DAY;
    return axis;
  }

  // A click on a bar lists that day's events (of that quad class).
  function clickToEvents(id, base) {
    var node = document.getElementById(id);
    node.on("plotly_click", function (ev) {
      var point = ev.points && ev.points[0];
      if (!point) return;
      var day = new Date(point.x).toISOString().slice(0, 10);
      var params = new URLSearchParams(base || "");
      params.set("since", day);
      params.set("until", day);
      if (point.data.quad) params.set("quad_class", point.data.quad);
      window.location.href = "/events?" + params.toString();
    });
  }

  function drawPerDay(id, rows, window, base) {
    if (!rows.length) return emptyChart(id, "No dated events yet.");
    Plotly.newPlot(id, quadBars(rows), {
      barmode: "stack", font: FONT, margin: { t: 10, r: 10, b: 40, l: 40 },
      xaxis: timeAxis(rows, window), yaxis: { title: { text: "events" } }, legend: { orientation: "h" },
    }, CONFIG).then(function () { clickToEvents(id, base); });
  }

  function drawActorTimeline(id, rows) {
    if (!rows.length) return emptyChart(id, "No events for this actor.");
    var acted = quadBars(rows, function (r) { return r.role === "source" ? 1 : 0; });
    var target = quadBars(rows, function (r) { return r.role === "target" ? -1 : 0; });
    target.forEach(function (t) {
      t.showlegend = false;
      t.marker.pattern = { shape: "/" };
      t.hovertemplate = "%{x}: acted on in %{customdata} events<extra></extra>";
      t.customdata = t.y.map(function (y) { return -y; });
    });
    Plotly.newPlot(id, acted.concat(target), {
      barmode: "relative", font: FONT, margin: { t: 10, r: 10, b: 40, l: 50 },
      xaxis: timeAxis(rows, null), yaxis: { title: { text: "↓ acted on · acts ↑" }, zeroline: true },
      legend: { orientation: "h" },
    }, CONFIG);
  }

  function drawMap(id, places) {
    var node = document.getElementById(id);
    if (!places.length) return emptyChart(id, "No events with a known place.");
    var outline = { lon: [], lat: [] };
    fetch("/static/world-110m.json")
      .then(function (r) { return r.ok ? r.json() : outline; })
      .catch(function () { return outline; })
      .then(function (world) {
        var max = Math.max.apply(null, places.map(function (p) { return p.events; }));
        // Base layers off: Plotly then draws no topojson, so it fetches none; the outlines
        // come from the local file instead.
        Plotly.newPlot(node, [
          {
            type: "scattergeo", mode: "lines", lon: world.lon, lat: world.lat,
            line: { color: "#b8b8b8", width: 0.6 }, hoverinfo: "skip", showlegend: false,
          },
          {
            type: "scattergeo", mode: "markers", name: "events",
            lon: places.map(function (p) { return p.lon; }),
            lat: places.map(function (p) { return p.lat; }),
            text: places.map(function (p) {
              return (p.name || "?") + (p.country ? " (" + p.country + ")" : "") + ": " + p.events;
            }),
            hoverinfo: "text",
            customdata: places.map(function (p) { return p.name || ""; }),
            marker: {
              size: places.map(function (p) { return 6 + 18 * Math.sqrt(p.events / max); }),
              // coloured by the quad class most of the place's events have
              color: places.map(function (p) { return QUAD[p.quad_class || 0].color; }),
              opacity: 0.8, line: { color: "#fff", width: 1 },
            },
          },
        ], {
          font: FONT, margin: { t: 0, r: 0, b: 0, l: 0 }, showlegend: false,
          geo: {
            projection: { type: "natural earth" }, showland: false, showocean: false,
            showlakes: false, showrivers: false, showcountries: false, showcoastlines: false,
            showsubunits: false, showframe: true, framecolor: "#ccc", bgcolor: "rgba(0,0,0,0)",
          },
        }, CONFIG).then(function () {
          node.on("plotly_click", function (ev) {
            var point = ev.points && ev.points[0];
            if (!point || !point.customdata) return;
            var params = new URLSearchParams(window.location.search);
            params.set("place", point.customdata);
            params.delete("offset");
            params.delete("after");
            window.location.href = "/events?" + params.toString();
          });
        });
      });
  }

  // A force-directed layout (Fruchterman and Reingold 1991), from a circle, so it is the same
  // on every load.
  function layout(nodes, edges) {
    var n = nodes.length, index = {}, pos = [], k = 1 / Math.sqrt(Math.max(n, 1)), t = 0.1;
    nodes.forEach(function (d, i) {
      index[d.id] = i;
      pos.push([Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
    });
    for (var step = 0; step < 300; step++) {
      var disp = pos.map(function () { return [0, 0]; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
          var d = Math.max(0.01, Math.hypot(dx, dy)), f = (k * k) / d;
          disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
          disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
        }
      }
      edges.forEach(function (e) {
        var a = index[e.source], b = index[e.target];
        var dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
        var d = Math.max(0.01, Math.hypot(dx, dy)), f = (d * d) / k;
        disp[a][0] -= (dx / d) * f; disp[a][1] -= (dy / d) * f;
        disp[b][0] += (dx / d) * f; disp[b][1] += (dy / d) * f;
      });
      pos.forEach(function (p, i) {  // gravity: unconnected groups stay in view
        disp[i][0] -= 2 * k * p[0]; disp[i][1] -= 2 * k * p[1];
      });
      pos.forEach(function (p, i) {
        var len = Math.max(1e-9, Math.hypot(disp[i][0], disp[i][1])), move = Math.min(len, t);
        p[0] += (disp[i][0] / len) * move; p[1] += (disp[i][1] / len) * move;
      });
      t *= 0.985;
    }
    return { pos: pos, index: index };
  }

  function drawNetwork(id, data) {
    var nodes = data.nodes, edges = data.edges;
    if (!nodes.length) return emptyChart(id, "No events between actors yet.");
    var placed = layout(nodes, edges), pos = placed.pos, index = placed.index;
    var most = Math.max.apply(null, edges.map(function (e) { return e.events; }));
    var arrows = edges.map(function (e) {
      var a = pos[index[e.source]], b = pos[index[e.target]];
      var color = e.cooperation > e.conflict ? "#1a9850"
        : e.conflict > e.cooperation ? "#d73027" : "#e6a023";
      return {
        x: b[0], y: b[1], ax: a[0], ay: a[1], xref: "x", yref: "y", axref: "x", ayref: "y",
        showarrow: true, arrowhead: 2, arrowsize: 1, standoff: 9, startstandoff: 6,
        arrowwidth: 1 + 4 * (e.events / most), arrowcolor: color,
        // no hovertext: an annotation with one catches the clicks meant for the node
        // under its head (the edge table below gives the counts)
        opacity: 0.7, text: "", captureevents: false,
      };
    });
    var maxEvents = Math.max.apply(null, nodes.map(function (d) { return d.events; }));
    var graph = document.getElementById(id);
    Plotly.newPlot(graph, [{
      type: "scatter", mode: "markers+text",
      x: pos.map(function (p) { return p[0]; }), y: pos.map(function (p) { return p[1]; }),
      text: nodes.map(function (d) { return d.name || d.id; }),
      customdata: nodes.map(function (d) { return d.id; }),
      textposition: "top center", hovertemplate: "%{text}<br>%{hovertext}<extra></extra>",
      hovertext: nodes.map(function (d) { return d.events + " events"; }),
      marker: {
        size: nodes.map(function (d) { return 10 + 20 * Math.sqrt(d.events / maxEvents); }),
        color: "#4a6fa5", line: { color: "#fff", width: 1.5 },
      },
    }], {
      font: FONT, margin: { t: 10, r: 10, b: 10, l: 10 }, showlegend: false,
      annotations: arrows, hovermode: "closest", dragmode: "pan",
      xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" },
    }, CONFIG);
    graph.on("plotly_click", function (ev) {
      var id = ev.points && ev.points[0] && ev.points[0].customdata;
      if (!id) return;
      window.location.href = data.by === "actor"
        ? "/actors/" + encodeURIComponent(id)
        : "/events?country=" + encodeURIComponent(id);
    });
  }

  function toggleHighlights() {
    var button = document.getElementById("toggle-highlights");
    if (!button) return;
    button.addEventListener("click", function () {
      var off = document.body.classList.toggle("plain");
      button.setAttribute("aria-pressed", off ? "false" : "true");
      button.textContent = off ? "Show highlights" : "Hide highlights";
    });
  }

  function docs() {
    var node = document.getElementById("swagger-ui");
    if (node && typeof SwaggerUIBundle !== "undefined") {
      SwaggerUIBundle({ url: node.dataset.spec, dom_id: "#swagger-ui", deepLinking: true });
    }
  }

  // Tables sort by a click on a column head (numbers as numbers, the rest as text).
  function sortableTables() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      table.querySelectorAll("thead th").forEach(function (th, col) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var down = th.getAttribute("aria-sort") === "ascending";
          table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", down ? "descending" : "ascending");
          function key(row) {
            var cell = row.cells[col];
            var text = cell ? (cell.dataset.sort || cell.textContent.trim()) : "";
            var number = parseFloat(text);
            return isNaN(number) || !/^-?[0-9.]+$/.test(text) ? text.toLowerCase() : number;
          }
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            var c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
            return down ? -c : c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var page = document.body.dataset.page, data = pageData();
    toggleHighlights();
    sortableTables();
    if (page === "docs") return docs();
    var charts = {
      home: [["chart-per-day", function (id) { drawPerDay(id, data.per_day, data.window, ""); }]],
      actor: [["actor-timeline", function (id) { drawActorTimeline(id, data.timeline); }]],
      events: [
        ["events-timeline", function (id) {
          drawPerDay(id, data.timeline, data.window, window.location.search);
        }],
        ["events-map", function (id) { drawMap(id, data.places); }],
      ],
      network: [["network-graph", function (id) { drawNetwork(id, data); }]],
    }[page] || [];
    charts.forEach(function (chart) {
      if (typeof Plotly === "undefined") return noCharts(chart[0]);
      chart[1](chart[0]);
    });
  });
})();
