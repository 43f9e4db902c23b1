/**
 * The work queue as an Excel workbook (.xlsx), built in the browser with write-excel-file (MIT, one
 * dependency: fflate). Loaded only when someone exports.
 *
 * Reporters: a report marked anonymous says "Anonym" – its author is never asked for (see
 * ViewService.loadQueueDetails), so it cannot end up in the file.
 */
import writeXlsxFile, { SheetData } from 'write-excel-file/browser';
import type { IStrings } from '../../loc';
import { parseDay, TimeZone, wallClockIn } from '../../model/calendar';
import { IQueueRow, pendingDeadline } from '../../model/queue';
import type { IArea } from '../../model/types';
import type { IQueueDetail } from '../../services/interfaces';
import { label } from '../common/labels';

/** Excel's limit for the text of one cell. */
const CELL_MAX = 32767;

/**
 * List text for a cell: line breaks as Excel's (LF). Characters XML cannot hold are dropped by the
 * library itself (removeInvalidXmlCharacters), so the file always opens.
 */
function text(value: string): string {
  return value.replace(/\r\n?/g, '\n').slice(0, CELL_MAX);
}

/**
 * An instant as Excel shows it: the wall clock of the site's zone. Excel's dates have no zone, and
 * the library writes a Date's UTC fields, so the Date carries the wall clock in its UTC fields.
 */
function siteClock(instant: Date, zone: TimeZone): Date {
  const { date, time } = wallClockIn(instant, zone);
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

/** A calendar day ('yyyy-mm-dd') as an Excel date (its UTC midnight: Excel's dates have no zone). */
function day(value: string): Date {
  const d = parseDay(value)!;
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export interface IQueueWorkbookInput {
  /** The queue's rows in its order: every page of the filter. */
  rows: IQueueRow[];
  details: Map<number, IQueueDetail>;
  areas: IArea[];
  strings: IStrings;
  zone: TimeZone;
  now: Date;
}

type Cell = SheetData[number][number];

const DATE_TIME = 'yyyy-mm-dd hh:mm';
const DATE = 'yyyy-mm-dd';

/** The workbook: one sheet, a header row, one row per report in the queue's order. */
export function queueWorkbook({ rows, details, areas, strings, zone, now }: IQueueWorkbookInput): Promise<Blob> {
  const yes = (v: boolean): Cell => ({ value: v ? strings.yes : strings.no, type: String });
  const str = (v: string | undefined): Cell => (v ? { value: text(v), type: String } : null);
  const when = (d: Date | undefined): Cell => (d ? { value: siteClock(d, zone), type: Date, format: DATE_TIME } : null);
  const header = [
    strings.queueNumber,
    strings.reportTitle,
    strings.area,
    strings.eventType,
    strings.category,
    strings.severity,
    strings.status,
    strings.occurredAt,
    strings.location,
    strings.reported,
    strings.queueModified,
    label(strings, 'authority', 'lexMaria'),
    label(strings, 'authority', 'workEnvironmentAuthority'),
    label(strings, 'authority', 'policeReport'),
    strings.queueDeadline,
    strings.authorityReportedAt,
    strings.investigator,
    strings.reporter,
    strings.description
  ];
  const data: Cell[][] = [
    header.map((h): Cell => ({ value: h, type: String, fontWeight: 'bold' })),
    ...rows.map((r): Cell[] => {
      const detail = details.get(r.id);
      const deadline = pendingDeadline(r, now, zone);
      return [
        { value: r.id, type: Number },
        str(r.title),
        str(areas.find((a) => a.id === r.areaId)?.title),
        str(label(strings, 'eventType', r.eventType)),
        str(r.category),
        str(label(strings, 'severity', r.severity)),
        str(label(strings, 'incidentStatus', r.status)),
        when(r.occurredAt),
        str(r.location),
        when(r.created),
        when(r.modified),
        yes(r.lexMaria),
        yes(r.workEnvironmentReport),
        yes(r.policeReport),
        deadline ? { value: day(deadline.due), type: Date, format: DATE } : null,
        when(r.authorityReportedAt),
        str(detail?.investigator),
        // Never a name for an anonymous report, whatever the details hold.
        r.anonymous ? str(strings.anonymousReporter) : str(detail?.reporter),
        detail?.description ? { value: text(detail.description), type: String, wrap: true } : null
      ];
    })
  ];
  const widths = [8, 40, 24, 16, 24, 16, 16, 17, 24, 17, 17, 10, 10, 12, 14, 17, 22, 22, 60];
  return writeXlsxFile(data as SheetData, { columns: widths.map((width) => ({ width })), sheet: strings.queueHeading.slice(0, 31), stickyRowsCount: 1 }).toBlob();
}
