// Small DOM helpers: elements built with textContent (never innerHTML), tables, labelled fields.

/** An element: attrs class, text, testid, on<event>, anything else as an attribute; children nodes or strings. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) { continue; }
    if (key === "class") { node.className = value; } else if (key === "text") { node.textContent = String(value); } else if (key === "testid") { node.dataset.testid = value; } else if (key.startsWith("on")) { node.addEventListener(key.slice(2), value); } else if (key === "value") { node.value = value; } else { node.setAttribute(key, value === true ? "" : String(value)); }
  }
  for (const child of children.flat()) { if (child !== null && child !== undefined && child !== false) { node.append(child instanceof Node ? child : String(child)); } }
  return node;
}

let fields = 0;

/** A labelled control: a label for its id (so the control's accessible name is the label's text alone). */
export function field(label, control) {
  if (!control.id) { control.id = `f${++fields}`; }
  return el("span", { class: "field" }, el("label", { for: control.id, text: label }), " ", control);
}

export function input(attrs = {}) { return el("input", attrs); }

/** A select of [value, label] pairs (or plain strings). */
export function select(options, attrs = {}) {
  const s = el("select", attrs);
  for (const o of options) { const [value, label] = Array.isArray(o) ? o : [o, o]; s.append(el("option", { value, text: label })); }
  if (attrs.value !== undefined) { s.value = attrs.value; }
  return s;
}

export function button(label, onclick, attrs = {}) { return el("button", { type: "button", onclick, ...attrs, text: label }); }

export function text(value) { return value === null || value === undefined ? "" : String(value); }

/** A table of rows; render(row, item) fills a row; an empty list says so. */
export function table(headers, items, render, testid) {
  const t = el("table", { testid });
  const head = t.createTHead().insertRow();
  for (const h of headers) { head.append(el("th", { scope: "col", text: h })); }
  const body = t.createTBody();
  for (const item of items) { render(body.insertRow(), item); }
  if (items.length === 0) { const row = body.insertRow(); const td = row.insertCell(); td.textContent = "nothing here"; td.colSpan = headers.length; td.className = "muted"; }
  return t;
}

export function cell(row, value, className) { const td = row.insertCell(); td.textContent = text(value); if (className) { td.className = className; } return td; }

/** yyyy-MM-dd of a Date in UTC. */
export function isoDay(date) { return date.toISOString().slice(0, 10); }
