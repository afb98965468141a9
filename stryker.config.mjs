// Mutation testing of the domain and application layers (npm run mutation; not part of npm test).
// Scope a run with --mutate, e.g. `npm run mutation -- --mutate cloudfunctions/src/domain/working-days.ts`;
// results are kept in test/mutation/incremental.json (committed), so a rerun tests only what changed since.
// Mutants kept alive on purpose are listed with their reasons in test/mutation/equivalent-mutants.md.

// The tests assume UTC (test/support/global-setup.js does this for npm test); Stryker's workers inherit it.
process.env.TZ = 'UTC';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: ['cloudfunctions/src/domain/**/*.ts', 'cloudfunctions/src/application/**/*.ts'],
  // Static mutants (module-level constants) need a fresh module registry per mutant: minutes each.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'test/mutation/incremental.json',
  // Two cores shared by the team: one test process.
  concurrency: 1,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Other runs' sandboxes (a run with its own --tempDirName) are not part of the project.
  ignorePatterns: ['.stryker-tmp*', 'build', 'reports', 'screens', 'coverage', '.data', 'cloudfunctions/*/index.js', 'cloudfunctions/*/assets', 'bench/results'],
  cleanTempDir: 'always',
};
