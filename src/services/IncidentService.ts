import { INCIDENTS_LIST, INCIDENT_STATUSES, choiceValue } from '../model/schema';
import { openActions } from '../model/caseRules';
import type { IIncident, IIncidentDetail, INewIncident } from '../model/types';
import type { ActionService } from './ActionService';
import { ServiceError, toServiceError } from './errors';
import type { IAttachmentResult, ICaseChange, ICurrentUser, IIncidentService } from './interfaces';
import { THRESHOLD, listOf, odataString } from './lists';
import { INCIDENT_SHAPE, fromNewIncident, toIncident } from './mapping';
import type { SPFI } from './sp';

type Raw = Record<string, unknown>;

/** Characters SharePoint refuses in file names, and what is left when they go. */
export function safeAttachmentName(name: string, taken: readonly string[] = []): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/["*:<>?/\\|#%\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.~]+|[\s.]+$/g, '')
    .slice(-120);
  const base = cleaned || 'bilaga';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  let candidate = base;
  for (let n = 2; taken.some((t) => t.toLowerCase() === candidate.toLowerCase()); n++) {
    candidate = `${stem} (${n})${ext}`;
  }
  return candidate;
}

export class IncidentService implements IIncidentService {
  constructor(
    private readonly sp: SPFI,
    private readonly siteUrl: string,
    private readonly currentUser: () => Promise<ICurrentUser>,
    private readonly actions: ActionService
  ) {}

  private list(sp: SPFI = this.sp): ReturnType<typeof listOf> {
    return listOf(sp, INCIDENTS_LIST, this.siteUrl);
  }

  /** The reporter is shown unless the report is anonymous and someone else is looking. */
  private map(raw: Raw, me: ICurrentUser): IIncident {
    const mine = raw.AuthorId === me.id;
    return toIncident(raw, mine || raw.Anonymous !== true);
  }

  private items(sp?: SPFI): ReturnType<ReturnType<typeof listOf>['items']['select']> {
    return this.list(sp).items.select(...INCIDENT_SHAPE.select).expand(...INCIDENT_SHAPE.expand);
  }

  public async findByReportId(reportId: string): Promise<IIncident | undefined> {
    const me = await this.currentUser();
    const rows: Raw[] = await this.items().filter(`ReportId eq ${odataString(reportId)}`).top(1)();
    return rows[0] ? this.map(rows[0], me) : undefined;
  }

  public async submit(report: INewIncident): Promise<IIncident> {
    const me = await this.currentUser();
    try {
      const added: Raw = await this.list().items.add(fromNewIncident(report));
      return this.map({ ...added, Author: { Id: me.id, Title: me.displayName, EMail: me.email } }, me);
    } catch (err) {
      const error = toServiceError(err);
      // A unique ReportId makes a repeated submit harmless: if an earlier attempt was stored
      // (its answer lost, or a retry raced it), that report is the result.
      if (error.kind === 'duplicate' || error.transient) {
        let lookupError: ServiceError | undefined;
        const stored = await this.findByReportId(report.reportId).catch((e) => {
          lookupError = toServiceError(e);
          return undefined;
        });
        if (stored) {
          return stored;
        }
        // Stored already, but the lookup failed for now: a transient error, so that the form tries
        // again (same ReportId) and finds it, instead of saying that the report was not saved.
        if (error.kind === 'duplicate' && lookupError?.transient) {
          throw lookupError;
        }
      }
      throw error;
    }
  }

  public async addAttachment(itemId: number, file: File, taken: string[] = []): Promise<IAttachmentResult> {
    const item = this.list().items.getById(itemId);
    const storedName = safeAttachmentName(file.name, taken);
    try {
      const content = await file.arrayBuffer();
      await item.attachmentFiles.add(storedName, content);
      return { fileName: file.name, storedName, ok: true };
    } catch (err) {
      const error = toServiceError(err);
      // Already there: an earlier attempt stored it and the answer was lost.
      if (error.status === 409 && /already exists/i.test(error.message)) {
        return { fileName: file.name, storedName, ok: true };
      }
      return { fileName: file.name, storedName, ok: false, error: error.kind };
    }
  }

  /** The user's own reports, newest first; the indexed Author column comes first in the filter. */
  public async getMyReports(sp?: SPFI, me?: ICurrentUser): Promise<IIncident[]> {
    const user = me ?? (await this.currentUser());
    const rows: Raw[] = await this.items(sp).filter(`AuthorId eq ${user.id}`).orderBy('Created', false).top(THRESHOLD)();
    return rows.map((r) => this.map(r, user));
  }

  public async getReport(id: number, sp?: SPFI, me?: ICurrentUser): Promise<IIncidentDetail> {
    const user = me ?? (await this.currentUser());
    try {
      const raw: Raw = await this.list(sp)
        .items.getById(id)
        .select(...INCIDENT_SHAPE.select, 'AttachmentFiles/FileName', 'AttachmentFiles/ServerRelativeUrl')
        .expand(...INCIDENT_SHAPE.expand, 'AttachmentFiles')();
      const files = Array.isArray(raw.AttachmentFiles) ? (raw.AttachmentFiles as Raw[]) : [];
      return {
        ...this.map(raw, user),
        attachments: files.map((f) => ({ fileName: String(f.FileName ?? ''), url: String(f.ServerRelativeUrl ?? '') }))
      };
    } catch (err) {
      throw toServiceError(err);
    }
  }

  public async updateCase(report: IIncident, change: ICaseChange): Promise<IIncidentDetail> {
    const body: Record<string, unknown> = {};
    if (change.status !== undefined && change.status !== report.status) {
      if (change.status === 'closed') {
        // Read the actions now, not as the form saw them: someone may have added one.
        const open = openActions(await this.actions.getActions(report.id));
        if (open.length > 0) {
          throw new ServiceError('rule', `The report has ${open.length} actions that are not done.`, undefined, 'openActions');
        }
        body.ClosedAt = new Date().toISOString();
      } else if (report.status === 'closed') {
        body.ClosedAt = null;
      }
      body.Status = choiceValue(INCIDENT_STATUSES, change.status);
    }
    if (change.investigatorId !== undefined) {
      body.InvestigatorId = change.investigatorId;
    }
    if (change.analysis !== undefined) {
      body.Analysis = change.analysis.trim() || null;
    }
    if (change.authorityReportedAt !== undefined) {
      body.AuthorityReportedAt = change.authorityReportedAt ? change.authorityReportedAt.toISOString() : null;
    }
    try {
      // The report's own ETag, never '*': a change someone else saved first is a conflict.
      await this.list().items.getById(report.id).update(body, report.etag);
    } catch (err) {
      throw toServiceError(err);
    }
    return this.getReport(report.id);
  }

  /** The latest reports of one area (people who handle reports), newest first. */
  public async latestInArea(areaId: number, maxId: number, me: ICurrentUser, count = 20, sp?: SPFI): Promise<IIncident[]> {
    const rows: Raw[] = await this.items(sp)
      .filter(`Id gt ${Math.max(0, maxId - THRESHOLD)} and AreaId eq ${Number(areaId)}`)
      .orderBy('Id', false)
      .top(count)();
    return rows.map((r) => this.map(r, me));
  }
}

export const CLOSED_STATUS = choiceValue(INCIDENT_STATUSES, 'closed');
