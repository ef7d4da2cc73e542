/** @jest-environment jsdom */
// Offline checks of manifest.xml (`npm run validate` sends it to Microsoft's online validator; this does not).
// `manifestProblems` lists every problem it finds; the real manifest must have none, and each mutated copy
// below must be caught, which keeps the checks honest.
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { actions } from "../src/actions";
import { loadSample } from "./support/workbooks";

const ROOT = join(__dirname, "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const ORIGIN = "https://localhost:3000";
const COMMAND_FUNCTIONS = ["applyActNowEvaluate", "clearFilters", "addHelperColumns", "resetSheet"];
/** Pages the build produces from templates; everything else under the origin is a copied file. */
const PAGE_SOURCES: Record<string, string> = {
  "/taskpane.html": "src/taskpane/taskpane.html",
  "/commands.html": "src/commands/commands.html",
};

// Child element order of the OfficeApp 1.1 (TaskPaneApp) and TaskPaneAppVersionOverrides 1.0 schemas.
const ORDER: Record<string, { order: string[]; required: string[] }> = {
  OfficeApp: {
    order: [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
    ],
    required: [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "DefaultSettings",
      "Permissions",
    ],
  },
  VersionOverrides: {
    order: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
    required: ["Hosts"],
  },
  DesktopFormFactor: {
    order: ["GetStarted", "FunctionFile", "ExtensionPoint"],
    required: ["ExtensionPoint"],
  },
  Group: { order: ["Label", "Icon", "Control"], required: ["Label", "Icon", "Control"] },
  Control: {
    order: ["Label", "Supertip", "Icon", "Action"],
    required: ["Label", "Supertip", "Icon", "Action"],
  },
  Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
  Resources: { order: ["Images", "Urls", "ShortStrings", "LongStrings"], required: [] },
  ShowTaskpane: { order: ["TaskpaneId", "SourceLocation", "Title"], required: ["SourceLocation"] },
};

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** What opening the pane needs: it reads the sheet's protection (ExcelApi 1.2). Checked below. */
const PANE_MINIMUM = "1.2";

function children(element: Element, name?: string): Element[] {
  return Array.from(element.children).filter((child) => name === undefined || child.localName === name);
}
function descendants(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS("*", name));
}
function xsiType(element: Element): string | null {
  return element.getAttributeNS(XSI, "type");
}

export function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in this repository that serves `url`, or null when the URL is not under the dev origin. */
function localFileFor(url: string): string | null {
  if (!url.startsWith(ORIGIN + "/")) return null;
  const path = url.slice(ORIGIN.length).split(/[?#]/)[0];
  return join(ROOT, PAGE_SOURCES[path] ?? path.slice(1));
}

export function manifestProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) return ["manifest.xml is not well-formed XML"];
  const app = doc.documentElement;
  if (
    app.localName !== "OfficeApp" ||
    app.namespaceURI !== "http://schemas.microsoft.com/office/appforoffice/1.1"
  ) {
    return ["root element is not OfficeApp in the appforoffice/1.1 namespace"];
  }
  if (xsiType(app) !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is ${xsiType(app)}, not TaskPaneApp`);

  // element order and required children, per schema
  const checkOrder = (element: Element, rule: { order: string[]; required: string[] }, where: string) => {
    const names = children(element).map((c) => c.localName);
    for (const name of rule.required) {
      if (!names.includes(name)) problems.push(`${where}: missing <${name}>`);
    }
    let last = -1;
    for (const name of names) {
      const index = rule.order.indexOf(name);
      if (index < 0) problems.push(`${where}: unexpected <${name}>`);
      else if (index < last) problems.push(`${where}: <${name}> is out of schema order`);
      else last = index;
    }
  };
  checkOrder(app, ORDER.OfficeApp, "OfficeApp");
  const overrides = children(app, "VersionOverrides")[0];
  if (!overrides) problems.push("no VersionOverrides: the ribbon buttons would be missing");
  else {
    if (xsiType(overrides) !== "VersionOverridesV1_0")
      problems.push("VersionOverrides is not VersionOverridesV1_0");
    checkOrder(overrides, ORDER.VersionOverrides, "VersionOverrides");
  }
  for (const name of ["DesktopFormFactor", "Group", "Control", "Supertip", "Resources"]) {
    for (const element of descendants(doc, name)) checkOrder(element, ORDER[name], name);
  }

  // identity, host, permission, requirements
  const text = (name: string) => children(app, name)[0]?.textContent?.trim() ?? "";
  const value = (name: string) => children(app, name)[0]?.getAttribute("DefaultValue") ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id"))) {
    problems.push(`Id "${text("Id")}" is not a GUID`);
  }
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version")))
    problems.push(`Version "${text("Version")}" is malformed`);
  if (text("ProviderName") !== "Propensity Pane") problems.push("ProviderName is not Propensity Pane");
  if (value("DisplayName") !== "Propensity Pane") problems.push("DisplayName is not Propensity Pane");
  const description = value("Description");
  if (!description || description.length > 250) problems.push("Description is empty or over 250 characters");
  const hosts = descendants(children(app, "Hosts")[0] ?? app, "Host").map((h) => h.getAttribute("Name"));
  if (hosts.join() !== "Workbook") problems.push(`Hosts are [${hosts.join()}], not [Workbook]`);
  if (text("Permissions") !== "ReadWriteDocument") problems.push(`Permissions is ${text("Permissions")}`);
  const sets = descendants(children(app, "Requirements")[0] ?? doc.createElement("x"), "Set").map(
    (s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`,
  );
  if (sets.join() !== `ExcelApi ${PANE_MINIMUM}`)
    problems.push(`Requirements are [${sets.join()}], not [ExcelApi ${PANE_MINIMUM}]`);
  const domains = descendants(app, "AppDomain").map((d) => d.textContent?.trim());
  if (domains.length > 0) problems.push(`AppDomains [${domains.join()}]: the pane navigates nowhere else`);
  const source = children(app, "DefaultSettings")[0];
  const sourceUrl = source ? (children(source, "SourceLocation")[0]?.getAttribute("DefaultValue") ?? "") : "";
  if (sourceUrl !== `${ORIGIN}/taskpane.html`) problems.push(`SourceLocation is ${sourceUrl}`);

  // resources: defined once, referenced ones exist with the right kind, limits
  const resources = new Map<string, { kind: string; value: string }>();
  const kinds: Record<string, string> = {
    Images: "image",
    Urls: "url",
    ShortStrings: "short",
    LongStrings: "long",
  };
  for (const [group, kind] of Object.entries(kinds)) {
    for (const groupElement of descendants(doc, group)) {
      for (const item of children(groupElement)) {
        const id = item.getAttribute("id") ?? "";
        if (resources.has(id)) problems.push(`resource id ${id} is defined twice`);
        if (id.length === 0 || id.length > 32)
          problems.push(`resource id "${id}" must have 1 to 32 characters`);
        const itemValue = item.getAttribute("DefaultValue") ?? "";
        const max = kind === "short" ? 125 : kind === "long" ? 250 : 2048;
        if (!itemValue || itemValue.length > max)
          problems.push(`resource ${id} is empty or over ${max} characters`);
        resources.set(id, { kind, value: itemValue });
      }
    }
  }
  const expectedKind = (element: Element): string => {
    const name = element.localName;
    if (name === "Image") return "image";
    if (name === "SourceLocation" || name === "FunctionFile" || name === "LearnMoreUrl") return "url";
    if (name === "Description") return "long";
    return "short"; // Label, Title
  };
  const used = new Set<string>();
  for (const element of Array.from(doc.getElementsByTagName("*"))) {
    const resid = element.getAttribute("resid");
    if (resid === null) continue;
    used.add(resid);
    const resource = resources.get(resid);
    if (!resource) problems.push(`resid ${resid} (on <${element.localName}>) is not defined`);
    else if (resource.kind !== expectedKind(element)) {
      problems.push(`resid ${resid} on <${element.localName}> is a ${resource.kind} resource`);
    }
  }
  for (const id of resources.keys())
    if (!used.has(id)) problems.push(`resource ${id} is defined but never used`);

  // every URL lives on the dev origin and points at a file this repository serves
  const urls: { where: string; url: string }[] = [
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((name) => ({ where: name, url: value(name) })),
    { where: "SourceLocation", url: sourceUrl },
    ...Array.from(resources)
      .filter(([, r]) => r.kind === "image" || r.kind === "url")
      .map(([id, r]) => ({ where: id, url: r.value })),
  ];
  for (const { where, url } of urls) {
    const file = localFileFor(url);
    if (!file) problems.push(`${where}: ${url} is not under ${ORIGIN}/`);
    else if (!existsSync(file))
      problems.push(`${where}: ${url} has no file (${file.slice(ROOT.length + 1)})`);
  }

  // icons: PNG files of the declared size
  const checkIcon = (where: string, url: string, size: number) => {
    const file = localFileFor(url);
    if (!file || !existsSync(file)) return; // reported above
    const actual = pngSize(file);
    if (!actual) problems.push(`${where}: ${url} is not a PNG`);
    else if (actual.width !== size || actual.height !== size) {
      problems.push(`${where}: ${url} is ${actual.width}x${actual.height}, declared ${size}x${size}`);
    }
  };
  checkIcon("IconUrl", value("IconUrl"), 32);
  checkIcon("HighResolutionIconUrl", value("HighResolutionIconUrl"), 64);
  for (const icon of descendants(doc, "Icon")) {
    const sizes = children(icon, "Image").map((image) => image.getAttribute("size"));
    if (sizes.join() !== "16,32,80") problems.push(`an <Icon> has sizes [${sizes.join()}], not [16,32,80]`);
    for (const image of children(icon, "Image")) {
      const resource = resources.get(image.getAttribute("resid") ?? "");
      if (resource)
        checkIcon(`image ${image.getAttribute("resid")}`, resource.value, Number(image.getAttribute("size")));
    }
  }

  // ribbon: one group on the Home tab, one ShowTaskpane, the four function commands
  const tabs = descendants(doc, "OfficeTab").map((t) => t.getAttribute("id"));
  if (tabs.join() !== "TabHome") problems.push(`ribbon tabs are [${tabs.join()}], not [TabHome]`);
  const controls = descendants(doc, "Control");
  const ids = controls.map((c) => c.getAttribute("id") ?? "");
  if (new Set(ids).size !== ids.length) problems.push("control ids are not unique");
  const actions = descendants(doc, "Action");
  const showPanes = actions.filter((a) => xsiType(a) === "ShowTaskpane");
  if (showPanes.length !== 1) problems.push(`${showPanes.length} ShowTaskpane buttons, expected 1`);
  for (const action of showPanes) checkOrder(action, ORDER.ShowTaskpane, "ShowTaskpane");
  const functionNames = actions
    .filter((a) => xsiType(a) === "ExecuteFunction")
    .map((a) => children(a, "FunctionName")[0]?.textContent?.trim() ?? "");
  for (const name of functionNames) {
    if (!COMMAND_FUNCTIONS.includes(name)) problems.push(`ExecuteFunction ${name} is not a known command`);
  }
  if ([...functionNames].sort().join() !== [...COMMAND_FUNCTIONS].sort().join()) {
    problems.push(`function commands are [${functionNames.join()}], expected [${COMMAND_FUNCTIONS.join()}]`);
  }
  for (const action of actions) {
    const type = xsiType(action);
    if (type !== "ShowTaskpane" && type !== "ExecuteFunction")
      problems.push(`unexpected action type ${type}`);
  }
  const functionFile = descendants(doc, "FunctionFile")[0]?.getAttribute("resid") ?? "";
  if (functionNames.length > 0 && resources.get(functionFile)?.value !== `${ORIGIN}/commands.html`) {
    problems.push("FunctionFile does not point at commands.html");
  }
  return problems;
}

/** The ExcelApi MinVersion a manifest asks for. */
function minimumExcelApi(xml: string): string | null {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const set = descendants(doc, "Set").find((s) => s.getAttribute("Name") === "ExcelApi");
  return set?.getAttribute("MinVersion") ?? null;
}

describe("manifest.xml", () => {
  it("has no problems", () => {
    expect(manifestProblems(MANIFEST)).toEqual([]);
  });

  // An Excel the manifest admits must be able to open the pane: the pane analyzes the active sheet
  // when it opens, so the minimum is the lowest ExcelApi version at which Analyze sheet works.
  describe("asks for what opening the pane needs", () => {
    async function opensAt(apiVersion: string): Promise<string> {
      const { session } = loadSample({ layout: "azure", rows: 30, seed: 2 }, { apiVersion });
      const outcome = await session.run(actions.analyzeSheet, undefined);
      return outcome.status === "done" ? "opens" : outcome.message;
    }

    it(`ExcelApi ${PANE_MINIMUM}, the MinVersion of the manifest`, () => {
      expect(minimumExcelApi(MANIFEST)).toBe(PANE_MINIMUM);
    });

    it("the pane opens on a host at that minimum", async () => {
      expect(await opensAt(PANE_MINIMUM)).toBe("opens");
    });

    it("and not below it, so a lower minimum would admit an Excel that cannot open it", async () => {
      const [major, minor] = PANE_MINIMUM.split(".").map(Number);
      expect(await opensAt(`${major}.${minor - 1}`)).toMatch(/does not support/);
    });
  });

  it("declares the ribbon buttons the README describes", () => {
    const doc = new DOMParser().parseFromString(MANIFEST, "application/xml");
    const shortStrings = new Map(
      descendants(doc, "ShortStrings")
        .flatMap((group) => children(group))
        .map((s) => [s.getAttribute("id"), s.getAttribute("DefaultValue")]),
    );
    const labels = descendants(doc, "Control").map((control) =>
      shortStrings.get(children(control, "Label")[0].getAttribute("resid")),
    );
    expect(labels).toEqual([
      "Open pane",
      "Act now + Evaluate",
      "Clear filters",
      "Add helper columns",
      "Reset sheet",
    ]);
    expect(
      shortStrings.get(descendants(doc, "Group")[0].firstElementChild?.getAttribute("resid") ?? ""),
    ).toBe("Propensity Pane");
  });

  it("reads PNG sizes from the IHDR chunk", () => {
    expect(pngSize(join(ROOT, "assets", "icon-80.png"))).toEqual({ width: 80, height: 80 });
    expect(pngSize(join(ROOT, "manifest.xml"))).toBeNull();
  });

  // Each mutation must be caught: proof that the checks above can fail.
  const mutations: [string, (xml: string) => string, RegExp][] = [
    ["broken XML", (x) => x.replace("</OfficeApp>", ""), /not well-formed/],
    ["a non-GUID Id", (x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>propensity-pane</Id>"), /not a GUID/],
    [
      "another host",
      (x) => x.replace('<Host Name="Workbook"/>', '<Host Name="Workbook"/><Host Name="Document"/>'),
      /Hosts are/,
    ],
    ["more permission", (x) => x.replace(">ReadWriteDocument<", ">ReadWriteMailbox<"), /Permissions is/],
    [
      "an AppDomain",
      (x) =>
        x.replace("<Hosts>", "<AppDomains><AppDomain>https://example.com</AppDomain></AppDomains><Hosts>"),
      /AppDomains/,
    ],
    [
      "Requirements before Hosts",
      (x) => {
        const requirements = /<Requirements>[\s\S]*?<\/Requirements>/.exec(x)![0];
        return x.replace(requirements, "").replace("<Hosts>", `${requirements}<Hosts>`);
      },
      /<Hosts> is out of schema order/,
    ],
    [
      "Permissions before DefaultSettings",
      (x) => {
        const permissions = /\s*<Permissions>[^<]*<\/Permissions>/.exec(x)![0];
        return x
          .replace(permissions, "")
          .replace("<DefaultSettings>", `${permissions.trim()}<DefaultSettings>`);
      },
      /out of schema order/,
    ],
    [
      "an undefined resid",
      (x) => x.replace('resid="ResetSheet.Tooltip"', 'resid="ResetSheet.Tip"'),
      /ResetSheet.Tip .*not defined/,
    ],
    [
      "an unused resource",
      (x) => x.replace("</bt:LongStrings>", '<bt:String id="Spare" DefaultValue="x"/></bt:LongStrings>'),
      /Spare is defined but never used/,
    ],
    [
      "a short string used as a tooltip",
      (x) =>
        x.replace('<Description resid="ResetSheet.Tooltip"/>', '<Description resid="ResetSheet.Label"/>'),
      /short resource/,
    ],
    [
      "an unknown function",
      (x) => x.replace("<FunctionName>resetSheet<", "<FunctionName>wipeSheet<"),
      /wipeSheet is not a known command/,
    ],
    [
      "a remote icon",
      (x) => x.replace(`${ORIGIN}/assets/reset-16.png`, "https://cdn.example.com/reset-16.png"),
      /not under https:\/\/localhost:3000/,
    ],
    ["a missing icon file", (x) => x.replace("/assets/reset-16.png", "/assets/reset-17.png"), /has no file/],
    [
      "an icon of the wrong size",
      (x) => x.replace("/assets/reset-16.png", "/assets/reset-32.png"),
      /is 32x32, declared 16x16/,
    ],
    [
      "a high-resolution icon of the wrong size",
      (x) =>
        x.replace(
          'HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"',
          'HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"',
        ),
      /HighResolutionIconUrl.*80x80/,
    ],
    [
      "another source page",
      (x) => x.replace(/(<SourceLocation DefaultValue=")[^"]*/, "$1https://localhost:3000/index.html"),
      /SourceLocation is/,
    ],
    ["a different tab", (x) => x.replace('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), /TabData/],
    [
      "a minimum below what opening the pane needs",
      (x) => x.replace('MinVersion="1.2"', 'MinVersion="1.1"'),
      /Requirements are \[ExcelApi 1.1\], not \[ExcelApi 1.2\]/,
    ],
    ["a missing Supertip", (x) => x.replace(/<Supertip>[\s\S]*?<\/Supertip>/, ""), /missing <Supertip>/],
  ];
  it.each(mutations)("catches %s", (_name, mutate, expected) => {
    const mutated = mutate(MANIFEST);
    expect(mutated).not.toBe(MANIFEST);
    const problems = manifestProblems(mutated);
    expect(problems.join("\n")).toMatch(expected);
  });
});
