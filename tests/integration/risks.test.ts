/**
 * The risk register (services/RiskService.ts) against the emulator: the sample register, who may
 * read what (area owners all; staff nothing unless the region gives Members Read on Risker, and
 * then never a draft), recording, assessing with history, linking a report and an action, and
 * the failures that must lose nothing.
 */
import type { DevServer } from '../../dev/server';
import { riskLevel } from '../../src/model/risk';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-11-20T12:00:00Z');
const RISKS = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FRisker')";
const ASSESSMENTS = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FRiskbedomningar')";
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

async function areaId(key: string): Promise<number> {
  const areas = await sessionFor(server, 'erik').services.areas.getAreas();
  return areas.find((a) => a.key === key)!.id;
}

function stored(list: 'risks' | 'riskAssessments' | 'actions'): number {
  return server.store.list(list).items.size;
}

it('gives an area owner the sample register of his area, with levels from the matrix and the history kept', async () => {
  const erik = sessionFor(server, 'erik').services;
  const risks = await erik.risks.getRisks(await areaId('patientsakerhet'));
  expect(risks.map((r) => r.title).sort()).toEqual(['Fördröjd bedömning på akuten vid hög belastning', 'Patient förväxlas vid provtagning eller besked']);
  const mixUp = risks.find((r) => r.title.startsWith('Patient förväxlas'))!;
  // Sample: re-assessed 40 days ago, sannolikhet Stor (3) × konsekvens Betydande (3) = 9, Mycket hög; after measures 1 × 3 = 3, Måttlig.
  expect(mixUp.scores).toEqual({ before: { likelihood: 3, consequence: 3 }, after: { likelihood: 1, consequence: 3 } });
  expect(riskLevel(mixUp.scores!.before)).toBe('veryHigh');
  expect(riskLevel(mixUp.scores!.after!)).toBe('medium');
  const history = await erik.risks.getAssessments([mixUp.id]);
  expect(history.map((a) => [a.title, a.status, a.scores?.after?.likelihood])).toEqual([
    ['Omprövning efter händelse', 'approved', 1],
    ['Årlig riskanalys', 'approved', 2]
  ]);
  expect((await erik.risks.getLinkedReports(mixUp.id)).map((r) => r.title)).toEqual(['Fel patient fick provsvar uppläst']);
  expect((await erik.actions.getRiskActions([mixUp.id])).map((a) => [a.title, a.incidentId, a.riskId])).toEqual([
    ['Utbilda all personal i identitetskontroll vid telefonbesked', 0, mixUp.id]
  ]);
});

it('shows staff and visitors nothing of the register while the region has not opened it', async () => {
  for (const user of ['anna', 'nils'] as const) {
    expect({ user, risks: await sessionFor(server, user).services.risks.getRisks() }).toEqual({ user, risks: [] });
    // The lists' own permissions refuse them (README step 6: Members and Visitors have no right on Risker or Riskbedömningar).
    expect({ user, status: (await rest(server, user, `${RISKS}/items`)).status }).toEqual({ user, status: 403 });
    expect({ user, status: (await rest(server, user, `${ASSESSMENTS}/items`)).status }).toEqual({ user, status: 403 });
  }
});

it('with the setting on (Members: Read on Risker), staff read fastställda figures and never a draft; the check leaves the grant alone', async () => {
  const levels = await rest(server, 'maria', 'web/roledefinitions?$select=Id,RoleTypeKind');
  const read = levels.json.value.find((l: { RoleTypeKind: number }) => l.RoleTypeKind === 2).Id;
  const members = (await rest(server, 'maria', 'web/associatedmembergroup?$select=Id')).json.Id;
  const granted = await rest(server, 'maria', `${RISKS}/roleassignments/addroleassignment(principalid=${members},roledefid=${read})`, { method: 'POST', digest: true });
  expect(granted.status).toBe(200);

  const anna = sessionFor(server, 'anna').services;
  const all = await anna.risks.getRisks();
  expect(all.length).toBe(server.store.list('risks').items.size);
  // 'Utrymningsvägar blockeras av förråd' has only a draft assessment (sample): staff see the risk, no figures.
  const blocked = all.find((r) => r.title === 'Utrymningsvägar blockeras av förråd')!;
  expect([blocked.status, blocked.scores, blocked.assessedAt]).toEqual(['identified', undefined, undefined]);
  // Drafts live in Riskbedömningar, where Members have no right whatever the setting.
  expect(await anna.risks.getAssessments([blocked.id])).toEqual([]);
  expect((await rest(server, 'anna', `${ASSESSMENTS}/items`)).status).toBe(403);
  // Staff read, never write (Read: no Add/Edit Items).
  const refused = anna.risks.updateRisk(blocked, { title: 'Ändrad av medarbetare' });
  await expect(refused).rejects.toMatchObject({ name: 'ServiceError', kind: 'forbidden' });

  const check = await (await sessionFor(server, 'maria').services.setup()).check();
  expect(check.issues.filter((i) => i.list === 'risks')).toEqual([]);
});

it('lets an area owner record a risk, keep a draft from the register, fastställa it, and re-assess with the earlier assessment kept', async () => {
  const erik = sessionFor(server, 'erik').services;
  const me = await erik.users.getCurrentUser();
  const area = await areaId('patientsakerhet');
  const risk = await erik.risks.addRisk({ areaId: area, title: 'Läkemedel ges till fel patient vid hög belastning', threat: 'Avbrott under läkemedelsutdelning.', harm: 'Patienter skadas.', ownerId: me.id, nextReview: '2027-05-31' });
  expect([risk.status, risk.scores, risk.owner?.id]).toEqual(['identified', undefined, me.id]);
  // Date-only: midnight of 31 May 2027 in Stockholm (summer time, UTC+2) is 30 May 22:00 UTC.
  expect(risk.nextReview?.toISOString()).toBe('2027-05-30T22:00:00.000Z');

  const draft = await erik.risks.assess(risk, { title: 'Första bedömning', scores: { before: { likelihood: 2, consequence: 4 } }, assessedAt: '2026-11-20', assessorId: me.id, approve: false });
  expect(draft.assessment.status).toBe('draft');
  expect((await erik.risks.getRisk(risk.id)).scores).toBeUndefined();

  const approved = await erik.risks.approve(await erik.risks.getRisk(risk.id), draft.assessment);
  expect([approved.risk.status, approved.risk.scores, approved.assessment.status]).toEqual(['assessed', { before: { likelihood: 2, consequence: 4 } }, 'approved']);
  // What the list stores for SharePoint's views: 2 × 4 = 8, Hög (matrix row Liten, column Katastrofal).
  const item = server.store.list('risks').items.get(risk.id)!.fields;
  expect([item.Likelihood, item.Consequence, item.RiskValue, item.RiskLevel]).toEqual(['Liten', 'Katastrofal', 8, 'Hög']);
  expect(item.AssessedAt).toBe('2026-11-19T23:00:00Z');

  const again = await erik.risks.assess(approved.risk, {
    title: 'Omprövning',
    scores: { before: { likelihood: 1, consequence: 4 }, after: { likelihood: 1, consequence: 3 } },
    assessedAt: '2026-11-20',
    approve: true
  });
  expect(again.risk.scores).toEqual({ before: { likelihood: 1, consequence: 4 }, after: { likelihood: 1, consequence: 3 } });
  expect((await erik.risks.getAssessments([risk.id])).map((a) => [a.title, a.status])).toEqual(
    expect.arrayContaining([['Första bedömning', 'approved'], ['Omprövning', 'approved']])
  );
});

it('links a report to the risk it realised and adds an action that belongs to the risk', async () => {
  const erik = sessionFor(server, 'erik').services;
  const area = await areaId('patientsakerhet');
  const risk = (await erik.risks.getRisks(area)).find((r) => r.title.startsWith('Fördröjd bedömning'))!;
  const unlinked = [...server.store.list('incidents').items.values()].find((i) => i.fields.AreaId === area && !i.fields.RiskId)!;
  const report = await erik.incidents.getReport(unlinked.id);
  await erik.risks.linkReport(report, risk.id);
  expect((await erik.risks.getLinkedReports(risk.id)).map((r) => r.id)).toContain(report.id);
  const action = await erik.actions.addRiskAction(risk.id, { title: 'Öva reservtriage', ownerId: (await erik.users.getCurrentUser()).id, dueDate: '2027-01-15' });
  expect([action.riskId, action.incidentId]).toEqual([risk.id, 0]);
  expect(server.store.list('actions').items.get(action.id)!.fields.IncidentId ?? null).toBeNull();
});

it('refuses what would lose or corrupt data: an incomplete risk or assessment is not sent; a stale risk is a conflict and the draft stays', async () => {
  const erik = sessionFor(server, 'erik').services;
  const area = await areaId('patientsakerhet');
  const before = [stored('risks'), stored('riskAssessments')];
  await expect(erik.risks.addRisk({ areaId: area, title: '  ', threat: 'x', harm: 'y' })).rejects.toMatchObject({ kind: 'invalid' });
  const risk = (await erik.risks.getRisks(area))[0];
  await expect(erik.risks.assess(risk, { title: 'Fel', scores: { before: { likelihood: 5 as never, consequence: 2 } }, assessedAt: '2026-11-20', approve: true })).rejects.toMatchObject({ kind: 'invalid' });
  expect([stored('risks'), stored('riskAssessments')]).toEqual(before);

  // Someone else saved the risk first: the approval is refused with a conflict, the assessment
  // is kept as a draft (nothing typed is lost) and the register shows no figures nobody fastställt.
  await erik.risks.updateRisk(risk, { controls: 'Ändrat av en kollega' });
  const stale = erik.risks.assess(risk, { title: 'Sen bedömning', scores: { before: { likelihood: 4, consequence: 4 } }, assessedAt: '2026-11-20', approve: true });
  await expect(stale).rejects.toMatchObject({ name: 'ServiceError', kind: 'conflict' });
  const kept = (await erik.risks.getAssessments([risk.id])).find((a) => a.title === 'Sen bedömning')!;
  expect(kept.status).toBe('draft');
  expect((await erik.risks.getRisk(risk.id)).scores?.before).not.toEqual({ likelihood: 4, consequence: 4 });
});

it('has every lookup to Risker restrict deleting a risk in use, as the installation check sets it over REST', async () => {
  // SPFieldLookup.RelationshipDeleteBehavior Restrict (learn.microsoft.com ee545040: "prevents an item
  // in the source list from being deleted if any items in the dependent list look up to it"): a risk
  // with assessments, linked reports or actions stays. Read as a client reads it: SP.FieldLookup's
  // RelationshipDeleteBehavior, 2 = Restrict.
  for (const list of ['Lists%2FRiskbedomningar', 'Lists%2FHandelser', 'Lists%2FAtgarder']) {
    const field = await rest(server, 'maria', `web/getList('%2Fsites%2Fsakerhet%2F${list}')/fields/getByInternalNameOrTitle('Risk')`);
    expect({ list, behavior: field.json.RelationshipDeleteBehavior, indexed: field.json.Indexed }).toEqual({ list, behavior: 2, indexed: true });
  }
});
