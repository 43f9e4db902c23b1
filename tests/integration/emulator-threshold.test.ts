/**
 * SharePoint's list view threshold on a list of over 5,000 items: a query may only read what an
 * indexed first condition narrows to 5,000 items or fewer, or walk the list in ID order.
 */
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import { rest, startEmulator } from '../helpers/emulator';
import { expectEvery } from '../helpers/every';
import { pinClock } from '../helpers/clock';

// The product's clock (this file's Date) and the sample content start at the same moment.
const NOW = new Date('2026-06-15T10:00:00Z');
pinClock(NOW);

let server: DevServer;
const ITEMS = "web/getList('/sites/sakerhet/Lists/Handelser')/items";
const THROTTLED = '-2147024860, Microsoft.SharePoint.SPQueryThrottledException';

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  generateIncidents(server.store, { count: 9000, now: NOW, seed: 7 });
});
afterAll(() => server.close());

async function query(q: string, user: 'erik' | 'anna' = 'erik'): Promise<{ status: number; json: any }> {
  return rest(server, user, `${ITEMS}?${q}`);
}

describe('list view threshold (9,047 reports)', () => {
  it('refuses a filter whose first condition is on a column without an index', async () => {
    const res = await query("$filter=Location eq 'Avdelning 1'&$top=10");
    expect(res.status).toBe(500);
    expect(res.json['odata.error']).toEqual({
      code: THROTTLED,
      // The sample site is Swedish; the wording's source is in dev/emulator/errors.ts (threshold).
      message: { lang: 'sv-SE', value: 'Det är förbjudet att utföra den åtgärden eftersom den överskrider tröskelvärdet för listvyn som tillämpas av administratören.' }
    });
  });

  it('refuses an unindexed first condition even when an indexed condition that narrows the list follows it', async () => {
    // Only the first condition of the filter is read through an index: "the first column you
    // specify in the filter must be indexed" (https://support.microsoft.com/office/manage-large-lists-and-libraries-b8588dae-9387-48c2-9248-c24122f07c59).
    // Area 11 alone would narrow the list (see below), but it comes second.
    const res = await query("$filter=Location eq 'Avdelning 1' and AreaId eq 11&$top=10&$select=Id");
    expect(res.status).toBe(500);
    expect(res.json['odata.error'].code).toBe(THROTTLED);
  });

  it('refuses an indexed first condition that still matches more than 5,000 items', async () => {
    const res = await query("$filter=Status eq 'Avslutad'&$top=10");
    expect(res.status).toBe(500);
    expect(res.json['odata.error'].code).toBe(THROTTLED);
  });

  it('refuses sorting the whole list on a column other than ID, and $top over 5,000', async () => {
    expect((await query('$orderby=Title&$top=10')).status).toBe(500);
    expect((await query('$top=5001')).status).toBe(500);
  });

  it('reads an indexed first condition that narrows the list, whatever follows it', async () => {
    const res = await query("$filter=AreaId eq 11 and Location eq 'Avdelning 1'&$top=10&$select=Id");
    // Area 11 alone has fewer than 5,000 of the reports.
    expect(res.status).toBe(200);
    const recent = await query("$filter=OccurredAt ge datetime'2026-06-01T00:00:00Z' and Severity eq 'Låg'&$select=Id,OccurredAt&$orderby=OccurredAt desc&$top=5000");
    expect(recent.status).toBe(200);
    expect(recent.json.value.length).toBeGreaterThan(0);
  });

  it('reads an ID window, and walks the whole list in ID order with odata.nextLink', async () => {
    const window = await query("$filter=Id gt 1000 and Id le 6000 and Status ne 'Avslutad'&$select=Id&$top=5000");
    expect(window.status).toBe(200);
    const seen: number[] = [];
    let next: string | undefined = `${ITEMS}?$select=Id&$top=5000`;
    while (next) {
      const page: any = await rest(server, 'erik', next);
      expect(page.status).toBe(200);
      seen.push(...page.json.value.map((r: any) => r.Id));
      next = page.json['odata.nextLink'];
    }
    expect(seen).toHaveLength(server.store.list('incidents').items.size);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers a staff member who filters on the indexed Author column', async () => {
    const res = await query('$filter=AuthorId eq 10&$select=Id,AuthorId&$orderby=Created desc&$top=5000', 'anna');
    expect(res.status).toBe(200);
    expectEvery(res.json.value, (r: any) => r.AuthorId === 10);
  });
});
