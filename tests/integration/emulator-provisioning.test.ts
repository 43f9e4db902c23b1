/**
 * SharePoint's rules for what a site is after the package is added, and what the installation
 * check changes over REST: lists from the feature XML as SharePoint reads it, item-level security
 * as a list property, unique values versus item-level security, indexes only as provisioned or
 * added. Each expectation names its source.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { generateIncidents } from '../../dev/emulator/generate';
import { provisionFromFeature } from '../../dev/emulator/provisioning';
import type { DevServer } from '../../dev/server';
import { INCIDENTS_LIST, LISTS } from '../../src/model/schema';
import { rest, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

// The product's clock (this file's Date) and the sample content start at the same moment.
const NOW = new Date('2026-06-15T10:00:00Z');
pinClock(NOW);

const HANDELSER = "web/getList('/sites/sakerhet/Lists/Handelser')";
const AREAS = "web/getList('/sites/sakerhet/Lists/Sakerhetsomraden')";
const JSON_HEADERS = { 'Content-Type': 'application/json' };

let server: DevServer;
beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

describe('provisioning from the feature XML', () => {
  it('creates the lists of elements.xml with the fields, views and validation of their schema files', () => {
    const { lists, ignored } = provisionFromFeature();
    // Only the lookups' delete behaviour, which SharePoint does not apply from feature XML
    // (sp-dev-docs #10137): the installation check sets it over REST.
    expect(ignored).toEqual([
      expect.stringMatching(/^Lists\/Mal: <Field Name="Area" RelationshipDeleteBehavior="Restrict"> is not applied from XML/),
      expect.stringMatching(/^Lists\/Risker: <Field Name="Area" RelationshipDeleteBehavior="Restrict"> is not applied/),
      expect.stringMatching(/^Lists\/Handelser: <Field Name="Area" RelationshipDeleteBehavior="Restrict"> is not applied/),
      expect.stringMatching(/^Lists\/Handelser: <Field Name="Risk" RelationshipDeleteBehavior="Restrict"> is not applied/),
      expect.stringMatching(/^Lists\/Atgarder: <Field Name="Incident" RelationshipDeleteBehavior="Restrict"> is not applied/),
      expect.stringMatching(/^Lists\/Atgarder: <Field Name="Risk" RelationshipDeleteBehavior="Restrict"> is not applied/),
      expect.stringMatching(/^Lists\/Riskbedomningar: <Field Name="Risk" RelationshipDeleteBehavior="Restrict"> is not applied/)
    ]);
    expect(lists.flatMap((l) => l.fields).every((f) => f.relationshipDeleteBehavior === 'None')).toBe(true);
    expect(lists.map((l) => l.url)).toEqual(LISTS.map((l) => l.url));
    const handelser = lists.find((l) => l.url === INCIDENTS_LIST.url)!;
    expect(handelser.fields.map((f) => f.name)).toEqual(INCIDENTS_LIST.fields.map((f) => f.name));
    expect(handelser.views.map((v) => v.name)).toEqual(INCIDENTS_LIST.views.map((v) => v.name));
    expect(handelser.validation?.message).toBe(INCIDENTS_LIST.validation?.message);
    // SP.List.ReadSecurity/WriteSecurity default to 1 (all items): feature XML cannot set them.
    expect([handelser.readSecurity, handelser.writeSecurity]).toEqual(['all', 'all']);
    // wss.xsd ListDefinition: attachments are on unless DisableAttachments="TRUE".
    expect(lists.map((l) => l.enableAttachments)).toEqual(LISTS.map((l) => l.enableAttachments));
  });

  it('ignores and reports what is not in SharePoint\'s schema: ReadSecurity on <List> has no effect', () => {
    const { lists, ignored } = provisionFromFeature(undefined, (file) => {
      const xml = readFileSync(join(__dirname, '..', '..', 'sharepoint', 'assets', file), 'utf8');
      return file === 'Handelser.schema.xml' ? xml.replace('<List ', '<List ReadSecurity="2" WriteSecurity="2" ') : xml;
    });
    const schemaNotes = ignored.filter((line) => /CAML schema/.test(line));
    expect(schemaNotes).toHaveLength(2);
    expect(schemaNotes[0]).toMatch(/Lists\/Handelser: <List ReadSecurity="2"> is not in SharePoint's CAML schema/);
    expect(lists.find((l) => l.url === INCIDENTS_LIST.url)!.readSecurity).toBe('all');
  });

  it('indexes no column the XML does not index: Skapad av (Author) has no index until one is added', () => {
    const { lists } = provisionFromFeature();
    expectEvery(lists, (l) => l.indexedBuiltIns.size === 0);
  });
});

describe('item-level security is a list property set over REST', () => {
  it('is read as SP.List.ReadSecurity/WriteSecurity and changed with Manage Lists only', async () => {
    const read = await rest(server, 'anna', `${HANDELSER}?$select=ReadSecurity,WriteSecurity`);
    expect(read.json).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2 });
    const denied = await rest(server, 'anna', HANDELSER, { method: 'POST', digest: true, headers: { ...JSON_HEADERS, 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify({ ReadSecurity: 1 }) });
    // Changing list settings needs Manage Lists (user-permissions-and-permission-levels).
    expect(denied.status).toBe(403);
  });

  it('refuses unique values on a list with item-level security, and item-level security on a list with a unique column', async () => {
    // "When list item permissions is set to 'Read items that were created by the user', setting
    // unique values on a column is not possible and vice-versa" (formsandflows.nl, 2023).
    const unique = await rest(server, 'maria', `${HANDELSER}/fields/getByInternalNameOrTitle('ReportId')`, {
      method: 'POST',
      digest: true,
      headers: { ...JSON_HEADERS, 'X-HTTP-Method': 'MERGE' },
      body: JSON.stringify({ EnforceUniqueValues: true })
    });
    expect(unique.status).toBe(400);
    expect(unique.json['odata.error'].code).toBe('-2146232832, Microsoft.SharePoint.SPException');
    const own = await rest(server, 'maria', AREAS, { method: 'POST', digest: true, headers: { ...JSON_HEADERS, 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify({ ReadSecurity: 2 }) });
    expect(own.status).toBe(400);
  });

  it('lets two users store one ReportId: neither sees the other\'s, neither is blocked', async () => {
    const report = (title: string): string =>
      JSON.stringify({ Title: title, ReportId: 'dddddddd-0000-4000-8000-000000000001', AreaId: 11, EventType: 'Tillbud', OccurredAt: '2026-06-14T08:00:00Z', Location: 'Avd 1', Description: 'D', Severity: 'Låg' });
    const johans = await rest(server, 'johan', `${HANDELSER}/items`, { method: 'POST', digest: true, headers: JSON_HEADERS, body: report('Johans') });
    const annas = await rest(server, 'anna', `${HANDELSER}/items`, { method: 'POST', digest: true, headers: JSON_HEADERS, body: report('Annas') });
    expect([johans.status, annas.status]).toEqual([201, 201]);
    const seen = await rest(server, 'anna', `${HANDELSER}/items?$filter=ReportId eq 'dddddddd-0000-4000-8000-000000000001'&$select=Title`);
    expect(seen.json.value.map((i: { Title: string }) => i.Title)).toEqual(['Annas']);
  });
});

describe('indexes as provisioned or added', () => {
  it('answers a filter on Skapad av over 5,000 items only once the column is indexed', async () => {
    const local = await startEmulator({ now: NOW });
    try {
      const list = local.store.list('incidents').schema;
      list.indexedBuiltIns.clear();
      generateIncidents(local.store, { count: 6000, now: NOW, seed: 5 });
      const anna = [...local.store.users.values()].find((u) => u.key === 'anna')!;
      const query = `${HANDELSER}/items?$filter=AuthorId eq ${anna.id}&$select=Id&$top=10`;
      // A filter on a column without an index scans the whole list: over the threshold, refused
      // (SPQueryThrottledException; "Living large with large lists", Microsoft 365 community docs).
      const before = await rest(local, 'maria', query);
      expect(before.status).toBe(500);
      expect(before.json['odata.error'].code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
      const index = await rest(local, 'maria', `${HANDELSER}/fields/getByInternalNameOrTitle('Author')`, {
        method: 'POST',
        digest: true,
        headers: { ...JSON_HEADERS, 'X-HTTP-Method': 'MERGE' },
        body: JSON.stringify({ Indexed: true })
      });
      expect(index.status).toBe(204);
      const field = await rest(local, 'maria', `${HANDELSER}/fields/getByInternalNameOrTitle('Author')`);
      expect(field.json.Indexed).toBe(true);
      const after = await rest(local, 'maria', query);
      expect(after.status).toBe(200);
    } finally {
      await local.close();
    }
  }, 30000);

  it('indexes what Indexed="TRUE" provisioned: ReportId answers over 5,000 items', async () => {
    const fields = await rest(server, 'anna', `${HANDELSER}/fields?$select=InternalName,Indexed`);
    const indexed = fields.json.value.filter((f: { Indexed: boolean }) => f.Indexed).map((f: { InternalName: string }) => f.InternalName);
    expect(indexed).toEqual(expect.arrayContaining(['ID', 'ReportId', 'Area', 'EventType', 'OccurredAt', 'Severity', 'Status']));
    expect(indexed).not.toContain('Location');
  });
});
