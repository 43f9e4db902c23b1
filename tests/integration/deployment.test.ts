/**
 * Deployment as documented, run as a test (issue 9 point 11): the README's steps, in its order, on
 * the emulator – the site exactly as the package creates it, people in the site's groups, the
 * installation check as the site owner, the area owners' group – and then the journeys that prove
 * the site works: a staff report, its handling by an area owner with the Säkerhetsområdesansvarig
 * level, and a visitor browsing. The test reads the steps from the README and fails when the README
 * and this walk part ways, or when the README and the package contradict each other.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { DevServer } from '../../dev/server';
import { SITE_CREATOR, addAreaOwnersToGroup } from '../../dev/emulator/seed';
import { routePath } from '../../src/app/routes';
import { AREA_OWNER_LEVEL, AREA_OWNERS_GROUP, LISTS } from '../../src/model/schema';
import { SAMPLE_PEOPLE } from '../../src/model/sample/people';
import type { ISetupReport } from '../../src/services/interfaces';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const deployment = readme.slice(readme.indexOf('## Deploying to a tenant'), readme.indexOf('## The lists'));
const packageSolution = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8'));

/** The README's numbered steps: "N. **Title.** text…" up to the next step. */
function steps(): { n: number; title: string; text: string }[] {
  const found: { n: number; title: string; text: string }[] = [];
  const re = /^(\d+)\. \*\*([^*]+?)\.\*\*([\s\S]*?)(?=^\d+\. \*\*|(?![\s\S]))/gm;
  for (let m = re.exec(deployment); m; m = re.exec(deployment)) {
    found.push({ n: Number(m[1]), title: m[2], text: m[3] });
  }
  return found;
}

const WALK = ['Build', 'Upload the app', 'Add the app to the site', 'People', "The section's page", 'Installation check', 'Area owners', 'More web parts', 'Teams', 'E-mail notifications'];

describe('the README and the package agree', () => {
  it('has the steps this test walks, in this order', () => {
    expect(steps().map((s) => `${s.n}. ${s.title}`)).toEqual(WALK.map((t, i) => `${i + 1}. ${t}`));
  });

  it('installs per site, as the package is built: the feature that creates the lists runs only for a site-scoped package', () => {
    const upload = steps()[1].text;
    // sp-dev-docs, tenant-scoped-deployment.md: with skipFeatureDeployment true "any feature framework
    // definitions in the SharePoint Framework solution are ignored".
    expect(packageSolution.solution.skipFeatureDeployment).toBe(false);
    expect(upload).toContain('`skipFeatureDeployment: false`');
    expect(upload).toMatch(/leaving\s+\*Make this solution available to all sites in the organization\* unticked/);
    expect(packageSolution.solution.features[0].assets.elementManifests).toEqual(['elements.xml']);
  });

  it('adds the Teams app by uploading its own package, never by "Sync to Teams" (which needs a tenant-wide package)', () => {
    const teams = steps()[8].text;
    expect(teams).toContain('Upload `sharepoint/solution/sakerhet-teams.zip` in the Teams admin center');
    // Every mention of Sync to Teams, anywhere in the README, says why it is not used.
    const mentions = readme.split(/\n\s*\n/).filter((p) => /Sync to Teams/.test(p));
    expect(mentions.length).toBeGreaterThan(0);
    for (const paragraph of mentions) {
      expect(paragraph).toMatch(/not the way|tenant-wide/);
    }
  });

  it('asks the admin to approve exactly the Graph permission the package requests, where SharePoint shows it', () => {
    const mail = steps()[9].text;
    // webApiPermissionRequests are approved on the SharePoint admin center's API access page; for
    // Microsoft Graph that takes a Global Administrator (learn.microsoft.com/sharepoint/api-access).
    expect(packageSolution.solution.webApiPermissionRequests).toEqual([{ resource: 'Microsoft Graph', scope: 'Mail.Send' }]);
    expect(mail).toContain('**Microsoft Graph – Mail.Send**');
    expect(mail).toContain('**Advanced → API access**');
    expect(mail).toContain('**Global Administrator**');
    expect(mail).toContain('`Approve-SPOTenantServicePrincipalPermissionRequest');
  });

  it('names the installation check where the app has it, and the group and level the check creates', () => {
    const check = steps()[5].text;
    expect(check).toContain(`\`#/${routePath({ name: 'installationCheck' })}\``);
    expect(check).toContain(`**${AREA_OWNER_LEVEL.name}**`);
    expect(check).toContain(`**${AREA_OWNERS_GROUP.name}**`);
    expect(steps()[6].text).toContain(`**${AREA_OWNERS_GROUP.name}**`);
  });

  it('shows the rights the check gives, list by list, as the schema has them', () => {
    const groupRow: Record<string, string> = { visitors: 'Visitors', staff: 'Members', areaOwners: 'Säkerhetsområdesansvariga', owners: 'Owners' };
    const word: Record<string, (cell: string) => boolean> = {
      none: (c) => c === '–',
      read: (c) => c === 'Read',
      contribute: (c) => /^Contribute\b/.test(c),
      areaOwner: (c) => c === AREA_OWNER_LEVEL.name,
      fullControl: (c) => c === 'Full Control'
    };
    const header = deployment.split('\n').find((l) => l.trim().startsWith('| group |'))!;
    const columns = header.split('|').slice(2, -1).map((c) => c.trim());
    expect(columns).toEqual(LISTS.map((l) => l.title));
    for (const [group, label] of Object.entries(groupRow)) {
      const row = deployment.split('\n').find((l) => l.trim().startsWith(`| ${label}`))!;
      const cells = row.split('|').slice(2, -1).map((c) => c.trim());
      LISTS.forEach((list, i) => expect([list.title, group, cells[i], word[list.rights[group as keyof typeof list.rights]](cells[i])]).toEqual([list.title, group, cells[i], true]));
    }
  });
});

describe('the README\'s steps on the emulator', () => {
  let server: DevServer;
  beforeAll(async () => {
    // Steps 1–3: the package's feature, read as SharePoint reads it, creates the lists of a new site.
    // A new tenant: the package's Graph permission not yet approved (step 10).
    server = await startEmulator({ now: new Date('2026-06-15T10:00:00Z'), site: 'new', mailSendApproved: false });
  });
  afterAll(() => server.close());
  let afterCheck: ISetupReport;

  it('3. the app has created the lists, and nothing the feature cannot do', () => {
    expect([...server.store.lists.values()].map((l) => l.schema.url)).toEqual(LISTS.map((l) => l.url));
    expect(server.store.list('incidents').schema.readSecurity).toBe('all');
    expect(server.store.list('areas').items.size).toBe(0);
    expect([...server.store.lists.values()].every((l) => l.roleAssignments === undefined)).toBe(true);
  });

  it('4. people in the site\'s groups; 5. the page: the owner is offered the check, staff see a section without areas', async () => {
    const security = server.store.security;
    const ids = (group: string): number[] => SAMPLE_PEOPLE.filter((p) => p.group === group).map((p) => [...server.store.users.values()].find((u) => u.key === p.key)!.id);
    security.groups.find((g) => g.id === security.associated.owners)!.members = ids('owners');
    security.groups.find((g) => g.id === security.associated.members)!.members = ids('staff');
    security.groups.find((g) => g.id === security.associated.visitors)!.members = ids('visitors');
    const owner = await sessionFor(server, SITE_CREATOR).services.views.loadStart();
    expect(owner.user.canCheckInstallation).toBe(true);
    expect(owner.areas).toEqual([]);
    const staff = await sessionFor(server, 'anna').services.views.loadStart();
    expect(staff.user.canCheckInstallation).toBe(false);
  });

  it('before the check, Händelser is not private: a staff report is refused, not stored where every member could read it', async () => {
    await expect(sessionFor(server, 'anna').services.incidents.submit(newReport('Före kontrollen', 1))).rejects.toMatchObject({ code: 'listNotPrivate' });
    expect(server.store.list('incidents').items.size).toBe(0);
  });

  it('6. the installation check as the site owner repairs everything but what the owner does by hand', async () => {
    const setup = await sessionFor(server, SITE_CREATOR).services.setup();
    const result = await setup.repair();
    expect(result.failed).toEqual([]);
    afterCheck = result.report;
    expect(afterCheck.issues.map((i) => `${i.kind} ${i.subject}`)).toEqual([`groupEmpty ${AREA_OWNERS_GROUP.name}`]);
    expect(server.store.list('areas').items.size).toBe(14);
  });

  it('7. the area owners in their group, an area\'s owner chosen: the check finds nothing more', async () => {
    addAreaOwnersToGroup(server.store);
    const erik = [...server.store.users.values()].find((u) => u.key === 'erik')!;
    const area = [...server.store.list('areas').items.values()].find((i) => i.fields.AreaKey === 'patientsakerhet')!;
    await server.store.putItem('areas', { ...area, version: area.version + 1, fields: { ...area.fields, OwnerId: erik.id } });
    expect((await (await sessionFor(server, SITE_CREATOR).services.setup()).check()).issues).toEqual([]);
  });

  let reportId: number;
  it('a staff report: Anna files one and follows it; nobody else on staff sees it', async () => {
    const anna = sessionFor(server, 'anna').services;
    const areaId = [...server.store.list('areas').items.values()].find((i) => i.fields.AreaKey === 'patientsakerhet')!.id;
    const filed = await anna.incidents.submit(newReport('Fallolycka vid sängen', areaId));
    reportId = filed.id;
    expect((await anna.views.loadMyReports()).reports.map((r) => r.title)).toEqual(['Fallolycka vid sängen']);
    expect((await sessionFor(server, 'johan').services.views.loadMyReports()).reports).toEqual([]);
    await expect(sessionFor(server, 'johan').services.incidents.getReport(reportId)).rejects.toMatchObject({ kind: 'notFound' });
  });

  it('handling by the area owner with the Säkerhetsområdesansvarig level: Erik reads and handles it, and may not delete it or change the list', async () => {
    const erik = sessionFor(server, 'erik').services;
    const me = await erik.users.getCurrentUser();
    expect(me).toMatchObject({ canManageReports: true, canCheckInstallation: false });
    const area = await erik.views.loadArea('patientsakerhet');
    const report = area.reports.find((r) => r.id === reportId)!;
    expect(report.title).toBe('Fallolycka vid sängen');
    const handled = await erik.incidents.updateCase(report, { status: 'investigating', investigatorId: me.id, analysis: 'Sängen stod i högsta läge.' });
    expect(handled).toMatchObject({ status: 'investigating', analysis: 'Sängen stod i högsta läge.' });
    await expect((await erik.setup()).check()).rejects.toMatchObject({ kind: 'forbidden' });
    // The level has no Delete Items and no Manage Lists (OfficeDocs-SharePoint, user-permissions-and-permission-levels).
    const item = `web/getList('/sites/sakerhet/Lists/Handelser')/items(${reportId})`;
    expect((await rest(server, 'erik', item, { method: 'POST', digest: true, headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' } })).status).toBe(403);
    expect((await rest(server, 'erik', `${item}/recycle()`, { method: 'POST', digest: true })).status).toBe(403);
    const list = "web/getList('/sites/sakerhet/Lists/Handelser')";
    expect((await rest(server, 'erik', list, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify({ ReadSecurity: 1 }) })).status).toBe(403);
    // Anna sees where her report is.
    expect((await sessionFor(server, 'anna').services.views.loadMyReports()).reports[0].status).toBe('investigating');
  });

  it('10. e-mail: before the admin approves Mail.Send a report is stored and nothing is sent; after, the area owner is mailed', async () => {
    const { graph } = server;
    const anna = sessionFor(server, 'anna').services;
    const areaId = [...server.store.list('areas').items.values()].find((i) => i.fields.AreaKey === 'patientsakerhet')!.id;
    const before = await anna.incidents.submit(newReport('Före godkännandet', areaId));
    expect((await anna.notifications.reportStored(before)).outcome).toBe('notApproved');
    expect((await anna.views.loadMyReports()).reports.map((r) => r.title)).toContain('Före godkännandet');
    graph.mailSendApproved = true;
    const after = await sessionFor(server, 'anna').services.incidents.submit(newReport('Efter godkännandet', areaId));
    expect(await sessionFor(server, 'anna').services.notifications.reportStored(after)).toEqual({ outcome: 'sent', recipients: 1 });
    expect(graph.outbox.map((m) => m.to.map((t) => t.address))).toEqual([['erik.holm@region.example']]);
  });

  it('a visitor browsing: Nils reads the start page, an area and the documents, and nothing of Händelser', async () => {
    const nils = sessionFor(server, 'nils').services;
    const start = await nils.views.loadStart();
    expect(start.areas).toHaveLength(14);
    expect(start.user).toMatchObject({ canReport: false, canManageReports: false, canCheckInstallation: false });
    expect([...start.openCounts.values()]).toEqual([]);
    const area = await nils.views.loadArea('patientsakerhet');
    expect(area.area.title).toBe('Patientsäkerhet');
    expect(area.reports).toEqual([]);
    await nils.views.loadDocuments();
    await expect(nils.incidents.getReport(reportId)).rejects.toMatchObject({ kind: expect.stringMatching(/forbidden|notFound/) });
  });
});

function newReport(title: string, areaId: number): Parameters<ReturnType<typeof sessionFor>['services']['incidents']['submit']>[0] {
  return {
    reportId: `${Math.random().toString(16).slice(2, 10)}-3333-4333-8333-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
    areaId,
    title,
    eventType: 'accident',
    category: '',
    occurredAt: new Date('2026-06-14T08:30:00Z'),
    location: 'Avdelning 4',
    description: 'Patienten föll ur sängen.',
    immediateAction: 'Läkare tillkallad.',
    severity: 'moderate',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false
  };
}
