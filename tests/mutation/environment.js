/**
 * One test environment for all projects under StrykerJS: each test file gets the environment its
 * project names in jest.config.js (node, jsdom, or the integration tests' node with fetch).
 *
 * Why: Stryker's jest runner hands jest its config as a JSON string, and jest then applies the
 * top-level testEnvironment – which Stryker replaces with its own, wrapping the one it finds there –
 * to every project. So the top level names this file, and Stryker wraps it with the hooks that
 * record which test covers which mutant.
 */
const { projects } = require('../../jest.config.js');

function environmentClass(name, rootDir) {
  const id = name === 'node' || name === 'jsdom' ? `jest-environment-${name}` : name.replace('<rootDir>', rootDir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(id);
  return loaded.TestEnvironment ?? loaded.default ?? loaded;
}

module.exports = function ProjectEnvironment(config, context) {
  const name = config.projectConfig.displayName && config.projectConfig.displayName.name;
  const project = projects.find((p) => p.displayName === name);
  if (!project) {
    throw new Error(`tests/mutation/environment.js: no project named ${name} in jest.config.js`);
  }
  const Environment = environmentClass(project.testEnvironment, project.rootDir);
  return new Environment(config, context);
};
