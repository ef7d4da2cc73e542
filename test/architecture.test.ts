import { spawnSync } from "node:child_process";
import path from "node:path";

// The layer rules live in eslint.config.mjs; these probes prove a wrong import or an Office call in the
// wrong layer fails lint, and that the allowed direction passes. ESLint runs as a CLI because Jest's VM
// can't load an ESM config.
const root = path.resolve(__dirname, "..");

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/eslint/bin/eslint.js"),
      "--stdin",
      "--stdin-filename",
      filePath,
      "--format",
      "json",
    ],
    { cwd: root, input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe("layer rules", () => {
  jest.setTimeout(60_000);

  it.each([
    ["src/domain/probe.ts", 'import { a1 } from "../excel/address";\nexport const x = a1;\n'],
    ["src/domain/probe.ts", 'import { actions } from "../actions";\nexport const x = actions;\n'],
    ["src/excel/probe.ts", 'import { actions } from "../actions";\nexport const x = actions;\n'],
    ["src/taskpane/probe.ts", 'import { a1 } from "../excel/address";\nexport const x = a1;\n'],
    [
      "src/taskpane/probe.ts",
      'import { createFakeExcel } from "../preview/fake-excel";\nexport const x = createFakeExcel;\n',
    ],
    [
      "src/commands/probe.ts",
      'import { officeHost } from "../excel/officeHost";\nexport const x = officeHost;\n',
    ],
  ])("%s may not import %s", async (filePath, code) => {
    expect(await ruleIdsFor(code, filePath)).toContain("import/no-restricted-paths");
  });

  it("allows the downward direction", async () => {
    const ids = await ruleIdsFor(
      'import { a1 } from "../excel/address";\nexport const x = a1;\n',
      "src/actions/probe.ts",
    );
    expect(ids).not.toContain("import/no-restricted-paths");
  });

  it("keeps Excel.run and Office types out of the domain, and Excel.run out of the pane", async () => {
    const domain = await ruleIdsFor("export const f = (r: Excel.Range) => r;\n", "src/domain/probe.ts");
    expect(domain).toContain("no-restricted-syntax");
    const pane = await ruleIdsFor(
      "export const g = () => Excel.run(async () => undefined);\n",
      "src/taskpane/probe.ts",
    );
    expect(pane).toContain("no-restricted-syntax");
    const excel = await ruleIdsFor(
      "export const g = () => Excel.run(async () => undefined);\n",
      "src/excel/probe.ts",
    );
    expect(excel).not.toContain("no-restricted-syntax");
  });
});
