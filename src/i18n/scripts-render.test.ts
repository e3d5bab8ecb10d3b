/**
 * The Hindi and Urdu strings really render in Chromium with the fonts the test machine has (Debian fonts-noto-core):
 * the glyphs come from a Devanagari / Arabic-script font (not boxes), and Urdu lays out right-to-left with its
 * left-to-right fragments isolated. Real headless Chromium; screenshots go to test-artifacts/i18n-<locale>.png.
 * (The task pane itself is exercised in the Outlook browser tests; this checks the strings and the scripts.)
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import * as fixtures from "./fixtures";
import { renderDialog } from "./dialog";
import { CATALOG } from "./messages";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 30000);
afterAll(async () => {
  if (browser) await browser.close();
});

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const SCRIPT_FONT: { [l: string]: RegExp } = { hi: /Devanagari/i, ur: /Arabic|Urdu|Nastaliq|Naskh/i };

describe.each([["hi"], ["ur"]])("%s in Chromium", (locale) => {
  const l = locale as "hi" | "ur";
  const m = CATALOG[l];
  const dialog = renderDialog(fixtures.simpleBlock(), fixtures.policy(), l).errorMessage;

  test("renders with a font of the script (not boxes), in the right direction", async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 600 } });
    try {
      const items = [m.taskpane.sectionBody, m.taskpane.moveToBcc, m.taskpane.maskBody, m.taskpane.readyToSend];
      await page.setContent(
        `<!doctype html><html lang="${l}" dir="${m.meta.dir}"><body style="margin:0;padding:0 10px;width:400px;font:16px sans-serif">` +
          `<h1 id="h" style="font-size:22px">${esc(m.taskpane.title)}</h1><p id="intro">${esc(m.taskpane.intro)}</p>` +
          `<ul>${items.map((t) => `<li>${esc(t)}</li>`).join("")}</ul>` +
          `<pre id="dialog" style="white-space:pre-wrap;font:14px sans-serif">${esc(dialog)}</pre></body></html>`,
      );
      await page.screenshot({ path: path.join(ARTIFACTS, `i18n-${l}.png`), fullPage: true });

      // The platform fonts Chromium used for the heading: a font of the script must supply the glyphs.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument");
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#h" });
      const { fonts } = (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })) as { fonts: { familyName: string; glyphCount: number }[] };
      const scriptGlyphs = fonts.filter((f) => SCRIPT_FONT[l]!.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      expect(scriptGlyphs).toBeGreaterThan(0);
      // Other fonts may only draw the spaces and punctuation.
      const otherGlyphs = fonts.filter((f) => !SCRIPT_FONT[l]!.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      expect(otherGlyphs).toBeLessThanOrEqual((m.taskpane.title.match(/[\s.,:!?\u060c\u06d4\u0964-]/g) || []).length);

      // Pixels: the heading differs from the same number of unassigned characters (which would draw as boxes).
      const [real, boxes] = await page.evaluate((text) => {
        const draw = (s: string) => {
          const c = document.createElement("canvas");
          c.width = 600;
          c.height = 60;
          const g = c.getContext("2d")!;
          g.font = "28px sans-serif";
          g.fillText(s, 10, 40);
          return c.toDataURL();
        };
        return [draw(text), draw(Array.from(text).map((ch) => (ch === " " ? " " : "\u0378")).join(""))];
      }, m.taskpane.title);
      expect(real).not.toBe(boxes);

      // Direction: Urdu's heading sits against the right edge, Hindi's against the left.
      const box = await page.evaluate(() => {
        const h = document.getElementById("h")!;
        const r = document.createRange();
        r.selectNodeContents(h);
        const rect = r.getBoundingClientRect();
        return { left: rect.left, right: rect.right, dir: getComputedStyle(h).direction, width: document.body.getBoundingClientRect().width };
      });
      if (l === "ur") {
        expect(box.dir).toBe("rtl");
        expect(box.right).toBeGreaterThan(400);
        expect(box.left).toBeGreaterThan(100);
      } else {
        expect(box.dir).toBe("ltr");
        expect(box.left).toBeLessThan(20);
      }
    } finally {
      await page.close();
    }
  }, 30000);
});

test("in Urdu the masked number keeps its order inside the right-to-left line", async () => {
  const page = await browser.newPage({ viewport: { width: 700, height: 200 } });
  try {
    const text = renderDialog(fixtures.simpleBlock(), fixtures.policy(), "ur").errorMessage.split("\n")[2] as string;
    await page.setContent(`<!doctype html><html dir="rtl"><body><p id="p" style="font:18px sans-serif">${esc(text)}</p></body></html>`);
    await page.screenshot({ path: path.join(ARTIFACTS, "i18n-ur-masked.png") });
    // The digits of "1111" and the following "4444" example: in visual order, each group reads left-to-right.
    const order = await page.evaluate(() => {
      const p = document.getElementById("p")!;
      const node = p.firstChild as Text;
      const s = node.data;
      const x = (i: number) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().left;
      };
      const a = s.indexOf("1111");
      const stars = s.lastIndexOf("*", a);
      return { starsBeforeDigits: x(stars) < x(a), digitsInOrder: x(a) < x(a + 3) };
    });
    expect(order.digitsInOrder).toBe(true);
    expect(order.starsBeforeDigits).toBe(true);
  } finally {
    await page.close();
  }
}, 30000);

test("in Urdu the Markdown dialog (as the simulator renders it) shows the masked card as •••• •••• •••• 1111, left to right", async () => {
  const { markdownToHtml } = await import("../web/markdown");
  const page = await browser.newPage({ viewport: { width: 700, height: 400 } });
  try {
    const md = renderDialog(fixtures.simpleBlock(), fixtures.policy(), "ur").errorMessageMarkdown;
    await page.setContent(`<!doctype html><html dir="rtl" lang="ur"><body><div id="d" style="font:18px sans-serif">${markdownToHtml(md)}</div></body></html>`);
    const order = await page.evaluate(() => {
      const root = document.getElementById("d")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.indexOf("1111") >= 0) node = n as Text;
      const s = node!.data;
      const x = (i: number) => {
        const r = document.createRange();
        r.setStart(node!, i);
        r.setEnd(node!, i + 1);
        return r.getClientRects()[0]!.left;
      };
      const digits = s.indexOf("1111");
      const firstBullet = s.lastIndexOf("\u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022", digits);
      return { bulletsLeftOfDigits: x(firstBullet) < x(digits), digitsInOrder: x(digits) < x(digits + 3) };
    });
    expect(order.bulletsLeftOfDigits).toBe(true);
    expect(order.digitsInOrder).toBe(true);
  } finally {
    await page.close();
  }
}, 30000);
