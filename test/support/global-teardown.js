const { buildSync } = require('esbuild');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// Merges the query shapes this run recorded into test/support/recorded-query-shapes.json and fails the run when
// one is served by no index of collections.ts: a shape recorded after the index test ran is checked here.
module.exports = async () => {
  const folder = process.env.RVI_QUERY_LOG;
  const out = mkdtempSync(join(tmpdir(), 'rvi-query-check-'));
  try {
    const { outputFiles } = buildSync({
      entryPoints: [join(__dirname, 'query-shapes.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
    });
    writeFileSync(join(out, 'check.js'), outputFiles[0].contents);
    const { recordRun } = require(join(out, 'check.js'));
    const { added, unserved } = recordRun(folder, join(__dirname, 'recorded-query-shapes.json'));
    if (added) console.log(`\n${added} new query shape(s) recorded in test/support/recorded-query-shapes.json`);
    if (unserved.length) throw new Error(`queries served by no index of cloudfunctions/src/collections.ts:\n  ${unserved.join('\n  ')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
};
