/**
 * webpack loader for dependencies that call library functions newer than ES2016 (re2js: `Object.hasOwn`, ES2022, and
 * `globalThis.TextEncoder`, ES2020). Classic Outlook before build 2403 runs ES2016: there `globalThis` is a
 * ReferenceError and `Object.hasOwn` undefined. Syntax is lowered by ts-loader (webpack.config.js depsRule); library
 * calls are not, so they are rewritten to ES2016 equivalents here. test/bundle.test.ts checks none is left.
 */
module.exports = function es2016Builtins(source) {
  return source
    .replace(/\bObject\.hasOwn\(/g, "Object.prototype.hasOwnProperty.call(")
    .replace(/\bglobalThis\.([A-Za-z_$][\w$]*)/g, '(typeof $1 !== "undefined" ? $1 : undefined)');
};
