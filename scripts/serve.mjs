// A tiny static file server for one folder on 127.0.0.1 (no dependencies). Used by `npm start` for the
// browser preview and by the end-to-end tests.
//   node scripts/serve.mjs [folder=dist-preview] [port]     (port: argument, else PORT, else 3001)
// If the port is taken it falls back to a free one; the URL it prints is the one to use.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { URL, fileURLToPath } from "node:url";

export const DEFAULT_PORT = 3001;

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

export function contentType(file) {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** The port from PORT (or npm's package config), else the default. */
export function defaultPort() {
  const fromEnv = Number(process.env.PORT ?? process.env.npm_package_config_preview_port);
  return Number.isInteger(fromEnv) && fromEnv >= 0 && fromEnv < 65536 ? fromEnv : DEFAULT_PORT;
}

/**
 * Maps a request path to a file strictly inside `root` (itself a real path), or returns null.
 * Rejects malformed escapes, NUL bytes, and anything that resolves (also through symlinks) outside `root`.
 */
export async function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const candidate = resolve(root, "." + (decoded.startsWith("/") ? decoded : "/" + decoded));
  if (!isInside(root, candidate)) return null;
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return null;
  }
  if (!isInside(root, real)) return null;
  let info = await stat(real);
  if (info.isDirectory()) {
    real = join(real, "index.html");
    try {
      info = await stat(real);
    } catch {
      return null;
    }
  }
  return info.isFile() ? real : null;
}

function isInside(root, file) {
  const rel = relative(root, file);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel) && !rel.split(sep).includes(".."));
}

function listen(server, port) {
  return new Promise((resolvePromise, reject) => {
    const onError = (error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolvePromise(server.address().port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, "127.0.0.1");
  });
}

/**
 * Serves `folder` on http://127.0.0.1:`port`/ (falls back to a free port when that one is busy).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function serveFolder(folder, port = defaultPort()) {
  const root = await realpath(resolve(folder));
  if (!(await stat(root)).isDirectory()) throw new Error(`${folder} is not a folder`);

  const server = createServer(async (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      });
      response.end(request.method === "HEAD" ? undefined : text);
    };
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.setHeader("Allow", "GET, HEAD");
        return send(405, "Method not allowed\n");
      }
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      const file = await resolveInside(root, path);
      if (!file) return send(404, "Not found\n");
      const info = await stat(file);
      response.writeHead(200, {
        "Content-Type": contentType(file),
        "Content-Length": info.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (request.method === "HEAD") return response.end();
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    } catch {
      if (!response.headersSent) send(500, "Server error\n");
      else response.destroy();
    }
  });

  let actualPort;
  try {
    actualPort = await listen(server, port);
  } catch (error) {
    if (error.code !== "EADDRINUSE" && error.code !== "EACCES") throw error;
    actualPort = await listen(server, 0);
  }
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder = "dist-preview", portArg] = process.argv.slice(2);
  const port = portArg === undefined ? defaultPort() : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port: ${portArg}`);
    process.exit(2);
  }
  serveFolder(folder, port).then(
    ({ url, close }) => {
      console.log(`Serving ${folder} at ${url} (Ctrl+C to stop)`);
      const stop = () => close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (error) => {
      console.error(`Cannot serve ${folder}: ${error.message}`);
      process.exit(1);
    },
  );
}
