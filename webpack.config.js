/**
 * Builds dist/: launchevent.js (the send handler: one ES2016 classic script, no chunks, no eval, no dev-server client),
 * launchevent.html, taskpane, compose simulator, policy playground, icons and manifest.xml for the build's base URL.
 *
 * Tenant settings (see docs/deploy.md), as environment variables:
 *   THINK_FIRST_BASE_URL   https base URL the files are served from (default https://localhost:3000)
 *   THINK_FIRST_POLICY     policy YAML compiled into the bundle (default assets/policy/default-policy.yaml)
 *   THINK_FIRST_SEND_MODE  SoftBlock | Block | PromptUser (default SoftBlock)
 *   THINK_FIRST_ADDIN_ID   the manifest <Id> (default: the development id in manifest.xml)
 *   THINK_FIRST_OUT        output folder (default dist)
 *   THINK_FIRST_POLICY_URL optional same-origin URL of a policy.json fetched outside the send path
 *   THINK_FIRST_VERSION    add-in version, semver (default: package.json's)
 *   THINK_FIRST_CUSTOMERS_SET  a customer set (`dlp customers build`; default: the policy's customers.set, if any)
 *   THINK_FIRST_CUSTOMERS_KEY  its key file (default: the .key file beside the set)
 * Every build also writes policy.json, manifest.json and build-info.json, and customers.tfcs with a customer set
 * (scripts/tenant-settings.ts `generatedFiles`); the set's key is compiled in as __THINK_FIRST_CUSTOMER_KEY__.
 */
// tsx (a devDependency: webpack runs at build time) loads scripts/tenant-settings.ts.
require("tsx/cjs/api").register();
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { tenantSettings } = require("./scripts/tenant-settings.ts");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const settings = tenantSettings(process.env);
  const outDir = path.resolve(__dirname, settings.outDir);

  const tsRule = {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } },
  };
  // Dependencies may ship ES2018+ syntax (fuse.js): lower them to ES2016 too, so the WHOLE bundle is ES2016.
  const depsRule = {
    test: /\.m?js$/,
    include: /node_modules/,
    use: {
      loader: "ts-loader",
      options: { transpileOnly: true, compilerOptions: { allowJs: true, target: "es2016", module: "esnext", sourceMap: false } },
    },
  };

  const page = (name, chunks, title, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.resolve(__dirname, `src/web/templates/${name}.html`),
      chunks,
      inject: "body",
      scriptLoading: "blocking",
      title,
      templateParameters: { officeJs: OFFICE_JS, ...extra },
      minify: false,
    });

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: ["web", "es2016"],
    entry: {
      launchevent: "./src/outlook/launchevent.ts",
      taskpane: "./src/outlook/taskpane/taskpane.ts",
      simulator: "./src/web/simulator.ts",
      playground: "./src/web/playground.ts",
    },
    output: {
      path: outDir,
      filename: "[name].js",
      clean: true,
      publicPath: "",
      chunkLoading: false,
      wasmLoading: false,
      environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, optionalChaining: false, templateLiteral: false, dynamicImport: false, module: false },
    },
    resolve: { extensions: [".ts", ".js", ".mjs"], conditionNames: ["browser", "import", "module", "default"] },
    module: { rules: [tsRule, depsRule] },
    optimization: { splitChunks: false, runtimeChunk: false, minimize: !dev },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({
        __THINK_FIRST_POLICY__: JSON.stringify(settings.policy),
        __THINK_FIRST_POLICY_URL__: JSON.stringify(settings.policyUrl || ""),
        __THINK_FIRST_BUILD__: JSON.stringify({ baseUrl: settings.baseUrl, version: settings.version }),
        __THINK_FIRST_CUSTOMER_KEY__: JSON.stringify(settings.customers ? settings.customers.keyHex : ""),
      }),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      // policy.json (the compiled policy, as baked into the bundle), manifest.json (unified manifest), build-info.json.
      {
        apply: (compiler) =>
          compiler.hooks.thisCompilation.tap("ThinkFirstGeneratedFiles", (compilation) =>
            compilation.hooks.processAssets.tap({ name: "ThinkFirstGeneratedFiles", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              const files = settings.generatedFiles();
              for (const name of Object.keys(files)) compilation.emitAsset(name, new webpack.sources.RawSource(files[name]));
            }),
          ),
      },
      page("launchevent", ["launchevent"], "Think First"),
      page("taskpane", ["taskpane"], "Think First"),
      page("simulator", ["simulator"], "Think First: compose simulator"),
      page("playground", ["playground"], "Think First: policy playground"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/policy/*.json", to: "assets/policy/[name][ext]", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml", transform: (buf) => settings.rewriteManifest(buf.toString("utf8")) },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: "https",
      host: "localhost",
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
      headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" },
      static: [
        { directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), publicPath: "/office-js", watch: false },
      ],
      devMiddleware: { writeToDisk: true, index: "simulator.html" },
    },
  };
};
