/**
 * Drafts on a shared ward computer (draftVault.ts): what the device holds is ciphertext under the
 * writer's own key; another user's key opens nothing; the draft keeps its ReportId; sending or
 * discarding removes it; plain-text drafts of earlier versions do not stay behind.
 */
import { draftKey, openDraftVault } from '../../src/components/ReportForm/draftVault';
import { emptyDraft } from '../../src/components/ReportForm/useDraft';

const ANNA = 10;
const JOHAN = 12;
const annasKey = Buffer.alloc(32, 1).toString('base64');
const johansKey = Buffer.alloc(32, 2).toString('base64');

beforeEach(() => window.localStorage.clear());

function everythingStored(): string {
  return Object.keys(window.localStorage)
    .map((k) => `${k}=${window.localStorage.getItem(k)}`)
    .join('\n');
}

it('stores only ciphertext, which her key opens with its ReportId and no other key opens', async () => {
  const vault = (await openDraftVault(annasKey, ANNA))!;
  const draft = { ...emptyDraft('arbetsmiljo', 'Europe/Stockholm'), title: 'Min chef tog tag i min arm', description: 'Det hände i korridoren.' };
  vault.write(draft);
  await vault.settled();
  const stored = everythingStored();
  expect(stored).toContain(draftKey(ANNA));
  expect(stored).not.toMatch(/chef|korridoren|arbetsmiljo/);
  expect(stored).not.toContain(draft.reportId);
  expect((await (await openDraftVault(annasKey, ANNA))!.read())?.draft).toEqual(draft);
  // Johan on the same browser: his key does not open it, and his slot is empty.
  const johans = (await openDraftVault(johansKey, JOHAN))!;
  expect(await johans.read()).toBeUndefined();
  // Her blob copied into his slot does not open with his key either (nor with hers: bound to her slot).
  window.localStorage.setItem(draftKey(JOHAN), window.localStorage.getItem(draftKey(ANNA))!);
  expect(await (await openDraftVault(johansKey, JOHAN))!.read()).toBeUndefined();
  expect(await (await openDraftVault(annasKey, JOHAN))!.read()).toBeUndefined();
});

it('keeps the latest of quick writes, and a clear wins over writes still on their way', async () => {
  const vault = (await openDraftVault(annasKey, ANNA))!;
  const draft = emptyDraft('arbetsmiljo', 'Europe/Stockholm');
  for (const title of ['H', 'Ha', 'Hal', 'Halt golv']) {
    vault.write({ ...draft, title });
  }
  await vault.settled();
  expect((await vault.read())?.draft.title).toBe('Halt golv');
  vault.write({ ...draft, title: 'Halt golv i' });
  vault.clear();
  await vault.settled();
  expect(window.localStorage.getItem(draftKey(ANNA))).toBeNull();
  // A write after the clear is kept again.
  vault.write({ ...draft, title: 'Ny' });
  await vault.settled();
  expect((await vault.read())?.draft.title).toBe('Ny');
});

it('takes over her plain-text draft of an earlier version encrypted, and removes every plain-text draft from the device', async () => {
  const old = { ...emptyDraft('brandsakerhet', 'Europe/Stockholm'), title: 'Rökdetektor saknas' };
  window.localStorage.setItem(draftKey(ANNA), JSON.stringify({ version: 1, savedAt: '2026-06-01T08:00:00.000Z', draft: old }));
  window.localStorage.setItem(draftKey(JOHAN), JSON.stringify({ version: 1, savedAt: '2026-06-01T09:00:00.000Z', draft: { ...old, title: 'Johans utkast' } }));
  const vault = (await openDraftVault(annasKey, ANNA))!;
  expect(await vault.read()).toEqual({ savedAt: '2026-06-01T08:00:00.000Z', draft: old });
  await vault.settled();
  expect(everythingStored()).not.toMatch(/Rökdetektor|Johans utkast/);
  expect(window.localStorage.getItem(draftKey(JOHAN))).toBeNull();
  expect((await (await openDraftVault(annasKey, ANNA))!.read())?.draft).toEqual(old);
});

it('has no vault when the key is not an AES key', async () => {
  expect(await openDraftVault('kort', ANNA)).toBeUndefined();
});

it('a storage that refuses a write loses nothing on screen and throws nothing', async () => {
  const vault = (await openDraftVault(annasKey, ANNA))!;
  const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('QuotaExceededError');
  });
  try {
    vault.write(emptyDraft('arbetsmiljo', 'Europe/Stockholm'));
    await expect(vault.settled()).resolves.toBeUndefined();
  } finally {
    setItem.mockRestore();
  }
  expect(window.localStorage.getItem(draftKey(ANNA))).toBeNull();
});
