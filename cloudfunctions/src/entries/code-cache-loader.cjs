'use strict';
// A deployed function's index.js (written by scripts/build.mjs; the bundle is app.js beside it). A cold start spends
// much of its time compiling the bundle; the build ran it once and saved V8's compiled code as app.cache, which this
// hands to V8 so that a runtime on the same Node.js and V8 as the build skips most of that work. A runtime on another
// version rejects the cache and compiles as usual: the cache can cost a file read, never a wrong answer.
// RVI_CODE_CACHE=off compiles as usual (for the bench's comparison). Any loader but Node's own (jest's module
// sandbox in the tests) gets the bundle through its own require, in its own globals.
const Module = require('module');
const { readFileSync } = require('fs');
const { join } = require('path');
const vm = require('vm');

const file = join(__dirname, 'app.js');
if (!(module instanceof Module)) {
  module.exports = require('./app.js');
} else {
  let cachedData;
  if (process.env.RVI_CODE_CACHE !== 'off') {
    try {
      cachedData = readFileSync(join(__dirname, 'app.cache'));
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const app = new Module(file, module);
  app.filename = file;
  app.paths = Module._nodeModulePaths(__dirname);
  script.runInThisContext().call(app.exports, app.exports, Module.createRequire(file), app, file, __dirname);
  app.loaded = true;
  module.exports = app.exports;
  // What became of the cache, for the bench and the tests: used, rejected by this runtime, or not there.
  const codeCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  Object.defineProperty(module.exports, 'codeCache', { value: codeCache, enumerable: false });
  // Once per cold start, in the function's log: a cache made by another Node.js than this runtime's is no use.
  if (codeCache === 'rejected') console.warn(`code cache not used: made by another V8 than this runtime's (${process.versions.v8}); rebuild with this Node.js to use it`);
}
