/**
 * The säkerhetsberättelse as a Word document (.docx), built in the browser. Loaded only when
 * someone downloads it.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { IAnnualReport } from '../../analytics/annualReport';
import { format, IStrings, Locale } from '../../loc';
import type { TimeZone } from '../../model/calendar';
import { formatDate, formatDateTime } from '../common/format';
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
  heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], list?: boolean): Paragraph;
  bullet(text: string, options?: IBulletOptions): Paragraph;
  /** A table; `listColumns` are the columns that hold list text. */
  table(header: string[], rows: string[][], listColumns?: number[]): Table;
}

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
          new TextRun({ text: xmlText(line), bold: options.bold, break: i > 0 ? 1 : undefined, language: options.list && listLanguage ? { value: listLanguage } : undefined })
      );
  const table = (header: string[], rows: string[][], listColumns: number[] = []): Table => {
    const cell = (text: string, options: IRunOptions = {}): TableCell => new TableCell({ children: [new Paragraph({ children: runs(text, options) })] });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true })) }),
        ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { list: listColumns.includes(i) })) }))
      ]
    });
  };
  return {
    p: (text, list) => new Paragraph({ children: runs(text, { list }), spacing: { after: 120 } }),
    heading: (text, level, list) => new Paragraph({ children: runs(text, { list }), heading: level, spacing: { before: 240, after: 120 } }),
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
  const { p, heading, bullet, table } = writer(contentLanguage);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: format(strings.annualReportHeading, report.year), heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
    p(format(strings.generatedAt, formatDateTime(report.generatedAt, locale, zone))),
    heading(strings.summaryHeading, HeadingLevel.HEADING_1),
    p(summaryText(strings, report, locale))
  ];
  for (const s of report.areas) {
    children.push(heading(s.area.title, HeadingLevel.HEADING_1, true));
    children.push(heading(strings.overallGoals, HeadingLevel.HEADING_2), p(s.area.purpose, true));
    s.goals.forEach((r) => children.push(bullet(r.goal.title, { list: true })));
    children.push(heading(strings.goalFulfilment, HeadingLevel.HEADING_2));
    if (s.goals.length === 0) {
      children.push(p(format(strings.noGoals, report.year)));
    } else {
      children.push(
        table(
          [strings.goal, strings.indicator, strings.target, strings.outcome, strings.status],
          s.goals.map((r) => [r.goal.title, r.goal.indicator, targetText(strings, r.goal, locale), outcomeText(strings, r.goal, r.outcome, locale), statusText(strings, r.goal, r.outcome)]),
          [0, 1]
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
          [0]
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
      children.push(table([strings.eventType, strings.reportsCount], types.map(([t, n]) => [t, String(n)])));
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
  return new Document({
    creator: 'Säkerhet',
    title: format(strings.annualReportHeading, report.year),
    description: format(strings.generatedAt, formatDateTime(report.generatedAt, locale, zone)),
    // The document's own language is the UI's; list text is marked where it differs (see writer()).
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: locale } } } } },
    sections: [{ children }]
  });
}

export function annualReportBlob(report: IAnnualReport, strings: IStrings, locale: Locale, zone: TimeZone, contentLanguage?: string): Promise<Blob> {
  return Packer.toBlob(annualReportDocument(report, strings, locale, zone, contentLanguage));
}
