/** launchevent.html in headless Chromium with the real office.js: the handlers register there too. */
import { startBrowser, type BrowserEnv } from "./helpers/browser";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowser();
});
afterAll(async () => {
  await env?.close();
});

it("registers every handler through the real Office.actions.associate", async () => {
  const page = await env.open("/launchevent.html");
  const names = await page.waitForFunction(() => {
    const assoc = (window as unknown as { Office?: { actions?: { _association?: { mappings?: Record<string, unknown> } } } }).Office?.actions?._association;
    const keys = assoc && assoc.mappings ? Object.keys(assoc.mappings) : [];
    return keys.length >= 3 ? keys : null;
  });
  expect((await names.jsonValue())!.sort()).toEqual(["ONMESSAGEATTACHMENTSCHANGEDHANDLER", "ONMESSAGERECIPIENTSCHANGEDHANDLER", "ONMESSAGESENDHANDLER"]);
  await page.close();
});
