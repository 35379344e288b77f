// Job schedule configuration (job-schedule-management.txt, "Job Schedule Configuration"): the client's schedules; define or
// change one — name, frequency, execution time, zone, exception windows, jobs in order — with the recommended-order warning
// (usage rating → sync transactions → billing); its next runs.
import { api, may, say, guarded, go } from "../app.js";
import { el, field, input, select, button, table, cell } from "../dom.js";

const JOB_TYPES = ["usage-rating", "sync-transactions", "billing", "suspense-reprocessing", "sync-error-reprocessing", "rerating"];
const FREQUENCIES = ["daily", "weekly:monday", "monthly:15", "month_end", "days_before_month_end:2", "quarter_end", "year_end", "manual_only"];

export async function render(main, [name]) {
  const schedules = (await api("GET", "/jobs/schedules")).data;
  const list = table(["Name", "Frequency", "Time", "Zone", "Jobs in order", "Exception windows", ""], schedules, (row, s) => {
    row.dataset.testid = "schedule-row";
    row.insertCell().append(el("a", { href: `#schedules/${encodeURIComponent(s.name)}`, text: s.name }));
    cell(row, s.frequency); cell(row, s.time); cell(row, s.time_zone); cell(row, s.jobs.map(j => `${j.name} (${j.job_type})`).join(" → "));
    cell(row, s.exception_windows.map(w => `${w.start} – ${w.end}`).join("; "));
    const td = row.insertCell();
    td.append(el("a", { href: `#execution/${encodeURIComponent(s.name)}`, text: "Execution" }));
    for (const w of s.warnings) { td.append(el("div", { class: "warning", text: `⚠ ${w}` })); }
  }, "schedules");
  const parts = [el("h2", { text: "Job schedules" }), list];
  if (may("jobs", "create")) { parts.push(el("p", {}, el("a", { href: "#schedules/+new", testid: "new-schedule", text: "Define a new schedule" }))); }
  const chosen = name && name !== "+new" ? schedules.find(s => s.name === name) : null;
  if (name) { parts.push(editor(chosen, name === "+new")); }
  main.replaceChildren(...parts);
  if (chosen) { await nextRuns(chosen.name, main); }
}

function editor(schedule, isNew) {
  const canSave = may("jobs", "create");
  const name = input({ name: "name", value: schedule?.name ?? "", required: true, testid: "schedule-name", readonly: !isNew || undefined });
  const frequency = input({ name: "frequency", value: schedule?.frequency ?? "daily", list: "frequencies", testid: "schedule-frequency", size: 26 });
  const time = input({ name: "time", type: "time", value: schedule?.time ?? "02:00", testid: "schedule-time" });
  const zone = input({ name: "time_zone", value: schedule?.time_zone ?? "", placeholder: "client's zone", testid: "schedule-zone" });
  const jobs = el("ol", { class: "jobs-list", testid: "schedule-jobs" });
  const windows = el("ul", { testid: "schedule-windows" });
  // Labels say each job's place; moving or removing one renumbers them all.
  const renumber = () => [...jobs.children].forEach((li, i) => {
    const [name, type] = li.querySelectorAll("label");
    name.textContent = `Job ${i + 1} name`; type.textContent = `Job ${i + 1} type`;
    const [up, remove] = li.querySelectorAll("button");
    up.setAttribute("aria-label", `Move job ${i + 1} up`); remove.setAttribute("aria-label", `Remove job ${i + 1}`);
  });
  const addJob = (job = { name: "", job_type: "billing" }) => {
    const li = el("li", { testid: "job" });
    const n = jobs.children.length + 1;
    li.append(field(`Job ${n} name`, input({ name: "job_name", value: job.name, required: true, testid: "job-name" })),
      field(`Job ${n} type`, select(JOB_TYPES, { name: "job_type", value: job.job_type, testid: "job-type" })),
      button("Up", () => { if (li.previousElementSibling) { jobs.insertBefore(li, li.previousElementSibling); renumber(); } }, { "aria-label": `Move job ${n} up`, testid: "job-up" }),
      button("Remove", () => { li.remove(); renumber(); }, { "aria-label": `Remove job ${n}` }));
    jobs.append(li);
  };
  const addWindow = (w = { start: "", end: "" }) => {
    const n = windows.children.length + 1;
    const li = el("li", { testid: "window" });
    li.append(field(`Window ${n} start (ISO instant)`, input({ name: "window_start", value: w.start, placeholder: "2025-12-24T00:00:00Z", testid: "window-start" })),
      field(`Window ${n} end`, input({ name: "window_end", value: w.end, placeholder: "2025-12-27T00:00:00Z", testid: "window-end" })),
      button("Remove", () => li.remove(), { "aria-label": `Remove window ${n}`, testid: "remove-window" }));
    windows.append(li);
  };
  (schedule?.jobs ?? [{ name: "Usage rating", job_type: "usage-rating" }, { name: "Sync transactions", job_type: "sync-transactions" }, { name: "Billing", job_type: "billing" }]).forEach(addJob);
  (schedule?.exception_windows ?? []).forEach(addWindow);
  const warnings = el("div", { testid: "schedule-warnings", class: "warning", role: "status" });
  const form = el("form", { testid: "schedule-form", "aria-label": "Schedule definition" },
    el("h3", { text: isNew ? "New schedule" : `Schedule ${schedule?.name ?? ""}` }),
    el("datalist", { id: "frequencies" }, ...FREQUENCIES.map(f => el("option", { value: f }))),
    el("fieldset", {}, el("legend", { text: "When" }), field("Name", name), field("Frequency", frequency), field("Execution time", time), field("Time zone", zone)),
    el("fieldset", {}, el("legend", { text: "Jobs, in the order they run" }), jobs, button("Add job", () => addJob(), { testid: "add-job" })),
    el("fieldset", {}, el("legend", { text: "Exception windows (runs move to the window's end)" }), windows, button("Add window", () => addWindow(), { testid: "add-window" })),
    canSave ? el("button", { type: "submit", testid: "save-schedule", text: "Save schedule" }) : el("p", { class: "muted", text: "Your role may not change schedules." }),
    !isNew && may("jobs", "delete") ? button("Delete schedule", () => guarded(async () => {
      if (!confirm(`Delete schedule ${schedule.name}?`)) { return; }
      await api("DELETE", `/jobs/schedules/${encodeURIComponent(schedule.name)}`); say(`schedule ${schedule.name} deleted`); go("schedules");
    }), { testid: "delete-schedule" }) : null,
    warnings);
  form.addEventListener("submit", e => {
    e.preventDefault();
    guarded(async () => {
      const body = {
        frequency: frequency.value.trim(), time: time.value.slice(0, 5), time_zone: zone.value.trim() || undefined,
        jobs: [...jobs.querySelectorAll("li")].map(li => ({ name: li.querySelector("[name=job_name]").value.trim(), job_type: li.querySelector("[name=job_type]").value })),
        exception_windows: [...windows.querySelectorAll("li")].map(li => ({ start: li.querySelector("[name=window_start]").value.trim(), end: li.querySelector("[name=window_end]").value.trim() })),
      };
      const saved = (await api("PUT", `/jobs/schedules/${encodeURIComponent(name.value.trim())}`, body)).data;
      say(`schedule ${saved.name} saved`);
      if (saved.warnings.length) { sessionWarnings = saved.warnings; }
      go(`schedules/${encodeURIComponent(saved.name)}`);
    });
  });
  if (sessionWarnings.length) { warnings.replaceChildren(...sessionWarnings.map(w => el("p", { text: `⚠ ${w}` }))); sessionWarnings = []; }
  return form;
}

let sessionWarnings = []; // the save's warnings, shown once on the page it goes to

async function nextRuns(name, main) {
  const runs = (await api("GET", `/jobs/schedules/${encodeURIComponent(name)}/next-runs?count=5`)).data;
  main.append(el("h3", { text: "Next runs" }), table(["Run date", "Starts at", "Shifted by"], runs, (row, r) => {
    row.dataset.testid = "next-run"; cell(row, r.run_date); cell(row, r.starts_at); cell(row, r.shifted_by);
  }, "next-runs"));
}
