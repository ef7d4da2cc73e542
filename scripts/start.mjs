// `npm start`: runs Propensity Pane where it can really run.
// - Windows and macOS: trusts the localhost dev certificate (office-addin-dev-certs, once), then sideloads
//   the add-in into desktop Excel with office-addin-debugging, which also starts `npm run dev-server`.
// - Linux (no desktop Excel; office-addin-debugging would only print "Platform not supported" and exit 0):
//   builds and serves the browser preview, the real task pane beside an in-memory workbook, and explains
//   how to sideload into Excel on the web.
// PROPENSITY_START=preview forces the preview anywhere; PROPENSITY_START=desktop forces the sideload.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveFolder } from "./serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

/** Path of a locally installed package's CLI script, run with this Node (works the same on every OS). */
function localBin(pkg) {
  const { bin } = require(`${pkg}/package.json`);
  const relativePath = typeof bin === "string" ? bin : Object.values(bin)[0];
  return join(dirname(require.resolve(`${pkg}/package.json`)), relativePath);
}

function run(pkg, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [localBin(pkg), ...args], { cwd: root, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolvePromise(signal ? 1 : (code ?? 1)));
  });
}

function chooseMode() {
  const forced = (process.env.PROPENSITY_START ?? "").trim().toLowerCase();
  if (forced === "preview" || forced === "desktop") return forced;
  if (forced) {
    console.error(`PROPENSITY_START must be "preview" or "desktop", not "${forced}".`);
    process.exit(2);
  }
  return process.platform === "win32" || process.platform === "darwin" ? "desktop" : "preview";
}

async function startDesktop() {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    console.error(
      `Desktop Excel does not run on ${process.platform}: office-addin-debugging cannot sideload here.\n` +
        "Run `npm start` without PROPENSITY_START=desktop for the browser preview.",
    );
    return 1;
  }
  let certsInstalled = false;
  try {
    certsInstalled = require("office-addin-dev-certs").isCaCertificateInstalled();
  } catch {
    // unknown: let the installer decide
  }
  if (!certsInstalled) {
    console.log("Installing the localhost development certificate (you may be asked to confirm)...");
    const code = await run("office-addin-dev-certs", ["install"]);
    if (code !== 0) {
      console.error("Could not install the development certificate: see the messages above.");
      return code;
    }
  }
  console.log(
    "Sideloading Propensity Pane into desktop Excel (it starts the dev server on https://localhost:3000).",
  );
  console.log("Stop with `npm run stop`, which also removes the sideloaded add-in.");
  return run("office-addin-debugging", ["start", "manifest.xml", "desktop", "--app", "excel"]);
}

async function startPreview() {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    console.log(
      `No desktop Excel on ${process.platform}: starting the browser preview instead of a sideload.`,
    );
  }
  console.log("Building the preview (webpack --mode development --env preview)...");
  const code = await run("webpack", ["--mode", "development", "--env", "preview"]);
  if (code !== 0) {
    console.error("The preview build failed: see the messages above.");
    return code;
  }
  const { url, close } = await serveFolder(join(root, "dist-preview"));
  console.log(
    [
      "",
      `Propensity Pane preview running at ${url} — the real task pane beside an in-memory workbook with a sample report.`,
      "",
      "To run the add-in in Excel on the web instead:",
      "  1. npm run dev-server   (serves the add-in on https://localhost:3000; trust its certificate once)",
      "  2. In Excel on the web, open a workbook, then Home > Add-ins > More Add-ins > Upload My Add-in,",
      "     and choose manifest.xml from this folder.",
      "",
      "Press Ctrl+C to stop.",
    ].join("\n"),
  );
  await new Promise((resolveStop) => {
    process.once("SIGINT", resolveStop);
    process.once("SIGTERM", resolveStop);
  });
  await close();
  console.log("\nPreview stopped.");
  return 0;
}

const mode = chooseMode();
(mode === "desktop" ? startDesktop() : startPreview()).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
