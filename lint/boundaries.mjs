/**
 * ESLint rules for the boundaries between the folders of src/ (README, "Layout of src/"). eslint.config.mjs gives each
 * folder its options; test/lint.test.ts proves every rule by linting a bad snippet through the ESLint API.
 *
 *   boundaries/imports  which of our folders a file may import (relative paths resolved against the file), whether a
 *                       folder may be imported for its types only (`import type`), and whether Node built-ins may be
 *                       imported at all. `import`, `export … from`, `import()`, `require()` and `import x = require()`
 *                       are all checked.
 *   boundaries/globals  which host objects a file may touch: Office/OfficeRuntime, the DOM, Node's globals. A reference
 *                       to the global, a `declare const Office` that would hide it, and `globalThis.Office` /
 *                       `window["Office"]` are all reported, in value and in type positions.
 *
 * Hand-written: no-restricted-imports matches import strings, not the folder a relative path lands in (`../types` is
 * inside src/engine from src/engine/policy/ and outside it from src/engine/), and no-restricted-globals misses a
 * `declare const` and `globalThis.X`.
 */
import { isBuiltin } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const toPosix = (p) => p.split(path.sep).join("/");
const projectPath = (file) => toPosix(path.relative(ROOT, file));
const inside = (target, dir) => target === dir || target.startsWith(dir + "/");

export const HOST_GLOBALS = {
  office: { names: ["Office", "OfficeRuntime"], why: "only src/outlook touches Office" },
  dom: {
    names: [
      "window", "self", "document", "navigator", "location", "history", "localStorage", "sessionStorage", "indexedDB",
      "caches", "fetch", "XMLHttpRequest", "WebSocket", "Worker", "Blob", "File", "FileReader", "FormData", "DOMParser",
      "Element", "HTMLElement", "Node", "Event", "CustomEvent", "MutationObserver", "getComputedStyle", "alert",
      "confirm", "prompt", "requestAnimationFrame", "addEventListener", "removeEventListener", "postMessage",
    ],
    why: "no DOM in code that reaches launchevent.js (classic Outlook runs it without one)",
  },
  node: {
    names: ["process", "Buffer", "require", "module", "exports", "__dirname", "__filename", "global", "setImmediate", "clearImmediate"],
    why: "no Node APIs in code that reaches launchevent.js",
  },
};
const GLOBAL_OBJECTS = new Set(["globalThis", "window", "self", "global"]);

function isTypeOnlyImport(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers || [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

const imports = {
  meta: {
    type: "problem",
    docs: { description: "Which of our folders (and whether Node built-ins) a file may import." },
    schema: [
      {
        type: "object",
        properties: {
          folder: { type: "string" },
          allow: { type: "array", items: { type: "string" } },
          typeOnly: { type: "array", items: { type: "string" } },
          builtins: { type: "boolean" },
        },
        required: ["folder", "allow"],
        additionalProperties: false,
      },
    ],
    messages: {
      outside: "{{folder}} may not import {{target}}: it may import only from {{allowed}}.",
      typeOnly: "{{folder}} may import only types from {{dir}}: use `import type` for {{target}}.",
      builtin: "{{folder}} may not import the Node built-in \"{{spec}}\": no Node APIs in code that reaches launchevent.js.",
    },
  },
  create(context) {
    const { folder, allow, typeOnly = [], builtins = true } = context.options[0];
    const file = projectPath(context.filename);
    const check = (node, source, typeOnlyImport) => {
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const spec = source.value;
      if (spec.startsWith(".") || spec.startsWith("/")) {
        const target = spec.startsWith("/") ? projectPath(spec) : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (allow.some((dir) => inside(target, dir))) return;
        const typeDir = typeOnly.filter((dir) => inside(target, dir))[0];
        if (typeDir && typeOnlyImport) return;
        if (typeDir) context.report({ node, messageId: "typeOnly", data: { folder, dir: typeDir, target } });
        else context.report({ node, messageId: "outside", data: { folder, target, allowed: allow.concat(typeOnly.map((d) => `${d} (types)`)).join(", ") } });
      } else if (!builtins && isBuiltin(spec)) {
        context.report({ node, messageId: "builtin", data: { folder, spec } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument && node.argument.type === "TSLiteralType" ? node.argument.literal : node.source, true),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === "TSExternalModuleReference") check(node, node.moduleReference.expression, node.importKind === "type");
      },
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments.length === 1) check(node, node.arguments[0], false);
      },
    };
  },
};

const globals = {
  meta: {
    type: "problem",
    docs: { description: "Which host globals (Office, the DOM, Node) a file may touch." },
    schema: [
      {
        type: "object",
        properties: { folder: { type: "string" }, office: { type: "boolean" }, dom: { type: "boolean" }, node: { type: "boolean" } },
        required: ["folder"],
        additionalProperties: false,
      },
    ],
    messages: {
      reference: "{{folder}} may not use `{{name}}`: {{why}}.",
      declare: "{{folder}} may not declare `{{name}}` to reach the host's object: {{why}}.",
    },
  },
  create(context) {
    const options = context.options[0];
    const banned = new Map();
    for (const kind of Object.keys(HOST_GLOBALS)) {
      if (options[kind] !== false) continue;
      for (const name of HOST_GLOBALS[kind].names) banned.set(name, HOST_GLOBALS[kind].why);
    }
    const report = (node, name, messageId = "reference") => context.report({ node, messageId, data: { folder: options.folder, name, why: banned.get(name) } });
    const unwrap = (n) => {
      while (n && (n.type === "TSAsExpression" || n.type === "TSNonNullExpression" || n.type === "TSTypeAssertion" || n.type === "TSSatisfiesExpression")) n = n.expression;
      return n;
    };
    const declared = (id, node) => {
      if (id && id.type === "Identifier" && banned.has(id.name)) report(node, id.name, "declare");
    };
    return {
      MemberExpression(node) {
        const object = unwrap(node.object);
        // `window.navigator` where `window` itself is banned: reported once, as `window`.
        if (!object || object.type !== "Identifier" || !GLOBAL_OBJECTS.has(object.name) || banned.has(object.name)) return;
        const name = node.computed ? node.property.type === "Literal" && node.property.value : node.property.name;
        if (typeof name === "string" && banned.has(name)) report(node, name);
      },
      VariableDeclaration(node) {
        if (node.declare) for (const d of node.declarations) declared(d.id, d);
      },
      TSModuleDeclaration(node) {
        if (node.declare || node.global) declared(node.id, node);
      },
      TSDeclareFunction(node) {
        declared(node.id, node);
      },
      "Program:exit"(program) {
        const scope = context.sourceCode.getScope(program);
        const seen = new Set();
        const flag = (ref) => {
          const id = ref.identifier;
          if (!banned.has(id.name) || seen.has(id)) return;
          seen.add(id);
          report(id, id.name);
        };
        for (const ref of scope.through) flag(ref);
        for (const name of banned.keys()) {
          const v = scope.set.get(name);
          if (v) for (const ref of v.references) flag(ref);
        }
      },
    };
  },
};

export default { meta: { name: "think-first-boundaries" }, rules: { imports, globals } };
