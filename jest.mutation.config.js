/**
 * The cloud project alone, for Stryker (npm run mutation). Left out: the end-to-end suites (they run the built
 * bundle, which Stryker does not mutate) and the two exhaustive suites (authorization matrix, malformed-payload
 * fuzz), which cover nearly every line with a thousand tests each, so every mutant would rerun them all; a mutant
 * only they would kill counts as survived here, so the score is, if anything, understated.
 *
 * MUTATION_TESTS=test/cloud/domain,test/cloud/forms/inspection-slots.test.ts,… narrows the tests to those folders
 * and files: on two shared cores a mutant of a domain rule covered by every flow test takes minutes, by its unit
 * tests seconds (the score then counts those tests only).
 */
const { projects } = require('./jest.config.js');

const cloud = projects.find((p) => p.displayName === 'cloud');
const testMatch = (process.env.MUTATION_TESTS || 'test/cloud')
  .split(',')
  .map((p) => `<rootDir>/${p.trim()}${p.trim().endsWith('.ts') ? '' : '/**/*.test.ts'}`);
module.exports = {
  ...cloud,
  rootDir: __dirname,
  // The sources and the test support are roots too, so that --findRelatedTests can follow a mutated file through the
  // harness to every test that reaches it.
  roots: ['<rootDir>/test/cloud', '<rootDir>/test/support', '<rootDir>/cloudfunctions/src', '<rootDir>/typings'],
  testMatch,
  testPathIgnorePatterns: ['/node_modules/', 'authorization-matrix', 'malformed-payload-fuzz'],
};
