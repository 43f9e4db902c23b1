// @ts-check
/**
 * Mutation testing (npm run mutate): StrykerJS plants small bugs (mutants) in the product's rules
 * and runs the tests that cover each; a mutant no test notices is a rule the suite does not pin.
 * Unit, component and integration tests only (tests/mutation/jest.config.js); never the browser.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'tests/mutation/jest.config.js', enableFindRelatedTests: true },
  // Each mutant runs only the tests that executed its code in the first, instrumented run.
  coverageAnalysis: 'perTest',
  // Mutants in code that only runs while a module loads (the lists' definitions in schema.ts, zone
  // tables, constants) would each need every test file that imports them: hours on this machine.
  ignoreStatic: true,
  // Two cores, shared: at most two test processes (npm run mutate -- --concurrency 1 for one).
  concurrency: 2,
  mutate: [
    'src/analytics/**/*.ts',
    'src/model/**/*.ts',
    '!src/model/sample/**',
    '!src/model/types.ts'
  ],
  ignorePatterns: ['lib', 'lib-*', 'dist', 'temp', 'release', 'sharepoint/solution', 'dev/.build', '.data', '.ci/out', '.scratch', 'coverage', 'reports', 'test-results'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The first run (every covering test, instrumented) takes 3–4 minutes on an idle machine.
  dryRunTimeoutMinutes: 30,
  timeoutMS: 10000,
  timeoutFactor: 2
};
