/**
 * ESLint (flat config): ESLint's and typescript-eslint's recommended rules on everything, and the boundaries between
 * the folders of src/ (README, "Layout of src/") as rules from lint/boundaries.mjs, one block per folder. Test support
 * (tests, fixtures, test kits) runs in Node under jest and is not bound by them. `npm run lint`; `npm test` runs it.
 */
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import boundaries from "./lint/boundaries.mjs";

/** Files that only tests import: not part of any product, so the folder boundaries do not apply to them. */
const TEST_SUPPORT = ["**/*.test.ts", "src/**/test-*.ts", "src/**/*.testkit.ts", "src/i18n/fixtures.ts"];

const ENGINE = "src/engine";
const EXTRACT = "src/extract";
const I18N = "src/i18n";
const PIPELINE = "src/pipeline";
const OUTLOOK = "src/outlook";
const WEB = "src/web";
const CLI = "src/cli";

/**
 * What each folder may import and touch. `false` = forbidden. i18n takes types from engine and pipeline, and values only
 * from the detector registry (each detector's and signal's display names are declared beside it, catalogs override).
 */
const FOLDERS = [
  { folder: ENGINE, allow: [ENGINE], builtins: false, office: false, dom: false, node: false },
  { folder: EXTRACT, allow: [EXTRACT], builtins: false, office: false, dom: false, node: false },
  { folder: I18N, allow: [I18N, `${ENGINE}/registry`, `${ENGINE}/signals`], typeOnly: [ENGINE, PIPELINE], builtins: false, office: false, dom: false, node: false },
  { folder: PIPELINE, allow: [PIPELINE, ENGINE, EXTRACT], builtins: false, office: false, dom: false, node: false },
  { folder: OUTLOOK, allow: [OUTLOOK, ENGINE, EXTRACT, I18N, PIPELINE], builtins: false, node: false },
  { folder: WEB, allow: [WEB, OUTLOOK, ENGINE, EXTRACT, I18N, PIPELINE], builtins: false, office: false, node: false },
  { folder: CLI, allow: [CLI, ENGINE, EXTRACT, I18N, PIPELINE], office: false, dom: false },
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-*/", "build/", "coverage/", "test-artifacts/", ".tenant/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      // The type checker reports unused locals and parameters (noUnusedLocals, noUnusedParameters in tsconfig).
      "@typescript-eslint/no-unused-vars": "off",
      // `catch (e) {}` and `() => undefined` on purpose: failures become "unscanned" parts, not exceptions.
      "no-empty": ["error", { allowEmptyCatch: true }],
      // Control characters in regexes are deliberate: the renderers and the normalizer strip or test for them.
      "no-control-regex": "off",
      // `/// <reference path>` brings a hand-written module declaration into tsconfig.runtime.json's program.
      "@typescript-eslint/triple-slash-reference": ["error", { lib: "always", path: "always", types: "prefer-import" }],
    },
  },
  {
    // Tests load modules afresh with require() (jest.isolateModules, after deleting a global) and poke at JSON.
    files: ["**/*.test.ts", "test/helpers/**"],
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["**/*.mjs", "scripts/**/*.ts"], languageOptions: { globals: { ...globals.node } } },
  ...FOLDERS.map(({ folder, allow, typeOnly, builtins, office, dom, node }) => ({
    files: [`${folder}/**/*.ts`],
    ignores: TEST_SUPPORT,
    plugins: { boundaries },
    rules: {
      "boundaries/imports": ["error", { folder, allow, ...(typeOnly ? { typeOnly } : {}), ...(builtins === false ? { builtins } : {}) }],
      "boundaries/globals": ["error", { folder, ...(office === false ? { office } : {}), ...(dom === false ? { dom } : {}), ...(node === false ? { node } : {}) }],
    },
  })),
);
