/**
 * Headless Debian Chromium driven by playwright-core, for browser tests. Office's CDN URL is routed to the local copy
 * of the real office.js (the machine has no internet). Screenshots go to test-artifacts/.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { OFFICE_DIST, startStaticServer, type StaticServer } from "./static-server";

export const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export interface BrowserEnv {
  browser: Browser;
  server: StaticServer;
  open(pagePath: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<BrowserEnv> {
  const server = await startStaticServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    server,
    async open(pagePath: string): Promise<Page> {
      const page = await browser.newPage();
      await page.route("https://appsforoffice.microsoft.com/**", (route) => {
        const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
        const file = path.join(OFFICE_DIST, rel);
        if (fs.existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
        return route.fulfill({ status: 404, body: "" });
      });
      await page.goto(server.url + pagePath);
      return page;
    },
    async screenshot(page: Page, name: string): Promise<string> {
      const file = path.join(ARTIFACTS, name);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
