/**
 * Four projects, one run:
 *   unit        – pure logic, schema, feature XML, package contents (node)
 *   components  – React views with Testing Library (jsdom)
 *   integration – the product's services (PnPjs) against the local SharePoint emulator over HTTP (node)
 *   e2e         – the dev host in Debian's Chromium with playwright-core and axe-core (node)
 */
const transform = {
  // PnPjs v4 ships ES modules only; compile them (and our TypeScript) to CommonJS for jest.
  '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }]
};
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: { '\\.(css|scss)$': 'identity-obj-proxy' },
  testPathIgnorePatterns: ['/node_modules/', '/lib/', '/temp/'],
  // Every test file starts on the same calendar (tests/helpers/clock.ts), whatever day it is run.
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/pin-clock.ts']
};
module.exports = {
  // A test may take up to 30 s: on a loaded 2-core machine a view that renders in 1 s idle can take
  // 10. Waits inside tests (findBy*, waitFor) keep their own, shorter limits; what they assert is unchanged.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/tests/components/setup.ts']
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: '<rootDir>/tests/helpers/node-environment.js',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/tests/helpers/integration-setup.ts']
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: '<rootDir>/tests/helpers/node-environment.js',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/globalSetup.ts'
    }
  ]
};
