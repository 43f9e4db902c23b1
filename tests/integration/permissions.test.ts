/**
 * Permission levels as SharePoint defines them, computed from role assignments, and what each role
 * of the product may do: staff (anna, johan), an area owner with the Säkerhetsområdesansvarig level
 * (erik), the security chief (maria, Full Control) and an intranet visitor (nils, Read).
 * Sources: OfficeDocs-SharePoint "User permissions and permission levels" (what each level
 * includes; Override List Behaviors is the one that passes item-level security), PnPjs
 * PermissionKind (bit numbers), the list settings page ("Users with the Cancel Checkout permission
 * can read and edit all items").
 */
import type { DevServer } from '../../dev/server';
import { PermissionKind, defaultRoleDefinitions, fromBasePermissions, has } from '../../dev/emulator/security';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

// The product's clock (this file's Date) and the sample content start at the same moment.
const NOW = new Date('2026-06-15T10:00:00Z');
pinClock(NOW);

const HANDELSER = "web/getList('/sites/sakerhet/Lists/Handelser')";
const JSON_HEADERS = { 'Content-Type': 'application/json' };
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

async function mask(user: 'anna' | 'erik' | 'maria' | 'nils', list: string): Promise<bigint> {
  const res = await rest(server, user, `${list}/EffectiveBasePermissions`);
  expect(res.status).toBe(200);
  return fromBasePermissions(res.json);
}

describe("SharePoint's permission levels", () => {
  it('are the documented sets: Edit has Manage Lists but not Override List Behaviors; Design and Full Control have both', () => {
    const levels = Object.fromEntries(defaultRoleDefinitions().map((r) => [r.name, r.mask]));
    expect(has(levels.Edit, 'ManageLists')).toBe(true);
    expect(has(levels.Edit, 'CancelCheckout')).toBe(false);
    expect(has(levels.Design, 'CancelCheckout')).toBe(true);
    expect(has(levels['Full Control'], 'CancelCheckout')).toBe(true);
    expect(has(levels.Contribute, 'AddListItems') && !has(levels.Contribute, 'ManageLists')).toBe(true);
    expect(has(levels.Read, 'ViewListItems') && !has(levels.Read, 'AddListItems')).toBe(true);
    // PnPjs PermissionKind.CancelCheckout is 9: bit 8 of the low half.
    expect(PermissionKind.CancelCheckout).toBe(9);
  });
});

describe('EffectiveBasePermissions on Händelser, from the role assignments', () => {
  it('gives staff Contribute: add and edit (own items), no Override List Behaviors, no Manage Lists', async () => {
    const m = await mask('anna', HANDELSER);
    expect([has(m, 'AddListItems'), has(m, 'EditListItems'), has(m, 'CancelCheckout'), has(m, 'ManageLists')]).toEqual([true, true, false, false]);
  });

  it('gives the area owner the Säkerhetsområdesansvarig level: Override List Behaviors and Edit Items, but no Manage Lists and no Delete Items', async () => {
    const m = await mask('erik', HANDELSER);
    expect([has(m, 'CancelCheckout'), has(m, 'EditListItems'), has(m, 'ManageLists'), has(m, 'DeleteListItems')]).toEqual([true, true, false, false]);
    const turnOff = await rest(server, 'erik', HANDELSER, { method: 'POST', digest: true, headers: { ...JSON_HEADERS, 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify({ ReadSecurity: 1 }) });
    expect(turnOff.status).toBe(403);
  });

  it('gives the security chief Full Control and the visitor nothing: Händelser refuses him', async () => {
    expect(await mask('maria', HANDELSER)).toBe((1n << 64n) - 1n);
    const res = await rest(server, 'nils', `${HANDELSER}/items`);
    expect(res.status).toBe(403);
    expect(res.json['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
  });

  it('lets Manage Lists (Edit) change the list but not read others\' items; only Override List Behaviors does', async () => {
    const johan = [...server.store.users.values()].find((u) => u.key === 'johan')!;
    const list = server.store.list('incidents');
    const saved = list.roleAssignments!;
    list.roleAssignments = [...saved, { principalId: johan.id, roleDefinitionIds: [1073741830] }];
    try {
      const all = await rest(server, 'johan', `${HANDELSER}/items?$select=AuthorId&$top=500`);
      expectEvery(all.json.value, (i: { AuthorId: number }) => i.AuthorId === johan.id);
      expect(all.json.value.length).toBeLessThan(list.items.size);
    } finally {
      list.roleAssignments = saved;
    }
  });

  it("shows why the setup gives Händelser its own permissions: with the web's defaults a member has Edit and could turn item-level security off", async () => {
    const list = server.store.list('incidents');
    const saved = list.roleAssignments;
    list.roleAssignments = undefined;
    try {
      const m = await mask('anna', HANDELSER);
      expect(has(m, 'ManageLists')).toBe(true);
    } finally {
      list.roleAssignments = saved;
    }
  });
});

describe('an intranet visitor (nils, Read)', () => {
  it('uses the start page, an area page and the documents without an error, and is offered no reporting', async () => {
    const { services } = sessionFor(server, 'nils');
    const start = await services.views.loadStart();
    expect(start.areas).toHaveLength(14);
    expect(start.user).toMatchObject({ canReport: false, canManageReports: false });
    expect([...start.openCounts.values()]).toEqual([]);
    const area = await services.views.loadArea('patientsakerhet');
    expect(area.reports).toEqual([]);
    expect(area.documents.length).toBeGreaterThan(0);
    const documents = await services.views.loadDocuments();
    expect(documents.documents.length).toBeGreaterThan(0);
    expect(documents.user).toMatchObject({ canReport: false, canManageReports: false });
  });
});

describe('recycling an item (SP.ListItem.recycle: POST …/items(id)/recycle(), learn.microsoft.com jj247053)', () => {
  const body = (title: string): string =>
    JSON.stringify({ Title: title, ReportId: 'eeeeeeee-0000-4000-8000-000000000001', AreaId: 11, EventType: 'Tillbud', OccurredAt: '2026-06-14T08:00:00Z', Location: 'Avd 1', Description: 'D', Severity: 'Låg' });
  const add = async (user: 'anna' | 'johan', title: string): Promise<number> => {
    const res = await rest(server, user, `${HANDELSER}/items`, { method: 'POST', digest: true, headers: JSON_HEADERS, body: body(title) });
    expect(res.status).toBe(201);
    return res.json.Id;
  };

  it('moves one\'s own item to the recycle bin with Delete Items and answers the recycle bin item\'s ID (SP.GuidResult)', async () => {
    const id = await add('anna', 'Att återvinna');
    const res = await rest(server, 'anna', `${HANDELSER}/items(${id})/recycle()`, { method: 'POST', digest: true });
    expect(res.status).toBe(200);
    expect(res.json.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(server.store.list('incidents').items.has(id)).toBe(false);
    expect(server.store.recycleBin.find((r) => r.id === res.json.value)).toMatchObject({ list: 'incidents', deletedById: server.store.recycleBin.at(-1)!.item.fields.AuthorId });
    // Gone from the list: the item no longer exists for anyone.
    expect((await rest(server, 'maria', `${HANDELSER}/items(${id})`)).status).toBe(404);
  });

  it('refuses without Delete Items (the area owner\'s level) and hides other people\'s items under item-level security', async () => {
    const id = await add('anna', 'Får inte återvinnas');
    // PnPjs's item.recycle() sends the path without parentheses; SharePoint takes both.
    const erik = await rest(server, 'erik', `${HANDELSER}/items(${id})/recycle`, { method: 'POST', digest: true });
    expect(erik.status).toBe(403);
    expect(erik.json['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
    const johan = await rest(server, 'johan', `${HANDELSER}/items(${id})/recycle()`, { method: 'POST', digest: true });
    expect(johan.status).toBe(404);
    expect((await rest(server, 'anna', `${HANDELSER}/items(${id})/recycle()`)).status).toBe(400);
    expect(server.store.list('incidents').items.has(id)).toBe(true);
  });
});
