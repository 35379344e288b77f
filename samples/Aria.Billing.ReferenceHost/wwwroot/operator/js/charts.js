// Hand-drawn SVG pictures (no library): errors per day per object and action, a run's jobs as a timeline, and an account's
// plan-change queue as a dated hierarchy. Built with createElementNS and classes only (the CSP allows no inline style).
const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) { if (v !== undefined && v !== null) { node.setAttribute(k, String(v)); } }
  for (const c of children) { node.append(c instanceof Node ? c : document.createTextNode(String(c))); }
  return node;
}

function frame(width, height, label, testid) {
  const root = svg("svg", { class: "chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, "data-testid": testid });
  root.append(svg("title", {}, label));
  return root;
}

const DAY = 86400000;
const dayOf = s => Date.parse(`${s}T00:00:00Z`);
const shortDay = ms => new Date(ms).toISOString().slice(5, 10);

/** Errors per day: one line per (object, action), days from..to, with a legend. */
export function errorsOverTime(data) {
  const from = dayOf(data.from), to = dayOf(data.to);
  const days = Math.round((to - from) / DAY) + 1;
  const width = 720, height = 220, left = 40, right = 16, top = 14, bottom = 30;
  const series = data.series.slice(0, 6);
  const max = Math.max(1, ...series.flatMap(s => s.days.map(d => d.count)));
  const x = i => left + (days === 1 ? 0 : (i * (width - left - right)) / (days - 1));
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const root = frame(width, height, `ERROR records per day, ${data.from} to ${data.to}, per object and action`, "errors-chart");
  for (const v of [0, Math.ceil(max / 2), max]) {
    root.append(svg("line", { class: "grid", x1: left, x2: width - right, y1: y(v), y2: y(v) }), svg("text", { x: 4, y: y(v) + 4 }, v));
  }
  root.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: y(0), y2: y(0) }));
  const step = Math.max(1, Math.ceil(days / 10));
  for (let i = 0; i < days; i += step) { root.append(svg("text", { x: x(i) - 14, y: height - 10 }, shortDay(from + i * DAY))); }
  series.forEach((s, n) => {
    const counts = new Map(s.days.map(d => [Math.round((dayOf(d.day) - from) / DAY), d.count]));
    const points = Array.from({ length: days }, (_, i) => `${x(i)},${y(counts.get(i) ?? 0)}`).join(" ");
    const line = svg("polyline", { class: `c${n}`, points, "data-testid": "errors-series" });
    line.append(svg("title", {}, `${s.object_name} / ${s.action_name}: ${s.days.reduce((a, d) => a + d.count, 0)} errors`));
    root.append(line);
    for (const [i, count] of counts) { const dot = svg("circle", { class: `c${n}`, cx: x(i), cy: y(count), r: 3 }); dot.append(svg("title", {}, `${s.object_name} / ${s.action_name} ${shortDay(from + i * DAY)}: ${count}`)); root.append(dot); }
  });
  const legend = document.createElement("p");
  legend.className = "legend";
  series.forEach((s, n) => { const item = document.createElement("span"); const sw = document.createElement("span"); sw.className = `swatch c${n}`; item.append(sw, `${s.object_name} / ${s.action_name}`); legend.append(item); });
  if (series.length === 0) { legend.textContent = "No ERROR records in these days."; }
  return [root, legend];
}

/** A run's jobs in order as a timeline: each bar spans the job's start to finish (or a slot when it has not run), filled by its progress and coloured by its status. */
export function runTimeline(run, stats) {
  const rows = run.jobs.map(j => ({ job: j, s: stats.find(s => s.index === j.index) }));
  const starts = rows.map(r => Date.parse(r.job.started_at ?? "")).filter(Number.isFinite);
  const ends = rows.map(r => Date.parse(r.job.finished_at ?? r.job.started_at ?? "")).filter(Number.isFinite);
  const t0 = Math.min(...starts), t1 = Math.max(...ends);
  const timed = starts.length > 0 && t1 - t0 > 0;
  const width = 720, rowHeight = 30, left = 200, right = 20, top = 10;
  const height = top + rows.length * rowHeight + 26;
  const span = width - left - right;
  const root = frame(width, height, `Run ${run.schedule} ${run.run_date}: ${rows.length} jobs, ${run.status}`, "run-timeline");
  rows.forEach((r, i) => {
    const total = r.s ? r.s.pending + r.s.running + r.s.completed + r.s.failed : 0;
    const done = r.s ? r.s.completed + r.s.failed : 0;
    const progress = total === 0 ? (["ok", "partial", "error"].includes(r.job.status) ? 1 : 0) : done / total;
    let x0 = left + (i * span) / rows.length, w = span / rows.length - 4;
    const start = Date.parse(r.job.started_at ?? ""), end = Date.parse(r.job.finished_at ?? "");
    if (timed && Number.isFinite(start)) { x0 = left + ((start - t0) / (t1 - t0)) * span; w = Math.max(6, ((Number.isFinite(end) ? end : t1) - start) / (t1 - t0) * span); }
    const y = top + i * rowHeight;
    const g = svg("g", { "data-testid": "timeline-job" });
    g.append(svg("title", {}, `${r.job.index + 1}. ${r.job.name}: ${r.job.status}, ${done}/${total} work items${r.job.error ? ` — ${r.job.error}` : ""}`));
    g.append(svg("text", { x: 4, y: y + 18 }, `${r.job.index + 1}. ${r.job.name} (${r.job.status})`));
    g.append(svg("rect", { class: "bar-back", x: x0, y: y + 5, width: w, height: rowHeight - 10, rx: 3 }));
    g.append(svg("rect", { class: `s-${r.job.status}`, x: x0, y: y + 5, width: Math.max(progress > 0 ? 2 : 0, w * progress), height: rowHeight - 10, rx: 3 }));
    g.append(svg("text", { x: x0 + 4, y: y + 19 }, `${Math.round(progress * 100)}% (${done}/${total})`));
    root.append(g);
  });
  const axisY = top + rows.length * rowHeight + 4;
  root.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: axisY, y2: axisY }));
  root.append(svg("text", { x: left, y: axisY + 16 }, timed ? new Date(t0).toISOString().slice(11, 19) : "in order"));
  if (timed) { root.append(svg("text", { x: width - right - 50, y: axisY + 16 }, new Date(t1).toISOString().slice(11, 19))); }
  return root;
}

/** An account's queue as a dated hierarchy: a row per plan instance (master → supplemental → child, indented, linked to its parent), its changes placed on a date axis. */
export function queueHierarchy(changes) {
  const instances = new Map();
  for (const c of changes) {
    const node = instances.get(c.plan_instance_no) ?? { no: c.plan_instance_no, parent: c.parent_plan_instance_no, kind: c.plan_kind, changes: [] };
    node.parent ??= c.parent_plan_instance_no; node.changes.push(c); instances.set(c.plan_instance_no, node);
  }
  for (const node of [...instances.values()]) { if (node.parent && !instances.has(node.parent)) { instances.set(node.parent, { no: node.parent, parent: null, kind: "master", changes: [] }); } }
  const ordered = [];
  const visit = (node, depth) => { ordered.push({ node, depth }); for (const child of [...instances.values()].filter(n => n.parent === node.no).sort((a, b) => a.no - b.no)) { visit(child, depth + 1); } };
  for (const root of [...instances.values()].filter(n => !n.parent || !instances.has(n.parent)).sort((a, b) => a.no - b.no)) { visit(root, 0); }
  const dates = changes.map(c => dayOf(c.effective_date));
  const d0 = Math.min(...dates), d1 = Math.max(...dates);
  const width = 720, rowHeight = 34, left = 230, right = 60, top = 10;
  const height = top + Math.max(1, ordered.length) * rowHeight + 28;
  const x = d => left + (d1 === d0 ? (width - left - right) / 2 : ((d - d0) / (d1 - d0)) * (width - left - right));
  const root = frame(width, height, `Plan-change queue: ${changes.length} changes over ${ordered.length} plan instances`, "queue-hierarchy");
  const rowOf = new Map(ordered.map((o, i) => [o.node.no, i]));
  ordered.forEach(({ node, depth }, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const label = depth === 0 ? "master" : depth === 1 ? "supplemental" : "child";
    if (node.parent && rowOf.has(node.parent)) {
      const py = top + rowOf.get(node.parent) * rowHeight + rowHeight / 2;
      root.append(svg("path", { class: "link", d: `M ${8 + (depth - 1) * 18} ${py + 6} V ${y} H ${8 + depth * 18 - 2}` }));
    }
    const g = svg("g", { "data-testid": "queue-node", "data-depth": depth });
    g.append(svg("text", { x: 8 + depth * 18, y: y + 4 }, `${label} ${node.no}`));
    g.append(svg("line", { class: "grid", x1: left, x2: width - right, y1: y, y2: y }));
    node.changes.slice().sort((a, b) => a.effective_date.localeCompare(b.effective_date)).forEach((c, n) => {
      const cx = x(dayOf(c.effective_date));
      const dot = svg("circle", { class: `s-${c.state}`, cx, cy: y, r: 6 });
      dot.append(svg("title", {}, `${c.kind} (${c.timing}) on ${c.effective_date}: ${c.state}`));
      g.append(dot, svg("text", { x: cx - 24, y: y - 9 + (n % 2) * 26 }, `${c.kind} ${c.effective_date.slice(5)}`));
    });
    root.append(g);
  });
  const axisY = top + ordered.length * rowHeight + 6;
  root.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: axisY, y2: axisY }));
  if (changes.length) { root.append(svg("text", { x: left - 10, y: axisY + 16 }, new Date(d0).toISOString().slice(0, 10)), svg("text", { x: width - right - 60, y: axisY + 16 }, new Date(d1).toISOString().slice(0, 10))); }
  return root;
}
