/** Unit tests sit beside their modules (src/**\/*.test.ts); cross-module, bundle and browser tests live in test/. The global setup builds the dlp CLI. */
const common = {
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "js", "json"],
  testEnvironment: "node",
};
module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", "\\.browser\\.test\\.ts$"] },
    { ...common, displayName: "browser", testMatch: ["<rootDir>/test/**/*.browser.test.ts"] },
  ],
  testTimeout: 30000,
  // Builds the dlp CLI that test/cli.test.ts and test/samples.test.ts spawn.
  globalSetup: "<rootDir>/test/helpers/build-cli.js",
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
};
