/**
 * A generated, reproducible data set of reports for volume tests and `npm run bench`: spread over
 * the areas, event types, severities, statuses, reporters and the last two years. Loaded straight
 * into the store (no journal), then snapshotted by the caller if the store is persistent.
 */
import { EVENT_TYPES, INCIDENT_STATUSES, SEVERITIES } from '../../src/model/schema';
import { Store, StoredItem } from './store';

/** A small deterministic PRNG (mulberry32), so a seed always yields the same data set. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  count: number;
  now?: Date;
  seed?: number;
  /** Spread over this many days before `now` (default two years). */
  days?: number;
  /** Every report by this site user (a sample person's key), e.g. one person with 10,000 reports; default: spread over staff and area owners. */
  reporter?: string;
}

export function generateIncidents(store: Store, options: GenerateOptions): StoredItem[] {
  const now = options.now ?? new Date();
  const random = prng(options.seed ?? 1);
  const areas = [...store.list('areas').items.values()];
  const reporters = [...store.users.values()].filter((u) => (options.reporter ? u.key === options.reporter : u.group === 'staff' || u.group === 'areaOwners'));
  if (reporters.length === 0) {
    throw new Error(`No site user ${options.reporter ?? 'among staff and area owners'} to report.`);
  }
  const list = store.list('incidents');
  const days = options.days ?? 730;
  const items: StoredItem[] = [];
  // Reports are created in time order, as in life: IDs grow with the creation date.
  const times = Array.from({ length: options.count }, () => now.getTime() - random() * days * 86400000).sort((a, b) => a - b);
  for (let i = 0; i < options.count; i++) {
    const area = areas[Math.floor(random() * areas.length)];
    const reporter = reporters[Math.floor(random() * reporters.length)];
    const occurred = new Date(times[i]);
    const created = new Date(Math.min(times[i] + random() * 6 * 3600000, now.getTime()));
    const age = (now.getTime() - times[i]) / 86400000;
    // Older reports are more likely to be closed.
    const status = INCIDENT_STATUSES[age > 120 ? (random() < 0.92 ? 3 : Math.floor(random() * 3)) : Math.floor(random() * 4)].value;
    const severity = SEVERITIES[Math.min(3, Math.floor(Math.pow(random(), 1.8) * 4))].value;
    const categories = String(area.fields.ReportCategories ?? '').split('\n');
    const id = list.nextId++;
    items.push({
      id,
      version: 1,
      guid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
      fields: {
        Title: `Genererad rapport ${id}`,
        ReportId: `10000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
        AreaId: area.id,
        EventType: EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)].value,
        Category: categories[Math.floor(random() * categories.length)] || null,
        OccurredAt: occurred.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Location: 'Genererad plats',
        Description: 'Genererad för volymtest.',
        ImmediateAction: null,
        Severity: severity,
        Status: status,
        Anonymous: random() < 0.05,
        LexMaria: false,
        WorkEnvironmentReport: false,
        PoliceReport: false,
        Created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Modified: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        AuthorId: reporter.id,
        EditorId: reporter.id
      },
      attachments: []
    });
  }
  store.loadItems('incidents', items);
  return items;
}
