/**
 * The risk register's views and write paths as the app uses them (services/ViewService.ts,
 * RiskService, IncidentService.updateCase) against the emulator: scope by area exactly as in case
 * handling (the area's owner, deputy and the security chief see a risk's history, measures and
 * linked reports; anyone else only the risk item SharePoint lets them read, never a draft), the
 * round trips per view, linking a report through its case save, and the failures that lose nothing.
 */
import type { DevServer } from '../../dev/server';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-11-20T12:00:00Z');
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

function riskId(title: string): number {
  return [...server.store.list('risks').items.values()].find((i) => i.fields.Title === title)!.id;
}

/** Round trips since `from` (the request digest aside, which PnPjs caches per page). */
function roundTrips(from: number): number {
  return server.requests.slice(from).filter((r) => !r.path.endsWith('/contextinfo')).length;
}

it("shows an area page its register highest level first, asked for in the page's first round trip (no trip of its own); staff and visitors nothing while the region has not opened it", async () => {
  const erik = sessionFor(server, 'erik').services;
  const from = server.requests.length;
  const view = await erik.views.loadArea('patientsakerhet');
  // As before the register: the first $batch (areas, user, zone, goals, documents – and now Risker), then the area's reports.
  expect(roundTrips(from)).toBe(2);
  const [first] = server.requests.slice(from).filter((r) => !r.path.endsWith('/contextinfo'));
  expect((first.parts ?? []).some((p) => /Lists(%2F|\/)Risker/.test(p))).toBe(true);
  // Sample: fördröjd bedömning Stor × Katastrofal = 12 and förväxling Stor × Betydande = 9, both Mycket hög: the higher value first.
  expect(view.risks.map((r) => r.title)).toEqual(['Fördröjd bedömning på akuten vid hög belastning', 'Patient förväxlas vid provtagning eller besked']);
  expect(view.risks.every((r) => r.areaId === view.area.id)).toBe(true);
  for (const user of ['anna', 'nils'] as const) {
    expect({ user, risks: (await sessionFor(server, user).services.views.loadArea('patientsakerhet')).risks }).toEqual({ user, risks: [] });
  }
});

it("gives the area's owner a risk with its whole history (drafts too), its measures and linked reports in two round trips", async () => {
  const erik = sessionFor(server, 'erik').services;
  const id = riskId('Patient förväxlas vid provtagning eller besked');
  const from = server.requests.length;
  const view = await erik.views.loadRisk(id);
  expect(roundTrips(from)).toBe(2);
  expect([view.handles, view.area.key]).toEqual([true, 'patientsakerhet']);
  expect(view.assessments.map((a) => a.title)).toEqual(['Omprövning efter händelse', 'Årlig riskanalys']);
  expect(view.actions.map((a) => a.title)).toEqual(['Utbilda all personal i identitetskontroll vid telefonbesked']);
  expect(view.reports.map((r) => r.title)).toEqual(['Fel patient fick provsvar uppläst']);
});

it("shows an owner another area's risk as the register holds it – no history, no draft, no measures, no reports – and the security chief everything", async () => {
  // 'Utrymningsvägar blockeras av förråd' (brandsäkerhet, not Erik's) has only a draft assessment (sample).
  const id = riskId('Utrymningsvägar blockeras av förråd');
  const erik = sessionFor(server, 'erik').services;
  const from = server.requests.length;
  const view = await erik.views.loadRisk(id);
  expect(roundTrips(from)).toBe(1);
  expect([view.handles, view.risk.scores, view.assessments, view.actions, view.reports]).toEqual([false, undefined, [], [], []]);
  // Riskbedömningar was never asked on his behalf.
  expect(server.requests.slice(from).some((r) => [r.path, ...(r.parts ?? [])].some((p) => p.includes('Riskbedomningar')))).toBe(false);

  const maria = await sessionFor(server, 'maria').services.views.loadRisk(id);
  expect([maria.handles, maria.assessments.map((a) => a.status)]).toEqual([true, ['draft']]);
});

it('refuses staff a risk while the region has not opened the register (403 on Risker, README step 6)', async () => {
  await expect(sessionFor(server, 'anna').services.views.loadRisk(riskId('Utrymningsvägar blockeras av förråd'))).rejects.toMatchObject({ name: 'ServiceError', kind: 'forbidden' });
  await expect(sessionFor(server, 'erik').services.views.loadRisk(999999)).rejects.toMatchObject({ name: 'ServiceError', kind: 'notFound' });
});

it("offers a report's case handling its area's register, links the report with the case save, and says who saved first on a stale one", async () => {
  const erik = sessionFor(server, 'erik').services;
  const maria = sessionFor(server, 'maria').services;
  // Report 30: patientsäkerhet, open (the sample's case-handling report).
  const view = await erik.views.loadCase(30);
  expect(view.handles).toBe(true);
  expect(view.risks.map((r) => r.areaId)).toEqual(view.risks.map(() => view.report.areaId));
  const risk = view.risks.find((r) => r.title.startsWith('Fördröjd bedömning'))!;
  const linked = await erik.incidents.updateCase(view.report, { riskId: risk.id });
  expect(linked.riskId).toBe(risk.id);
  expect(server.store.list('incidents').items.get(30)!.fields.RiskId).toBe(risk.id);
  expect((await erik.views.loadRisk(risk.id)).reports.map((r) => r.id)).toContain(30);

  // Maria saves the report first; Erik's save with the version he read is a conflict, nothing changes.
  await maria.incidents.updateCase(await maria.incidents.getReport(30), { analysis: 'Marias analys.' });
  await expect(erik.incidents.updateCase(linked, { riskId: null })).rejects.toMatchObject({ kind: 'conflict' });
  expect(server.store.list('incidents').items.get(30)!.fields.RiskId).toBe(risk.id);
  const fresh = await erik.incidents.getReport(30);
  expect(fresh.editor?.displayName).toBe('Maria Berg');
  await erik.incidents.updateCase(fresh, { riskId: null });
  expect(server.store.list('incidents').items.get(30)!.fields.RiskId ?? null).toBeNull();
});

it("opens the form for a new risk from a report of the area only, and records it for the area's owner; staff are told they cannot", async () => {
  const erik = sessionFor(server, 'erik').services;
  const form = await erik.views.loadNewRisk('patientsakerhet', 30);
  expect([form.handles, form.report?.id]).toEqual([true, 30]);
  // A report of another area is 'not found' here, as in case handling (scope by area).
  const other = [...server.store.list('incidents').items.values()].find((i) => i.fields.AreaId !== form.area.id)!;
  await expect(erik.views.loadNewRisk('patientsakerhet', other.id)).rejects.toMatchObject({ kind: 'notFound' });
  expect((await sessionFor(server, 'anna').services.views.loadNewRisk('patientsakerhet')).handles).toBe(false);
  // SharePoint itself refuses staff a risk (no right on Risker without the setting).
  const refused = sessionFor(server, 'anna').services.risks.addRisk({ areaId: form.area.id, title: 'Risk', threat: 'Hot', harm: 'Patienter' });
  await expect(refused).rejects.toMatchObject({ kind: 'forbidden' });
});

it('says who saved a risk first when an edit is stale, and keeps the register as it was', async () => {
  const erik = sessionFor(server, 'erik').services;
  const maria = sessionFor(server, 'maria').services;
  const id = riskId('Fördröjd bedömning på akuten vid hög belastning');
  const read = await erik.risks.getRisk(id);
  await maria.risks.updateRisk(await maria.risks.getRisk(id), { controls: 'Reservtriage införd.' });
  await expect(erik.risks.updateRisk(read, { controls: 'Eriks ändring.' })).rejects.toMatchObject({ kind: 'conflict' });
  const fresh = await erik.risks.getRisk(id);
  expect([fresh.controls, fresh.editor?.displayName]).toEqual(['Reservtriage införd.', 'Maria Berg']);
  // A value SharePoint refuses (Risk's Title: at most 255 characters, Microsoft's SPFieldText) is 'invalid', and nothing changes.
  await expect(erik.risks.updateRisk(fresh, { title: 'x'.repeat(256) })).rejects.toMatchObject({ kind: 'invalid' });
  expect((await rest(server, 'erik', `web/getList('%2Fsites%2Fsakerhet%2FLists%2FRisker')/items(${id})?$select=Title`)).json.Title).toBe('Fördröjd bedömning på akuten vid hög belastning');
});
