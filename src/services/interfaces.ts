/**
 * What the React app asks of SharePoint. Components read these through React context, so a test
 * can hand them a fake, and the dev host and the web parts hand them the real PnPjs services.
 */
import type { IArea, IGoal, IGoverningDocument, IIncident, IIncidentDetail, INewIncident } from '../model/types';

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
  /** The name of the file the user chose. */
  fileName: string;
  /** The name it has in SharePoint (made safe and unique). */
  storedName?: string;
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
  /**
   * Adds one attachment to a stored report; safe to retry.
   * @param taken names already used by the report's other attachments
   */
  addAttachment(itemId: number, file: File, taken?: string[]): Promise<IAttachmentResult>;
  getMyReports(): Promise<IIncident[]>;
  getReport(id: number): Promise<IIncidentDetail>;
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

export interface IReportView {
  areas: IArea[];
  user: ICurrentUser;
  report: IIncidentDetail;
}

export interface IReportFormView {
  areas: IArea[];
  user: ICurrentUser;
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
  loadReport(id: number): Promise<IReportView>;
  loadReportForm(): Promise<IReportFormView>;
}

export interface IServices {
  /** Tells when a request is being retried (throttling, unavailable), so the UI can say so. */
  onRetry(listener: (attempt: number, status: string) => void): () => void;
  areas: IAreaService;
  goals: IGoalService;
  documents: IDocumentService;
  incidents: IIncidentService;
  users: IUserService;
  views: IViewService;
}
