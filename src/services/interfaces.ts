/**
 * What the React app asks of SharePoint. Components read these through React context, so a test
 * can hand them a fake, and the dev host and the web parts hand them the real PnPjs services.
 */
import type { IArea, IGoal, IGoverningDocument, IIncident, INewIncident } from '../model/types';

export interface ICurrentUser {
  id: number;
  displayName: string;
  email: string;
  loginName: string;
  /** May read and handle every report (SharePoint's Manage Lists on Händelser). */
  canManageReports: boolean;
  /** May edit goals (Edit on Mål). */
  canEditGoals: boolean;
  /** May file reports (Add items on Händelser). */
  canReport: boolean;
}

export interface IAttachmentResult {
  fileName: string;
  ok: boolean;
  /** Why it failed, for the user. */
  error?: string;
}

export interface ISubmitResult {
  incident: IIncident;
  attachments: IAttachmentResult[];
}

export interface IAreaService {
  /** All areas in display order; cached for the session. */
  getAreas(): Promise<IArea[]>;
}

export interface IGoalService {
  getGoals(areaId: number, period: number): Promise<IGoal[]>;
}

export interface IDocumentService {
  getDocuments(): Promise<IGoverningDocument[]>;
}

export interface IIncidentService {
  /**
   * Files a report. Safe to call again with the same ReportId: a report that was already stored
   * (its answer lost on the way back) is found and returned instead of stored twice.
   */
  submit(report: INewIncident): Promise<IIncident>;
  /** Adds one attachment to a stored report; safe to retry. */
  addAttachment(itemId: number, file: File): Promise<IAttachmentResult>;
  getMyReports(): Promise<IIncident[]>;
  getReport(id: number): Promise<IIncident>;
}

export interface IUserService {
  /** The signed-in user and what SharePoint lets them do; cached for the session. */
  getCurrentUser(): Promise<ICurrentUser>;
}

export interface IStartView {
  areas: IArea[];
  user: ICurrentUser;
  /** Open reports per area id that the user may see (their own, or all for area owners). */
  openCounts: Map<number, number>;
}

export interface IAreaView {
  area: IArea;
  user: ICurrentUser;
  goals: IGoal[];
  documents: IGoverningDocument[];
  /** The area's latest reports (area owners), or the user's own reports in the area (staff). */
  reports: IIncident[];
}

export interface IDocumentsView {
  areas: IArea[];
  documents: IGoverningDocument[];
}

export interface IMyReportsView {
  areas: IArea[];
  user: ICurrentUser;
  reports: IIncident[];
}

/** Each view's data in as few SharePoint round trips as possible (one $batch where it can). */
export interface IViewService {
  loadStart(): Promise<IStartView>;
  loadArea(areaKey: string): Promise<IAreaView>;
  loadDocuments(): Promise<IDocumentsView>;
  loadMyReports(): Promise<IMyReportsView>;
}

export interface IServices {
  areas: IAreaService;
  goals: IGoalService;
  documents: IDocumentService;
  incidents: IIncidentService;
  users: IUserService;
  views: IViewService;
}
