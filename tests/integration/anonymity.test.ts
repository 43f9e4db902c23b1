/**
 * It asks only for what it may show: the reporter of an anonymous report (Author – and Editor,
 * which is the reporter until someone else saves the item) never travels to anyone's browser but
 * the reporter's own. Proved on the wire, not on the screen: every request the product's services
 * send (each part of every $batch) and every answer SharePoint gives, as the area owner, the
 * security chief, staff and the reporter herself walk every view.
 */
import type { DevServer } from '../../dev/server';
import type { INewIncident } from '../../src/model/types';
import { DEFAULT_QUEUE_FILTER } from '../../src/model/queue';
import type { ISharePointServices } from '../../src/services';
import { DevUser, sessionFor, startEmulator } from '../helpers/emulator';

jest.setTimeout(120000);

const NOW = new Date('2026-06-15T10:00:00Z');
let server: DevServer;

/** What went over the wire while `viewer` was using the app. */
interface IExchange {
  viewer: DevUser;
  /** The request line(s): the URL, or each part of a $batch. */
  urls: string[];
  response: string;
}
const wire: IExchange[] = [];
let viewer: DevUser | undefined;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  // PnPjs sends through the global fetch: record what goes out and what comes back.
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await realFetch(input, init);
    if (viewer) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const body = typeof init?.body === 'string' ? init.body : '';
      const parts = /\/_api\/\$batch$/i.test(url) ? body.match(/^(GET|POST|PUT|PATCH|MERGE|DELETE) \S+/gm) ?? [] : [url];
      wire.push({ viewer, urls: parts.map((p) => decodeURIComponent(p.replace(/^[A-Z]+ /, ''))), response: await res.clone().text() });
    }
    return res;
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server.close();
});

function report(areaId: number, title: string, anonymous: boolean, n: number): INewIncident {
  return {
    reportId: `a0a0a0a0-0000-4000-8000-00000000000${n}`,
    areaId,
    title,
    eventType: 'incident',
    category: '',
    occurredAt: new Date('2026-06-14T20:00:00Z'),
    location: 'Avdelning 12',
    description: 'Min chef tog tag i min arm.',
    immediateAction: '',
    severity: 'serious',
    anonymous,
    lexMaria: false,
    workEnvironmentReport: true,
    policeReport: false
  };
}

/** Every JSON object in an answer (a $batch answer holds one JSON body per line). */
function objectsIn(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (v && typeof v === 'object') {
      found.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('{')) {
      try {
        walk(JSON.parse(line));
      } catch {
        // Not JSON: a part's headers or a file.
      }
    }
  }
  return found;
}

const PERSON_KEYS = ['Author', 'AuthorId', 'Editor', 'EditorId'];

/** The top-level conditions of an OData $filter joined by `and`. */
function conjuncts(filter: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    depth += filter[i] === '(' ? 1 : filter[i] === ')' ? -1 : 0;
    if (depth === 0 && filter.startsWith(' and ', i)) {
      out.push(filter.slice(start, i).trim());
      start = i + 5;
    }
  }
  out.push(filter.slice(start).trim());
  return out;
}

let anonymousId: number;
let namedId: number;
let annaId: number;
let annaName: string;
let patientsakerhet: number;

beforeAll(async () => {
  const { services } = sessionFor(server, 'anna');
  const me = await services.users.getCurrentUser();
  annaId = me.id;
  annaName = me.displayName;
  patientsakerhet = (await services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!.id;
  anonymousId = (await services.incidents.submit(report(patientsakerhet, 'Greppad i armen av chef', true, 1))).id;
  namedId = (await services.incidents.submit(report(patientsakerhet, 'Halt golv i korridoren', false, 2))).id;
});

/** Every view and read the app has, as far as the user's role reaches (what SharePoint refuses them is no concern here). */
async function walk(services: ISharePointServices): Promise<void> {
  const reads: (() => Promise<unknown>)[] = [
    () => services.views.loadStart(),
    () => services.views.loadArea('patientsakerhet'),
    () => services.views.loadMyReports(),
    () => services.views.loadDocuments(),
    () => services.views.loadReportForm(),
    () => services.views.loadCase(anonymousId),
    () => services.views.loadCase(namedId),
    () => services.views.loadSituation(2026),
    () => services.views.loadAnnualReport(2026),
    // The work queue and its export, every status.
    () => services.views.loadQueue({ ...DEFAULT_QUEUE_FILTER, status: 'all' }),
    () => services.views.loadQueueDetails({ ...DEFAULT_QUEUE_FILTER, status: 'all' }),
    // The area page again, now with the session's caches warm (another code path).
    () => services.views.loadArea('patientsakerhet')
  ];
  for (const read of reads) {
    await read().catch((e: { kind?: string }) => {
      if (e.kind !== 'notFound' && e.kind !== 'forbidden') {
        throw e;
      }
    });
  }
}

/** The user's own items are the only ones whose reporter may be asked for without a condition. */
function offences(user: DevUser, userId: number): string[] {
  const anonymousOfOthers = new Set([...server.store.list('incidents').items.values()].filter((i) => i.fields.Anonymous === true && i.fields.AuthorId !== userId).map((i) => i.id));
  expect(anonymousOfOthers.has(anonymousId) || user === 'anna').toBe(true);
  const found: string[] = [];
  for (const exchange of wire.filter((e) => e.viewer === user)) {
    for (const url of exchange.urls) {
      if (!/\/Lists\/Handelser'\)\/items/i.test(url)) {
        continue;
      }
      const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
      const select = query.get('$select');
      if (select === null) {
        // Without $select SharePoint answers every field, AuthorId and EditorId included.
        found.push(`no $select: ${url}`);
        continue;
      }
      const fields = `${select},${query.get('$expand') ?? ''}`.split(',');
      if (fields.some((f) => /^(Author|Editor)(Id)?(\/|$)/.test(f))) {
        const conditions = conjuncts(query.get('$filter') ?? '').map((c) => c.replace(/^\((AuthorId eq \d+)\)$/, '$1'));
        const guarded = conditions.includes(`AuthorId eq ${userId}`) || conditions.includes(`(Anonymous eq 0 or AuthorId eq ${userId})`);
        if (!guarded) {
          found.push(`asks for the reporter without the anonymity condition: ${url}`);
        }
      }
    }
    for (const item of objectsIn(exchange.response)) {
      if (typeof item.Id === 'number' && anonymousOfOthers.has(item.Id)) {
        const keys = PERSON_KEYS.filter((k) => k in item);
        if (keys.length) {
          found.push(`anonymous report ${item.Id} came with ${keys.join(', ')}`);
        }
      }
    }
  }
  return found;
}

describe.each([
  ['erik', 'the area owner of patientsäkerhet'],
  ['maria', 'the security chief'],
  ['johan', 'staff'],
  ['nils', 'an intranet visitor']
] as [DevUser, string][])('%s (%s)', (user) => {
  it('never asks for, nor gets, the reporter of an anonymous report – in any view', async () => {
    const { services } = sessionFor(server, user);
    const userId = (await services.users.getCurrentUser()).id;
    viewer = user;
    try {
      await walk(services);
    } finally {
      viewer = undefined;
    }
    expect(wire.filter((e) => e.viewer === user).length).toBeGreaterThan(5);
    expect(offences(user, userId)).toEqual([]);
  });
});

describe('what the area owner sees of the two reports', () => {
  it('the named report with its reporter, the anonymous one without', async () => {
    const { services } = sessionFor(server, 'erik');
    const area = await services.views.loadArea('patientsakerhet');
    expect(area.reports.find((r) => r.id === namedId)?.reporter?.displayName).toBe(annaName);
    expect(area.reports.find((r) => r.id === anonymousId)).toMatchObject({ anonymous: true, reporter: undefined });
    expect((await services.views.loadCase(namedId)).report.reporter?.displayName).toBe(annaName);
    const anonymous = await services.views.loadCase(anonymousId);
    expect(anonymous.report.reporter).toBeUndefined();
    // Saving a case answers with the report again: still without its reporter.
    const saved = await services.incidents.updateCase(anonymous.report, { analysis: 'Samtal med enhetschefen bokat.' });
    expect(saved.reporter).toBeUndefined();
  });
});

describe('the reporter herself', () => {
  it('sees herself as the reporter of her anonymous report, in her reports and on its page', async () => {
    const { services } = sessionFor(server, 'anna');
    viewer = 'anna';
    try {
      const mine = await services.views.loadMyReports();
      expect(mine.reports.find((r) => r.id === anonymousId)).toMatchObject({ anonymous: true, reporter: { id: annaId, displayName: annaName } });
      expect((await services.views.loadCase(anonymousId)).report.reporter).toMatchObject({ id: annaId, displayName: annaName });
    } finally {
      viewer = undefined;
    }
    expect(offences('anna', annaId)).toEqual([]);
  });
});
