/**
 * Three projects: the cloud side in Node, the Mini Program pages in jsdom under miniprogram-simulate, and the
 * browser preview driven in Chromium (skipped, and saying so, where Chromium is missing).
 */
const tsJest = (tsconfig) => ['ts-jest', { tsconfig, diagnostics: false }];

module.exports = {
  // Workers that grow past this are restarted between files (PDF rendering holds the 10 MB font per module registry).
  workerIdleMemoryLimit: '1GB',
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  projects: [
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/cloud', '<rootDir>/test/e2e'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.json') },
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/pages'],
      setupFiles: ['<rootDir>/test/pages/setup.js'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.miniprogram.json') },
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/browser'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.json') },
      testMatch: ['**/*.test.ts'],
    },
  ],
};
