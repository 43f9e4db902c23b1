/**
 * Text is text: a column's values are indexed and compared by the column's type, never by what a
 * value looks like, and text compares case-insensitively, as SharePoint compares it ("the
 * comparison is case-insensitive, so the values "hello world" and "Hello World" are evaluated as
 * equivalent", Enforcing Uniqueness in Column Values, learn.microsoft.com ee536168; see
 * dev/emulator/values.ts). The case from the attack: ReportIds shaped like dates went into the
 * ReportId index as dates, mixed numbers and strings in one index, and 21 of 150 repeated submits
 * were stored twice.
 */
import { randomUUID } from 'crypto';
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import type { INewIncident } from '../../src/model/types';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const ITEMS = "web/getList('/sites/sakerhet/Lists/Handelser')/items";
const AREAS = "web/getList('/sites/sakerhet/Lists/Sakerhetsomraden')/items";

let server: DevServer;
beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  // Over the list view threshold, so that every lookup by ReportId is answered from its index.
  generateIncidents(server.store, { count: 5200, now: NOW, seed: 11 });
});
afterAll(() => server.close());

function newReport(reportId: string, n: number): INewIncident {
  return {
    reportId,
    areaId: 1 + (n % 14),
    title: `Upprepad ${n}`,
    eventType: 'deficiency',
    category: '',
    occurredAt: new Date('2026-06-01T10:00:00Z'),
    location: 'Avdelning 4',
    description: 'Skickad två gånger.',
    immediateAction: '',
    severity: 'low',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false
  };
}

async function post(reportId: string, title: string): Promise<{ status: number; json: any }> {
  return rest(server, 'johan', ITEMS, {
    method: 'POST',
    digest: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ Title: title, ReportId: reportId, AreaId: 2, EventType: 'Risk', OccurredAt: '2026-06-01T10:00:00Z', Location: 'Lab', Description: 'Ett ID som ser ut som något annat.', Severity: 'Låg' })
  });
}

/** Stored reports per ReportId, counted exactly as written (the store, not a query). */
function countsByReportId(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of server.store.list('incidents').items.values()) {
    const id = String(item.fields.ReportId);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe('text is text', () => {
  it('stores each of 150 repeated submits once, among ReportIds shaped like dates and numbers', async () => {
    const { services } = sessionFor(server, 'anna');
    const ids = Array.from({ length: 150 }, () => randomUUID());
    const firsts: number[] = [];
    // Reports, and now and then a crafted ReportId that looks like something else than text.
    const odd: string[] = ['12345', '0012345', '1e3', 'true'];
    for (let n = 0; n < ids.length; n++) {
      firsts.push((await services.incidents.submit(newReport(ids[n], n))).id);
      if (n % 10 === 0) {
        const crafted = [`2026-01-${String(1 + n / 10).padStart(2, '0')}T10:00:00Z`, `2026-01-${String(1 + n / 10).padStart(2, '0')}T10:00:00.000Z`];
        for (const id of crafted) {
          expect((await post(id, `Udda ${id}`)).status).toBe(201);
        }
        odd.push(...crafted);
      }
    }
    for (const id of odd.slice(0, 4)) {
      expect((await post(id, `Udda ${id}`)).status).toBe(201);
    }
    // The same reports again, as after lost answers: each finds the stored one.
    const storedAgain: string[] = [];
    for (let n = 0; n < ids.length; n++) {
      const again = await services.incidents.submit(newReport(ids[n], n));
      if (again.id !== firsts[n]) {
        storedAgain.push(ids[n]);
      }
    }
    expect(storedAgain).toEqual([]);
    const counts = countsByReportId();
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(odd.filter((id) => counts.get(id) !== 1)).toEqual([]);
    // Each is found by its own text, and only by it: '2026-01-01T10:00:00Z' is not the same
    // text as '2026-01-01T10:00:00.000Z', nor '12345' as '0012345', although as dates or numbers they would be.
    for (const id of odd) {
      const res = await rest(server, 'johan', `${ITEMS}?$filter=ReportId eq '${encodeURIComponent(id)}'&$select=Title`);
      expect({ id, titles: res.json.value.map((i: { Title: string }) => i.Title) }).toEqual({ id, titles: [`Udda ${id}`] });
    }
  }, 120000);

  it('compares text case-insensitively: in $filter eq, in the index, and for unique values', async () => {
    const reportId = randomUUID();
    expect((await post(reportId, 'Gemener')).status).toBe(201);
    // Found by the same id in capitals, through the index (the list is over the threshold)…
    const upper = await rest(server, 'johan', `${ITEMS}?$filter=ReportId eq '${reportId.toUpperCase()}'&$select=Title`);
    expect(upper.json.value.map((i: { Title: string }) => i.Title)).toEqual(['Gemener']);
    // …and without it, on a small list: AreaKey of the areas.
    const area = await rest(server, 'anna', `${AREAS}?$filter=AreaKey eq 'PatientSakerhet'&$select=AreaKey`);
    expect(area.json.value.map((i: { AreaKey: string }) => i.AreaKey)).toEqual(['patientsakerhet']);
    // Accent-sensitive all the same: å is not a.
    const accent = await rest(server, 'anna', `${AREAS}?$filter=AreaKey eq 'patientsåkerhet'&$select=AreaKey`);
    expect(accent.json.value).toEqual([]);
    // The unique index finds the same value in other capitals: the store sees one ReportId.
    const list = server.store.list('incidents');
    const index = server.store.index(list, 'ReportId')!;
    expect(index.lookup('eq', reportId.toUpperCase())).toEqual(index.lookup('eq', reportId));
    expect(index.lookup('eq', reportId)).toHaveLength(1);
  });

  it('enforces unique values case-insensitively and accent-sensitively, through the column\'s index', async () => {
    // The areas' titles made unique, as a site owner can (list settings; SPField.EnforceUniqueValues needs an index first).
    const title = "web/getList('/sites/sakerhet/Lists/Sakerhetsomraden')/fields/getByInternalNameOrTitle('Title')";
    const change = (body: object): ReturnType<typeof rest> =>
      rest(server, 'maria', title, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE' }, body: JSON.stringify(body) });
    expect((await change({ Indexed: true })).status).toBe(204);
    expect((await change({ EnforceUniqueValues: true })).status).toBe(204);
    const area = (name: string, key: string): ReturnType<typeof rest> =>
      rest(server, 'maria', `${AREAS}`, {
        method: 'POST',
        digest: true,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ Title: name, AreaKey: key, Scope: 'S', Purpose: 'P', Responsibility: 'R', OwnerRole: 'O' })
      });
    // "Hello World" = "hello world" (Enforcing Uniqueness in Column Values, ee536168): SPDuplicateValuesFoundException.
    const capitals = await area('BRANDSÄKERHET', 'brand2');
    expect(capitals.status).toBe(400);
    expect(capitals.json['odata.error'].code).toBe('-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException');
    // Accents count (Latin1_General_CI_AS): "Brandsakerhet" is another value than "Brandsäkerhet".
    expect((await area('Brandsakerhet', 'brand3')).status).toBe(201);
  });

  it('keeps a date column a date and a number column a number in the index', async () => {
    const list = server.store.list('incidents');
    const occurred = server.store.index(list, 'OccurredAt')!;
    const all = [...list.items.values()];
    const from = '2026-01-01T00:00:00Z';
    // The same instant written two ways is one value in a date column.
    const expected = all.filter((i) => Date.parse(String(i.fields.OccurredAt)) >= Date.parse(from)).map((i) => i.id).sort((a, b) => a - b);
    expect([...occurred.lookup('ge', from)!].sort((a, b) => a - b)).toEqual(expected);
    expect([...occurred.lookup('ge', '2026-01-01T01:00:00+01:00')!].sort((a, b) => a - b)).toEqual(expected);
    const ids = server.store.index(list, 'ID')!;
    expect(ids.lookup('le', '10')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((id) => list.items.has(id)));
  });
});
