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
import { incidentsText, outcomeText, statusText, summaryText, targetText, typeBreakdown } from './text';

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

/**
 * Text as runs, its line breaks kept as Word's line breaks (w:br): owners write follow-ups and
 * analyses in lines and paragraphs, and a report that ran them together would misquote them.
 */
function runs(text: string, bold?: boolean): TextRun[] {
  // PowerPoint's line break (U+000B) is a line break too, not a character Word cannot hold.
  return text
    // eslint-disable-next-line no-control-regex -- U+000B is exactly the character meant
    .split(/\r\n|\r|\n|\u000b/)
    .map((line, i) => new TextRun({ text: xmlText(line), bold, break: i > 0 ? 1 : undefined }));
}

function p(text: string): Paragraph {
  return new Paragraph({ children: runs(text), spacing: { after: 120 } });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ text: xmlText(text), heading: level, spacing: { before: 240, after: 120 } });
}

function bullet(text: string, bold?: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: bold ? [new TextRun({ text: `${xmlText(bold)}: `, bold: true }), ...runs(text)] : runs(text) });
}

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: runs(text, bold) })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))]
  });
}

/** @param zone the site's time zone: dates are the site's calendar days */
export function annualReportDocument(report: IAnnualReport, strings: IStrings, locale: Locale, zone: TimeZone): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: format(strings.annualReportHeading, report.year), heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
    p(format(strings.generatedAt, formatDateTime(report.generatedAt, locale, zone))),
    heading(strings.summaryHeading, HeadingLevel.HEADING_1),
    p(summaryText(strings, report, locale))
  ];
  for (const s of report.areas) {
    children.push(heading(s.area.title, HeadingLevel.HEADING_1));
    children.push(heading(strings.overallGoals, HeadingLevel.HEADING_2), p(s.area.purpose));
    s.goals.forEach((r) => children.push(bullet(r.goal.title)));
    children.push(heading(strings.goalFulfilment, HeadingLevel.HEADING_2));
    if (s.goals.length === 0) {
      children.push(p(format(strings.noGoals, report.year)));
    } else {
      children.push(
        table(
          [strings.goal, strings.indicator, strings.target, strings.outcome, strings.status],
          s.goals.map((r) => [r.goal.title, r.goal.indicator, targetText(strings, r.goal, locale), outcomeText(strings, r.goal, r.outcome, locale), statusText(strings, r.goal, r.outcome)])
        )
      );
    }
    children.push(heading(strings.riskAnalyses, HeadingLevel.HEADING_2), p(format(strings.riskSummary, s.riskCount)));
    if (s.analyses.length === 0) {
      children.push(p(strings.riskAnalysesNone));
    }
    s.analyses.forEach((a) => children.push(bullet(a.text, a.title)));
    if (s.analysesNotListed) {
      children.push(p(format(strings.moreAnalyses, s.analysesNotListed)));
    }
    children.push(heading(strings.incidentsHeading, HeadingLevel.HEADING_2), p(incidentsText(strings, s)));
    const types = typeBreakdown(strings, s);
    if (types.length) {
      children.push(table([strings.eventType, strings.reportsCount], types.map(([t, n]) => [t, String(n)])));
    }
    if (s.seriousEvents.length) {
      children.push(heading(strings.seriousEvents, HeadingLevel.HEADING_3));
      s.seriousEvents.forEach((e) =>
        children.push(bullet(`${formatDate(e.occurredAt, locale, zone)}, ${label(strings, 'eventType', e.eventType)}, ${label(strings, 'severity', e.severity)} – ${label(strings, 'incidentStatus', e.status)}`, e.title))
      );
      if (s.seriousNotListed) {
        children.push(p(format(strings.moreSeriousEvents, s.seriousNotListed)));
      }
    }
    children.push(heading(strings.followUpHeading, HeadingLevel.HEADING_2));
    s.followUps.forEach((f) => children.push(bullet(f.text, f.title)));
    if (s.completedActions.length) {
      children.push(heading(strings.completedActions, HeadingLevel.HEADING_3));
      s.completedActions.forEach((a) => children.push(bullet(a.text ? `${a.title} (${a.text})` : a.title)));
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
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }]
  });
}

export function annualReportBlob(report: IAnnualReport, strings: IStrings, locale: Locale, zone: TimeZone): Promise<Blob> {
  return Packer.toBlob(annualReportDocument(report, strings, locale, zone));
}
