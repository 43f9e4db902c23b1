/**
 * Jest as StrykerJS runs it (npm run mutate, stryker.config.mjs): the unit, component and
 * integration projects of jest.config.js – never the browser tests – each in the environment
 * jest.config.js gives it, through tests/mutation/environment.js, which Stryker wraps with the
 * hooks that let every mutant run only the tests that cover it (coverageAnalysis 'perTest').
 *
 * Left out, with the reason:
 * - tests/unit/package.test.ts, security-static.test.ts: they read the ship build (npm run package),
 *   which the mutation sandbox does not hold, and test the package, not the rules mutated here;
 * - tests/integration/load.test.ts: a one-minute soak test of 50 reporters; its figures depend on
 *   the machine, and the rules it relies on are pinned by services.test.ts and case-handling.test.ts.
 */
const base = require('../../jest.config.js');

// An absolute path: Stryker loads the top-level one itself, without jest's <rootDir>.
const environment = require('path').join(__dirname, 'environment.js');
const projects = ['unit', 'components', 'integration'];
const leftOut = ['<rootDir>/tests/unit/package.test.ts', '<rootDir>/tests/unit/security-static.test.ts', '<rootDir>/tests/integration/load.test.ts'];

module.exports = {
  rootDir: base.projects[0].rootDir,
  testEnvironment: environment,
  // Instrumented code in a fresh sandbox (nothing in ts-jest's cache yet) on two shared cores: a
  // first test that loads PnPjs can take longer than jest's 5 s. What the tests assert is unchanged.
  testTimeout: 30000,
  projects: base.projects
    .filter((p) => projects.includes(p.displayName))
    .map((p) => ({ ...p, testEnvironment: environment, testPathIgnorePatterns: [...p.testPathIgnorePatterns, ...leftOut] }))
};
