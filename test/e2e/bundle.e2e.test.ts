// Checks the production bundle in dist/ (built by `npm run build` before the e2e phase; built here when
// missing): Office.js from Microsoft's CDN, a strict Content-Security-Policy, no preview code, and no
// URL in our JavaScript that the pane could fetch.
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { JSDOM } from "jsdom";
import { tmpdir } from "os";
import { join, relative, sep } from "path";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/**
 * URLs allowed inside the JavaScript bundles, none of which the pane ever requests:
 * - XML namespace names: react-dom passes them to createElementNS / setAttributeNS (identifiers, not fetched).
 * - React's error decoder: part of minified React's error *message* text.
 * - Microsoft documentation and support links: shown to the user as links, opened in their browser on click.
 * - The Office.js CDN, the only remote origin the pages' CSP lets scripts come from.
 */
const ALLOWED_URLS: { pattern: RegExp; why: string }[] = [
  {
    pattern:
      /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?)$/,
    why: "XML namespace name (createElementNS), never fetched",
  },
  {
    pattern: /^https:\/\/(reactjs\.org\/docs\/error-decoder\.html|react\.dev\/errors\/)/,
    why: "React error text",
  },
  {
    pattern:
      /^https:\/\/(learn\.microsoft\.com|support\.microsoft\.com|go\.microsoft\.com\/fwlink|aka\.ms)\//,
    why: "documentation link the user may open",
  },
  { pattern: /^https:\/\/appsforoffice\.microsoft\.com\//, why: "Office.js CDN" },
  // exceljs (the seller workbook's .xlsx writer, its own lazily loaded chunk):
  {
    pattern:
      /^http:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com\/office|purl\.org\/dc)\/|^http:\/\/www\.w3\.org\/2001\/XMLSchema-instance$/,
    why: "Office Open XML namespace name written into the .xlsx, never fetched",
  },
  {
    pattern:
      /^https:\/\/(github\.com\/(crypto-browserify\/crypto-browserify|exceljs\/exceljs\/blob\/master\/UPGRADE-4\.0\.md|indutny\/elliptic|uuidjs\/uuid#getrandomvalues-not-supported|zloirock\/core-js)|stuk\.github\.io\/jszip\/documentation\/)/,
    why: "help link inside a bundled library's error text, never fetched",
  },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function runWebpack(args: string[]) {
  return spawnSync(process.execPath, [require.resolve("webpack/bin/webpack.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

export function urlsIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s"'`<>()\\{}|^]+/g) ?? [])];
}

export function disallowedUrls(urls: string[]): string[] {
  return urls.filter((url) => !ALLOWED_URLS.some(({ pattern }) => pattern.test(url)));
}

/** CSP directives of a page's <meta http-equiv="Content-Security-Policy">, or null when it has none. */
export function cspOf(document: Document): Map<string, string[]> | null {
  const meta = Array.from(document.querySelectorAll("meta")).find(
    (m) => m.getAttribute("http-equiv")?.toLowerCase() === "content-security-policy",
  );
  if (!meta) return null;
  return new Map(
    (meta.getAttribute("content") ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/**
 * Distinctive string literals of src/preview (the in-memory Excel, the sample generator, the preview page)
 * that no other source file contains: if one of them is in a production bundle, preview code got in.
 */
/** The browser build of each runtime dependency with a single-file bundle ("browser" as a string). */
function libraryTexts(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  return Object.keys(pkg.dependencies).flatMap((name) => {
    const dir = join(ROOT, "node_modules", name);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { browser?: unknown };
    const file = typeof manifest.browser === "string" ? join(dir, manifest.browser) : null;
    return file && existsSync(file) ? [readFileSync(file, "utf8")] : [];
  });
}

export function previewMarkers(): string[] {
  const sources = (dir: string) =>
    filesUnder(dir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const preview = join(ROOT, "src", "preview");
  const others = sources(join(ROOT, "src"))
    .filter((f) => !f.startsWith(preview + sep))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  // A literal that a bundled library also holds (exceljs's "TableStyleMedium2", a base64 alphabet) says
  // nothing about preview code: leave out those found in the runtime dependencies' browser builds.
  const libraries = libraryTexts();
  const markers = new Set<string>();
  for (const file of sources(preview)) {
    for (const match of readFileSync(file, "utf8").matchAll(/"([ -!#-[\]-~]{16,})"|'([ -&(-[\]-~]{16,})'/g)) {
      const literal = match[1] ?? match[2];
      if (literal.startsWith(".") || literal.startsWith("@") || literal.includes("/")) continue; // import paths
      if (!others.includes(literal) && !libraries.some((text) => text.includes(literal)))
        markers.add(literal);
    }
  }
  return [...markers];
}

let jsFiles: string[] = [];

beforeAll(() => {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    const build = runWebpack(["--mode", "production"]);
    if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
  }
  jsFiles = filesUnder(DIST).filter((f) => f.endsWith(".js"));
});

describe("dist/ (production bundle)", () => {
  it("is a production build: hashed bundles, no source maps, the manifest and its icons", () => {
    const names = filesUnder(DIST).map((f) => relative(DIST, f).split(sep).join("/"));
    expect(names).toEqual(
      expect.arrayContaining(["taskpane.html", "commands.html", "manifest.xml", "assets/icon-32.png"]),
    );
    expect(names.filter((n) => n.endsWith(".map"))).toEqual([]);
    expect(names.filter((n) => /^(taskpane|commands)\.[0-9a-f]{8}\.js$/.test(n)).length).toBe(2);
    expect(names.filter((n) => /preview/i.test(n))).toEqual([]);
  });

  describe.each(["taskpane.html", "commands.html", "message.html"])("%s", (page) => {
    let document: Document;
    beforeAll(() => {
      document = new JSDOM(readFileSync(join(DIST, page), "utf8")).window.document;
    });

    it("loads Office.js from Microsoft's CDN before its own bundle", () => {
      const scripts = Array.from(document.querySelectorAll("script")).map((s) => s.getAttribute("src"));
      expect(scripts[0]).toBe(OFFICE_JS);
      const own = scripts.slice(1);
      expect(own.length).toBeGreaterThan(0);
      for (const src of own) {
        expect(src).toMatch(/^[\w.-]+\.js$/); // relative, same origin
        expect(existsSync(join(DIST, src ?? ""))).toBe(true);
      }
    });

    it("has no inline script", () => {
      const inline = Array.from(document.querySelectorAll("script")).filter((s) => !s.getAttribute("src"));
      expect(inline.map((s) => s.textContent)).toEqual([]);
    });

    it("has a Content-Security-Policy that allows scripts only from itself and the Office.js CDN", () => {
      const csp = cspOf(document);
      expect(csp).not.toBeNull();
      expect(csp!.get("default-src")).toEqual(["'self'"]);
      expect(csp!.get("script-src")?.sort()).toEqual(["'self'", OFFICE_CDN].sort());
      expect(csp!.get("connect-src")).toEqual(["'self'"]);
      expect(csp!.get("object-src")).toEqual(["'none'"]);
      expect(csp!.get("frame-src")).toEqual([OFFICE_CDN]);
      for (const [name, values] of csp!) {
        expect(`${name} ${values.join(" ")}`).not.toMatch(/'unsafe-eval'|\*|\bhttp:/);
        if (name !== "style-src") expect(`${name} ${values.join(" ")}`).not.toMatch(/'unsafe-inline'/);
      }
    });
  });

  it("contains no preview code", () => {
    const markers = previewMarkers();
    expect(markers.length).toBeGreaterThan(0); // otherwise this check would prove nothing
    const found = jsFiles.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return markers.filter((m) => text.includes(m)).map((m) => `${relative(DIST, file)}: "${m}"`);
    });
    expect(found).toEqual([]);
  });

  it("has no URL in its JavaScript that the pane could fetch", () => {
    const found = jsFiles.flatMap((file) =>
      disallowedUrls(urlsIn(readFileSync(file, "utf8"))).map((url) => `${relative(DIST, file)}: ${url}`),
    );
    expect(found).toEqual([]);
  });

  it("ships manifest.xml unchanged (all its URLs on https://localhost:3000)", () => {
    expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toBe(
      readFileSync(join(ROOT, "manifest.xml"), "utf8"),
    );
  });
});

describe("the checks themselves", () => {
  it("flag a fetched URL and pass the allowed ones", () => {
    const text = `x="http://www.w3.org/2000/svg";y="https://reactjs.org/docs/error-decoder.html?invariant=";
      z="https://fabricweb.azureedge.net/fabric-website/assets/images/transparent-pattern.png";fetch("https://evil.example/x")`;
    expect(disallowedUrls(urlsIn(text))).toEqual([
      "https://fabricweb.azureedge.net/fabric-website/assets/images/transparent-pattern.png",
      "https://evil.example/x",
    ]);
  });

  it("read a CSP from a page and report a page without one", () => {
    const withCsp = new JSDOM(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'">`,
    ).window.document;
    expect(cspOf(withCsp)?.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(cspOf(new JSDOM("<p>no policy</p>").window.document)).toBeNull();
  });

  it("find the preview markers in a preview build", () => {
    const out = mkdtempSync(join(tmpdir(), "propensity-preview-"));
    try {
      const build = runWebpack(["--mode", "production", "--env", "preview", "--output-path", out]);
      expect(build.status).toBe(0);
      const js = filesUnder(out)
        .filter((f) => f.endsWith(".js"))
        .map((f) => readFileSync(f, "utf8"))
        .join("\n");
      expect(previewMarkers().filter((m) => js.includes(m)).length).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("rewrite the manifest's origin for a hosted build", () => {
    const out = mkdtempSync(join(tmpdir(), "propensity-origin-"));
    try {
      const build = runWebpack([
        "--mode",
        "production",
        "--env",
        "origin=https://addins.example.com/pp/",
        "--output-path",
        out,
      ]);
      expect(build.status).toBe(0);
      const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
      expect(manifest).not.toContain("localhost");
      expect(manifest).toContain(
        '<SourceLocation DefaultValue="https://addins.example.com/pp/taskpane.html"/>',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("make the production build fail when a production entry imports preview code", () => {
    const out = mkdtempSync(join(tmpdir(), "propensity-guard-"));
    try {
      const build = runWebpack([
        "--mode",
        "production",
        "--entry-reset",
        "--entry",
        "./src/preview/main.tsx",
        "--output-path",
        out,
      ]);
      expect(build.status).not.toBe(0);
      expect(`${build.stdout}${build.stderr}`).toMatch(/src[\\/]preview[\\/]main\.tsx is preview code/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
