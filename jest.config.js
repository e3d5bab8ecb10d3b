/** Unit tests sit beside their modules (src/**\/*.test.ts); cross-module, bundle and browser tests live in test/. */
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
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
};
