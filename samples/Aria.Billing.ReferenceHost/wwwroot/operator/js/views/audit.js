// The batch process audit log (batch-process-audit-log.txt): a date range of at most 7 days, status and process-name
// filters, each run with its batch_status_cd and a green check (ok) or a red x (failed: error, partial, warning).
import { api, guarded, fail } from "../app.js";
import { el, field, input, select, button, table, cell, isoDay } from "../dom.js";

const STATUSES = [["", "any"], ["0", "0 New"], ["1", "1 Running"], ["2", "2 Ok"], ["3", "3 Incomplete"], ["4", "4 Error"], ["5", "5 Partial"], ["6", "6 Warning"], ["7", "7 Suspended"]];
const FAILED = ["error", "partial", "warning"];

export async function render(main) {
  const today = isoDay(new Date());
  const from = input({ type: "date", name: "from", value: isoDay(new Date(Date.now() - 6 * 86400000)), required: true, testid: "audit-from" });
  const to = input({ type: "date", name: "to", value: today, required: true, testid: "audit-to" });
  const status = select(STATUSES, { name: "status", testid: "audit-status" });
  const process = input({ name: "process", testid: "audit-process", size: 18 });
  const form = el("form", { testid: "audit-form", "aria-label": "Audit search" },
    field("From", from), field("To", to), field("Status", status), field("Process name", process), el("button", { type: "submit", testid: "audit-search", text: "Search" }),
    el("p", { class: "muted", text: "At most 7 days at a time." }));
  const results = el("div", { testid: "audit-results" });
  main.replaceChildren(el("h2", { text: "Batch process audit log" }), form, results);
  const pages = [];
  const search = async token => {
    const days = (Date.parse(to.value) - Date.parse(from.value)) / 86400000;
    if (!(days >= 0 && days <= 6)) { fail("The range should run forward and span at most 7 days."); return; }
    const q = new URLSearchParams({ from: from.value, to: to.value, page_size: "50" });
    if (status.value) { q.set("status", status.value); }
    if (process.value.trim()) { q.set("process", process.value.trim()); }
    if (token) { q.set("continuation_token", token); }
    const page = (await api("GET", `/jobs/audit?${q}`)).data;
    results.replaceChildren(
      el("p", {}, el("span", { class: "muted", text: `${page.total_count ?? page.items.length} runs · page ${pages.length + 1} ` }),
        pages.length ? button("Previous page", () => guarded(() => { pages.pop(); return search(pages.at(-1)); })) : null,
        page.continuation_token ? button("Next page", () => guarded(() => { pages.push(page.continuation_token); return search(page.continuation_token); })) : null),
      table(["", "Process", "Run date", "Status", "batch_status_cd", "Started by", "Created", "Finished", "Jobs"], page.items, (row, r) => {
        row.dataset.testid = "audit-row";
        const ok = r.status === "ok", failed = FAILED.includes(r.status);
        const mark = cell(row, ok ? "✓" : failed ? "✗" : "", `mark ${ok ? "mark-ok" : failed ? "mark-failed" : ""}`);
        mark.setAttribute("aria-label", ok ? "ok" : failed ? "failed" : r.status); mark.dataset.testid = "audit-mark";
        row.insertCell().append(el("a", { href: `#execution/${encodeURIComponent(r.schedule)}/${r.run_date}`, text: r.schedule }));
        cell(row, r.run_date); cell(row, r.status, `status-${r.status}`); cell(row, r.batch_status_cd); cell(row, r.started_by); cell(row, r.created_at); cell(row, r.finished_at);
        cell(row, r.jobs.map(j => `${j.name}: ${j.status} (${j.batch_status_cd})`).join("; "));
      }, "audit"));
  };
  form.addEventListener("submit", e => { e.preventDefault(); pages.length = 0; guarded(() => search(null)); });
}
