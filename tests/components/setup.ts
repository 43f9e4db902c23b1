// A draft write still encrypting when a test ends would land in the next test's storage (found
// with `npx jest --randomize --seed 424242`): every vault a test opened is settled before it ends.
const mockOpenedVaults: Array<{ settled(): Promise<void> }> = [];
jest.mock('../../src/components/ReportForm/draftVault', () => {
  const actual = jest.requireActual<typeof import('../../src/components/ReportForm/draftVault')>('../../src/components/ReportForm/draftVault');
  return {
    ...actual,
    openDraftVault: async (...args: Parameters<typeof actual.openDraftVault>) => {
      const vault = await actual.openDraftVault(...args);
      if (vault) {
        mockOpenedVaults.push(vault);
      }
      return vault;
    }
  };
});
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait up to 5 s rather than 1 s: on a loaded 2-core CI machine a lazily loaded
// view can take longer than a second to render. What the tests assert is unchanged.
configure({ asyncUtilTimeout: 5000 });
// Each test may take 30 s (testTimeout in jest.config.js): handling.test.tsx took 8.4 s at a load average of 20.

// jsdom has neither Web Crypto's subtle nor TextEncoder; the browser has both (the report form's
// draft vault encrypts with them). Node's own implementations stand in.
import { webcrypto } from 'crypto';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
if (!globalThis.crypto.subtle) {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
}
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
}
// Each test starts with an empty browser storage, whatever ran before it (tests must not depend on
// their order: `npx jest --randomize` shuffles them).
beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
});

// Every vault this test opened (see the mock above) has finished writing before the next test starts.
afterEach(async () => {
  await Promise.all(mockOpenedVaults.splice(0).map((v) => v.settled()));
});
