// The reprocess summary (billing-sync-reprocess.txt): (object, action) → (error code, message) → records, reprocess and
// discard at every level and for one record, narrowed to an account number; a discard asks first, showing the count it
// will discard, and sends it as expected_count (409 DISCARD_COUNT_CHANGED when the scope grew since). Above it, ERROR
// records per day per object and action, to see whether a fix is working.
import { api, may, say, guarded, untilDone } from "../app.js";
import { el, field, input, button, table, cell } from "../dom.js";
import { errorsOverTime } from "../charts.js";
import { domainPicker } from "./activity.js";

export async function render(main, [domain = "account"]) {
  let level = { level: "summary" };
  const account = input({ name: "account_no", inputmode: "numeric", size: 10, testid: "summary-account" });
  const narrow = el("form", { "aria-label": "Narrow to an account" },
    domain === "account" ? field("Account number", account) : null,
    domain === "account" ? el("button", { type: "submit", testid: "narrow", text: "Narrow" }) : null);
  const chart = el("div", { testid: "errors-over-time" });
  const crumbs = el("nav", { testid: "crumbs", "aria-label": "Summary level" });
  const header = el("p", { testid: "summary-header" });
  const box = el("div", { testid: "sync" });
  main.replaceChildren(el("h2", { text: "Reprocess summary" }), domainPicker(domain, "summary"), narrow,
    el("h3", { text: "ERROR records per day (last 14 days)" }), chart, header, crumbs, box);

  const accountNo = () => account.value.trim() === "" ? undefined : Number(account.value.trim());
  const withAccount = q => { if (accountNo() !== undefined) { q.set("account_no", String(accountNo())); } return q; };

  async function drawChart() {
    const data = (await api("GET", `/sync/${domain}/errors/daily?days=14`)).data;
    chart.replaceChildren(...errorsOverTime(data));
  }

  function actions(td, scope, count) {
    if (may("sync", "edit")) { td.append(button("Reprocess", e => { e.stopPropagation(); bulk("reprocess", scope, count); }, { testid: "reprocess" })); }
    if (may("sync", "delete")) { td.append(button("Discard", e => { e.stopPropagation(); bulk("discard", scope, count); }, { testid: "discard" })); }
  }

  async function bulk(op, scope, count) {
    scope = { ...scope, ...(accountNo() !== undefined && scope.level !== "record" ? { account_no: accountNo() } : {}) };
    if (op === "discard") {
      if (!confirm(`Discard ${count} ERROR record${count === 1 ? "" : "s"} for good? This cannot be undone.`)) { say("discard cancelled"); return; }
      scope.expected_count = count;
    }
    await guarded(async () => {
      const started = await api("POST", `/sync/${domain}/${op}`, scope);
      say(`${op} started…`);
      const state = await untilDone(started.location);
      say(`${op}: ${state.processed} processed, ${state.succeeded} ok, ${state.failed} still failing`);
    });
    await guarded(show);
  }

  function drawCrumbs() {
    crumbs.replaceChildren();
    const link = (label, target) => crumbs.append(el("a", { href: "#", text: label, onclick: e => { e.preventDefault(); level = target; guarded(show); } }), " › ");
    link("summary", { level: "summary" });
    if (level.level !== "summary") { link(`${level.object_name} / ${level.action_name}`, { level: "errors", object_name: level.object_name, action_name: level.action_name }); }
    if (level.level === "records") { crumbs.append(level.error_code ?? "(no code)"); }
  }

  async function show() {
    drawCrumbs();
    if (level.level === "summary") {
      const rows = (await api("GET", `/sync/${domain}/summary?${withAccount(new URLSearchParams())}`)).data;
      const total = rows.reduce((a, r) => a + r.count, 0);
      header.replaceChildren(`${total} ERROR records in ${rows.length} object/action rows `);
      if (total > 0) { const holder = el("span"); header.append(holder); actions(holder, { level: "all" }, total); for (const b of holder.querySelectorAll("button")) { b.textContent += " all"; b.dataset.testid += "-all"; } }
      box.replaceChildren(table(["Object", "Action", "Errors", ""], rows, (row, r) => {
        row.className = "row"; row.dataset.testid = "summary-row"; row.tabIndex = 0;
        cell(row, r.object_name); cell(row, r.action_name); cell(row, r.count);
        actions(row.insertCell(), { level: "summary", object_name: r.object_name, action_name: r.action_name }, r.count);
        const open = () => { level = { level: "errors", object_name: r.object_name, action_name: r.action_name }; guarded(show); };
        row.addEventListener("click", open); row.addEventListener("keydown", e => { if (e.key === "Enter" && e.target === row) { open(); } });
      }, "summary"));
    } else if (level.level === "errors") {
      header.replaceChildren();
      const q = withAccount(new URLSearchParams({ object_name: level.object_name, action_name: level.action_name }));
      const rows = (await api("GET", `/sync/${domain}/summary/errors?${q}`)).data;
      box.replaceChildren(table(["Error code", "Message", "Errors", "Resolution", ""], rows, (row, r) => {
        row.className = "row"; row.dataset.testid = "error-row"; row.tabIndex = 0;
        cell(row, r.error_code); cell(row, r.error_message); cell(row, r.count); cell(row, r.resolution);
        actions(row.insertCell(), { level: "error_summary", object_name: r.object_name, action_name: r.action_name, error_code: r.error_code, error_message: r.error_message }, r.count);
        const open = () => { level = { ...level, level: "records", error_code: r.error_code, error_message: r.error_message }; guarded(show); };
        row.addEventListener("click", open); row.addEventListener("keydown", e => { if (e.key === "Enter" && e.target === row) { open(); } });
      }, "errors"));
    } else {
      header.replaceChildren();
      const q = withAccount(new URLSearchParams({ object_name: level.object_name, action_name: level.action_name, max: "200" }));
      if (level.error_code !== null) { q.set("error_code", level.error_code); }
      if (level.error_message !== null) { q.set("error_message", level.error_message); }
      const rows = (await api("GET", `/sync/${domain}/summary/records?${q}`)).data;
      box.replaceChildren(table(["Id", "Event", "Account", "Status", "Error", ""], rows, (row, r) => {
        row.dataset.testid = "record-row";
        row.insertCell().append(el("a", { href: `#activity/${domain}/${r.id}`, text: r.id }));
        cell(row, r.event_id); cell(row, r.account_no); cell(row, r.status?.toUpperCase()); cell(row, r.error_message);
        actions(row.insertCell(), { level: "record", record_id: r.id }, 1);
      }, "records"));
    }
    await drawChart();
  }

  narrow.addEventListener("submit", e => { e.preventDefault(); level = { level: "summary" }; guarded(show); });
  await show();
}
