// Job schedule execution (job-schedule-management.txt, "Job Schedule Execution"): a schedule and a date; create, run (or
// create and run), reset; the run's status and statistics down to work items, its jobs drawn as a timeline; reprocess at
// schedule and at job level.
import { api, may, say, guarded, untilDone, go } from "../app.js";
import { el, field, input, select, button, table, cell, isoDay } from "../dom.js";
import { runTimeline } from "../charts.js";

export async function render(main, [scheduleName, date]) {
  const schedules = (await api("GET", "/jobs/schedules")).data;
  const schedule = select(schedules.map(s => s.name), { name: "schedule", testid: "schedule", value: scheduleName ?? schedules[0]?.name });
  const runDate = input({ name: "run_date", type: "date", value: date ?? isoDay(new Date()), testid: "run-date", required: true });
  const form = el("form", { testid: "execution-form", "aria-label": "Schedule and date" },
    field("Schedule", schedule), field("Run date", runDate), el("button", { type: "submit", testid: "show-run", text: "Show run" }));
  const box = el("div", { testid: "run" });
  main.replaceChildren(el("h2", { text: "Job schedule execution" }), form, box);
  const target = () => `execution/${encodeURIComponent(schedule.value)}/${runDate.value}`;
  form.addEventListener("submit", e => { e.preventDefault(); go(target()); });
  if (scheduleName && date) { await show(box, scheduleName, date); }
}

async function findRun(schedule, date) {
  let token = null;
  do {
    const q = new URLSearchParams({ from: date, to: date, page_size: "200" });
    if (token) { q.set("continuation_token", token); }
    const page = (await api("GET", `/jobs/audit?${q}`)).data;
    const run = page.items.find(r => r.schedule === schedule);
    if (run) { return run; }
    token = page.continuation_token;
  } while (token);
  return null;
}

async function show(box, schedule, date) {
  const run = await findRun(schedule, date);
  const reshow = () => guarded(() => show(box, schedule, date));
  const wait = async location => { await untilDone(location, r => ["new", "running"].includes(r.status)); await reshow(); };
  if (!run) {
    const parts = [el("p", { testid: "run-status", text: `No run of ${schedule} on ${date}.` })];
    if (may("jobs", "create")) {
      parts.push(button("Create run", () => guarded(async () => { await api("POST", `/jobs/schedules/${encodeURIComponent(schedule)}/runs/created`, { run_date: date }); say("run created"); await reshow(); }), { testid: "create-run" }));
      parts.push(button("Create and run", () => guarded(async () => {
        const started = await api("POST", `/jobs/schedules/${encodeURIComponent(schedule)}/runs`, { run_date: date, idempotency_key: `console-${schedule}-${date}` });
        say("run started"); await wait(started.location);
      }), { testid: "trigger-run" }));
    }
    box.replaceChildren(...parts);
    return;
  }
  const stats = (await api("GET", `/jobs/runs/${run.id}/statistics`)).data;
  const heading = el("p", { testid: "run-status", class: `status-${run.status}`, text: `${run.schedule} ${run.run_date}: ${run.status} (batch_status_cd ${run.batch_status_cd}), started by ${run.started_by}` });
  const buttons = el("p", {});
  if (may("jobs", "edit")) {
    buttons.append(
      button("Run", () => guarded(async () => { const r = await api("POST", `/jobs/runs/${run.id}/execute`); say("run started"); await wait(r.location); }), { testid: "execute-run" }),
      button("Reset", () => guarded(async () => { await api("POST", `/jobs/runs/${run.id}/reset`); say("run reset"); await reshow(); }), { testid: "reset-run" }),
      button("Reprocess schedule", () => guarded(async () => { const r = await api("POST", `/jobs/runs/${run.id}/reprocess`); say("run reprocess started"); await wait(r.location); }), { testid: "reprocess-run" }));
  }
  const parts = [heading, buttons, runTimeline(run, stats),
    table(["Job", "Type", "Status", "batch_status_cd", "Pending", "Running", "Completed", "Failed", "Started", "Finished", ""], run.jobs, (row, j) => {
      const s = stats.find(x => x.index === j.index) ?? {};
      row.dataset.testid = "job-row";
      cell(row, `${j.index + 1}. ${j.name}`); cell(row, j.job_type); cell(row, j.status + (j.error ? ` — ${j.error}` : ""), `status-${j.status}`); cell(row, j.batch_status_cd);
      cell(row, s.pending); cell(row, s.running); cell(row, s.completed); cell(row, s.failed); cell(row, j.started_at); cell(row, j.finished_at);
      const td = row.insertCell();
      if (may("jobs", "edit")) {
        td.append(button("Reprocess job", () => guarded(async () => { const r = await api("POST", `/jobs/runs/${run.id}/reprocess?job=${j.index}`); say(`job ${j.index + 1} reprocess started`); await wait(r.location); }), { testid: "reprocess-job" }));
      }
    }, "jobs")];
  for (const job of run.jobs) {
    const items = (await api("GET", `/jobs/runs/${run.id}/jobs/${job.index}/items`)).data;
    parts.push(el("h3", { class: `status-${job.status}`, text: `${job.index + 1}. ${job.name} — work items` }), table(["Item", "State", "Attempts", "Error"], items, (row, i) => {
      row.dataset.testid = "work-item"; cell(row, i.key); cell(row, i.state, `status-${i.state}`); cell(row, i.attempts); cell(row, i.error);
    }, `items-${job.index}`));
  }
  box.replaceChildren(...parts);
}
