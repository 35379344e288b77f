// Activity log per domain (billing-sync-reprocess.txt, "Filter … Sync Activity", "Sort … Sync Activity"): newest first, every
// filter and sort of the manual, DISCARDED hidden unless chosen in the status filter, paging; a record's detail with its header
// attributes, its payload formatted and a copy button, its attempts, and reprocess / discard of that one record.
import { api, may, say, guarded, untilDone, go } from "../app.js";
import { el, field, input, select, button, table, cell, text } from "../dom.js";

export const DOMAINS = [["account", "Account"], ["catalog", "Catalog"], ["aggregated_usage", "Aggregated usage"]];
const STATUSES = [["", "any (not discarded)"], ["pending", "PENDING"], ["complete", "COMPLETE"], ["error", "ERROR"], ["ignored", "IGNORED"], ["incomplete", "INCOMPLETE"], ["discarded", "DISCARDED"]];
const FILTERS = [
  ["aria_sync_id", "Aria sync id"], ["account_no", "Account number"], ["action", "Action"], ["error_code", "Error code"], ["event_id", "Event id"],
  ["object_type", "Object type"], ["action_name", "Action name (partial)"], ["object_name", "Object name (partial)"], ["batch_id", "Aggregated batch"],
];

export function domainPicker(current, view) {
  return field("Domain", select(DOMAINS, { value: current, testid: "domain", onchange: e => go(`${view}/${e.target.value}`) }));
}

export async function render(main, [domain = "account", recordId]) {
  const given = recordId?.startsWith("?") ? new URLSearchParams(recordId) : null; // #activity/<domain>/?batch_id=…: filters to start with
  if (recordId && !given) { return detail(main, domain, recordId); }
  const controls = {};
  const form = el("form", { testid: "activity-filters", "aria-label": "Activity filters" });
  const filters = el("fieldset", {}, el("legend", { text: "Filters" }));
  for (const [name, label] of FILTERS) {
    if ((name === "account_no" && domain !== "account") || (name === "batch_id" && domain !== "aggregated_usage")) { continue; }
    controls[name] = input({ name, testid: `filter-${name}`, size: 14, inputmode: ["account_no", "object_type"].includes(name) ? "numeric" : undefined, value: given?.get(name) ?? undefined });
    filters.append(field(label, controls[name]));
  }
  controls.status = select(STATUSES, { name: "status", testid: "filter-status", value: given?.get("status") ?? "" });
  filters.append(field("Status", controls.status));
  const sort = el("fieldset", {}, el("legend", { text: "Sort and page" }));
  controls.sort = select([["id", "Id"], ["status", "Status"], ["action_name", "Action name"], ["object_name", "Object name"]], { name: "sort", testid: "sort" });
  controls.descending = select([["true", "descending"], ["false", "ascending"]], { name: "descending", testid: "direction" });
  controls.page_size = select(["25", "50", "100", "200"], { name: "page_size", value: "50", testid: "page-size" });
  sort.append(field("Sort by", controls.sort), field("Order", controls.descending), field("Page size", controls.page_size));
  form.append(filters, sort, el("button", { type: "submit", testid: "search", text: "Search" }));
  const results = el("div", { testid: "activity-results" });
  main.replaceChildren(el("h2", { text: "Activity log" }), domainPicker(domain, "activity"), form, results);

  const pages = []; // continuation tokens of the pages before the current one
  const search = async token => {
    const q = new URLSearchParams();
    for (const [name, control] of Object.entries(controls)) { if (control.value.trim() !== "") { q.set(name, control.value.trim()); } }
    if (token) { q.set("continuation_token", token); }
    const page = (await api("GET", `/sync/${domain}/records?${q}`)).data;
    const nav = el("p", {},
      el("span", { class: "muted", testid: "total", text: `${page.total_count ?? page.items.length} records · page ${pages.length + 1}` }), " ",
      pages.length > 0 ? button("Previous page", () => guarded(() => { pages.pop(); return search(pages.at(-1)); }), { testid: "previous-page" }) : null,
      page.continuation_token ? button("Next page", () => guarded(() => { pages.push(page.continuation_token); return search(page.continuation_token); }), { testid: "next-page" }) : null);
    results.replaceChildren(nav, table(["Id", "Event time", "Object type", "Object name", "Action name", "Action", "Account", "Status", "Error code", "Error message"], page.items, (row, r) => {
      row.className = "row"; row.dataset.testid = "activity-row"; row.tabIndex = 0;
      const open = () => go(`activity/${domain}/${r.id}`);
      const link = el("a", { href: `#activity/${domain}/${r.id}`, text: r.id });
      row.insertCell().append(link);
      cell(row, r.event_time); cell(row, r.object_type); cell(row, r.object_name); cell(row, r.action_name); cell(row, r.action); cell(row, r.account_no);
      cell(row, r.status?.toUpperCase(), `status-${r.status}`); cell(row, r.error_code); cell(row, r.error_message);
      row.addEventListener("click", e => { if (e.target.tagName !== "A") { open(); } });
      row.addEventListener("keydown", e => { if (e.key === "Enter") { open(); } });
    }, "activity"));
  };
  form.addEventListener("submit", e => { e.preventDefault(); pages.length = 0; guarded(() => search(null)); });
  await search(null);
}

async function detail(main, domain, id) {
  const r = (await api("GET", `/sync/${domain}/records/${encodeURIComponent(id)}`)).data;
  const attributes = el("dl", { class: "attributes", testid: "record-header" });
  for (const [label, value] of [
    ["Id", r.id], ["Domain", r.domain], ["Aria sync id", r.aria_sync_id], ["Event id", r.event_id], ["Event time", r.event_time], ["Object type", r.object_type],
    ["Object name", r.object_name], ["Action", r.action], ["Action name", r.action_name], ["Account number", r.account_no], ["Status", r.status?.toUpperCase()],
    ["Error code", r.error_code], ["Error message", r.error_message], ["Error number", r.error_number], ["SCN number", r.scn_number], ["Audit header", r.audit_header],
  ]) { attributes.append(el("dt", { text: label }), el("dd", { text: text(value) })); }
  let formatted = r.payload ?? "";
  try { formatted = JSON.stringify(JSON.parse(formatted), null, 2); } catch { /* not JSON: shown as sent */ }
  const payload = el("pre", { class: "payload", testid: "payload", tabindex: 0, "aria-label": "Event payload" }, formatted);
  const copy = button("Copy payload", () => guarded(async () => { await navigator.clipboard.writeText(formatted); say("payload copied to the clipboard"); }), { testid: "copy-payload" });
  const actions = el("p", {});
  if (r.status === "error" && may("sync", "edit")) { actions.append(button("Reprocess this record", () => one("reprocess"), { testid: "record-reprocess" })); }
  if (r.status === "error" && may("sync", "delete")) { actions.append(button("Discard this record", () => one("discard"), { testid: "record-discard" })); }
  async function one(op) {
    if (op === "discard" && !confirm("Discard 1 ERROR record for good? This cannot be undone.")) { say("discard cancelled"); return; }
    await guarded(async () => {
      const started = await api("POST", `/sync/${domain}/${op}`, { level: "record", record_id: r.id, ...(op === "discard" ? { expected_count: 1 } : {}) });
      const state = await untilDone(started.location);
      say(`${op}: ${state.processed} processed, ${state.succeeded} ok, ${state.failed} still failing`);
      await detail(main, domain, id);
    });
  }
  main.replaceChildren(
    el("p", {}, el("a", { href: `#activity/${domain}`, text: "← back to the activity log" })),
    el("h2", { text: `Record ${r.id}: ${r.object_name} / ${r.action_name}` }), attributes, actions,
    el("h3", { text: "Event payload" }), copy, payload,
    el("h3", { text: "Attempts" }),
    table(["At", "Kind", "Status", "Error code", "Error message", "By"], r.attempts ?? [], (row, a) => {
      cell(row, a.at); cell(row, a.kind); cell(row, a.status?.toUpperCase()); cell(row, a.error_code); cell(row, a.error_message); cell(row, a.by);
    }, "attempts"));
}
