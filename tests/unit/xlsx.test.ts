/**
 * The queue's Excel export, opened as a spreadsheet program opens it (tests/helpers/xlsx.ts, not the
 * writing library) and checked against the rows it was made from: every row in the queue's order,
 * dates as the site's wall clock, and never the name of an anonymous report's reporter.
 */
import { queueWorkbook } from '../../src/components/Queue/xlsx';
import { defaultStrings } from '../../src/loc';
import type { IQueueRow } from '../../src/model/queue';
import type { IArea } from '../../src/model/types';
import { openXlsx, serialToWallClock } from '../helpers/xlsx';

const ZONE = 'Europe/Stockholm';
const NOW = new Date('2026-03-10T10:00:00Z');
const AREAS = [{ id: 3, title: 'Arbetsmiljö' } as IArea];

function row(id: number, over: Partial<IQueueRow> = {}): IQueueRow {
  return {
    id,
    reportId: `${id}`,
    areaId: 3,
    title: `Rapport ${id}`,
    eventType: 'accident',
    severity: 'serious',
    status: 'investigating',
    category: 'Hot och våld',
    // 1 March 2026 07:30 UTC is 08:30 in Stockholm (UTC+1).
    occurredAt: new Date('2026-03-01T07:30:00Z'),
    created: new Date('2026-03-01T08:00:00Z'),
    modified: new Date('2026-03-02T09:15:00Z'),
    location: 'Akuten',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: true,
    policeReport: false,
    ...over
  };
}

describe('the queue as .xlsx', () => {
  it('holds a header and one row per report, in order, with the site\'s dates and no anonymous reporter', async () => {
    const rows = [row(12), row(7, { anonymous: true, title: 'Hot i väntrummet' }), row(30, { title: 'Rad med\r\nradbrytning', status: 'closed', workEnvironmentReport: false })];
    const details = new Map([
      [12, { description: 'Föll i trappan.', investigator: 'Erik Holm', reporter: 'Anna Lind' }],
      // Were the service ever to hand a name for an anonymous report, the file still says "Anonym".
      [7, { description: 'Hotades av anhörig.', reporter: 'Johan Ek' }],
      [30, { description: 'Text', reporter: 'Karin Sjöberg' }]
    ]);
    const blob = await queueWorkbook({ rows, details, areas: AREAS, strings: defaultStrings, zone: ZONE, now: NOW });
    const sheet = await openXlsx(Buffer.from(await blob.arrayBuffer()));
    expect(sheet.name).toBe('Att hantera');
    const [header, ...data] = sheet.rows;
    expect(header).toEqual(['Nr', 'Rubrik', 'Säkerhetsområde', 'Typ', 'Kategori', 'Allvarlighetsgrad', 'Status', 'Inträffade', 'Plats', 'Rapporterad', 'Ändrad', 'Lex Maria (IVO)', 'AML 3:3a (Arbetsmiljöverket)', 'Polisanmälan', 'Myndighetsfrist', 'Anmäld till myndighet (datum)', 'Utredare', 'Rapporterad av', 'Vad hände']);
    expect(data.map((r) => r[0])).toEqual([12, 7, 30]);
    expect(data[0].slice(1, 7)).toEqual(['Rapport 12', 'Arbetsmiljö', 'Olycka', 'Hot och våld', 'Allvarlig', 'Under utredning']);
    expect(serialToWallClock(data[0][7] as number)).toBe('2026-03-01 08:30');
    expect(sheet.formats.get('H2')).toBe('yyyy-mm-dd hh:mm');
    expect(serialToWallClock(data[0][10] as number)).toBe('2026-03-02 10:15');
    expect(data[0].slice(11, 14)).toEqual(['Nej', 'Ja', 'Nej']);
    // AML 3:3a: the day after the event (2 March); the 16th column is empty (not reported).
    expect(serialToWallClock(data[0][14] as number)).toBe('2026-03-02 00:00');
    expect(data[0][15]).toBeUndefined();
    expect(data[0].slice(16)).toEqual(['Erik Holm', 'Anna Lind', 'Föll i trappan.']);
    expect(data[1][17]).toBe('Anonym');
    expect(JSON.stringify(sheet.rows)).not.toContain('Johan Ek');
    expect(data[2][1]).toBe('Rad med\nradbrytning');
    // Closed: no deadline is waited for.
    expect(data[2][14]).toBeUndefined();
  });

  it('writes a file for an empty queue too', async () => {
    const blob = await queueWorkbook({ rows: [], details: new Map(), areas: AREAS, strings: defaultStrings, zone: ZONE, now: NOW });
    expect((await openXlsx(Buffer.from(await blob.arrayBuffer()))).rows).toHaveLength(1);
  });
});
