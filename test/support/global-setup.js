const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  // Dates in tests mean China time only where the code says so: run the suite in UTC so a forgotten
  // time-zone conversion shows up as a failure instead of passing by accident on a machine set to Shanghai.
  process.env.TZ = 'UTC';
  // The store adapters of every worker and of every local runtime the tests start record their query shapes here
  // (cloudfunctions/src/adapters/query-shapes.ts); global-teardown.js checks them against the indexes.
  if (!process.env.RVI_QUERY_LOG) process.env.RVI_QUERY_LOG = mkdtempSync(join(tmpdir(), 'rvi-query-shapes-'));
};
