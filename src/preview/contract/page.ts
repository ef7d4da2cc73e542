// The contract page (runner 2): runs every contract case in the open workbook's scratch sheets and
// lets the user save what Excel did as a JSON file for test/contract/recorded/. Development only:
// served by `npm run dev-server` as contract.html (opened from manifest.contract.xml) and, against
// the in-memory Excel, in the browser preview. Plain DOM, no React: it must run in old Office webviews.
import type { ExcelHost } from "../../excel/host";
import { CONTRACT_CASES } from "./cases";
import { recordingFileName, runContract } from "./runner";
import type { ContractCase, ContractRecording, HostDescription } from "./types";

export interface ContractPageOptions {
  host: ExcelHost;
  describeHost: () => HostDescription;
  cases?: readonly ContractCase[];
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One line per case: its id, the outcome's shape in brief, its source. */
function summary(observation: unknown): string {
  const text = JSON.stringify(observation);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function mountContractPage(root: HTMLElement, options: ContractPageOptions): void {
  const cases = options.cases ?? CONTRACT_CASES;
  root.textContent = "";
  const main = element("main");
  main.append(
    element("h1", {}, "Propensity Pane: Excel contract"),
    element(
      "p",
      {},
      `Runs ${cases.length} checks of how this Excel behaves, each in a scratch sheet it deletes afterwards, ` +
        "and saves what Excel did as a JSON file for test/contract/recorded/. Use a workbook you can spare.",
    ),
  );
  const hostLine = element("p", { "data-testid": "contract-host" });
  const run = element("button", { type: "button", "data-testid": "contract-run" }, "Run all checks");
  const save = element(
    "button",
    { type: "button", "data-testid": "contract-save", disabled: "" },
    "Save observations",
  );
  const progress = element("progress", { max: String(cases.length), value: "0", "aria-label": "Checks run" });
  const status = element(
    "p",
    { role: "status", "aria-live": "polite", "data-testid": "contract-status" },
    "Not run yet.",
  );
  const results = element("ol", { "data-testid": "contract-results" });
  const output = element("textarea", {
    "aria-label": "Observations as JSON (copy them if saving a file is blocked)",
    readonly: "",
    rows: "8",
    "data-testid": "contract-json",
  });
  output.style.width = "100%";
  main.append(hostLine, run, save, progress, status, results, output);
  root.append(main);

  let description: HostDescription | null = null;
  try {
    description = options.describeHost();
    hostLine.textContent =
      `${description.application} on ${description.platform}, build ${description.build}, ` +
      `ExcelApi ${description.apiSets.ExcelApi ?? "unknown"}`;
  } catch (error) {
    hostLine.textContent = `Could not read the host: ${String(error)}`;
  }

  let recording: ContractRecording | null = null;
  run.addEventListener("click", () => {
    if (!description) return;
    run.disabled = true;
    save.disabled = true;
    results.textContent = "";
    status.textContent = "Running...";
    runContract(options.host, description, cases, (p) => {
      progress.value = p.done;
      status.textContent =
        p.done < p.total ? `Running ${p.done + 1} of ${p.total}: ${p.title}` : "Checking for traces...";
    })
      .then((done) => {
        recording = done;
        for (const [id, record] of Object.entries(done.cases)) {
          const item = element("li", { "data-case": id });
          const link = element("a", { href: record.source, target: "_blank", rel: "noreferrer" }, "source");
          item.append(
            element("strong", {}, `${record.title} `),
            element("code", {}, summary(record.observation)),
            " ",
            link,
          );
          results.append(item);
        }
        output.value = JSON.stringify(done, null, 2);
        status.textContent =
          `Done: ${Object.keys(done.cases).length} checks. ` +
          (done.traces.length === 0
            ? "No trace left in the workbook."
            : `Left behind: ${done.traces.join("; ")}`);
        save.disabled = false;
      })
      .catch((error: unknown) => {
        status.textContent = `The run stopped: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        run.disabled = false;
      });
  });

  save.addEventListener("click", () => {
    if (!recording) return;
    const blob = new Blob([JSON.stringify(recording, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = element("a", { href: url, download: recordingFileName(recording.host) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = `Saved ${recordingFileName(recording.host)}: put it in test/contract/recorded/.`;
  });
}
