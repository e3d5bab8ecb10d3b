/**
 * Lints snippets through the ESLint API with the project's eslint.config.mjs, each as if it were the file it names
 * (the file need not exist), and prints the messages as JSON. Input on stdin: [{ "file": "src/engine/x.ts", "code": "…" }].
 * A separate process because jest's module sandbox cannot load an ES-module config. Used by test/lint.test.ts.
 */
import { ESLint } from "eslint";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out.push(result.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line })));
}
process.stdout.write(JSON.stringify(out));
