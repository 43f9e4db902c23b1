/**
 * The draft keys in Utkastnycklar (services/DraftKeyService.ts): one per user, made on first use,
 * readable by nobody else without Override List Behaviors – neither other staff nor area owners –
 * through the product's services or SharePoint's REST API (item-level security, README step 4).
 */
import type { DevServer } from '../../dev/server';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const KEYS = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FUtkastnycklar')";
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

function storedKeys(): { id: number; author: number; key: unknown }[] {
  return [...server.store.list('draftKeys').items.values()].map((i) => ({ id: i.id, author: Number(i.fields.AuthorId), key: i.fields.Title }));
}

it('gives each user her own key, made once, and the same one in two tabs asking at once', async () => {
  const anna = sessionFor(server, 'anna').services;
  const annaAgain = sessionFor(server, 'anna').services;
  const me = await anna.users.getCurrentUser();
  const [first, second] = await Promise.all([anna.draftKeys.getKey(me), annaAgain.draftKeys.getKey(me)]);
  expect(first).toBe(second);
  expect(Buffer.from(first, 'base64')).toHaveLength(32);
  expect(await anna.draftKeys.getKey(me)).toBe(first);
  const johan = sessionFor(server, 'johan').services;
  const johanKey = await johan.draftKeys.getKey(await johan.users.getCurrentUser());
  expect(johanKey).not.toBe(first);
  expect(storedKeys().filter((k) => k.author === me.id).map((k) => k.key)).toContain(first);
});

it("nobody but the security chief can read Anna's key: not Johan (staff), not Erik (area owner), by any REST route", async () => {
  const annaId = (await sessionFor(server, 'anna').services.users.getCurrentUser()).id;
  const annas = storedKeys().find((k) => k.author === annaId)!;
  // The same requests answer Anna herself, so a refusal below is item-level security.
  expect((await rest(server, 'anna', `${KEYS}/items(${annas.id})`)).status).toBe(200);
  for (const user of ['johan', 'erik'] as const) {
    expect({ user, status: (await rest(server, user, `${KEYS}/items(${annas.id})`)).status }).toEqual({ user, status: 404 });
    const all = await rest(server, user, `${KEYS}/items?$select=Id,Title,AuthorId`);
    expect(all.status).toBe(200);
    expect(all.text).not.toContain(String(annas.key));
  }
  // Full Control (the site's Owners) reads every item of every list, as SharePoint does.
  expect((await rest(server, 'maria', `${KEYS}/items(${annas.id})`)).status).toBe(200);
  // Visitors have no access to the list at all.
  expect((await rest(server, 'nils', `${KEYS}/items`)).status).toBe(403);
});

it('fails with a ServiceError, storing nothing, when SharePoint refuses or cannot be reached', async () => {
  const erik = sessionFor(server, 'erik').services;
  const me = await erik.users.getCurrentUser();
  const before = storedKeys().length;
  server.faults.set([{ kind: 'unavailable', count: 3, method: 'POST', path: 'Utkastnycklar' }]);
  try {
    await expect(erik.draftKeys.getKey(me)).rejects.toMatchObject({ name: 'ServiceError', kind: 'throttled' });
  } finally {
    server.faults.clear();
  }
  expect(storedKeys().length).toBe(before);
  const nils = sessionFor(server, 'nils').services;
  await expect(nils.draftKeys.getKey(await nils.users.getCurrentUser())).rejects.toMatchObject({ kind: 'forbidden' });
  // Once SharePoint answers, the key is made.
  expect(Buffer.from(await erik.draftKeys.getKey(me), 'base64')).toHaveLength(32);
});
