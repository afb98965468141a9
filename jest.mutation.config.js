/**
 * The cloud project alone, for Stryker (npm run mutation). Left out: the end-to-end suites (they run the built
 * bundle, which Stryker does not mutate) and the two exhaustive suites (authorization matrix, malformed-payload
 * fuzz), which cover nearly every line with a thousand tests each, so every mutant would rerun them all; a mutant
 * only they would kill counts as survived here, so the score is, if anything, understated.
 */
const { projects } = require('./jest.config.js');

const cloud = projects.find((p) => p.displayName === 'cloud');
module.exports = {
  ...cloud,
  rootDir: __dirname,
  roots: ['<rootDir>/test/cloud'],
  testPathIgnorePatterns: ['/node_modules/', 'authorization-matrix', 'malformed-payload-fuzz'],
};
