// Aggregated usage batches: waits for the host's batches endpoints (issue #18 item 4).
import { el } from "../dom.js";

export async function render(main) {
  main.replaceChildren(el("h2", { text: "Aggregated usage batches" }), el("p", { class: "muted", text: "This host does not expose the aggregated-usage batches yet." }));
}
