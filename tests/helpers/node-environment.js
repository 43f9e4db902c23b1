/**
 * Jest's node environment without Node's own fetch: PnPjs (and the tests' raw REST calls) need
 * Node 20's fetch, Headers, Request, Response, Blob, File and FormData, so they are handed over.
 */
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

class NodeWithFetchEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'Blob', 'File', 'FormData', 'AbortController', 'AbortSignal', 'structuredClone']) {
      if (typeof globalThis[name] !== 'undefined') {
        this.global[name] = globalThis[name];
      }
    }
    // Playwright from Node's own realm, outside the test file's pinned clock (tests/helpers/clock.ts):
    // its clock support (page.clock) computes with Date and must read the real one.
    Object.defineProperty(this.global, '__outerPlaywright', { get: () => require('playwright-core') });
  }
}

module.exports = NodeWithFetchEnvironment;
