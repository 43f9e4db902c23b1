/**
 * The report form's rules, checked before anything is sent. The limits come from the list schema,
 * so the form never accepts what SharePoint would refuse.
 */
import { format, IStrings, Locale } from '../../loc';
import { addMonths, dayIn, daysBetween, resolveWallClock, TimeZone } from '../../model/calendar';
import { fieldOf, INCIDENTS_LIST } from '../../model/schema';
import type { EventTypeKey, IArea, INewIncident, SeverityKey } from '../../model/types';
import { formatDay } from '../common/format';

export interface IReportDraft {
  reportId: string;
  areaKey: string;
  eventType: EventTypeKey | '';
  category: string;
  title: string;
  /** The date and time on the site's clock ('yyyy-mm-dd', 'HH:mm'). */
  date: string;
  time: string;
  /** For a time the clocks showed twice (the night they went back): which of the two it was. */
  repeatedTime?: 'earlier' | 'later';
  location: string;
  description: string;
  immediateAction: string;
  severity: SeverityKey | '';
  anonymous: boolean;
  lexMaria: boolean;
  workEnvironmentReport: boolean;
  policeReport: boolean;
}

export type DraftField = keyof IReportDraft | 'when' | 'attachments';
export type ValidationErrors = Partial<Record<DraftField, string>>;

export const MAX_LENGTH = {
  title: fieldOf(INCIDENTS_LIST, 'Title').maxLength!,
  location: fieldOf(INCIDENTS_LIST, 'Location').maxLength!,
  description: fieldOf(INCIDENTS_LIST, 'Description').maxLength!,
  immediateAction: fieldOf(INCIDENTS_LIST, 'ImmediateAction').maxLength!
};

export const MAX_FILES = 5;
export const MAX_FILE_MB = 10;
const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'];
const ALLOWED_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'pdf'];
const OLDEST_YEARS = 5;

/**
 * Characters that change how text is shown without being seen: bidirectional embeddings,
 * overrides and isolates (which can make a text read differently from what it says), zero-width
 * spaces and word joiners, the byte order mark and control codes. Swedish letters, emoji and
 * right-to-left scripts are fine, and so are the characters they need: the zero-width joiner and
 * non-joiner (emoji sequences such as 👩‍⚕️, Persian and Indic scripts) and the left-to-right and
 * right-to-left marks.
 */
// eslint-disable-next-line no-control-regex -- these are exactly the characters being refused
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text);
}

function checkText(errors: ValidationErrors, field: DraftField, value: string, label: string, strings: IStrings, max: number, required: boolean): void {
  if (required && !value.trim()) {
    errors[field] = format(strings.errRequired, label);
  } else if (value.length > max) {
    errors[field] = format(strings.errTooLong, label, max);
  } else if (hasInvisibleCharacters(value)) {
    errors[field] = format(strings.errInvisibleCharacters, label);
  }
}

export function fileProblem(file: File, strings: IStrings): string | undefined {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!ALLOWED_EXTENSIONS.includes(ext) || (file.type && !ALLOWED_TYPES.includes(file.type))) {
    return format(strings.errFileType, file.name);
  }
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return format(strings.errFileSize, file.name, MAX_FILE_MB);
  }
  return undefined;
}

/**
 * The instant the draft's date and time name on the site's clock; undefined when they name none, or
 * two and the user has not chosen which.
 */
export function occurredInstant(draft: Pick<IReportDraft, 'date' | 'time' | 'repeatedTime'>, zone: TimeZone): Date | undefined {
  const when = resolveWallClock(draft.date, draft.time, zone);
  switch (when.kind) {
    case 'exact':
      return when.instant;
    case 'repeated':
      return draft.repeatedTime === 'earlier' ? when.earlier : draft.repeatedTime === 'later' ? when.later : undefined;
    default:
      return undefined;
  }
}

/**
 * @param zone the site's time zone: the date and time are read on its clock
 * @param locale the user's language variant, for dates in messages
 */
export function validateReport(draft: IReportDraft, areas: IArea[], files: File[], strings: IStrings, zone: TimeZone, locale: Locale, now: Date = new Date()): ValidationErrors {
  const errors: ValidationErrors = {};
  // Each message names the field by the label the user sees beside it.
  if (!areas.some((a) => a.key === draft.areaKey)) {
    errors.areaKey = format(strings.errRequiredChoice, strings.chooseArea);
  }
  if (!draft.eventType) {
    errors.eventType = format(strings.errRequiredAnswer, strings.fieldEventType);
  }
  checkText(errors, 'title', draft.title, strings.fieldTitle, strings, MAX_LENGTH.title, true);
  if (!draft.date || !draft.time) {
    errors.when = format(strings.errRequired, `${strings.fieldDate} / ${strings.fieldTime}`);
  } else {
    const clock = resolveWallClock(draft.date, draft.time, zone);
    const when = occurredInstant(draft, zone);
    if (clock.kind === 'invalid') {
      errors.when = strings.errInvalidDate;
    } else if (clock.kind === 'skipped') {
      // Said to the user, not moved: which hour was meant is theirs to say.
      errors.when = format(strings.errTimeSkipped, formatDay(draft.date, locale), draft.time);
    } else if (!when) {
      errors.when = format(strings.errTimeRepeated, formatDay(draft.date, locale), draft.time);
    } else if (when.getTime() > now.getTime() + 60 * 1000) {
      errors.when = strings.errFuture;
    } else if (daysBetween(addMonths(dayIn(now, zone), -12 * OLDEST_YEARS), dayIn(when, zone)) < 0) {
      errors.when = strings.errTooOld;
    }
  }
  checkText(errors, 'location', draft.location, strings.fieldLocation, strings, MAX_LENGTH.location, true);
  checkText(errors, 'description', draft.description, strings.fieldDescription, strings, MAX_LENGTH.description, true);
  checkText(errors, 'immediateAction', draft.immediateAction, strings.fieldImmediateAction, strings, MAX_LENGTH.immediateAction, false);
  if (!draft.severity) {
    errors.severity = format(strings.errRequiredAnswer, strings.fieldSeverity);
  }
  if (files.length > MAX_FILES) {
    errors.attachments = format(strings.errTooManyFiles, MAX_FILES);
  } else {
    const problem = files.map((f) => fileProblem(f, strings)).find(Boolean);
    if (problem) {
      errors.attachments = problem;
    }
  }
  return errors;
}

/** Trimmed, and composed (NFC): an å pasted as a + ring is stored as the one letter å, so searches and exports find it. */
function clean(text: string): string {
  return text.trim().normalize('NFC');
}

/** The report to send; only called on a draft that passed validation. */
export function toNewIncident(draft: IReportDraft, area: IArea, zone: TimeZone): INewIncident {
  const category = area.reportCategories.includes(draft.category) ? draft.category : '';
  return {
    reportId: draft.reportId,
    areaId: area.id,
    title: clean(draft.title),
    eventType: draft.eventType as EventTypeKey,
    category,
    occurredAt: occurredInstant(draft, zone)!,
    location: clean(draft.location),
    description: clean(draft.description),
    immediateAction: clean(draft.immediateAction),
    severity: draft.severity as SeverityKey,
    anonymous: draft.anonymous,
    // Authority questions only count where the area asks them.
    lexMaria: area.reportFlags.includes('lexMaria') && draft.lexMaria,
    workEnvironmentReport: area.reportFlags.includes('workEnvironmentAuthority') && draft.workEnvironmentReport,
    policeReport: area.reportFlags.includes('policeReport') && draft.policeReport
  };
}
