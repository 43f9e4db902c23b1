/**
 * The views the package provisions for SharePoint's own list UI stay usable past 5,000 items
 * (issue 9, point 6). Each view is read from the feature XML the package ships and run as
 * SharePoint runs a view's CAML (`POST getList(…)/GetItems` with `query.ViewXml`, dev/emulator/caml.ts)
 * on lists of more than 5,000 items. The rule (dev/emulator/threshold.ts): past the list view
 * threshold the first condition must be on an indexed column and narrow the list to 5,000 items or
 * fewer, else 500 SPQueryThrottledException ("Manage large lists and libraries",
 * support.microsoft.com b8588dae-9387-48c2-9248-c24122f07c59; SPQueryThrottledException, ee570450).
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import type { StoredItem } from '../../dev/emulator/store';
import { ACTIONS_LIST, DRAFT_KEYS_LIST, INCIDENTS_LIST, IListSchema, LISTS } from '../../src/model/schema';
import { DevUser, rest, startEmulator } from '../helpers/emulator';
import { pinClock } from '../helpers/clock';

const NOW = new Date('2026-11-20T12:00:00Z');
pinClock(NOW);
const THROTTLED = '-2147024860, Microsoft.SharePoint.SPQueryThrottledException';
let server: DevServer;

/** Each <View> of a list's shipped schema XML, as the ViewXml of a CAML query (Query and RowLimit). */
function shippedViews(list: IListSchema): { name: string; viewXml: string }[] {
  const file = join(__dirname, '../../sharepoint/assets', `${list.url.split('/').pop()}.schema.xml`);
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  const out = new XMLSerializer();
  return Array.from(doc.getElementsByTagName('View')).map((view) => {
    const query = view.getElementsByTagName('Query')[0];
    const rowLimit = view.getElementsByTagName('RowLimit')[0];
    return { name: view.getAttribute('DisplayName') ?? '', viewXml: `<View>${query ? out.serializeToString(query) : ''}${rowLimit ? out.serializeToString(rowLimit) : ''}</View>` };
  });
}

function getItems(user: DevUser, list: IListSchema, viewXml: string): ReturnType<typeof rest> {
  return rest(server, user, `web/getList('/sites/sakerhet/${list.url}')/GetItems`, {
    method: 'POST',
    digest: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: { ViewXml: viewXml } })
  });
}

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  generateIncidents(server.store, { count: 20000, now: NOW, seed: 3 });
  // 6,000 actions, most of them done long ago; a few planned and ongoing.
  const incidents = [...server.store.list('incidents').items.keys()];
  const actions = server.store.list('actions');
  const maria = [...server.store.users.values()].find((u) => u.key === 'maria')!.id;
  const items: StoredItem[] = [];
  for (let i = 0; i < 6000; i++) {
    const id = actions.nextId++;
    const status = i % 50 === 0 ? 'Planerad' : i % 50 === 1 ? 'Pågår' : 'Klar';
    const at = new Date(Date.UTC(2025, 0, 1 + (i % 600))).toISOString().replace(/\.\d{3}Z$/, 'Z');
    items.push({ id, version: 1, guid: `00000000-0000-4000-9000-${String(id).padStart(12, '0')}`, fields: { Title: `Åtgärd ${id}`, IncidentId: incidents[i % incidents.length], ActionOwnerId: maria, DueDate: at, ActionStatus: status, Created: at, Modified: at, AuthorId: maria, EditorId: maria }, attachments: [] });
  }
  server.store.loadItems('actions', items);
  // One draft key per person who has reported: in a large region, more than 5,000.
  const keys = server.store.list('draftKeys');
  server.store.loadItems(
    'draftKeys',
    Array.from({ length: 6000 }, (_, i) => {
      const id = keys.nextId++;
      return { id, version: 1, guid: `00000000-0000-4000-a000-${String(id).padStart(12, '0')}`, fields: { Title: 'x'.repeat(44), Created: '2026-01-01T00:00:00Z', Modified: '2026-01-01T00:00:00Z', AuthorId: maria, EditorId: maria }, attachments: [] };
    })
  );
}, 120000);
afterAll(() => server.close());

describe('the views in the feature XML, past the list view threshold', () => {
  it('has more than 5,000 items in Händelser, Åtgärder and Utkastnycklar', () => {
    for (const list of [INCIDENTS_LIST, ACTIONS_LIST, DRAFT_KEYS_LIST]) {
      expect([list.key, server.store.list(list.key).items.size > 5000]).toEqual([list.key, true]);
    }
  });

  it('runs every provisioned view of those lists without SPQueryThrottledException', async () => {
    const results: string[] = [];
    for (const list of [INCIDENTS_LIST, ACTIONS_LIST, DRAFT_KEYS_LIST]) {
      for (const view of shippedViews(list)) {
        const res = await getItems('maria', list, view.viewXml);
        results.push(`${list.title} / ${view.name}: ${res.status}${res.status === 200 ? '' : ` ${res.json?.['odata.error']?.code}`}`);
      }
    }
    expect(results).toEqual([
      'Händelser / Öppna, senaste 14 dagarna: 200',
      'Händelser / Mina rapporter: 200',
      'Åtgärder / Planerade åtgärder: 200',
      'Åtgärder / Pågående åtgärder: 200',
      'Utkastnycklar / Alla nycklar: 200'
    ]);
  }, 120000);

  it('shows what the view says: the open reports of the last 14 days, newest first within area and status', async () => {
    const [view] = shippedViews(INCIDENTS_LIST);
    const res = await getItems('maria', INCIDENTS_LIST, view.viewXml);
    // Midnight 14 days before 20 November 2026 in Stockholm (UTC+1): 6 November 00:00 = 5 November 23:00Z.
    const since = Date.parse('2026-11-05T23:00:00Z');
    const expected = [...server.store.list('incidents').items.values()].filter((i) => Date.parse(String(i.fields.OccurredAt)) >= since && i.fields.Status !== 'Avslutad');
    expect(expected.length).toBeGreaterThan(100);
    expect(res.json.value).toHaveLength(100);
    for (const item of res.json.value as { Id: number }[]) {
      expect(expected.some((e) => e.id === item.Id)).toBe(true);
    }
  });

  it('refuses the view that was provisioned before: "not closed" cannot use an index (SPQueryThrottledException)', async () => {
    const before = '<View><Query><Where><Neq><FieldRef Name="Status"/><Value Type="Choice">Avslutad</Value></Neq></Where><OrderBy><FieldRef Name="OccurredAt" Ascending="FALSE"/></OrderBy></Query><RowLimit>100</RowLimit></View>';
    const res = await getItems('maria', INCIDENTS_LIST, before);
    expect(res.status).toBe(500);
    expect(res.json['odata.error'].code).toBe(THROTTLED);
    // Also a view on a column without an index (Location), and Åtgärder's old "not done".
    expect((await getItems('maria', INCIDENTS_LIST, '<View><Query><Where><Eq><FieldRef Name="Location"/><Value Type="Text">Genererad plats</Value></Eq></Where></Query></View>')).status).toBe(500);
    expect((await getItems('maria', ACTIONS_LIST, '<View><Query><Where><Neq><FieldRef Name="ActionStatus"/><Value Type="Choice">Klar</Value></Neq></Where></Query></View>')).status).toBe(500);
  });

  it('runs Mina rapporter as the reporter: her own reports only, under item-level security', async () => {
    const view = shippedViews(INCIDENTS_LIST).find((v) => v.name === 'Mina rapporter')!;
    const res = await getItems('anna', INCIDENTS_LIST, view.viewXml);
    expect(res.status).toBe(200);
    const anna = [...server.store.users.values()].find((u) => u.key === 'anna')!.id;
    expect(res.json.value.length).toBeGreaterThan(0);
    expect((res.json.value as { AuthorId: number }[]).every((i) => i.AuthorId === anna)).toBe(true);
  });

  it('refuses CAML it does not know instead of guessing', async () => {
    const res = await getItems('maria', INCIDENTS_LIST, '<View><Query><Where><Contains><FieldRef Name="Title"/><Value Type="Text">a</Value></Contains></Where></Query></View>');
    expect(res.status).toBe(400);
  });

  it('every list the package provisions has its views in the XML (the lists that stay small too)', () => {
    expect(LISTS.map((l) => [l.key, shippedViews(l).length])).toEqual(LISTS.map((l) => [l.key, l.views.length]));
  });
});
