/**
 * From list items as SharePoint's REST API returns them to the product's models, and back.
 * The fields selected come from the one schema, so a field renamed there is renamed here.
 */
import {
  AREAS_LIST,
  DOCUMENTS_LIST,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  EVENT_TYPES,
  GOALS_LIST,
  ACTIONS_LIST,
  ACTION_STATUSES,
  GOAL_DIRECTIONS,
  GOAL_STATUSES,
  INDICATOR_SOURCES,
  MEASURES,
  IListSchema,
  INCIDENTS_LIST,
  INCIDENT_STATUSES,
  REPORT_FLAGS,
  SEVERITIES,
  RISKS_LIST,
  RISK_ASSESSMENTS_LIST,
  RISK_STATUSES,
  RISK_LEVELS,
  ASSESSMENT_STATUSES,
  choiceKey,
  choiceValue,
  fieldOf
} from '../model/schema';
import {
  ActionStatusKey,
  DocumentStatusKey,
  DocumentTypeKey,
  EventTypeKey,
  GoalDirectionKey,
  GoalStatusKey,
  IAction,
  IArea,
  IGoal,
  IGoverningDocument,
  IIncident,
  IMeasure,
  IndicatorSourceKey,
  MeasureKey,
  INewIncident,
  IPerson,
  IncidentStatusKey,
  ReportFlagKey,
  SeverityKey,
  IRisk,
  IRiskAssessment,
  IRiskScores,
  RiskStatusKey,
  AssessmentStatusKey
} from '../model/types';
import { consequenceGrade, consequenceValue, likelihoodGrade, likelihoodValue, riskLevel, riskValue, type IRiskScore } from '../model/risk';
import type { IReportFacts } from '../analytics/indicators';
import type { IQueueRow } from '../model/queue';

type Raw = Record<string, unknown>;

/** The longest report category Händelser's Kategori column can store (an area's categories flow into it). */
export const CATEGORY_MAX = fieldOf(INCIDENTS_LIST, 'Category').maxLength ?? 255;

export interface IQueryShape {
  select: string[];
  expand: string[];
}

/**
 * $select and $expand for a list: every schema field (lookups and people as their Id), people
 * expanded to name and e-mail, plus what the model needs of the item itself.
 */
export function queryShape(list: IListSchema, extra: string[] = []): IQueryShape {
  const select = ['Id', 'Created', 'Modified', ...extra];
  const expand: string[] = [];
  for (const f of list.fields) {
    if (f.type === 'User') {
      select.push(`${f.name}Id`, `${f.name}/Id`, `${f.name}/Title`, `${f.name}/EMail`);
      expand.push(f.name);
    } else if (f.type === 'Lookup' || f.type === 'LookupMulti') {
      select.push(`${f.name}Id`);
    } else {
      select.push(f.name);
    }
  }
  return { select, expand };
}

export const AREA_SHAPE = queryShape(AREAS_LIST);
export const GOAL_SHAPE = queryShape(GOALS_LIST);
export const DOCUMENT_SHAPE = queryShape(DOCUMENTS_LIST, ['FileLeafRef', 'FileRef']);
/** Actions carry who saved them last, for "who saved first" after a conflict. */
export const ACTION_SHAPE: IQueryShape = (() => {
  const shape = queryShape(ACTIONS_LIST, ['EditorId', 'Editor/Id', 'Editor/Title', 'Editor/EMail']);
  return { select: shape.select, expand: [...shape.expand, 'Editor'] };
})();
/** The register's risks (lists of them: no one's name beyond the risk owner's). */
export const RISK_SHAPE = queryShape(RISKS_LIST);
/** One risk with who saved it last, for "who saved first" after a conflict. */
export const RISK_DETAIL_SHAPE: IQueryShape = { select: [...RISK_SHAPE.select, 'EditorId', 'Editor/Id', 'Editor/Title', 'Editor/EMail'], expand: [...RISK_SHAPE.expand, 'Editor'] };
export const RISK_ASSESSMENT_SHAPE = queryShape(RISK_ASSESSMENTS_LIST);
/**
 * A report without its reporter: no Author, no Editor (the reporter may have been the last to
 * edit). Who reported is asked for apart (REPORTER_SHAPE), and only where the viewer may know it
 * (reporterVisibleTo), so the reporter of an anonymous report never reaches anyone else's browser.
 */
export const INCIDENT_SHAPE: IQueryShape = queryShape(INCIDENTS_LIST, ['Attachments']);

/** The handling's internal fields (the analysis, the investigator, the risk it realised): read only by people who handle reports, never for the reporter's own views. */
const INTERNAL_FIELDS = ['Analysis', 'Investigator', 'Risk'];

/**
 * A report as its reporter sees it: INCIDENT_SHAPE without the analysis and the investigator.
 * SharePoint would let her read her own item whole; the product asks only for what it shows her.
 */
export const REPORTER_VIEW_SHAPE: IQueryShape = {
  select: INCIDENT_SHAPE.select.filter((f) => !INTERNAL_FIELDS.some((i) => f === i || f === `${i}Id` || f.startsWith(`${i}/`))),
  expand: INCIDENT_SHAPE.expand.filter((e) => !INTERNAL_FIELDS.includes(e))
};

/**
 * The reporter of a report: the item's Author (SharePoint's "Skapad av"), and who saved it last
 * (Editor, for "who saved first" after a conflict) – asked for together because the last editor
 * may be the reporter.
 */
export const REPORTER_SHAPE: IQueryShape = {
  select: ['Id', 'AuthorId', 'Author/Id', 'Author/Title', 'Author/EMail', 'EditorId', 'Editor/Id', 'Editor/Title', 'Editor/EMail'],
  expand: ['Author', 'Editor']
};

/**
 * The OData condition under which a viewer may learn a report's reporter: the report is not
 * anonymous, or the viewer wrote it. Added to every query that selects REPORTER_SHAPE unless the
 * query already reads only the viewer's own reports.
 */
export function reporterVisibleTo(userId: number): string {
  return `(Anonymous eq 0 or AuthorId eq ${Number(userId)})`;
}

/** The reporter from a REPORTER_SHAPE row. */
export function reporterOf(raw: Raw): IPerson | undefined {
  return person(raw.Author);
}

/** Who saved the report last, from a REPORTER_SHAPE row. */
export function editorOf(raw: Raw): IPerson | undefined {
  return person(raw.Editor);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function date(v: unknown): Date | undefined {
  if (typeof v !== 'string' || !v) {
    return undefined;
  }
  const d = new Date(v);
  return isNaN(d.getTime()) ? undefined : d;
}

/**
 * Multiple lines of text as owners typed them in SharePoint, with every kind of line break (CR LF,
 * a lone CR, LF) as '\n': shown with its lines on screen, in print and in the .docx.
 */
export function multiline(v: unknown): string {
  return str(v).replace(/\r\n?/g, '\n');
}

function lines(v: unknown): string[] {
  return multiline(v)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function person(v: unknown): IPerson | undefined {
  if (!v || typeof v !== 'object') {
    return undefined;
  }
  const p = v as Raw;
  const id = num(p.Id);
  if (id === undefined) {
    return undefined;
  }
  return { id, displayName: str(p.Title), email: str(p.EMail) || undefined };
}

function etag(raw: Raw): string {
  return str(raw['odata.etag']);
}

export function toArea(raw: Raw): IArea {
  return {
    id: num(raw.Id) ?? 0,
    key: str(raw.AreaKey),
    title: str(raw.Title),
    scope: multiline(raw.Scope),
    purpose: multiline(raw.Purpose),
    responsibility: multiline(raw.Responsibility),
    ownerRole: str(raw.OwnerRole),
    owner: person(raw.Owner),
    deputy: person(raw.Deputy),
    laws: lines(raw.Laws),
    // Only what Händelser can store is offered in the report form; the rest is shown to owners.
    reportCategories: lines(raw.ReportCategories).filter((c) => c.length <= CATEGORY_MAX),
    unusableCategories: lines(raw.ReportCategories).filter((c) => c.length > CATEGORY_MAX),
    reportFlags: (Array.isArray(raw.ReportFlags) ? raw.ReportFlags : [])
      .map((v) => choiceKey(REPORT_FLAGS, v) as ReportFlagKey | undefined)
      .filter((k): k is ReportFlagKey => !!k),
    sortOrder: num(raw.SortOrder) ?? 999
  };
}

function measureOf(raw: Raw): IMeasure | undefined {
  const kind = choiceKey(MEASURES, raw.Measure) as MeasureKey | undefined;
  if (!kind) {
    return undefined;
  }
  return {
    kind,
    eventTypes: (Array.isArray(raw.MeasureEventTypes) ? raw.MeasureEventTypes : [])
      .map((v) => choiceKey(EVENT_TYPES, v) as EventTypeKey | undefined)
      .filter((k): k is EventTypeKey => !!k),
    category: str(raw.MeasureCategory),
    minSeverity: choiceKey(SEVERITIES, raw.MeasureMinSeverity) as SeverityKey | undefined,
    days: num(raw.MeasureDays)
  };
}

export function toGoal(raw: Raw): IGoal {
  return {
    id: num(raw.Id) ?? 0,
    etag: etag(raw),
    areaId: num(raw.AreaId) ?? 0,
    title: str(raw.Title),
    period: num(raw.Period) ?? 0,
    indicator: str(raw.Indicator),
    unit: str(raw.Unit),
    direction: (choiceKey(GOAL_DIRECTIONS, raw.Direction) ?? 'atLeast') as GoalDirectionKey,
    baseline: num(raw.Baseline),
    target: num(raw.Target) ?? 0,
    outcome: num(raw.Outcome),
    outcomeComputedAt: date(raw.OutcomeComputedAt),
    outcomeBasis: num(raw.OutcomeBasis),
    outcomeValidUntil: date(raw.OutcomeValidUntil),
    indicatorSource: (choiceKey(INDICATOR_SOURCES, raw.IndicatorSource) ?? 'manual') as IndicatorSourceKey,
    measure: measureOf(raw),
    statusOverride: choiceKey(GOAL_STATUSES, raw.StatusOverride) as GoalStatusKey | undefined,
    statusComment: multiline(raw.StatusComment),
    responsible: person(raw.Responsible),
    followUp: multiline(raw.FollowUp)
  };
}

/**
 * @param reporter who reported, if the viewer may know it (REPORTER_SHAPE, reporterVisibleTo); the
 * row itself never carries it. SharePoint still records the author; the product does not fetch it.
 * @param editor who saved the report last, under the same condition as the reporter (editorOf)
 */
export function toIncident(raw: Raw, reporter: IPerson | undefined, editor?: IPerson): IIncident {
  return {
    id: num(raw.Id) ?? 0,
    etag: etag(raw),
    reportId: str(raw.ReportId),
    areaId: num(raw.AreaId) ?? 0,
    title: str(raw.Title),
    eventType: (choiceKey(EVENT_TYPES, raw.EventType) ?? 'deviation') as EventTypeKey,
    category: str(raw.Category),
    occurredAt: date(raw.OccurredAt) ?? new Date(0),
    location: str(raw.Location),
    description: multiline(raw.Description),
    immediateAction: multiline(raw.ImmediateAction),
    severity: (choiceKey(SEVERITIES, raw.Severity) ?? 'low') as SeverityKey,
    status: (choiceKey(INCIDENT_STATUSES, raw.Status) ?? 'new') as IncidentStatusKey,
    anonymous: raw.Anonymous === true,
    lexMaria: raw.LexMaria === true,
    workEnvironmentReport: raw.WorkEnvironmentReport === true,
    policeReport: raw.PoliceReport === true,
    created: date(raw.Created) ?? new Date(0),
    modified: date(raw.Modified) ?? new Date(0),
    reporter,
    // Who saved last comes with the reporter (REPORTER_SHAPE): never for a report anonymous towards the viewer.
    editor,
    hasAttachments: raw.Attachments === true,
    investigator: person(raw.Investigator),
    analysis: multiline(raw.Analysis),
    closedAt: date(raw.ClosedAt),
    authorityReportedAt: date(raw.AuthorityReportedAt),
    statusChangedAt: date(raw.StatusChangedAt),
    riskId: num(raw.RiskId),
    reporterMessage: multiline(raw.ReporterMessage),
    reporterAddition: multiline(raw.ReporterAddition),
    reporterAddedAt: date(raw.ReporterAddedAt)
  };
}

export function toAction(raw: Raw): IAction {
  return {
    id: num(raw.Id) ?? 0,
    etag: etag(raw),
    incidentId: num(raw.IncidentId) ?? 0,
    riskId: num(raw.RiskId),
    title: str(raw.Title),
    owner: person(raw.ActionOwner),
    dueDate: date(raw.DueDate) ?? new Date(0),
    status: (choiceKey(ACTION_STATUSES, raw.ActionStatus) ?? 'planned') as ActionStatusKey,
    completedAt: date(raw.CompletedAt),
    modified: date(raw.Modified),
    editor: person(raw.Editor)
  };
}

/**
 * The scores stored in a risk or an assessment: before measures when both grades are there, after
 * measures when both of those are. Level and value are always recomputed from the grades by the
 * matrix (model/risk.ts), never read back, so a matrix the region changed applies at once.
 */
function scoresOf(raw: Raw): IRiskScores | undefined {
  const score = (l: unknown, c: unknown): IRiskScore | undefined => {
    const likelihood = likelihoodGrade(l);
    const consequence = consequenceGrade(c);
    return likelihood && consequence ? { likelihood, consequence } : undefined;
  };
  const before = score(raw.Likelihood, raw.Consequence);
  return before ? { before, after: score(raw.ResidualLikelihood, raw.ResidualConsequence) } : undefined;
}

/** The list fields of a set of scores: grades as the scale's choice values, value and level by the matrix. */
export function fromScores(scores: IRiskScores | undefined): Raw {
  const part = (prefix: '' | 'Residual', s: IRiskScore | undefined): Raw => ({
    [`${prefix}Likelihood`]: s ? likelihoodValue(s.likelihood) : null,
    [`${prefix}Consequence`]: s ? consequenceValue(s.consequence) : null,
    [`${prefix}RiskValue`]: s ? riskValue(s) : null,
    [`${prefix}RiskLevel`]: s ? choiceValue(RISK_LEVELS, riskLevel(s)) : null
  });
  return { ...part('', scores?.before), ...part('Residual', scores?.after) };
}

export function toRisk(raw: Raw): IRisk {
  return {
    id: num(raw.Id) ?? 0,
    etag: etag(raw),
    areaId: num(raw.AreaId) ?? 0,
    title: str(raw.Title),
    threat: multiline(raw.Threat),
    harm: multiline(raw.Harm),
    location: str(raw.Location),
    controls: multiline(raw.Controls),
    owner: person(raw.RiskOwner),
    status: (choiceKey(RISK_STATUSES, raw.RiskStatus) ?? 'identified') as RiskStatusKey,
    scores: scoresOf(raw),
    assessedAt: date(raw.AssessedAt),
    nextReview: date(raw.NextReview),
    modified: date(raw.Modified),
    editor: person(raw.Editor)
  };
}

export function toRiskAssessment(raw: Raw): IRiskAssessment {
  return {
    id: num(raw.Id) ?? 0,
    etag: etag(raw),
    riskId: num(raw.RiskId) ?? 0,
    title: str(raw.Title),
    assessedAt: date(raw.AssessedAt) ?? new Date(0),
    status: (choiceKey(ASSESSMENT_STATUSES, raw.AssessmentStatus) ?? 'draft') as AssessmentStatusKey,
    scores: scoresOf(raw),
    assessor: person(raw.Assessor),
    motivation: multiline(raw.Motivation)
  };
}

export function fromNewIncident(report: INewIncident): Raw {
  return {
    Title: report.title,
    ReportId: report.reportId,
    AreaId: report.areaId,
    EventType: choiceValue(EVENT_TYPES, report.eventType),
    Category: report.category || null,
    OccurredAt: report.occurredAt.toISOString(),
    Location: report.location,
    Description: report.description,
    ImmediateAction: report.immediateAction || null,
    Severity: choiceValue(SEVERITIES, report.severity),
    Anonymous: report.anonymous,
    LexMaria: report.lexMaria,
    WorkEnvironmentReport: report.workEnvironmentReport,
    PoliceReport: report.policeReport
  };
}

/**
 * Whether a library item has every required column filled in. SharePoint lets a document be uploaded
 * without its required metadata (SPFileCollectionAddParameters.CheckRequiredFields is off; its list
 * shows "Required info" until the owner fills it in): until then it is not a governing document,
 * and the app does not present it as one. The built-in Title is not among them (the file name
 * stands in for it).
 */
export function hasRequiredMetadata(raw: Raw): boolean {
  return DOCUMENTS_LIST.fields.every((f) => {
    if (!f.required || f.builtIn) {
      return true;
    }
    const value = f.type === 'User' || f.type === 'Lookup' || f.type === 'LookupMulti' ? raw[`${f.name}Id`] : raw[f.name];
    return !(value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
  });
}

export function toDocument(raw: Raw): IGoverningDocument {
  const fileName = str(raw.FileLeafRef);
  return {
    id: num(raw.Id) ?? 0,
    title: str(raw.Title) || fileName,
    fileName,
    fileUrl: str(raw.FileRef),
    documentType: (choiceKey(DOCUMENT_TYPES, raw.DocumentType) ?? 'routine') as DocumentTypeKey,
    areaIds: Array.isArray(raw.AreasId) ? (raw.AreasId as unknown[]).filter((v): v is number => typeof v === 'number') : [],
    registrationNumber: str(raw.RegistrationNumber),
    version: str(raw.DocVersion),
    owner: person(raw.DocumentOwner),
    responsibleUnit: str(raw.ResponsibleUnit),
    approvedBy: str(raw.ApprovedBy),
    validFrom: date(raw.ValidFrom) ?? new Date(0),
    validTo: date(raw.ValidTo),
    status: (choiceKey(DOCUMENT_STATUSES, raw.DocStatus) ?? 'approved') as DocumentStatusKey,
    modified: date(raw.Modified) ?? new Date(0)
  };
}

/** The fields the lägesbild and the säkerhetsberättelse read of every report. */
export const FACTS_SELECT = ['Id', 'ReportId', 'AreaId', 'Title', 'EventType', 'Severity', 'Status', 'Category', 'OccurredAt', 'Created', 'ClosedAt', 'LexMaria', 'WorkEnvironmentReport', 'PoliceReport', 'AuthorityReportedAt'];

export function toFacts(raw: Raw): IReportFacts {
  return {
    id: num(raw.Id) ?? 0,
    areaId: num(raw.AreaId) ?? 0,
    title: str(raw.Title),
    eventType: (choiceKey(EVENT_TYPES, raw.EventType) ?? 'deviation') as EventTypeKey,
    severity: (choiceKey(SEVERITIES, raw.Severity) ?? 'low') as SeverityKey,
    status: (choiceKey(INCIDENT_STATUSES, raw.Status) ?? 'new') as IncidentStatusKey,
    category: str(raw.Category),
    occurredAt: date(raw.OccurredAt) ?? new Date(0),
    created: date(raw.Created) ?? new Date(0),
    closedAt: date(raw.ClosedAt),
    lexMaria: raw.LexMaria === true,
    workEnvironmentReport: raw.WorkEnvironmentReport === true,
    policeReport: raw.PoliceReport === true,
    authorityReportedAt: date(raw.AuthorityReportedAt)
  };
}

/** The fields the work queue reads of every report in its filter: no reporter, no long texts. */
export const QUEUE_SELECT = [...FACTS_SELECT, 'Location', 'Modified', 'Anonymous'];

export function toQueueRow(raw: Raw): IQueueRow {
  return { ...toFacts(raw), reportId: str(raw.ReportId), location: str(raw.Location), modified: date(raw.Modified) ?? new Date(0), anonymous: raw.Anonymous === true };
}
