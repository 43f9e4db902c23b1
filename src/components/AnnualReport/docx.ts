/**
 * The säkerhetsberättelse as a Word document (.docx), built in the browser. Loaded only when
 * someone downloads it.
 */
import { AlignmentType, Bookmark, Document, Footer, Header, HeadingLevel, InternalHyperlink, LeaderType, Packer, PageBreak, PageNumber, PageReference, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import type { IAnnualReport } from '../../analytics/annualReport';
import { format, IStrings, Locale } from '../../loc';
import type { TimeZone } from '../../model/calendar';
import { formatDate, formatDateTime, withUnit } from '../common/format';
import { label } from '../common/labels';
import { incidentsText, outcomeText, riskChangeText, riskLevelText, riskRegisterText, statusText, summaryText, targetText, typeBreakdown } from './text';

/** Characters XML 1.0 cannot hold: most C0 controls, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * List text as a Word file can hold it. The docx library escapes markup but passes control
 * characters on, and one of them (PowerPoint's line break U+000B comes along when text is pasted)
 * makes the whole document unreadable; they become U+FFFD, the replacement character.
 */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

interface IRunOptions {
  bold?: boolean;
  /** In half-points (20 = 10 pt); the document's default otherwise. */
  size?: number;
  /** List text: marked with the lists' language where the document is in another (WCAG 3.1.2). */
  list?: boolean;
}

/** A bullet's parts: a bold lead ("Title: ") and the text, each list text or not. */
interface IBulletOptions {
  lead?: string;
  leadList?: boolean;
  list?: boolean;
}

interface IWriter {
  p(text: string, list?: boolean): Paragraph;
  /**
   * A heading; `newPage`: it starts a page (each area of the säkerhetsberättelse does);
   * `bookmark`: the name the contents link to.
   */
  heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], list?: boolean, newPage?: boolean, bookmark?: string): Paragraph;
  /** A line of the contents: the heading's text linked to its bookmark, dots, and its page (a PAGEREF field). */
  contentsLine(text: string, bookmark: string, list?: boolean): Paragraph;
  bullet(text: string, options?: IBulletOptions): Paragraph;
  /**
   * A table; `listColumns` are the columns that hold list text; `weights` share the page's width
   * between the columns (by default evenly), so short values do not get as much room as long text.
   */
  table(header: string[], rows: string[][], listColumns?: number[], weights?: number[]): Table;
}

/** The text width of an A4 page with the library's default 1-inch margins, in twips (1/1440 in). */
const CONTENT_WIDTH = 11906 - 2 * 1440;

/**
 * The paragraphs and tables of one document. `listLanguage` (a BCP 47 tag, e.g. sv-SE) marks list
 * text, so Word's proofing and a screen reader's voice follow the language it was written in;
 * undefined where the lists are in the document's own language.
 */
function writer(listLanguage: string | undefined): IWriter {
  /**
   * Text as runs, its line breaks kept as Word's line breaks (w:br): owners write follow-ups and
   * analyses in lines and paragraphs, and a report that ran them together would misquote them.
   */
  const runs = (text: string, options: IRunOptions = {}): TextRun[] =>
    text
      // PowerPoint's line break (U+000B) is a line break too, not a character Word cannot hold.
      // eslint-disable-next-line no-control-regex -- U+000B is exactly the character meant
      .split(/\r\n|\r|\n|\u000b/)
      .map(
        (line, i) =>
          new TextRun({ text: xmlText(line), bold: options.bold, size: options.size, break: i > 0 ? 1 : undefined, language: options.list && listLanguage ? { value: listLanguage } : undefined })
      );
  const table = (header: string[], rows: string[][], listColumns: number[] = [], weights: number[] = header.map(() => 1)): Table => {
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((CONTENT_WIDTH * w) / total));
    // Tables in 10 pt, so that a column header such as "Utgångsvärde" keeps to one line.
    const cell = (text: string, column: number, options: IRunOptions = {}): TableCell =>
      new TableCell({ width: { size: widths[column], type: WidthType.DXA }, children: [new Paragraph({ children: runs(text, { ...options, size: 20 }) })] });
    return new Table({
      // Fixed widths: Word and LibreOffice both keep them, instead of sizing columns by their first words.
      layout: TableLayoutType.FIXED,
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, { bold: true })) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, { list: listColumns.includes(i) })) }))
      ]
    });
  };
  return {
    p: (text, list) => new Paragraph({ children: runs(text, { list }), spacing: { after: 120 } }),
    heading: (text, level, list, newPage, bookmark) =>
      new Paragraph({
        children: bookmark ? [new Bookmark({ id: bookmark, children: runs(text, { list }) })] : runs(text, { list }),
        heading: level,
        pageBreakBefore: newPage,
        spacing: { before: 240, after: 120 }
      }),
    contentsLine: (text, bookmark, list) =>
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH, leader: LeaderType.DOT }],
        spacing: { after: 60 },
        children: [new InternalHyperlink({ anchor: bookmark, children: runs(text, { list }) }), new TextRun('\t'), new PageReference(bookmark)]
      }),
    bullet: (text, options = {}) =>
      new Paragraph({
        bullet: { level: 0 },
        children: [...(options.lead ? runs(`${options.lead}: `, { bold: true, list: options.leadList }) : []), ...runs(text, { list: options.list })]
      }),
    table
  };
}

/**
 * The document, in the UI's language (`locale`).
 * @param zone the site's time zone: dates are the site's calendar days
 * @param contentLanguage the lists' language (BCP 47) where it differs from the UI's: marks list text
 */
export function annualReportDocument(report: IAnnualReport, strings: IStrings, locale: Locale, zone: TimeZone, contentLanguage?: string): Document {
  const { p, heading, bullet, table, contentsLine } = writer(contentLanguage);
  const bookmarkOf = (areaId: number): string => `area_${areaId}`;
  const title = format(strings.annualReportHeading, report.year);
  const children: (Paragraph | Table)[] = [
    // A title page, then the contents, then the summary: a paper for the board.
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT, spacing: { before: 2880, after: 240 } }),
    p(format(strings.annualReportIntro, report.year)),
    p(format(strings.generatedAt, formatDateTime(report.generatedAt, locale, zone))),
    new Paragraph({ children: [new PageBreak()] }),
    // Not a heading style: the contents do not list themselves.
    new Paragraph({ children: [new TextRun({ text: strings.docxContents, bold: true, size: 32 })], spacing: { after: 240 } }),
    // The contents as lines of their own, each linked to its heading with its page as a PAGEREF
    // field: Word and LibreOffice both show them at once (a TOC field shows its bare code in
    // LibreOffice until someone updates it); the page numbers are filled in on opening.
    contentsLine(strings.summaryHeading, 'summary'),
    ...report.areas.map((s) => contentsLine(s.area.title, bookmarkOf(s.area.id), true)),
    new Paragraph({ children: [new PageBreak()] }),
    heading(strings.summaryHeading, HeadingLevel.HEADING_1, false, false, 'summary'),
    p(summaryText(strings, report, locale))
  ];
  for (const s of report.areas) {
    // Each area on a page of its own.
    children.push(heading(s.area.title, HeadingLevel.HEADING_1, true, true, bookmarkOf(s.area.id)));
    children.push(heading(strings.overallGoals, HeadingLevel.HEADING_2), p(s.area.purpose, true));
    s.goals.forEach((r) => children.push(bullet(r.goal.title, { list: true })));
    children.push(heading(strings.goalFulfilment, HeadingLevel.HEADING_2));
    if (s.goals.length === 0) {
      children.push(p(format(strings.noGoals, report.year)));
    } else {
      children.push(
        table(
          // The columns of the screen's goal table.
          [strings.goal, strings.indicator, strings.baseline, strings.target, strings.outcome, strings.status],
          s.goals.map((r) => [
            r.goal.title,
            r.goal.indicator,
            r.goal.baseline === undefined ? '–' : withUnit(r.goal.baseline, r.goal.unit, locale),
            targetText(strings, r.goal, locale),
            outcomeText(strings, r.goal, r.outcome, locale),
            statusText(strings, r.goal, r.outcome)
          ]),
          [0, 1],
          [22, 20, 16, 14, 13, 15]
        )
      );
    }
    children.push(heading(strings.riskAnalyses, HeadingLevel.HEADING_2), p(format(strings.riskSummary, s.riskCount)));
    if (s.analyses.length === 0) {
      children.push(p(strings.riskAnalysesNone));
    }
    s.analyses.forEach((a) => children.push(bullet(a.text, { lead: a.title, leadList: true, list: true })));
    if (s.analysesNotListed) {
      children.push(p(format(strings.moreAnalyses, s.analysesNotListed)));
    }
    children.push(heading(strings.riskRegisterHeading, HeadingLevel.HEADING_3), p(riskRegisterText(strings, s.register)));
    if (s.register.length) {
      children.push(
        table(
          [strings.riskTitle, strings.riskLevel, strings.riskAfterMeasures, strings.riskChangeColumn],
          s.register.map((r) => [r.title, riskLevelText(strings, r.level, r.value), r.residualLevel ? riskLevelText(strings, r.residualLevel) : '–', riskChangeText(strings, r)]),
          [0],
          [40, 18, 18, 24]
        )
      );
    }
    if (s.riskMeasures.length) {
      children.push(heading(strings.riskMeasuresHeading, HeadingLevel.HEADING_3));
      s.riskMeasures.forEach((a) => children.push(bullet(`${a.title} (${a.text})`, { list: true })));
    }
    children.push(heading(strings.incidentsHeading, HeadingLevel.HEADING_2), p(incidentsText(strings, s)));
    const types = typeBreakdown(strings, s);
    if (types.length) {
      children.push(table([strings.eventType, strings.reportsCount], types.map(([t, n]) => [t, String(n)]), [], [3, 1]));
    }
    if (s.seriousEvents.length) {
      children.push(heading(strings.seriousEvents, HeadingLevel.HEADING_3));
      s.seriousEvents.forEach((e) =>
        children.push(
          bullet(`${formatDate(e.occurredAt, locale, zone)}, ${label(strings, 'eventType', e.eventType)}, ${label(strings, 'severity', e.severity)} – ${label(strings, 'incidentStatus', e.status)}`, {
            lead: e.title,
            leadList: true
          })
        )
      );
      if (s.seriousNotListed) {
        children.push(p(format(strings.moreSeriousEvents, s.seriousNotListed)));
      }
    }
    children.push(heading(strings.followUpHeading, HeadingLevel.HEADING_2));
    s.followUps.forEach((f) => children.push(bullet(f.text, { lead: f.title, leadList: true, list: true })));
    if (s.completedActions.length) {
      children.push(heading(strings.completedActions, HeadingLevel.HEADING_3));
      s.completedActions.forEach((a) => children.push(bullet(a.text ? `${a.title} (${a.text})` : a.title, { list: true })));
      if (s.actionsNotListed) {
        children.push(p(format(strings.moreActions, s.actionsNotListed)));
      }
    }
    children.push(p(format(strings.improvementSuggestions, s.improvementCount)));
    if (s.followUps.length === 0 && s.completedActions.length === 0) {
      children.push(p(strings.nothingRecorded));
    }
  }
  // "Sida {0} av {1}": the words of the language around Word's own page fields.
  const [before, between, after] = strings.docxPageOf.split(/\{[01]\}/);
  const pageOf = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after ?? ''] })] });
  const empty = (): Paragraph => new Paragraph({});
  return new Document({
    creator: 'Säkerhet',
    lastModifiedBy: 'Säkerhet',
    title,
    description: format(strings.generatedAt, formatDateTime(report.generatedAt, locale, zone)),
    // Word fills in the contents' page numbers (PAGEREF fields) when the document is opened.
    features: { updateFields: true },
    // The document's own language is the UI's; list text is marked where it differs (see writer()).
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: locale } } } } },
    sections: [
      {
        // The title page has neither header nor page number.
        properties: { titlePage: true },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 18 })] })] }), first: new Header({ children: [empty()] }) },
        footers: { default: new Footer({ children: [pageOf] }), first: new Footer({ children: [empty()] }) },
        children
      }
    ]
  });
}

export function annualReportBlob(report: IAnnualReport, strings: IStrings, locale: Locale, zone: TimeZone, contentLanguage?: string): Promise<Blob> {
  return Packer.toBlob(annualReportDocument(report, strings, locale, zone, contentLanguage));
}
