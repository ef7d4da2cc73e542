/** @jest-environment jsdom */
// The contract page is development only: the production build has neither its entry, its page nor its
// manifest, and manifest.xml never points at it. The development build and the preview build serve it.
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

interface Config {
  entry: Record<string, string>;
  plugins: {
    constructor: { name: string };
    userOptions?: { filename?: string };
    patterns?: { from: string }[];
  }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (env: object, argv: object) => Promise<Config>;

function pages(config: Config): string[] {
  return config.plugins.flatMap((p) => (p.userOptions?.filename ? [p.userOptions.filename] : []));
}
function copied(config: Config): string[] {
  return config.plugins.flatMap((p) => (p.patterns ? p.patterns.map((pattern) => pattern.from) : []));
}
function referencesContract(config: Config): boolean {
  return (
    Object.values(config.entry).some((e) => e.includes("preview/contract")) ||
    pages(config).includes("contract.html") ||
    copied(config).includes("manifest.contract.xml")
  );
}

describe("the contract page", () => {
  it("is not in the production build: no entry, no page, no manifest", async () => {
    const production = await makeConfig({}, { mode: "production" });
    expect(Object.keys(production.entry).sort()).toEqual(["commands", "message", "taskpane"]);
    expect(pages(production)).not.toContain("contract.html");
    expect(copied(production)).not.toContain("manifest.contract.xml");
    expect(referencesContract(production)).toBe(false);
  });

  it("is in the development build (npm run dev-server) with its manifest", async () => {
    const development = await makeConfig({}, { mode: "development" });
    expect(development.entry.contract).toBe("./src/preview/contract/excelMain.ts");
    expect(pages(development)).toContain("contract.html");
    expect(copied(development)).toContain("manifest.contract.xml");
  });

  it("is in the preview build, against the in-memory Excel", async () => {
    const preview = await makeConfig({ preview: true }, { mode: "development" });
    expect(preview.entry.contract).toBe("./src/preview/contract/previewMain.ts");
    expect(pages(preview)).toContain("contract.html");
  });

  it("is never referenced by manifest.xml", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/contract/i);
  });

  it("has its own manifest: another add-in id, the contract page as its pane, no ribbon", () => {
    const parse = (file: string) =>
      new DOMParser().parseFromString(readFileSync(join(ROOT, file), "utf8"), "application/xml");
    const product = parse("manifest.xml");
    const contract = parse("manifest.contract.xml");
    expect(contract.getElementsByTagName("parsererror")).toHaveLength(0);
    const id = (doc: Document) => doc.getElementsByTagName("Id")[0]?.textContent?.trim();
    expect(id(contract)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id(contract)).not.toBe(id(product));
    expect(contract.getElementsByTagName("SourceLocation")[0].getAttribute("DefaultValue")).toBe(
      "https://localhost:3000/contract.html",
    );
    expect(contract.getElementsByTagName("VersionOverrides")).toHaveLength(0);
    expect(contract.getElementsByTagName("DisplayName")[0].getAttribute("DefaultValue")).toMatch(/dev/);
  });
});
