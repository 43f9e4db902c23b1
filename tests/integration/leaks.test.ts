/**
 * No leak: a staff member cannot reach another staff member's report by any route the REST API
 * offers (as SharePoint's item-level security behaves), nor through the product's own services;
 * anonymous reports stay anonymous in what the app gives area owners, including the
 * säkerhetsberättelse.
 */
import type { DevServer } from '../../dev/server';
import { buildAnnualReport } from '../../src/analytics/annualReport';
import { SAMPLE_PEOPLE } from '../../src/model/sample/people';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-06-15T10:00:00Z');
// The product's clock (this file's Date) and the sample content start at the same moment.
pinClock(NOW);
const HANDELSER = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FHandelser')";
const BY_TITLE = "web/lists/getByTitle('H%C3%A4ndelser')";
let server: DevServer;
let annasReport: number;
let annaId: number;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  const { services } = sessionFor(server, 'anna');
  annaId = (await services.users.getCurrentUser()).id;
  const report = await services.incidents.submit({
    reportId: '5ec2e7a1-0000-4000-8000-000000000001',
    areaId: (await services.areas.getAreas()).find((a) => a.key === 'kriminalitet')!.id,
    title: 'Hot från besökare i entrén',
    eventType: 'incident',
    category: '',
    occurredAt: new Date('2026-06-14T20:00:00Z'),
    location: 'Huvudentrén',
    description: 'En besökare hotade personalen.',
    immediateAction: 'Väktare tillkallades.',
    severity: 'serious',
    anonymous: true,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: true
  });
  annasReport = report.id;
  const file = new File([Buffer.from('89504e47', 'hex')], 'bild.png', { type: 'image/png' });
  expect((await services.incidents.addAttachment(annasReport, file)).ok).toBe(true);
});
afterAll(() => server.close());

function merge(body: unknown): { method: string; digest: boolean; headers: Record<string, string>; body: string } {
  return { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' }, body: JSON.stringify(body) };
}

describe("Anna's report, as Johan (staff) through the REST API", () => {
  it('is not found by id, by list title, by filter, by paging or through its attachments', async () => {
    for (const path of [
      `${HANDELSER}/items(${annasReport})`,
      `${BY_TITLE}/items(${annasReport})`,
      `${HANDELSER}/items(${annasReport})/AttachmentFiles`,
      `${HANDELSER}/items(${annasReport})/AttachmentFiles('bild.png')/$value`
    ]) {
      // The same request answers its reporter, so the refusal is item-level security, not a typo.
      expect({ path, status: (await rest(server, 'anna', path)).status }).toEqual({ path, status: 200 });
      const res = await rest(server, 'johan', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain('Hot från besökare');
    }
    const attachmentUrl = `${server.url}/sites/sakerhet/Lists/Handelser/Attachments/${annasReport}/bild.png`;
    expect((await rest(server, 'anna', attachmentUrl)).status).toBe(200);
    expect((await rest(server, 'johan', attachmentUrl)).status).toBe(404);
    for (const query of [`$filter=Id eq ${annasReport}`, `$filter=AuthorId eq ${annaId}`, "$filter=substringof('Hot',Title)", '$skiptoken=Paged%3DTRUE%26p_ID%3D0&$top=5000', '$orderby=Id desc&$top=1']) {
      const res = await rest(server, 'johan', `${HANDELSER}/items?$select=Id,Title,AuthorId&${query}`);
      expect(res.status).toBe(200);
      expect(res.json.value.filter((i: { Id: number }) => i.Id === annasReport)).toEqual([]);
      // Some of these queries rightly find nothing at all, so: no item of Anna's among what came back.
      expect(res.json.value.filter((i: { AuthorId: number }) => i.AuthorId === annaId)).toEqual([]);
    }
  });

  it('cannot be changed, deleted or given an attachment', async () => {
    expect((await rest(server, 'johan', `${HANDELSER}/items(${annasReport})`, merge({ Title: 'Ändrad' }))).status).toBe(404);
    expect((await rest(server, 'johan', `${HANDELSER}/items(${annasReport})`, { method: 'POST', digest: true, headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } })).status).toBe(404);
    const add = await rest(server, 'johan', `${HANDELSER}/items(${annasReport})/AttachmentFiles/add(FileName='x.png')`, { method: 'POST', digest: true, body: Buffer.from('89504e47', 'hex') });
    expect(add.status).toBe(404);
    expect(server.store.list('incidents').items.get(annasReport)!.fields.Title).toBe('Hot från besökare i entrén');
    expect(server.store.list('incidents').items.get(annasReport)!.attachments.map((a) => a.name)).toEqual(['bild.png']);
  });

  it('is not reachable inside a $batch either', async () => {
    const ctx = await rest(server, 'johan', 'contextinfo', { method: 'POST' });
    const base = `${server.url}/sites/sakerhet/_api`;
    const body = [
      '--b',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${base}/${HANDELSER}/items(${annasReport}) HTTP/1.1`,
      'Accept: application/json',
      '',
      '--b',
      'Content-Type: multipart/mixed; boundary="c"',
      '',
      '--c',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${base}/${HANDELSER}/items(${annasReport}) HTTP/1.1`,
      'Content-Type: application/json',
      'X-HTTP-Method: MERGE',
      'IF-Match: *',
      '',
      '{"Status":"Avslutad"}',
      '',
      '--c--',
      '',
      '--b--',
      ''
    ].join('\n');
    const res = await rest(server, 'johan', '$batch', { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=b', 'X-RequestDigest': ctx.json.FormDigestValue }, body });
    expect(res.status).toBe(200);
    expect(res.text.match(/HTTP\/1\.1 404 Not Found/g)).toHaveLength(2);
    expect(res.text).not.toContain('Hot från besökare');
    expect(server.store.list('incidents').items.get(annasReport)!.fields.Status).toBe('Ny');
  });

  it("keeps the Åtgärder list and case fields out of staff's reach", async () => {
    expect((await rest(server, 'johan', "web/getList('/sites/sakerhet/Lists/Atgarder')/items")).status).toBe(403);
  });
});

describe("Anna's report, as Johan through the product's services", () => {
  it('is in none of his views: start counts, his reports, the report page, the lägesbild data', async () => {
    const { services } = sessionFor(server, 'johan');
    await expect(services.views.loadCase(annasReport)).rejects.toMatchObject({ kind: 'notFound' });
    const mine = await services.views.loadMyReports();
    expect(mine.reports.some((r) => r.id === annasReport)).toBe(false);
    const situation = await services.views.loadSituation(2026);
    expect(situation.user.canManageReports).toBe(false);
    expect(situation.facts.some((f) => f.id === annasReport)).toBe(false);
    const johanId = (await services.users.getCurrentUser()).id;
    const own = [...server.store.list('incidents').items.values()].filter((i) => i.fields.AuthorId === johanId).map((i) => i.id);
    expect(own.length).toBeGreaterThan(0);
    expectEvery(situation.facts.map((f) => f.id), (id) => own.includes(id));
    const start = await services.views.loadStart();
    const openOwn = [...server.store.list('incidents').items.values()].filter((i) => i.fields.AuthorId === johanId && i.fields.Status !== 'Avslutad').length;
    expect([...start.openCounts.values()].reduce((a, b) => a + b, 0)).toBe(openOwn);
  });
});

describe('an anonymous report, as the area owner and the security chief', () => {
  it('shows no reporter on the area page, the report page or in the säkerhetsberättelse', async () => {
    const { services } = sessionFor(server, 'maria');
    const area = await services.views.loadArea('kriminalitet');
    const listed = area.reports.find((r) => r.id === annasReport)!;
    expect(listed.anonymous).toBe(true);
    expect(listed.reporter).toBeUndefined();
    const page = await services.views.loadCase(annasReport);
    expect(page.report.reporter).toBeUndefined();
    const view = await services.views.loadAnnualReport(2026);
    const annual = buildAnnualReport(view, NOW, view.timeZone);
    const text = JSON.stringify(annual);
    expect(text).toContain('Hot från besökare i entrén');
    for (const person of SAMPLE_PEOPLE.filter((p) => p.group === 'staff')) {
      expect(text).not.toContain(person.displayName);
    }
  });

  it('still shows the reporter her own anonymous report', async () => {
    const { services } = sessionFor(server, 'anna');
    expect((await services.views.loadCase(annasReport)).report.reporter?.displayName).toBe('Anna Lind');
  });
});
