/**
 * A tiny static HTTP server on 127.0.0.1 for browser tests: serves dist/, and the real office.js from
 * @microsoft/office-js at /office-js/. Pages that reference Microsoft's CDN are routed here by `openPage`.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";

const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, process.env.THINK_FIRST_OUT || "dist");
export const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".css": "text/css",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function startStaticServer(distDir = DIST): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url || "/").split("?")[0] || "/");
    const file = urlPath.startsWith("/office-js/")
      ? path.join(OFFICE_DIST, urlPath.slice("/office-js/".length))
      : path.join(distDir, urlPath === "/" ? "simulator.html" : urlPath);
    const base = urlPath.startsWith("/office-js/") ? OFFICE_DIST : distDir;
    if (!file.startsWith(base) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
