/**
 * The product's models: what services return and components render. Never raw list items.
 * Choice values are carried as stable keys; their Swedish stored values live in schema.ts and their
 * labels in loc/.
 */
import type { IRiskScore } from './risk';

export type EventTypeKey = 'risk' | 'nearMiss' | 'accident' | 'deviation' | 'deficiency' | 'incident' | 'improvement';
export type SeverityKey = 'low' | 'moderate' | 'serious' | 'critical';
export type IncidentStatusKey = 'new' | 'investigating' | 'actionsOngoing' | 'closed';
export type GoalStatusKey = 'ongoing' | 'met' | 'partlyMet' | 'notMet';
export type GoalDirectionKey = 'atLeast' | 'atMost';
export type DocumentTypeKey = 'policy' | 'guideline' | 'routine' | 'instruction' | 'plan';
export type DocumentStatusKey = 'draft' | 'approved' | 'underRevision' | 'repealed';
export type ReportFlagKey = 'lexMaria' | 'workEnvironmentAuthority' | 'policeReport';
export type IndicatorSourceKey = 'manual' | 'computed';
export type MeasureKey = 'count' | 'closedWithin' | 'medianDaysToClose';
export type ActionStatusKey = 'planned' | 'ongoing' | 'done';

export interface IPerson {
  id: number;
  displayName: string;
  email?: string;
}

/**
 * A person the people picker found in the organisation's directory: not necessarily a user of the
 * site yet, so without a site user id until ensured (IUserService.ensurePerson).
 */
export interface IDirectoryPerson {
  /** The claims login, e.g. i:0#.f|membership|anna.lind@region.example (the picker entity's Key). */
  key: string;
  displayName: string;
  email?: string;
  jobTitle?: string;
}

export interface IArea {
  id: number;
  key: string;
  title: string;
  scope: string;
  purpose: string;
  responsibility: string;
  ownerRole: string;
  owner?: IPerson;
  /** Handles the area's reports too (Ställföreträdare). */
  deputy?: IPerson;
  laws: string[];
  /** The categories the report form offers: those Händelser's Kategori column can store. */
  reportCategories: string[];
  /** Categories in the area list too long for Händelser (never offered; shown to owners to fix). */
  unusableCategories?: string[];
  reportFlags: ReportFlagKey[];
  sortOrder: number;
}

export interface IGoal {
  id: number;
  etag: string;
  areaId: number;
  title: string;
  period: number;
  indicator: string;
  unit: string;
  direction: GoalDirectionKey;
  baseline?: number;
  target: number;
  /** The outcome: entered by the owner, or the last one the app computed and stored. */
  outcome?: number;
  /** When a computed outcome was last computed and stored. */
  outcomeComputedAt?: Date;
  /** How many reports the stored computed outcome is of (IIndicatorValue.basis). */
  outcomeBasis?: number;
  /** From when the stored computed outcome no longer holds unless computed again (IIndicatorValue.validUntil). */
  outcomeValidUntil?: Date;
  indicatorSource: IndicatorSourceKey;
  /** How a computed indicator counts the area's reports. */
  measure?: IMeasure;
  /** An owner's own judgement of the status, which must come with a comment. */
  statusOverride?: GoalStatusKey;
  statusComment: string;
  responsible?: IPerson;
  followUp: string;
}

export interface IMeasure {
  kind: MeasureKey;
  /** Only these event types; empty means all. */
  eventTypes: EventTypeKey[];
  /** Only this category; empty means all. */
  category: string;
  /** Only reports at least this severe. */
  minSeverity?: SeverityKey;
  /** For closedWithin: days from report to closing. */
  days?: number;
}

export interface IIncident {
  id: number;
  etag: string;
  reportId: string;
  areaId: number;
  title: string;
  eventType: EventTypeKey;
  category: string;
  occurredAt: Date;
  location: string;
  description: string;
  immediateAction: string;
  severity: SeverityKey;
  status: IncidentStatusKey;
  anonymous: boolean;
  lexMaria: boolean;
  workEnvironmentReport: boolean;
  policeReport: boolean;
  created: Date;
  modified: Date;
  /** The reporter; absent when the report is anonymous towards the viewer. */
  reporter?: IPerson;
  /**
   * Who saved the report last (SharePoint's Editor), for "who saved first" after a conflict;
   * absent when that is the reporter of a report anonymous towards the viewer.
   */
  editor?: IPerson;
  hasAttachments: boolean;
  investigator?: IPerson;
  analysis: string;
  closedAt?: Date;
  authorityReportedAt?: Date;
  /** When the status last changed (StatusChangedAt); absent on reports whose status never changed. */
  statusChangedAt?: Date;
  /** The risk in the area's register the event realised (Risk), set by whoever handles the report. */
  riskId?: number;
  /** The owner's closing message for the reporter (never the analysis); '' if none. */
  reporterMessage: string;
  /** What the reporter added after sending, each addition headed by its moment; '' if nothing. */
  reporterAddition: string;
  /** When the reporter last added information. */
  reporterAddedAt?: Date;
}

/** An action decided in the investigation of a report, or to treat a risk (then incidentId is 0). */
export interface IAction {
  id: number;
  etag: string;
  incidentId: number;
  /** The risk it treats, when it belongs to a risk. */
  riskId?: number;
  title: string;
  owner?: IPerson;
  dueDate: Date;
  status: ActionStatusKey;
  completedAt?: Date;
  /** When and by whom the action was saved last (SharePoint's Modified and Editor). */
  modified?: Date;
  editor?: IPerson;
}

export type RiskStatusKey = 'identified' | 'assessed' | 'treating' | 'accepted' | 'closed';
export type AssessmentStatusKey = 'draft' | 'approved';

/** Sannolikhet and konsekvens (grades 1–4, model/risk.ts) before measures and, if assessed, after them. */
export interface IRiskScores {
  before: IRiskScore;
  /** Kvarvarande risk: when the decided measures are in place. */
  after?: IRiskScore;
}

/** A risk in an area's register, with its current fastställd assessment (none while only identified). */
export interface IRisk {
  id: number;
  etag: string;
  areaId: number;
  title: string;
  threat: string;
  harm: string;
  location: string;
  controls: string;
  owner?: IPerson;
  status: RiskStatusKey;
  scores?: IRiskScores;
  /** The day the current assessment was fastställd (midnight in the site's zone). */
  assessedAt?: Date;
  /** The last day of the next review (midnight in the site's zone). */
  nextReview?: Date;
  /** When and by whom the risk was saved last (SharePoint's Modified and Editor), for "who saved first". */
  modified?: Date;
  editor?: IPerson;
}

/** One assessment of a risk; a re-assessment adds one, so the history stays. */
export interface IRiskAssessment {
  id: number;
  etag: string;
  riskId: number;
  title: string;
  assessedAt: Date;
  status: AssessmentStatusKey;
  scores?: IRiskScores;
  assessor?: IPerson;
  motivation: string;
}

export interface IAttachment {
  fileName: string;
  /** Server-relative URL; SharePoint serves it only to people who may read the report. */
  url: string;
}

export interface IIncidentDetail extends IIncident {
  attachments: IAttachment[];
}

/** What the report form sends. The ReportId is generated on the client once per report. */
export interface INewIncident {
  reportId: string;
  areaId: number;
  title: string;
  eventType: EventTypeKey;
  category: string;
  occurredAt: Date;
  location: string;
  description: string;
  immediateAction: string;
  severity: SeverityKey;
  anonymous: boolean;
  lexMaria: boolean;
  workEnvironmentReport: boolean;
  policeReport: boolean;
}

export interface IGoverningDocument {
  id: number;
  title: string;
  fileName: string;
  /** Server-relative URL of the file. */
  fileUrl: string;
  documentType: DocumentTypeKey;
  areaIds: number[];
  registrationNumber: string;
  version: string;
  owner?: IPerson;
  responsibleUnit: string;
  approvedBy: string;
  validFrom: Date;
  /** Undefined means valid until further notice (tillsvidare). */
  validTo?: Date;
  status: DocumentStatusKey;
  modified: Date;
}
