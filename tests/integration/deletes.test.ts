/**
 * Deletes, the recycle bin and library uploads as SharePoint does them (issue 9, point 10), with
 * SharePoint's requests and responses; the rules and their sources are in dev/emulator/deletes.ts
 * and dev/emulator/files.ts. Roles: staff (anna, johan), area owner (erik), security chief (maria),
 * visitor (nils).
 */
import type { SPFI } from '@pnp/sp';
// Types only: the modules themselves are loaded in filesSp, in isolation from the product's SPFI.
import type {} from '@pnp/sp/files';
import type {} from '@pnp/sp/folders';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DevServer } from '../../dev/server';
import { provisionFromFeature } from '../../dev/emulator/provisioning';
import { generateIncidents } from '../../dev/emulator/generate';
import { LISTS } from '../../src/model/schema';
import { DevUser, rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const HANDELSER = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FHandelser')";
const ATGARDER = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FAtgarder')";
const AREAS = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FSakerhetsomraden')";
const LIBRARY = '/sites/sakerhet/StyrandeDokument';
const RESTRICTED = '-2130575271, Microsoft.SharePoint.SPException';
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

const json = { 'Content-Type': 'application/json' };

async function addReport(user: DevUser, title: string): Promise<number> {
  const res = await rest(server, user, `${HANDELSER}/items`, {
    method: 'POST',
    digest: true,
    headers: json,
    body: JSON.stringify({
      Title: title,
      ReportId: `00000000-0000-4000-8000-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
      AreaId: 11,
      EventType: 'Tillbud',
      OccurredAt: '2026-06-14T08:00:00Z',
      Location: 'Avdelning 1',
      Description: 'Något hände.',
      Severity: 'Låg'
    })
  });
  expect(res.status).toBe(201);
  return res.json.Id;
}

async function addAction(incidentId: number): Promise<number> {
  const res = await rest(server, 'erik', `${ATGARDER}/items`, {
    method: 'POST',
    digest: true,
    headers: json,
    body: JSON.stringify({ Title: 'Åtgärd', IncidentId: incidentId, ActionOwnerId: 11, DueDate: '2026-07-01T00:00:00Z', ActionStatus: 'Planerad' })
  });
  expect(res.status).toBe(201);
  return res.json.Id;
}

const recycle = (user: DevUser, path: string): ReturnType<typeof rest> => rest(server, user, `${path}/recycle()`, { method: 'POST', digest: true });
const remove = (user: DevUser, path: string): ReturnType<typeof rest> => rest(server, user, path, { method: 'POST', digest: true, headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } });

describe('relationship delete behaviour (SPFieldLookup.RelationshipDeleteBehavior, learn.microsoft.com ee545040)', () => {
  it('is not applied from the feature XML: the lists start without it (sp-dev-docs #10137; the report at start is in emulator-provisioning.test.ts)', () => {
    const { lists } = provisionFromFeature();
    const lookups = lists.flatMap((l) => l.fields).filter((f) => f.type === 'Lookup');
    // Every single-value lookup of the schema (Område, Rapport, and the risk register's) is there, without it.
    expect(lookups.map((f) => f.name).sort()).toEqual(LISTS.flatMap((l) => l.fields.filter((f) => f.type === 'Lookup').map((f) => f.name)).sort());
    expect(lookups.map((f) => f.name)).toEqual(expect.arrayContaining(['Area', 'Incident']));
    expect(lookups.every((f) => f.relationshipDeleteBehavior === 'None')).toBe(true);
  });

  it('refuses to recycle or delete a report with actions, for the reporter and the security chief alike', async () => {
    const id = await addReport('anna', 'Rapport med åtgärd');
    const actionId = await addAction(id);
    // The sample site's Restrict was set over REST by the installation check (SetupService, deleteBehavior).
    const field = await rest(server, 'maria', `${ATGARDER}/fields/getByInternalNameOrTitle('Incident')`);
    expect(field.json).toMatchObject({ 'odata.type': 'SP.FieldLookup', RelationshipDeleteBehavior: 2, Indexed: true });
    for (const attempt of [recycle('anna', `${HANDELSER}/items(${id})`), remove('anna', `${HANDELSER}/items(${id})`), recycle('maria', `${HANDELSER}/items(${id})`)]) {
      const res = await attempt;
      expect(res.status).toBe(400);
      // Anna cannot read Åtgärder at all, yet the action she cannot see still holds her report.
      expect(res.json['odata.error']).toMatchObject({ code: RESTRICTED, message: { lang: 'sv-SE', value: 'Det går inte att ta bort objektet eftersom ett objekt i listan "Åtgärder" är relaterat till ett objekt i listan "Händelser".' } });
    }
    expect(server.store.list('incidents').items.has(id)).toBe(true);
    // Without its action the report can go (Maria removes the action; Anna recycles her report).
    expect((await recycle('maria', `${ATGARDER}/items(${actionId})`)).status).toBe(200);
    expect((await recycle('anna', `${HANDELSER}/items(${id})`)).status).toBe(200);
  });

  it('is found missing by the installation check on Åtgärder → Händelser, repaired over REST, and then refuses the delete', async () => {
    const site = await startEmulator({ now: NOW });
    try {
      // Someone turned "Enforce relationship behavior" off on Åtgärder's Rapport column.
      const incident = site.store.list('actions').schema.fields.find((f) => f.name === 'Incident')!;
      incident.relationshipDeleteBehavior = 'None';
      const setup = await sessionFor(site, 'maria').services.setup();
      const found = (await setup.check()).issues.filter((i) => i.kind === 'deleteBehavior');
      expect(found.map((i) => [i.list, i.expected])).toEqual([['actions', 'Restrict']]);
      const result = await setup.repair();
      expect(result.failed).toEqual([]);
      expect(result.report.issues.filter((i) => i.kind === 'deleteBehavior')).toEqual([]);
      expect(incident.relationshipDeleteBehavior).toBe('Restrict');
      const withAction = [...site.store.list('actions').items.values()][0].fields.IncidentId as number;
      const res = await rest(site, 'maria', `${HANDELSER}/items(${withAction})/recycle()`, { method: 'POST', digest: true });
      expect([res.status, res.json['odata.error'].code]).toEqual([400, RESTRICTED]);
    } finally {
      await site.close();
    }
  });

  it('refuses to delete an area that goals and reports look up to', async () => {
    const res = await recycle('maria', `${AREAS}/items(11)`);
    expect(res.status).toBe(400);
    expect(res.json['odata.error'].code).toBe(RESTRICTED);
  });

  it('is set over REST with Manage Lists, and not once the looked-up list is over the list view threshold', async () => {
    const big = await startEmulator({ now: NOW });
    try {
      const incident = big.store.list('actions').schema.fields.find((f) => f.name === 'Incident')!;
      incident.relationshipDeleteBehavior = 'None';
      const set = (user: DevUser): ReturnType<typeof rest> =>
        rest(big, user, `${ATGARDER}/fields/getByInternalNameOrTitle('Incident')`, { method: 'POST', digest: true, headers: { ...json, 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify({ RelationshipDeleteBehavior: 2 }) });
      // Erik has Contribute on Åtgärder: no Manage Lists.
      expect((await set('erik')).status).toBe(403);
      generateIncidents(big.store, { count: 5000, now: NOW });
      const refused = await set('maria');
      // "You cannot create lookup columns that enforce relationship behavior when the list that is
      // referenced contains more items than the list view threshold" (Manage lists and libraries with many items).
      expect(refused.status).toBe(500);
      expect(refused.json['odata.error'].code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
      expect(incident.relationshipDeleteBehavior).toBe('None');
    } finally {
      await big.close();
    }
  });
});

describe('delete and recycle (SP.ListItem.deleteObject and SP.ListItem.recycle, jj247053)', () => {
  it('needs Delete Items: the area owner (no Delete Items) and the visitor are refused, staff only on their own reports', async () => {
    const id = await addReport('anna', 'Att ta bort');
    expect((await remove('erik', `${HANDELSER}/items(${id})`)).status).toBe(403);
    expect((await recycle('erik', `${HANDELSER}/items(${id})`)).status).toBe(403);
    expect((await remove('nils', `${HANDELSER}/items(${id})`)).status).toBe(403);
    // Johan cannot see Anna's report: it does not exist for him.
    expect((await remove('johan', `${HANDELSER}/items(${id})`)).status).toBe(404);
    expect(server.store.list('incidents').items.has(id)).toBe(true);
  });

  it('deletes for good with DELETE, and moves to the recycle bin with recycle()', async () => {
    const gone = await addReport('anna', 'Borttagen för gott');
    const kept = await addReport('anna', 'Till papperskorgen');
    expect((await remove('anna', `${HANDELSER}/items(${gone})`)).status).toBe(200);
    expect(server.store.recycleBin.some((r) => r.item.id === gone && r.list === 'incidents')).toBe(false);
    const recycled = await recycle('anna', `${HANDELSER}/items(${kept})`);
    expect(recycled.status).toBe(200);
    expect(recycled.json).toMatchObject({ 'odata.metadata': expect.stringMatching(/\$metadata#Edm\.Guid$/), value: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await rest(server, 'anna', `${HANDELSER}/items(${kept})`)).status).toBe(404);
  });
});

describe('the recycle bin (web/RecycleBin; SP.RecycleBinItem restore and deleteObject)', () => {
  it('shows a user the items they deleted, restores one with its ID and sends a deleted one to the second stage', async () => {
    const id = await addReport('anna', 'Ångrad borttagning');
    const recycleId = (await recycle('anna', `${HANDELSER}/items(${id})`)).json.value;
    const bin = await rest(server, 'anna', 'web/RecycleBin');
    const entry = bin.json.value.find((r: { Id: string }) => r.Id === recycleId);
    expect(entry).toMatchObject({
      'odata.type': 'SP.RecycleBinItem',
      ItemState: 1,
      ItemType: 3,
      LeafName: `${id}_.000`,
      DirName: 'sites/sakerhet/Lists/Handelser',
      Title: 'Ångrad borttagning',
      DeletedByName: 'Anna Lind',
      DeletedByEmail: 'anna.lind@region.example'
    });
    // Others' deletions are not shown: not to Johan, not to the security chief (not a site collection administrator).
    for (const user of ['johan', 'maria'] as const) {
      expect((await rest(server, user, 'web/RecycleBin')).json.value.some((r: { Id: string }) => r.Id === recycleId)).toBe(false);
      expect((await rest(server, user, `web/RecycleBin('${recycleId}')/Restore()`, { method: 'POST', digest: true })).status).toBe(404);
    }
    expect((await rest(server, 'anna', `web/RecycleBin('${recycleId}')/Restore()`, { method: 'POST', digest: true })).status).toBe(200);
    const back = await rest(server, 'anna', `${HANDELSER}/items(${id})?$select=Title`);
    expect(back.json.Title).toBe('Ångrad borttagning');
    expect(server.store.recycleBin.some((r) => r.id === recycleId)).toBe(false);
    // Deleted from the recycle bin: to the site collection recycle bin, out of the user's view.
    const again = (await recycle('anna', `${HANDELSER}/items(${id})`)).json.value;
    expect((await rest(server, 'anna', `web/RecycleBin('${again}')/DeleteObject()`, { method: 'POST', digest: true })).status).toBe(200);
    expect((await rest(server, 'anna', 'web/RecycleBin')).json.value.some((r: { Id: string }) => r.Id === again)).toBe(false);
    expect(server.store.recycleBin.find((r) => r.id === again)).toMatchObject({ stage: 2 });
  });
});

describe('the recycle bin is kept with the data', () => {
  it('holds a restore and a move to the second stage across a restart (journal replayed)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sakerhet-bin-'));
    try {
      const durable = await startEmulator({ now: NOW, dataDir });
      const use = async (title: string): Promise<{ id: number; bin: string }> => {
        const res = await rest(durable, 'anna', `${HANDELSER}/items`, {
          method: 'POST',
          digest: true,
          headers: json,
          body: JSON.stringify({ Title: title, ReportId: `00000000-0000-4000-8000-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`, AreaId: 11, EventType: 'Risk', OccurredAt: '2026-06-14T08:00:00Z', Location: 'A', Description: 'B', Severity: 'Låg' })
        });
        const bin = (await rest(durable, 'anna', `${HANDELSER}/items(${res.json.Id})/recycle()`, { method: 'POST', digest: true })).json.value;
        return { id: res.json.Id, bin };
      };
      const restored = await use('Återställd');
      const second = await use('Andra steget');
      expect((await rest(durable, 'anna', `web/RecycleBin('${restored.bin}')/Restore()`, { method: 'POST', digest: true })).status).toBe(200);
      expect((await rest(durable, 'anna', `web/RecycleBin('${second.bin}')/DeleteObject()`, { method: 'POST', digest: true })).status).toBe(200);
      await durable.close();
      const reopened = await startEmulator({ now: NOW, dataDir });
      expect(reopened.store.list('incidents').items.get(restored.id)?.fields.Title).toBe('Återställd');
      expect(reopened.store.recycleBin.find((r) => r.id === second.bin)).toMatchObject({ stage: 2 });
      expect(reopened.store.recycleBin.some((r) => r.id === restored.bin)).toBe(false);
      await reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** An SPFI for a user with PnPjs's files and folders modules, as a document owner's script has. */
function filesSp(user: DevUser): SPFI {
  let sp: SPFI | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-var-requires */
    require('@pnp/sp/webs');
    require('@pnp/sp/folders');
    require('@pnp/sp/files');
    require('@pnp/sp/items');
    require('@pnp/sp/lists');
    const { createSp } = require('../../src/services/sp');
    const { InjectHeaders } = require('@pnp/queryable');
    const { devSpfxContext } = require('../../dev/host/context');
    /* eslint-enable @typescript-eslint/no-var-requires */
    sp = createSp(devSpfxContext(server.url), InjectHeaders({ Cookie: `sakerhet-user=${user}` }));
  });
  return sp!;
}

describe('uploading to the library (SP.FileCollection addUsingPath, then ListItemAllFields)', () => {
  const pdf = Buffer.from('%PDF-1.4\n%test\n');

  it('adds a document without its required metadata, which the owner then fills in; the app shows it only then', async () => {
    const sp = filesSp('erik');
    const added = await sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('Rutin för larm.pdf', pdf, { Overwrite: false });
    expect(added).toMatchObject({ Name: 'Rutin för larm.pdf', ServerRelativeUrl: `${LIBRARY}/Rutin för larm.pdf`, Length: String(pdf.length), CheckOutType: 2 });
    const file = sp.web.getFileByServerRelativePath(`${LIBRARY}/Rutin för larm.pdf`);
    const before = await file.listItemAllFields.select('Id', 'DocumentType', 'ValidFrom', 'DocStatus', 'AuthorId')();
    // Required columns are empty (CheckRequiredFields is off for an add); defaults are set.
    expect(before).toMatchObject({ DocumentType: null, ValidFrom: null, DocStatus: 'Fastställd', AuthorId: 11 });
    // Visitors see governing documents in the app: not one whose required information is missing.
    const visitor = sessionFor(server, 'nils').services;
    expect((await visitor.documents.getDocuments()).some((d) => d.fileName === 'Rutin för larm.pdf')).toBe(false);
    const item = await file.getItem();
    await item.update({ Title: 'Rutin för larm', DocumentType: 'Rutin', DocVersion: '1', DocumentOwnerId: 11, ApprovedBy: 'Förvaltningschef', ValidFrom: '2026-06-01T00:00:00Z' });
    const shown = (await visitor.documents.getDocuments()).find((d) => d.fileName === 'Rutin för larm.pdf');
    expect(shown).toMatchObject({ title: 'Rutin för larm', documentType: 'routine', version: '1', status: 'approved' });
    const content = await fetch(`${server.url}${LIBRARY}/Rutin%20f%C3%B6r%20larm.pdf`, { headers: { Cookie: 'sakerhet-user=nils' } });
    expect(Buffer.from(await content.arrayBuffer())).toEqual(pdf);
  });

  it('refuses a taken name without Overwrite (SPException -2130575257), replaces it with Overwrite and the owner\'s Edit Items', async () => {
    const sp = filesSp('erik');
    await sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('Plan.pdf', pdf);
    const taken = await rest(server, 'erik', `web/getFolderByServerRelativePath(decodedurl='${encodeURIComponent(LIBRARY)}')/Files/AddUsingPath(decodedurl='Plan.pdf')`, { method: 'POST', digest: true, body: pdf });
    expect(taken.status).toBe(409);
    expect(taken.json['odata.error']).toEqual({ code: '-2130575257, Microsoft.SharePoint.SPException', message: { lang: 'sv-SE', value: 'Det finns redan en fil eller mapp med namnet StyrandeDokument/Plan.pdf.' } });
    const v2 = Buffer.from('%PDF-1.4\n%version 2\n');
    const replaced = await rest(server, 'erik', `web/getFolderByServerRelativeUrl('${LIBRARY}')/files/add(url='Plan.pdf',overwrite=true)`, { method: 'POST', digest: true, body: v2 });
    expect(replaced.status).toBe(200);
    const item = [...server.store.list('documents').items.values()].find((i) => i.file?.name === 'Plan.pdf')!;
    expect(item.file).toMatchObject({ version: 2, size: v2.length });
  });

  it('keeps SharePoint\'s file name rules, and the library for those with Add Items', async () => {
    const add = (user: DevUser, name: string): ReturnType<typeof rest> =>
      rest(server, user, `web/getFolderByServerRelativePath(decodedurl='${encodeURIComponent(LIBRARY)}')/Files/AddUsingPath(decodedurl='${encodeURIComponent(name)}',Overwrite=false)`, { method: 'POST', digest: true, body: pdf });
    // "Restrictions and limitations in OneDrive and SharePoint": characters and names not allowed.
    for (const name of ['a:b.pdf', 'desktop.ini', 'CON', '~$utkast.docx', 'x_vti_y.pdf', 'slut.', ' mellanslag.pdf']) {
      const res = await add('erik', name);
      expect([name, res.status, res.json['odata.error'].code]).toEqual([name, 400, '-2130575245, Microsoft.SharePoint.SPException']);
    }
    // Staff and visitors have Read on the library.
    expect((await add('anna', 'Annas.pdf')).status).toBe(403);
    expect((await add('nils', 'Nils.pdf')).status).toBe(403);
    expect((await add('maria', 'Marias.pdf')).status).toBe(200);
  });

  it('recycles a document through its file, as SharePoint\'s library UI does', async () => {
    const sp = filesSp('maria');
    await sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('Gammal.pdf', pdf);
    const url = `web/getFileByServerRelativePath(decodedurl='${encodeURIComponent(`${LIBRARY}/Gammal.pdf`)}')`;
    expect((await rest(server, 'anna', `${url}/recycle()`, { method: 'POST', digest: true })).status).toBe(403);
    const res = await rest(server, 'maria', `${url}/recycle()`, { method: 'POST', digest: true });
    expect(res.status).toBe(200);
    const entry = (await rest(server, 'maria', `web/RecycleBin('${res.json.value}')`)).json;
    expect(entry).toMatchObject({ ItemType: 1, LeafName: 'Gammal.pdf', DirName: 'sites/sakerhet/StyrandeDokument' });
    expect((await rest(server, 'maria', url)).status).toBe(404);
  });
});
