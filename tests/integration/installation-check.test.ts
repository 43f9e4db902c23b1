/**
 * The installation check (issue 9 point 7) against the emulator: the REST endpoints it uses, with
 * SharePoint's rules and refusals, and the product's check and repair on a site as the package
 * creates it, on a site a later version finds, and on a site whose permissions were changed.
 *
 * Sources of the rules (also in dev/emulator/roles.ts and lists.ts): sp-dev-docs "Set custom
 * permissions on a list by using the REST interface"; the users, groups and roles REST reference
 * (SP.RoleDefinitionCollection.add, SP.Web.associated*Group, SP.User.groups); SP.FieldCollection.
 * createFieldAsXml; OfficeDocs-SharePoint "User permissions and permission levels" (Manage
 * Permissions, Enumerate Permissions, Create Groups, Manage Lists); sp-dev-docs issue #10137
 * (RelationshipDeleteBehavior from feature XML is not applied).
 */
import type { DevServer } from '../../dev/server';
import { fromBasePermissions, has } from '../../dev/emulator/security';
import { AREA_OWNER_LEVEL, AREA_OWNERS_GROUP, AREAS_LIST } from '../../src/model/schema';
import type { INewIncident } from '../../src/model/types';
import type { ISetupIssue } from '../../src/services/interfaces';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const HANDELSER = "web/getList('/sites/sakerhet/Lists/Handelser')";
const MAL = "web/getList('/sites/sakerhet/Lists/Mal')";
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const MERGE = { ...JSON_HEADERS, 'X-HTTP-Method': 'MERGE' };
const NOW = new Date('2026-06-15T10:00:00Z');

const kinds = (issues: ISetupIssue[]): string[] => issues.map((i) => `${i.kind}${i.list ? `:${i.list}` : ''}`);

function report(overrides: Partial<INewIncident> = {}): INewIncident {
  return {
    reportId: `${Math.random().toString(16).slice(2, 10)}-2222-4222-8222-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
    areaId: 11,
    title: 'Trasig dörrstängare',
    eventType: 'deficiency',
    category: '',
    occurredAt: new Date('2026-06-14T08:30:00Z'),
    location: 'Entré B',
    description: 'Dörren till medicinförrådet går inte igen.',
    immediateAction: '',
    severity: 'low',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    ...overrides
  };
}

describe('the endpoints the check uses, as SharePoint serves them', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startEmulator({ now: NOW });
  });
  afterAll(() => server.close());

  it('answers the web\'s EffectiveBasePermissions to everyone for themselves: Manage Permissions for the owner only', async () => {
    const maria = await rest(server, 'maria', 'web?$select=EffectiveBasePermissions');
    const anna = await rest(server, 'anna', 'web/EffectiveBasePermissions');
    expect(has(fromBasePermissions(maria.json.EffectiveBasePermissions), 'ManagePermissions')).toBe(true);
    expect(has(fromBasePermissions(anna.json), 'ManagePermissions')).toBe(false);
    // Without $select the web has no EffectiveBasePermissions (SharePoint returns it when asked).
    expect((await rest(server, 'anna', 'web')).json.EffectiveBasePermissions).toBeUndefined();
  });

  it('lists permission levels to those who may enumerate permissions, and creates one only with Manage Permissions', async () => {
    expect((await rest(server, 'anna', 'web/roledefinitions')).status).toBe(403);
    const levels = await rest(server, 'maria', 'web/roledefinitions?$select=Id,Name,RoleTypeKind');
    // SharePoint Online's default levels by SP.RoleType (Reader 2, Contributor 3, WebDesigner 4, Administrator 5, Editor 6).
    expect(levels.json.value.map((l: { RoleTypeKind: number }) => l.RoleTypeKind)).toEqual(expect.arrayContaining([2, 3, 4, 5, 6]));
    const level = JSON.stringify({ Name: 'Testnivå', Description: 'x', Order: 300, BasePermissions: { High: '0', Low: '1' } });
    const erik = await rest(server, 'erik', 'web/roledefinitions', { method: 'POST', digest: true, headers: JSON_HEADERS, body: level });
    expect(erik.status).toBe(403);
    expect(erik.json['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
    const created = await rest(server, 'maria', 'web/roledefinitions', { method: 'POST', digest: true, headers: JSON_HEADERS, body: level });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ Name: 'Testnivå', RoleTypeKind: 0, BasePermissions: { High: '0', Low: '1' } });
    const again = await rest(server, 'maria', 'web/roledefinitions', { method: 'POST', digest: true, headers: JSON_HEADERS, body: level });
    expect(again.status).toBe(400);
  });

  it('creates a SharePoint group only with Create Groups, and tells the user her own groups', async () => {
    const group = JSON.stringify({ Title: 'Testgrupp', Description: 'x' });
    expect((await rest(server, 'erik', 'web/sitegroups', { method: 'POST', digest: true, headers: JSON_HEADERS, body: group })).status).toBe(403);
    const created = await rest(server, 'maria', 'web/sitegroups', { method: 'POST', digest: true, headers: JSON_HEADERS, body: group });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ Title: 'Testgrupp', PrincipalType: 8 });
    const mine = await rest(server, 'erik', 'web/currentuser/groups?$select=Id,Title');
    expect(mine.json.value.map((g: { Title: string }) => g.Title)).toEqual([AREA_OWNERS_GROUP.name]);
    const owners = await rest(server, 'anna', 'web/associatedownergroup?$select=Id,Title');
    expect(owners.json.Title).toBe('Säkerhet – ägare');
  });

  it('lets only Enumerate Permissions read a list\'s role assignments, and only Manage Permissions change them', async () => {
    expect((await rest(server, 'erik', `${HANDELSER}/roleassignments`)).status).toBe(403);
    const read = await rest(server, 'maria', `${HANDELSER}/roleassignments?$expand=Member,RoleDefinitionBindings`);
    expect(read.status).toBe(200);
    const areaOwners = read.json.value.find((a: { Member: { Title: string } }) => a.Member.Title === AREA_OWNERS_GROUP.name);
    expect(areaOwners.RoleDefinitionBindings.map((r: { Name: string }) => r.Name)).toEqual([AREA_OWNER_LEVEL.name]);
    const nilsId = [...server.store.users.values()].find((u) => u.key === 'nils')!.id;
    const readLevel = server.store.security.roleDefinitions.find((r) => r.roleTypeKind === 2)!.id;
    const add = `${HANDELSER}/roleassignments/addroleassignment(principalid=${nilsId}, roledefid=${readLevel})`;
    expect((await rest(server, 'erik', add, { method: 'POST', digest: true })).status).toBe(403);
    expect((await rest(server, 'maria', add, { method: 'POST', digest: true })).status).toBe(200);
    expect((await rest(server, 'nils', `${HANDELSER}/items?$top=1`)).status).toBe(200);
    const remove = add.replace('addroleassignment', 'removeroleassignment');
    expect((await rest(server, 'maria', remove, { method: 'POST', digest: true })).status).toBe(200);
    expect((await rest(server, 'nils', `${HANDELSER}/items?$top=1`)).status).toBe(403);
  });

  it('refuses assignments on a list that inherits, and breaks inheritance by copying the web\'s', async () => {
    const list = server.store.list('goals');
    const saved = list.roleAssignments;
    list.roleAssignments = undefined;
    try {
      const readLevel = server.store.security.roleDefinitions.find((r) => r.roleTypeKind === 2)!.id;
      const refused = await rest(server, 'maria', `${MAL}/roleassignments/addroleassignment(principalid=4, roledefid=${readLevel})`, { method: 'POST', digest: true });
      expect(refused.status).toBe(400);
      expect((await rest(server, 'maria', `${MAL}?$select=HasUniqueRoleAssignments`)).json.HasUniqueRoleAssignments).toBe(false);
      expect((await rest(server, 'erik', `${MAL}/breakroleinheritance(copyroleassignments=true, clearsubscopes=false)`, { method: 'POST', digest: true })).status).toBe(403);
      expect((await rest(server, 'maria', `${MAL}/breakroleinheritance(copyroleassignments=true, clearsubscopes=false)`, { method: 'POST', digest: true })).status).toBe(200);
      expect(list.roleAssignments).toEqual(server.store.security.webAssignments);
      expect((await rest(server, 'maria', `${MAL}?$select=HasUniqueRoleAssignments`)).json.HasUniqueRoleAssignments).toBe(true);
    } finally {
      list.roleAssignments = saved;
    }
  });

  it('adds a column with createFieldAsXml only with Manage Lists; a lookup names its list by GUID', async () => {
    const xml = '<Field Type="Text" Name="Extra" DisplayName="Extra" MaxLength="40" />';
    const body = JSON.stringify({ parameters: { SchemaXml: xml } });
    expect((await rest(server, 'erik', `${MAL}/fields/createfieldasxml`, { method: 'POST', digest: true, headers: JSON_HEADERS, body })).status).toBe(403);
    const created = await rest(server, 'maria', `${MAL}/fields/createfieldasxml`, { method: 'POST', digest: true, headers: JSON_HEADERS, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ InternalName: 'Extra', TypeAsString: 'Text', MaxLength: 40 });
    expect((await rest(server, 'maria', `${MAL}/fields/createfieldasxml`, { method: 'POST', digest: true, headers: JSON_HEADERS, body })).status).toBe(400);
    const byUrl = JSON.stringify({ parameters: { SchemaXml: '<Field Type="Lookup" Name="Extra2" DisplayName="Extra2" List="Lists/Sakerhetsomraden" ShowField="Title" />' } });
    expect((await rest(server, 'maria', `${MAL}/fields/createfieldasxml`, { method: 'POST', digest: true, headers: JSON_HEADERS, body: byUrl })).status).toBe(400);
    const areasId = server.store.list('areas').id;
    const byGuid = JSON.stringify({ parameters: { SchemaXml: `<Field Type="Lookup" Name="Extra2" DisplayName="Extra2" List="{${areasId}}" ShowField="Title" />` } });
    expect((await rest(server, 'maria', `${MAL}/fields/createfieldasxml`, { method: 'POST', digest: true, headers: JSON_HEADERS, body: byGuid })).status).toBe(201);
    // Remove what this test added: the other tests compare the lists with the schema.
    const goals = server.store.list('goals').schema;
    goals.fields = goals.fields.filter((f) => !f.addedOverRest);
  });

  it('enforces a lookup\'s delete behaviour only on an indexed lookup (SPFieldLookup.RelationshipDeleteBehavior)', async () => {
    const field = server.store.list('goals').schema.fields.find((f) => f.name === 'Area')!;
    const saved = { indexed: field.indexed, behavior: field.relationshipDeleteBehavior };
    field.indexed = false;
    try {
      const url = `${MAL}/fields/getByInternalNameOrTitle('Area')`;
      expect((await rest(server, 'maria', url, { method: 'POST', digest: true, headers: MERGE, body: JSON.stringify({ RelationshipDeleteBehavior: 2 }) })).status).toBe(400);
      expect((await rest(server, 'maria', url, { method: 'POST', digest: true, headers: MERGE, body: JSON.stringify({ Indexed: true }) })).status).toBe(204);
      expect((await rest(server, 'maria', url, { method: 'POST', digest: true, headers: MERGE, body: JSON.stringify({ RelationshipDeleteBehavior: 2 }) })).status).toBe(204);
      expect((await rest(server, 'maria', url)).json.RelationshipDeleteBehavior).toBe(2);
    } finally {
      field.indexed = saved.indexed;
      field.relationshipDeleteBehavior = saved.behavior;
    }
  });
});

describe('the check and its repair, as the product runs them', () => {
  it('on the site the package creates: finds what the feature cannot do, repairs it as the site owner, and leaves only what is done by hand', async () => {
    const server = await startEmulator({ now: NOW, site: 'new' });
    try {
      const { services } = sessionFor(server, 'maria');
      const setup = await services.setup();
      const before = await setup.check();
      expect(before.canRepair).toBe(true);
      const found = kinds(before.issues);
      // What feature XML cannot declare or SharePoint does not apply from it.
      expect(found).toEqual(
        expect.arrayContaining([
          'levelMissing',
          'groupMissing',
          'itemLevelSecurity:incidents',
          'fieldIndexed:incidents',
          'deleteBehavior:goals',
          'deleteBehavior:incidents',
          'deleteBehavior:actions',
          'inheritsPermissions:areas',
          'inheritsPermissions:goals',
          'inheritsPermissions:incidents',
          'inheritsPermissions:actions',
          'inheritsPermissions:documents',
          'areasMissing:areas'
        ])
      );
      // No list or column is missing: the feature created them.
      expect(found.filter((k) => /^(listMissing|fieldMissing|fieldType)/.test(k))).toEqual([]);
      expect(before.issues.find((i) => i.kind === 'areasMissing')!.expected).toBe('14');

      const result = await setup.repair();
      expect(result.failed).toEqual([]);
      expect(result.repaired).toHaveLength(before.issues.filter((i) => i.repair === 'auto').length);
      // What only the site owner can do: put the area owners in their new group.
      expect(kinds(result.report.issues)).toEqual(['groupEmpty']);
      expect(result.report.issues[0].repair).toBe('manual');

      const incidents = server.store.list('incidents');
      expect([incidents.schema.readSecurity, incidents.schema.writeSecurity]).toEqual(['own', 'own']);
      expect(incidents.schema.indexedBuiltIns.has('AuthorId')).toBe(true);
      expect(server.store.list('actions').schema.fields.find((f) => f.name === 'Incident')!.relationshipDeleteBehavior).toBe('Restrict');
      expect(server.store.list('areas').items.size).toBe(14);
      // Händelser: Owners Full Control, Members Contribute, area owners their level, and nobody else (visitors none).
      const levelName = (id: number): string => server.store.security.roleDefinitions.find((r) => r.id === id)!.name;
      const groupName = (id: number): string => server.store.security.groups.find((g) => g.id === id)!.title;
      expect(incidents.roleAssignments!.map((a) => `${groupName(a.principalId)}: ${a.roleDefinitionIds.map(levelName).join()}`).sort()).toEqual([
        'Säkerhet – medlemmar: Contribute',
        'Säkerhet – ägare: Full Control',
        `${AREA_OWNERS_GROUP.name}: ${AREA_OWNER_LEVEL.name}`
      ].sort());

      // A second run has nothing to repair and changes nothing.
      const seq = server.requests[server.requests.length - 1].seq;
      const again = await setup.repair();
      expect(again.repaired).toEqual([]);
      const sent = server.requests.filter((r) => r.seq > seq).flatMap((r) => r.parts ?? [`${r.method} ${r.path}`]);
      expect(sent.filter((p) => !p.startsWith('GET ') && !p.endsWith('/contextinfo'))).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60000);

  it('is for site owners: staff, area owners and visitors may not read the site\'s permissions', async () => {
    const server = await startEmulator({ now: NOW });
    try {
      for (const user of ['anna', 'erik', 'nils'] as const) {
        const { services } = sessionFor(server, user);
        expect((await services.users.getCurrentUser()).canCheckInstallation).toBe(false);
        await expect((await services.setup()).check()).rejects.toMatchObject({ kind: 'forbidden' });
      }
      expect((await sessionFor(server, 'maria').services.users.getCurrentUser()).canCheckInstallation).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('brings a later version\'s columns and choices to lists that already exist, and the data stays', async () => {
    const server = await startEmulator({ now: NOW });
    try {
      // The site as an earlier version left it: Händelser without PoliceReport, EventType without "Risk".
      const incidents = server.store.list('incidents');
      incidents.schema.fields = incidents.schema.fields.filter((f) => f.name !== 'PoliceReport');
      const eventType = incidents.schema.fields.find((f) => f.name === 'EventType')!;
      eventType.choices = eventType.choices!.filter((c) => c.value !== 'Risk');
      const itemsBefore = incidents.items.size;
      const { services } = sessionFor(server, 'maria');
      const setup = await services.setup();
      const found = (await setup.check()).issues;
      expect(found.map((i) => `${i.kind} ${i.subject}`)).toEqual(expect.arrayContaining(['fieldMissing Polisanmälan', `fieldChoices ${eventType.displayName}`]));
      expect(found.find((i) => i.kind === 'fieldChoices')!.expected).toBe('Risk');
      const result = await setup.repair();
      expect(result.failed).toEqual([]);
      expect(kinds(result.report.issues)).toEqual([]);
      expect(incidents.schema.fields.find((f) => f.name === 'PoliceReport')).toMatchObject({ type: 'Boolean', addedOverRest: true });
      expect(incidents.items.size).toBe(itemsBefore);
      // Staff can file a report that uses both.
      const filed = await sessionFor(server, 'anna').services.incidents.submit(report({ eventType: 'risk', policeReport: true }));
      expect(filed).toMatchObject({ eventType: 'risk', policeReport: true });
    } finally {
      await server.close();
    }
  }, 60000);

  it("adds Mål's columns for fresh computed outcomes to a site from before them, after which an owner's write stores them", async () => {
    const server = await startEmulator({ now: NOW });
    try {
      const goals = server.store.list('goals');
      goals.schema.fields = goals.schema.fields.filter((f) => f.name !== 'OutcomeBasis' && f.name !== 'OutcomeValidUntil');
      const setup = await sessionFor(server, 'maria').services.setup();
      expect((await setup.check()).issues.map((i) => `${i.kind} ${i.subject}`)).toEqual(expect.arrayContaining(['fieldMissing Utfall beräknat av', 'fieldMissing Utfall gäller till']));
      const result = await setup.repair();
      expect(result.failed).toEqual([]);
      expect(kinds(result.report.issues)).toEqual([]);
      expect(goals.schema.fields.find((f) => f.name === 'OutcomeBasis')).toMatchObject({ type: 'Number', addedOverRest: true });
      const erik = sessionFor(server, 'erik').services;
      const patientsakerhet = (await erik.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!;
      expect((await erik.outcomes.reportChanged({ areaId: patientsakerhet.id, occurredAt: NOW })).outcome).toBe('stored');
      const [computed] = (await erik.goals.getGoals(patientsakerhet.id, NOW.getFullYear())).filter((g) => g.indicatorSource === 'computed');
      expect(computed.outcomeBasis).toEqual(expect.any(Number));
    } finally {
      await server.close();
    }
  }, 60000);
});

describe('the report form fails closed when Händelser lets members read other people\'s reports', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startEmulator({ now: NOW });
  });
  afterAll(() => server.close());

  it('with item-level security off (ReadSecurity 1), nobody\'s report is stored, and the check repairs it', async () => {
    const incidents = server.store.list('incidents');
    incidents.schema.readSecurity = 'all';
    const before = incidents.items.size;
    for (const user of ['anna', 'erik', 'maria'] as const) {
      await expect(sessionFor(server, user).services.incidents.submit(report())).rejects.toMatchObject({ kind: 'rule', code: 'listNotPrivate' });
    }
    expect(incidents.items.size).toBe(before);
    const setup = await sessionFor(server, 'maria').services.setup();
    expect(kinds((await setup.check()).issues)).toEqual(['itemLevelSecurity:incidents']);
    expect((await setup.repair()).report.issues).toEqual([]);
    expect((await sessionFor(server, 'anna').services.incidents.submit(report())).title).toBe('Trasig dörrstängare');
  });

  it('with Members given Override List Behaviors (Design on Händelser), a member\'s report is refused; area owners and the security chief still report; the check removes it', async () => {
    const incidents = server.store.list('incidents');
    const design = server.store.security.roleDefinitions.find((r) => r.roleTypeKind === 4)!.id;
    const members = incidents.roleAssignments!.find((a) => a.principalId === server.store.security.associated.members)!;
    members.roleDefinitionIds.push(design);
    // Anna now reads everyone's reports, which is exactly the leak.
    expect((await sessionFor(server, 'anna').services.users.getCurrentUser()).canManageReports).toBe(true);
    await expect(sessionFor(server, 'anna').services.incidents.submit(report())).rejects.toMatchObject({ code: 'listNotPrivate' });
    expect((await sessionFor(server, 'erik').services.incidents.submit(report({ title: 'Eriks egen' }))).title).toBe('Eriks egen');
    expect((await sessionFor(server, 'maria').services.incidents.submit(report({ title: 'Marias egen' }))).title).toBe('Marias egen');
    const setup = await sessionFor(server, 'maria').services.setup();
    const found = (await setup.check()).issues;
    expect(found.map((i) => `${i.kind}:${i.list} ${i.subject} ${i.actual}`)).toEqual(['assignmentExtra:incidents Säkerhet – medlemmar Design']);
    await setup.repair();
    expect(members.roleDefinitionIds).toHaveLength(1);
    expect((await sessionFor(server, 'anna').services.incidents.submit(report({ title: 'Annas efter rättningen' }))).title).toBe('Annas efter rättningen');
  });

  it('keeps the areas the site already has and adds only the missing ones', async () => {
    const areas = server.store.list('areas');
    const first = [...areas.items.values()][0];
    await server.store.deleteItem('areas', first.id);
    const setup = await sessionFor(server, 'maria').services.setup();
    const found = (await setup.check()).issues;
    expect(found.map((i) => `${i.kind} ${i.expected} ${i.subject}`)).toEqual([`areasMissing 1 ${first.fields.Title}`]);
    await setup.repair();
    expect(areas.items.size).toBe(14);
    expect([...areas.items.values()].filter((i) => i.fields.AreaKey === first.fields.AreaKey)).toHaveLength(1);
    expect(AREAS_LIST.key).toBe('areas');
  });
});
