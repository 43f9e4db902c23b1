/**
 * The product's models: what services return and components render. Never raw list items.
 * Choice values are carried as stable keys; their Swedish stored values live in schema.ts and their
 * labels in loc/.
 */

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

export interface IArea {
  id: number;
  key: string;
  title: string;
  scope: string;
  purpose: string;
  responsibility: string;
  ownerRole: string;
  owner?: IPerson;
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
  /** When a computed outcome was last stored. */
  outcomeComputedAt?: Date;
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
  hasAttachments: boolean;
  investigator?: IPerson;
  analysis: string;
  closedAt?: Date;
  authorityReportedAt?: Date;
}

/** An action decided in the investigation of a report. */
export interface IAction {
  id: number;
  etag: string;
  incidentId: number;
  title: string;
  owner?: IPerson;
  dueDate: Date;
  status: ActionStatusKey;
  completedAt?: Date;
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
