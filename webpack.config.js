// Builds of Propensity Pane:
//   webpack --mode production              dist/: taskpane.html + commands.html, their bundles, assets/, manifest.xml
//   webpack --mode development --env preview   dist-preview/: the browser preview (pane beside the in-memory Excel)
//   webpack serve --mode development       https://localhost:3000: the production entries for sideloading, plus
//                                          the development-only contract.html (manifest.contract.xml)
// Options: --env origin=https://host/path rewrites the manifest's https://localhost:3000 for a hosted deployment.
// src/preview is never part of dist/: its entry lives only in the preview build, and the production build
// fails if any module under src/preview gets imported by the pane or the commands.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { WebpackError, sources } = require("webpack");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com";

const root = __dirname;
const previewDir = path.join(root, "src", "preview") + path.sep;
/** The contract page (src/preview/contract) is development only: never in a production build. */
const CONTRACT_ENTRY = "contract";

/**
 * Content-Security-Policy of the Office pages (taskpane.html, commands.html). As a <meta> tag it cannot set
 * frame-ancestors (Office frames the pane), so that one is left to the server.
 * - script-src: our own bundles and Microsoft's Office.js CDN. office.js loads its host-specific files
 *   (excel-web-16.00.js, excel-win32-16.01.js, locale strings, o15apptofilemappingtable.js) from the same
 *   CDN folder. Its other script source, ajax.aspnetcdn.com/MicrosoftAjax.js, is only fetched when
 *   `requiresMsAjax` is set, which the current office.js never does for Excel (the Excel host files bundle
 *   MicrosoftAjax). Its legacy Aria telemetry script is switched off (EnableSendingTelemetryWithLegacyAria =
 *   false); Office telemetry goes through the host, not the pane.
 * - style-src 'unsafe-inline': Fluent UI v9 (Griffel) inserts <style> rules at run time.
 * - connect-src 'self': the pane fetches nothing; office.js talks to Excel through postMessage (web) or the
 *   host bridge (Windows, Mac), neither of which CSP governs. The dev server adds its live-reload socket.
 * - frame-src: office.js shows its own "add-in not trusted" page (AgaveErrorUX/index.html) from its CDN in a
 *   hidden frame when the host is untrusted; nothing else may be framed.
 */
function officeCsp({ serve }) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", OFFICE_JS_CDN],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(serve ? [`wss://localhost:${DEV_PORT}`] : [])],
    "frame-src": [OFFICE_JS_CDN],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
  return cspString(directives);
}

/** The preview page loads no office.js and talks to no server: scripts and data from itself only. */
function previewCsp() {
  return cspString({
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  });
}

function cspString(directives) {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * Fails the build when a module under src/preview ends up in a production entry (the pane, the commands).
 * The development-only contract entry may use it; it is not in production builds at all.
 */
class NoPreviewCodePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("NoPreviewCodePlugin", (compilation) => {
      compilation.hooks.afterOptimizeChunks.tap("NoPreviewCodePlugin", (chunks) => {
        const reported = new Set();
        for (const chunk of chunks) {
          if (chunk.name === CONTRACT_ENTRY) continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.resource || "";
            if (resource.startsWith(previewDir) && !reported.has(resource)) {
              reported.add(resource);
              compilation.errors.push(
                new WebpackError(
                  `${path.relative(root, resource)} is preview code and must not be imported by the pane or the commands.`,
                ),
              );
            }
          }
        }
      });
    });
  }
}

/**
 * Copies static files into the output (assets/, manifest.xml), watched in `webpack serve`.
 * (copy-webpack-plugin would do the same, but with this install its schema-utils -> ajv-keywords resolves
 * ajv 6 instead of the ajv 8 it needs and fails to load; this needs nothing beyond webpack.)
 */
class CopyFilesPlugin {
  /** @param {{from: string, to: string, transform?: (content: Buffer) => string | Buffer}[]} patterns */
  constructor(patterns) {
    this.patterns = patterns;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CopyFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CopyFilesPlugin", stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { from, to, transform } of this.patterns) {
            const source = path.join(root, from);
            const isDir = fs.statSync(source).isDirectory();
            if (isDir) compilation.contextDependencies.add(source);
            const files = isDir
              ? fs
                  .readdirSync(source, { recursive: true, withFileTypes: true })
                  .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
                  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
              : [source];
            for (const file of files) {
              compilation.fileDependencies.add(file);
              const content = fs.readFileSync(file);
              const name = isDir
                ? path.posix.join(to, path.relative(source, file).split(path.sep).join("/"))
                : to;
              compilation.emitAsset(name, new sources.RawSource(transform ? transform(content) : content));
            }
          }
        },
      );
    });
  }
}

function manifestTransform(origin) {
  if (!origin) return undefined;
  if (!/^https:\/\/[^\s"<>]+$/.test(origin)) {
    throw new Error(`--env origin must be an https URL without quotes or spaces, got "${origin}"`);
  }
  const target = origin.replace(/\/+$/, "");
  return (content) => content.toString().split(DEV_ORIGIN).join(target);
}

function common(mode) {
  return {
    mode,
    context: root,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // `npm run typecheck` does the type checking
              configFile: path.join(root, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: mode !== "production" },
            },
          },
        },
        // images imported from code (e.g. the pane's logo) get a hashed file name
        {
          test: /\.(png|svg|jpe?g|gif)$/i,
          type: "asset/resource",
          generator: { filename: "assets/[name].[contenthash:8][ext]" },
        },
        // `import text from "./sample.csv?raw"`: file contents as a string
        { resourceQuery: /raw/, type: "asset/source" },
      ],
    },
    // no source maps in production; in development, maps without eval (the pages' CSP forbids eval)
    devtool: mode === "production" ? false : "source-map",
    performance:
      mode === "production"
        ? // Fluent UI v9 and React weigh in at a few hundred KB minified; warn well before a slow pane
          { hints: "warning", maxEntrypointSize: 1_500_000, maxAssetSize: 1_500_000 }
        : { hints: false },
    stats: "errors-warnings",
  };
}

/** contract.html: the Excel contract runner (src/preview/contract); `officeJs` false in the preview. */
function contractPage(csp, officeJs) {
  return new HtmlWebpackPlugin({
    filename: "contract.html",
    template: path.join(root, "src", "preview", "contract", "contract.html"),
    chunks: [CONTRACT_ENTRY],
    templateParameters: { csp, officeJs },
    minify: false,
  });
}

function officeBuild(mode, env) {
  const serve = Boolean(env.WEBPACK_SERVE);
  const csp = officeCsp({ serve });
  // Development builds (and `npm run dev-server`) also serve the contract page and its manifest.
  const withContract = mode !== "production";
  const page = (name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(root, "src", name, `${name}.html`),
      chunks: [name],
      templateParameters: { csp },
      minify: false, // webpack 5.112+ minimises emitted .html in production itself
    });
  return {
    ...common(mode),
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
      ...(withContract ? { [CONTRACT_ENTRY]: "./src/preview/contract/excelMain.ts" } : {}),
    },
    output: {
      path: path.join(root, "dist"),
      filename: mode === "production" ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    plugins: [
      page("taskpane"),
      page("commands"),
      new HtmlWebpackPlugin({
        filename: "message.html",
        template: path.join(root, "src", "commands", "message.html"),
        chunks: ["message"],
        templateParameters: { csp },
        minify: false,
      }),
      ...(withContract ? [contractPage(csp, true)] : []),
      new CopyFilesPlugin([
        { from: "assets", to: "assets" },
        { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(env.origin) },
        ...(withContract ? [{ from: "manifest.contract.xml", to: "manifest.contract.xml" }] : []),
      ]),
      new NoPreviewCodePlugin(),
    ],
  };
}

function previewBuild(mode) {
  return {
    ...common(mode),
    entry: { preview: "./src/preview/main.tsx", [CONTRACT_ENTRY]: "./src/preview/contract/previewMain.ts" },
    output: {
      path: path.join(root, "dist-preview"),
      filename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: path.join(root, "src", "preview", "preview.html"),
        chunks: ["preview"],
        templateParameters: { csp: previewCsp() },
        minify: false, // webpack 5.112+ minimises emitted .html in production itself
      }),
      contractPage(previewCsp(), false),
      new CopyFilesPlugin([{ from: "assets", to: "assets" }]),
    ],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "production" ? "production" : "development";
  if (env.preview) return previewBuild(mode);

  const config = officeBuild(mode, env);
  if (env.WEBPACK_SERVE) {
    // Loaded only for `webpack serve`: creates and trusts a localhost certificate on first use.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      host: "localhost",
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    };
  }
  return config;
};
