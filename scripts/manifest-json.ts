/**
 * The unified JSON manifest (`manifest.json`, Microsoft 365 app manifest v1.24) for one tenant build: the same add-in as
 * manifest.xml (the event runtime with launchevent.html / launchevent.js, OnMessageSend as `messageSending` with the
 * tenant's send mode, the two pre-scan change events, the compose task pane button), and the app package (.zip) the
 * Microsoft 365 admin center accepts for it. Node only: never bundled.
 *
 * Its `id` must differ from manifest.xml's <Id> (Microsoft: the two versions of one add-in need distinct ids), yet stay
 * stable per tenant: it is derived from the XML id (a name-based UUID, RFC 4122 version 5), so one stored id is enough.
 * `alternates.hide.customOfficeAddin` names the XML add-in, so a mailbox that gets both shows only one.
 * The icons (color 192×192, outline 32×32) are drawn here because the package needs those two sizes; they are the
 * same shield as assets/icon-*.png (scripts/make-icons.mjs), hand-drawn because no image library is installed.
 */
import { createHash } from "crypto";
import { deflateSync, crc32 } from "zlib";
import { zipSync, strToU8 } from "fflate";

export const MANIFEST_SCHEMA_URL = "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json";

/** Names shared with manifest.xml and src/outlook/launchevent.ts (a test compares them). */
export const EVENT_RUNTIME_ID = "autorun_runtime";
export const TASKPANE_RUNTIME_ID = "taskpane_runtime";
export const HANDLERS = {
  messageSending: "onMessageSendHandler",
  messageAttachmentsChanged: "onMessageAttachmentsChangedHandler",
  messageRecipientsChanged: "onMessageRecipientsChangedHandler",
} as const;
/** The compose button: same id as the XML <Control id>, so the Smart Alerts `commandId` works with both manifests. */
export const PANE_BUTTON_ID = "ThinkFirst.OpenPaneButton";
export const PANE_ACTION_ID = "openThinkFirstPane";

export interface ManifestJsonOptions {
  baseUrl: string;
  /** The XML manifest's <Id>; the JSON id is derived from it. */
  xmlId: string;
  sendMode: "SoftBlock" | "Block" | "PromptUser";
  /** semver, e.g. 1.0.0 */
  version: string;
}

/** RFC 4122 version-5 UUID of `name` in `namespace` (SHA-1 based). */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(Buffer.concat([ns, Buffer.from(name, "utf8")])).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Namespace for Think First's derived ids (a fixed random UUID; never change it: it would change every tenant's id). */
const JSON_ID_NAMESPACE = "8f3b6e2c-1d4a-4b7e-9c05-6a2f1e8d3b94";

export function jsonManifestId(xmlId: string): string {
  return uuidV5(`unified-manifest:${xmlId.toLowerCase()}`, JSON_ID_NAMESPACE);
}

const SEND_MODE_JSON = { SoftBlock: "softBlock", Block: "block", PromptUser: "promptUser" } as const;

export function unifiedManifest(o: ManifestJsonOptions): Record<string, unknown> {
  const url = (file: string) => `${o.baseUrl}/${file}`;
  const mailbox = (minVersion: string) => ({ capabilities: [{ name: "Mailbox", minVersion }] });
  const icons = [16, 32, 80].map((size) => ({ size, url: url(`assets/icon-${size}.png`) }));
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: "1.24",
    version: o.version,
    id: jsonManifestId(o.xmlId),
    developer: {
      name: "Think First",
      websiteUrl: url("playground.html"),
      privacyUrl: url("playground.html"),
      termsOfUseUrl: url("playground.html"),
    },
    name: { short: "Think First", full: "Think First: check outgoing mail for customer data" },
    description: {
      short: "Checks outgoing mail for customer e-mail lists and sensitive numbers.",
      full: "Checks outgoing mail for customer e-mail lists and sensitive numbers before it is sent, and explains how to fix the message.",
    },
    icons: { outline: "outline.png", color: "color.png" },
    accentColor: "#005EB8",
    validDomains: [new URL(o.baseUrl).host],
    authorization: { permissions: { resourceSpecific: [{ name: "MailboxItem.ReadWrite.User", type: "Delegated" }] } },
    extensions: [
      {
        requirements: { scopes: ["mail"], ...mailbox("1.3") },
        runtimes: [
          {
            requirements: mailbox("1.12"),
            id: EVENT_RUNTIME_ID,
            type: "general",
            code: { page: url("launchevent.html"), script: url("launchevent.js") },
            lifetime: "short",
            actions: Object.keys(HANDLERS).map((k) => ({ id: HANDLERS[k as keyof typeof HANDLERS], type: "executeFunction" })),
          },
          {
            requirements: mailbox("1.3"),
            id: TASKPANE_RUNTIME_ID,
            type: "general",
            code: { page: url("taskpane.html") },
            lifetime: "short",
            actions: [{ id: PANE_ACTION_ID, type: "openPage" }],
          },
        ],
        ribbons: [
          {
            contexts: ["mailCompose"],
            tabs: [
              {
                builtInTabId: "TabDefault",
                groups: [
                  {
                    id: "ThinkFirst.ComposeGroup",
                    label: "Think First",
                    icons,
                    controls: [
                      {
                        id: PANE_BUTTON_ID,
                        type: "button",
                        label: "Think First",
                        icons,
                        supertip: { title: "Think First", description: "Check this message for customer data and fix it before you send." },
                        actionId: PANE_ACTION_ID,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        autoRunEvents: [
          {
            requirements: mailbox("1.12"),
            events: [
              { type: "messageSending", actionId: HANDLERS.messageSending, options: { sendMode: SEND_MODE_JSON[o.sendMode] } },
              { type: "messageAttachmentsChanged", actionId: HANDLERS.messageAttachmentsChanged },
              { type: "messageRecipientsChanged", actionId: HANDLERS.messageRecipientsChanged },
            ],
          },
        ],
        alternates: [{ hide: { customOfficeAddin: { officeAddinId: o.xmlId } } }],
      },
    ],
  };
}

// ---- the app package ---------------------------------------------------------------------------------------------

function png(size: number, pixel: (u: number, v: number) => [number, number, number, number]): Buffer {
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set(px, y * stride + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(td.length + 8);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc32(td) >>> 0, td.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** The shield with an exclamation mark, as in assets/icon-*.png: inShield / inMark at (u, v) in 0..1. */
function shield(u: number, v: number): { inShield: boolean; inMark: boolean } {
  const half = v < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
  const inShield = v > 0.1 && v < 0.95 && Math.abs(u - 0.5) < half;
  const inMark = (Math.abs(u - 0.5) < 0.07 && v > 0.25 && v < 0.6) || (u - 0.5) ** 2 + (v - 0.72) ** 2 < 0.075 ** 2;
  return { inShield, inMark };
}

/** color.png: 192×192, full colour. */
export function colorIcon(): Buffer {
  return png(192, (u, v) => {
    const s = shield(u, v);
    return s.inShield ? (s.inMark ? [255, 255, 255, 255] : [0, 94, 184, 255]) : [0, 0, 0, 0];
  });
}

/** outline.png: 32×32, white on transparent (the mark is cut out). */
export function outlineIcon(): Buffer {
  return png(32, (u, v) => {
    const s = shield(u, v);
    return s.inShield && !s.inMark ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });
}

/** The .zip uploaded in Integrated apps → Upload custom apps: manifest.json and its two icons at the top level. */
export function appPackage(manifestJsonText: string): Uint8Array {
  const fixed = new Date(Date.UTC(2024, 0, 1)); // stable bytes for the same inputs
  return zipSync(
    {
      "manifest.json": [strToU8(manifestJsonText), { mtime: fixed }],
      "color.png": [new Uint8Array(colorIcon()), { mtime: fixed }],
      "outline.png": [new Uint8Array(outlineIcon()), { mtime: fixed }],
    },
    { level: 9 },
  );
}
