// Future plan changes of an account (release-6.50.txt, the plan-change queue): the queue in effective-date order with
// Execute / Change date / Delete offered exactly where the queue's rules and the key's role allow (the host says which,
// per change), drawn as a dated hierarchy (master → supplemental → child); the history of executed and deleted changes
// with who and when.
import { api, say, guarded, go } from "../app.js";
import { el, field, input, button, table, cell } from "../dom.js";
import { queueHierarchy } from "../charts.js";

export async function render(main, [accountNo]) {
  const account = input({ name: "account_no", inputmode: "numeric", required: true, value: accountNo ?? "", testid: "plan-account", size: 12 });
  const form = el("form", { testid: "plans-form", "aria-label": "Account" }, field("Account number", account), el("button", { type: "submit", testid: "show-queue", text: "Show queue" }));
  form.addEventListener("submit", e => { e.preventDefault(); go(`plans/${encodeURIComponent(account.value.trim())}`); });
  main.replaceChildren(el("h2", { text: "Future plan changes" }), form);
  if (!accountNo) { return; }
  const queue = (await api("GET", `/plans/accounts/${encodeURIComponent(accountNo)}/queue`)).data;
  const reload = () => guarded(() => render(main, [accountNo]));
  const all = [...queue.queued.map(q => q.change), ...queue.history];
  main.append(
    el("h3", { text: `Queue of account ${queue.account_no}` }),
    all.length ? queueHierarchy(all) : el("p", { class: "muted", text: "No changes queued or in history." }),
    table(["Effective date", "Plan instance", "Parent", "Plan kind", "Change", "Timing", "Queued by", "Queued at", "Actions"], queue.queued, (row, q) => {
      const c = q.change;
      row.dataset.testid = "queued-change";
      cell(row, c.effective_date); cell(row, c.plan_instance_no); cell(row, c.parent_plan_instance_no); cell(row, c.plan_kind); cell(row, c.kind); cell(row, c.timing);
      cell(row, c.queued_by); cell(row, c.queued_at);
      const td = row.insertCell();
      if (q.can_execute) {
        td.append(button("Execute", () => guarded(async () => { const done = (await api("POST", `/plans/changes/${c.id}/execute`)).data; say(`change ${done.state}${done.reason ? `: ${done.reason}` : ""}`); await reload(); }), { testid: "execute-change" }));
      }
      if (q.can_change_date) {
        const date = input({ type: "date", name: "effective_date", value: c.effective_date, testid: "new-date", "aria-label": `New effective date of the ${c.kind} change of instance ${c.plan_instance_no}` });
        td.append(date, button("Change date", () => guarded(async () => { await api("PUT", `/plans/changes/${c.id}/effective-date`, { effective_date: date.value }); say(`date changed to ${date.value}`); await reload(); }), { testid: "change-date" }));
      }
      if (q.can_delete) {
        td.append(button("Delete", () => guarded(async () => {
          if (!confirm(`Delete the ${c.kind} change of plan instance ${c.plan_instance_no} and every change queued under it?`)) { say("delete cancelled"); return; }
          const deleted = (await api("DELETE", `/plans/changes/${c.id}`)).data; say(`${deleted.length} change${deleted.length === 1 ? "" : "s"} deleted`); await reload();
        }), { testid: "delete-change" }));
      }
    }, "queue"),
    el("h3", { text: "History (executed and deleted changes)" }),
    table(["State", "Effective date", "Plan instance", "Change", "Timing", "By", "When", "Reason", "Queued by"], queue.history, (row, c) => {
      row.dataset.testid = "history-change";
      cell(row, c.state, `status-${c.state}`); cell(row, c.effective_date); cell(row, c.plan_instance_no); cell(row, c.kind); cell(row, c.timing);
      cell(row, c.closed_by); cell(row, c.closed_at); cell(row, c.reason); cell(row, c.queued_by);
    }, "history"));
}
