// The operator console's shell: sign-in (the key stays in this page's memory, never in a URL or storage), the API call
// with the key headers, coded errors, the role's rights, and a view per hash (#activity/account, #summary/account, …).
import { el } from "./dom.js";
import * as activity from "./views/activity.js";
import * as summary from "./views/summary.js";
import * as batches from "./views/batches.js";
import * as schedules from "./views/schedules.js";
import * as execution from "./views/execution.js";
import * as plans from "./views/plans.js";
import * as audit from "./views/audit.js";

const views = { activity, summary, batches, schedules, execution, plans, audit };
const $ = id => document.getElementById(id);
let credentials = null;
let session = null;

/** An API refusal: the HTTP status and the coded errors of its problem details. */
export class ApiError extends Error {
  constructor(status, problem) {
    const errors = problem?.errors ?? [];
    super(errors.length ? errors.map(e => `${e.code}: ${e.message}`).join("; ") : `${status} ${problem?.title ?? ""}`.trim());
    this.status = status;
    this.codes = errors.map(e => e.code);
  }
}

/** Calls the host as the signed-in key; a refusal throws ApiError with the coded errors. */
export async function api(method, path, body) {
  if (!credentials) { throw new ApiError(401, { errors: [{ code: "1004", message: "sign in first" }] }); }
  const response = await fetch(path, {
    method,
    headers: { "X-Aria-Client-No": credentials.clientNo, "X-Aria-Auth-Key": credentials.key, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) { throw new ApiError(response.status, data); }
  return { data, location: response.headers.get("Location"), status: response.status };
}

/** Whether the key's role allows access (read, create, edit, delete) in module (sync, plans, jobs, invoicing). */
export function may(module, access) { return (session?.access?.[module] ?? []).includes(access); }

export function say(message) { $("message").textContent = message; $("error").textContent = ""; }
export function fail(error) { $("error").textContent = error instanceof Error ? error.message : String(error); }

/** Runs an action, showing its coded error when refused. */
export async function guarded(action) {
  try { $("error").textContent = ""; return await action(); } catch (error) { fail(error); return undefined; }
}

/** Polls an operation's location until it is no longer running. */
export async function untilDone(location, isRunning = s => s.state === "running") {
  let state = (await api("GET", location)).data;
  for (let i = 0; i < 600 && isRunning(state); i++) { await new Promise(r => setTimeout(r, 150)); state = (await api("GET", location)).data; }
  return state;
}

export function go(hash) { if (location.hash === `#${hash}`) { route(); } else { location.hash = hash; } }

async function route() {
  if (!session) { return; }
  const [name, ...rest] = location.hash.replace(/^#/, "").split("/");
  const view = views[name] ?? activity;
  for (const a of document.querySelectorAll("#views a")) {
    if (a.getAttribute("href").split("/")[0] === `#${name || "activity"}`) { a.setAttribute("aria-current", "page"); } else { a.removeAttribute("aria-current"); }
  }
  const main = $("view");
  main.replaceChildren(el("p", { class: "muted", text: "loading…" }));
  await guarded(() => view.render(main, rest.map(decodeURIComponent)));
}

$("sign-in").addEventListener("submit", async e => {
  e.preventDefault();
  credentials = { clientNo: $("client-no").value.trim(), key: $("auth-key").value };
  session = null;
  await guarded(async () => {
    session = (await api("GET", "/console/session")).data;
    $("who").textContent = `signed in as ${session.key_name} (client ${session.client_no})`;
    $("views").hidden = false;
    say("");
    await route();
  });
});
window.addEventListener("hashchange", route);
$("client-no").value = new URLSearchParams(location.search).get("client_no") ?? "";
