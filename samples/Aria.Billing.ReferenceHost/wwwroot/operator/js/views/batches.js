// Aggregated usage batches (billing-sync-reprocess.txt, "Aggregated Usage Sync"): the incomplete batches (start, end, total,
// completed, error, pending) filtered by start date, end date and sync status; a batch's drill-down by error code and status
// (PENDING rows included); reprocess and discard at batch and at row level (a discard confirms the count it will take and
// sends it as expected_count); a link to the batch's records in the activity log (Aggregated batch, Error code, Status filters).
import { api, may, say, guarded, untilDone } from "../app.js";
import { el, field, input, select, button, table, cell } from "../dom.js";

const STATUSES = [["", "any"], ["error", "ERROR"], ["pending", "PENDING"], ["complete", "COMPLETE"], ["ignored", "IGNORED"]];

function recordsLink(batchId, row) {
  const q = new URLSearchParams({ batch_id: batchId });
  if (row?.error_code) { q.set("error_code", row.error_code); }
  if (row?.status) { q.set("status", row.status); }
  return el("a", { href: `#activity/aggregated_usage/?${q}`, text: "Records", testid: "batch-records" });
}

export async function render(main) {
  const start = input({ type: "date", name: "start_date", testid: "batch-start" });
  const end = input({ type: "date", name: "end_date", testid: "batch-end" });
  const status = select(STATUSES, { name: "status", testid: "batch-status" });
  const form = el("form", { testid: "batches-form", "aria-label": "Batch filters" },
    field("Start date", start), field("End date", end), field("Sync status", status), el("button", { type: "submit", testid: "batches-search", text: "Search" }));
  const header = el("p", { testid: "batches-header" });
  const box = el("div", { testid: "batches" });
  main.replaceChildren(el("h2", { text: "Aggregated usage batches (incomplete)" }), form, header, box);
  const open = new Set();

  async function operate(path, op, body, count) {
    if (op === "discard") {
      if (!confirm(`Discard ${count} ERROR record${count === 1 ? "" : "s"} for good? This cannot be undone.`)) { say("discard cancelled"); return; }
      body = { ...body, expected_count: count };
    }
    await guarded(async () => {
      const started = await api("POST", path, body);
      const state = await untilDone(started.location);
      say(`${op}: ${state.processed} processed, ${state.succeeded} ok, ${state.failed} still failing`);
    });
    await guarded(show);
  }

  function actions(td, path, body, errors) {
    if (errors > 0 && may("sync", "edit")) { td.append(button("Reprocess", () => operate(`${path}/reprocess`, "reprocess", body, errors), { testid: "batch-reprocess" })); }
    if (errors > 0 && may("sync", "delete")) { td.append(button("Discard", () => operate(`${path}/discard`, "discard", body, errors), { testid: "batch-discard" })); }
  }

  async function show() {
    const q = new URLSearchParams();
    if (start.value) { q.set("start_date", start.value); }
    if (end.value) { q.set("end_date", end.value); }
    if (status.value) { q.set("status", status.value); }
    const batches = (await api("GET", `/sync/aggregated_usage/batches?${q}`)).data;
    const errors = batches.reduce((a, b) => a + b.error, 0);
    header.replaceChildren(`${batches.length} incomplete batches, ${errors} ERROR records `);
    if (errors > 0 && may("sync", "edit")) { header.append(button("Reprocess every batch's errors (not only those shown)", () => operate("/sync/aggregated_usage/reprocess", "reprocess", { level: "all" }, errors), { testid: "batches-reprocess-all" })); }
    const t = table(["", "Start", "End", "Total", "Completed", "Error", "Pending", ""], batches, (row, b) => {
      row.dataset.testid = "batch-row";
      const expanded = open.has(b.batch_id);
      row.insertCell().append(button(expanded ? "−" : "+", () => { if (expanded) { open.delete(b.batch_id); } else { open.add(b.batch_id); } guarded(show); },
        { "aria-expanded": String(expanded), "aria-label": `${expanded ? "Collapse" : "Expand"} batch ${b.start}`, testid: "batch-expand" }));
      cell(row, b.start); cell(row, b.end); cell(row, b.total); cell(row, b.completed); cell(row, b.error, b.error ? "status-error" : ""); cell(row, b.pending);
      const td = row.insertCell();
      actions(td, `/sync/aggregated_usage/batches/${encodeURIComponent(b.batch_id)}`, { level: "batch" }, b.error);
      td.append(recordsLink(b.batch_id));
    }, "batches");
    box.replaceChildren(t);
    for (const row of [...t.tBodies[0].rows]) {
      const id = row.dataset.testid === "batch-row" ? batches[row.sectionRowIndex]?.batch_id : null;
      if (!id || !open.has(id)) { continue; }
      const drill = (await api("GET", `/sync/aggregated_usage/batches/${encodeURIComponent(id)}`)).data;
      const detail = t.tBodies[0].insertRow(row.sectionRowIndex + 1);
      const td = detail.insertCell(); td.colSpan = 8;
      td.append(table(["Total count", "Sync error code", "Sync error message", "Status", ""], drill.rows, (r, d) => {
        r.dataset.testid = "batch-detail-row";
        cell(r, d.count); cell(r, d.error_code); cell(r, d.error_message); cell(r, d.status?.toUpperCase(), `status-${d.status}`);
        const a = r.insertCell();
        actions(a, `/sync/aggregated_usage/batches/${encodeURIComponent(id)}`, { level: "error_summary", error_code: d.error_code, status: d.status }, d.status === "error" ? d.count : 0);
        a.append(recordsLink(id, d));
      }, "batch-detail"));
    }
  }

  form.addEventListener("submit", e => { e.preventDefault(); guarded(show); });
  await show();
}
