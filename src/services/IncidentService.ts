import { SPCollection, SPInstance } from '@pnp/sp';
import { AREA_OWNERS_GROUP, INCIDENTS_LIST, INCIDENT_STATUSES, choiceValue, fieldOf } from '../model/schema';
import { openActions } from '../model/caseRules';
import type { IIncident, IIncidentDetail, INewIncident } from '../model/types';
import type { ActionService } from './ActionService';
import { SP_CODES, ServiceError, toServiceError } from './errors';
import type { IAttachmentResult, ICaseChange, ICurrentUser, IIncidentService } from './interfaces';
import { inOneBatch } from './batch';
import { THRESHOLD, listOf, noAccessAs, odataString } from './lists';
import { maxItemId, scanAll, scanWindow } from './scan';
import { INCIDENT_SHAPE, REPORTER_SHAPE, REPORTER_VIEW_SHAPE, editorOf, fromNewIncident, reporterOf, reporterVisibleTo, toIncident } from './mapping';
import type { IPerson } from '../model/types';
import { RetryOnlyRefused, type SPFI } from './sp';
import { TimeZone, wallClockIn } from '../model/calendar';

/** Room for the reporter's additions (ReporterAddition's maxLength in the schema). */
export const ADDITION_MAX = fieldOf(INCIDENTS_LIST, 'ReporterAddition').maxLength!;

type Raw = Record<string, unknown>;

/**
 * Characters and names SharePoint refuses for a file, and what is left when they go ("Restrictions
 * and limitations in OneDrive and SharePoint": " * : < > ? / \\ |, leading and trailing spaces,
 * .lock, CON, PRN, AUX, NUL, COM0–9, LPT0–9, _vti_, desktop.ini, names starting with ~$).
 */
export function safeAttachmentName(name: string, taken: readonly string[] = []): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/["*:<>?/\\|#%\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/_vti_/gi, '_vti-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.~]+|[\s.]+$/g, '')
    .slice(-120);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d|desktop\.ini)$/i.test(cleaned);
  const base = reserved ? `bilaga-${cleaned}` : cleaned || 'bilaga';
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

  /**
   * A report from a query that reads only the user's own reports (`AuthorId eq <me>` in its
   * filter): the reporter is the user, so SharePoint is not asked who it is.
   */
  private own(raw: Raw, me: ICurrentUser): IIncident {
    return toIncident(raw, asPerson(me));
  }

  private items(sp?: SPFI): ReturnType<ReturnType<typeof listOf>['items']['select']> {
    return this.list(sp).items.select(...INCIDENT_SHAPE.select).expand(...INCIDENT_SHAPE.expand);
  }

  /**
   * The reporters of the items a filter finds, asked for only where the user may know them
   * (reporterVisibleTo: not anonymous, or the user's own). Goes into the same batch as the query
   * for the items themselves, so it costs no round trip.
   */
  private reporterItems(sp: SPFI | undefined, filter: string, me: ICurrentUser): ReturnType<ReturnType<typeof listOf>['items']['filter']> {
    return this.list(sp)
      .items.select(...REPORTER_SHAPE.select)
      .expand(...REPORTER_SHAPE.expand)
      .filter(`${filter} and ${reporterVisibleTo(me.id)}`);
  }

  /**
   * The user's own items with this ReportId, lowest ID first. SharePoint cannot keep ReportId unique
   * on a list with item-level security, so the lookup is among the user's own items (another user's
   * report with the same ReportId never stands in the way). ReportId is indexed and comes first;
   * should the value ever match more items than the list view threshold allows, the lookup reads ID
   * windows instead.
   */
  private async ownWithReportId(reportId: string, sp: SPFI | undefined, user: ICurrentUser): Promise<Raw[]> {
    const filter = `ReportId eq ${odataString(reportId)} and AuthorId eq ${user.id}`;
    let rows: Raw[];
    try {
      rows = await this.items(sp).filter(filter).orderBy('Id', true).top(10)();
    } catch (err) {
      const error = toServiceError(err);
      if (error.kind !== 'threshold') {
        throw error;
      }
      const list = (s: SPFI): ReturnType<typeof listOf> => this.list(s);
      rows = await scanAll(sp ?? this.sp, list, await maxItemId(this.list(sp)), { select: INCIDENT_SHAPE.select, expand: INCIDENT_SHAPE.expand, filter });
    }
    return [...rows].sort((a, b) => Number(a.Id) - Number(b.Id));
  }

  /** The user's own report with this ReportId, if one was stored (the lowest ID if there are two). */
  public async findByReportId(reportId: string, sp?: SPFI, me?: ICurrentUser): Promise<IIncident | undefined> {
    const user = me ?? (await this.currentUser());
    const first = (await this.ownWithReportId(reportId, sp, user))[0];
    return first ? this.own(first, user) : undefined;
  }

  /**
   * After a report was stored: one item per ReportId. A browser or proxy may resend a POST whose
   * connection broke before any answer came (RFC 9110 §9.2.2 describes the practice; Chromium
   * resends a request sent on a reused keep-alive connection), so the add itself may have stored
   * two items. The lowest ID is the report; any other goes to the recycle bin
   * (SP.ListItem.recycle, which needs Delete Items on one's own item). Without that right, or if
   * the recycle fails, the extra item stays and every view shows the report once (oneReportPerId).
   * @returns the kept item's row, or undefined when the lookup itself failed
   */
  private async keepOne(reportId: string, me: ICurrentUser): Promise<Raw | undefined> {
    let rows: Raw[];
    try {
      rows = await this.ownWithReportId(reportId, undefined, me);
    } catch {
      return undefined;
    }
    const [kept, ...extra] = rows;
    for (const row of extra) {
      try {
        await this.list().items.getById(Number(row.Id)).recycle();
      } catch {
        // No Delete Items (or already recycled by the other attempt): the duplicate stays hidden.
      }
    }
    return kept;
  }

  /**
   * Whether Händelser keeps reports private, as far as a reporter can see it: members read and edit
   * only their own items (SP.List.ReadSecurity and WriteSecurity 2), and if this user may read
   * everyone's reports (Override List Behaviors), that right comes from where the product puts it –
   * the site's Owners group or the area owners' group (AREA_OWNERS_GROUP) – or the user is a site
   * collection administrator. Override List Behaviors given to Members (say, Design on the list)
   * would let every member read every report; a plain member then sees it as this right coming
   * from elsewhere. The installation check shows the site owner the whole picture.
   * @param sp a batched SPFI to join the caller's round trip
   */
  public async isPrivate(sp: SPFI | undefined, me: ICurrentUser): Promise<boolean> {
    const web = (sp ?? this.sp).web;
    const [props, groups, owners, user] = await Promise.all([
      this.list(sp).select('ReadSecurity', 'WriteSecurity')() as Promise<Raw>,
      me.canManageReports ? (SPCollection(web, 'currentuser/groups').select('Id', 'Title')() as Promise<Raw[]>) : Promise.resolve([] as Raw[]),
      me.canManageReports ? (SPInstance(web, 'associatedownergroup').select('Id')() as Promise<Raw>).catch(noAccessAs<Raw>({})) : Promise.resolve({} as Raw),
      me.canManageReports ? (SPInstance(web, 'currentuser').select('IsSiteAdmin')() as Promise<Raw>) : Promise.resolve({} as Raw)
    ]);
    const itemLevel = Number(props.ReadSecurity) === 2 && Number(props.WriteSecurity) === 2;
    if (!itemLevel || !me.canManageReports) {
      return itemLevel;
    }
    return user.IsSiteAdmin === true || groups.some((g) => g.Title === AREA_OWNERS_GROUP.name || (owners.Id !== undefined && Number(g.Id) === Number(owners.Id)));
  }

  /**
   * Files a report, safe to repeat with the same ReportId: it first looks for an earlier attempt
   * among the user's own reports (an answer lost on the way back), in the same round trip as the
   * privacy check, and stores a new item only if there is none. After storing, it keeps one item
   * per ReportId (keepOne: a resent POST may have stored two) and returns the kept one, to which
   * attachments then go. Fails closed: a Händelser list that lets members read other people's
   * reports gets no report (ServiceError 'rule', listNotPrivate).
   */
  public async submit(report: INewIncident): Promise<IIncident> {
    const me = await this.currentUser();
    const [isPrivate, earlier] = await inOneBatch(this.sp, (b) => [this.isPrivate(b, me), this.findByReportId(report.reportId, b, me)] as const);
    if (earlier) {
      return earlier;
    }
    if (!isPrivate) {
      throw new ServiceError('rule', 'Händelser lets members read other people\'s reports; the report was not stored.', undefined, 'listNotPrivate');
    }
    let added: Raw;
    try {
      added = await this.list().items.using(RetryOnlyRefused()).add(fromNewIncident(report));
    } catch (err) {
      const error = toServiceError(err);
      if (!error.transient) {
        throw error;
      }
      // The connection failed: the report may have been stored. If it was, that is the result;
      // if the lookup fails too, the form tries again later with the same ReportId.
      const stored = await this.keepOne(report.reportId, me);
      if (stored) {
        return this.own(stored, me);
      }
      throw error;
    }
    const kept = await this.keepOne(report.reportId, me);
    return this.own(kept ?? added, me);
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
      // The name is taken: an earlier attempt stored this attachment and its answer was lost.
      // SharePoint says so with SPException -2130575257 ("The specified name is already in use.", in
      // the site's language), whatever the status; `storedName` is unique among the report's other
      // attachments (`taken`), so the one under this name is this file.
      if (error.is(SP_CODES.nameInUse)) {
        return { fileName: file.name, storedName, ok: true };
      }
      return { fileName: file.name, storedName, ok: false, error: error.kind };
    }
  }

  /**
   * The user's own reports, newest first. Read in windows of 5,000 item IDs with the author as the
   * second condition, so that the list view threshold holds however many reports the list – or
   * the user – has (one person's 10,000 reports included).
   * @param maxId the list's highest item ID, if the caller knows it
   */
  public async getMyReports(sp?: SPFI, me?: ICurrentUser, maxId?: number): Promise<IIncident[]> {
    // No await before the first request when the caller knows the user and the highest ID: then
    // a small list's one window joins the caller's batch (`sp`).
    const user = me ?? (await this.currentUser());
    // Her own reports as she sees them: no analysis, no investigator (REPORTER_VIEW_SHAPE).
    const options = { select: REPORTER_VIEW_SHAPE.select, expand: REPORTER_VIEW_SHAPE.expand, filter: `AuthorId eq ${user.id}` };
    const top = maxId ?? (await maxItemId(this.list()));
    const list = (s: SPFI): ReturnType<typeof listOf> => this.list(s);
    const rows = top <= THRESHOLD && maxId !== undefined ? await scanWindow(this.list(sp), 0, THRESHOLD, options) : await scanAll(this.sp, list, top, options);
    return oneReportPerId(rows)
      .map((r) => this.own(r, user))
      .sort((a, b) => b.created.getTime() - a.created.getTime() || b.id - a.id);
  }

  /**
   * One report with its attachments, and its reporter where the user may know it – both in one
   * round trip (in the caller's batch `sp`, or a batch of their own).
   * @param scope a condition the report must meet (model/scope.ts: the areas the user handles, or
   *   their own); a report outside it is not asked for and is "not found" (ServiceError notFound)
   * @param internal with the handling's internal fields (analysis, investigator); false for the
   *   reporter's own view
   */
  public async getReport(id: number, sp?: SPFI, me?: ICurrentUser, scope?: string, internal: boolean = true): Promise<IIncidentDetail> {
    const user = me ?? (await this.currentUser());
    const shape = internal ? INCIDENT_SHAPE : REPORTER_VIEW_SHAPE;
    const select = [...shape.select, 'AttachmentFiles/FileName', 'AttachmentFiles/ServerRelativeUrl'];
    const expand = [...shape.expand, 'AttachmentFiles'];
    // The ID first: an indexed condition that narrows to one item, whatever the list's size.
    const condition = scope ? `Id eq ${Number(id)} and ${scope}` : `Id eq ${Number(id)}`;
    const item = async (b: SPFI): Promise<Raw | undefined> => {
      if (!scope) {
        return this.list(b).items.getById(id).select(...select).expand(...expand)();
      }
      const rows: Raw[] = await this.list(b).items.select(...select).expand(...expand).filter(condition).top(1)();
      return rows[0];
    };
    const named = (b: SPFI): Promise<Raw[]> => this.reporterItems(b, condition, user).top(1)();
    try {
      const [raw, reporters] = sp ? await Promise.all([item(sp), named(sp)]) : await inOneBatch(this.sp, (b) => [item(b), named(b)] as const);
      if (!raw) {
        throw new ServiceError('notFound', `No report ${id} among those the user handles or wrote.`, 404);
      }
      const files = Array.isArray(raw.AttachmentFiles) ? (raw.AttachmentFiles as Raw[]) : [];
      return {
        ...toIncident(raw, reporters.length ? reporterOf(reporters[0]) : undefined, reporters.length ? editorOf(reporters[0]) : undefined),
        attachments: files.map((f) => ({ fileName: String(f.FileName ?? ''), url: String(f.ServerRelativeUrl ?? '') }))
      };
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /**
   * The reporter adds information to her report after sending it: appended to ReporterAddition
   * under a heading with its moment on the site's calendar ('[2026-11-21 14:05]'), and
   * ReporterAddedAt set, so the owner sees what came later and when. Only these two fields are
   * sent. SharePoint lets only the item's author (or a list administrator) change it under the
   * list's item-level write security, so another user's attempt is refused (forbidden).
   * @param zone the site's time zone (IANA), for the heading
   * @throws ServiceError invalid ('empty' / 'tooLong') before anything is sent; conflict only if an
   *   owner saved the report twice while it was being added (once is taken care of: her addition
   *   goes on top of what is stored then); forbidden, notFound, throttled, offline as SharePoint answers
   */
  public async addInformation(report: IIncident, text: string, zone: TimeZone): Promise<IIncidentDetail> {
    const added = text.trim();
    if (!added) {
      throw new ServiceError('invalid', 'Nothing to add.', undefined, 'empty');
    }
    const now = new Date();
    const at = wallClockIn(now, zone);
    const block = `[${at.date} ${at.time}]\n${added}`;
    let current: IIncident = report;
    for (let attempt = 0; ; attempt++) {
      const value = current.reporterAddition ? `${current.reporterAddition}\n\n${block}` : block;
      if (value.length > ADDITION_MAX) {
        throw new ServiceError('invalid', `The additions would be ${value.length} characters, more than ${ADDITION_MAX}.`, undefined, 'tooLong');
      }
      try {
        await this.list().items.getById(report.id).update({ ReporterAddition: value, ReporterAddedAt: now.toISOString() }, current.etag);
        break;
      } catch (err) {
        const error = toServiceError(err);
        if (error.kind !== 'conflict' || attempt > 0) {
          throw error;
        }
        // An owner saved the report meanwhile; she changes none of their fields, so her addition
        // is put on top of what is stored now.
        current = await this.getReport(report.id, undefined, undefined, undefined, false);
      }
    }
    return this.getReport(report.id, undefined, undefined, undefined, false);
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
      // The reporter is shown since when her report has had its status.
      body.StatusChangedAt = new Date().toISOString();
    }
    if (change.reporterMessage !== undefined) {
      body.ReporterMessage = change.reporterMessage.trim() || null;
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
    if (change.riskId !== undefined && change.riskId !== (report.riskId ?? null)) {
      body.RiskId = change.riskId;
    }
    try {
      // The report's own ETag, never '*': a change someone else saved first is a conflict.
      await this.list().items.getById(report.id).update(body, report.etag);
    } catch (err) {
      throw toServiceError(err);
    }
    return this.getReport(report.id);
  }

  /**
   * The latest reports of one area (people who handle reports), newest first, with the reporters
   * the user may know (the same query for reporters: among its first `count`, every report of
   * the first query that may be named is there).
   */
  public async latestInArea(areaId: number, maxId: number, me: ICurrentUser, count = 20, sp?: SPFI): Promise<IIncident[]> {
    const filter = `Id gt ${Math.max(0, maxId - THRESHOLD)} and AreaId eq ${Number(areaId)}`;
    const items = (b: SPFI | undefined): Promise<Raw[]> => this.items(b).filter(filter).orderBy('Id', false).top(count)();
    const named = (b: SPFI | undefined): Promise<Raw[]> => this.reporterItems(b, filter, me).orderBy('Id', false).top(count)();
    const [rows, reporters] = sp ? await Promise.all([items(sp), named(sp)]) : await inOneBatch(this.sp, (b) => [items(b), named(b)] as const);
    const byId = new Map(reporters.map((r) => [Number(r.Id), reporterOf(r)]));
    return oneReportPerId(rows).map((r) => toIncident(r, byId.get(Number(r.Id))));
  }
}

export const CLOSED_STATUS = choiceValue(INCIDENT_STATUSES, 'closed');

/**
 * One row per ReportId, the first stored (lowest ID) kept, in the rows' order: should two items
 * with one ReportId ever exist (two tabs sending one draft at once), the report shows once.
 * Rows without a ReportId are kept.
 */
export function oneReportPerId<T extends Record<string, unknown>>(rows: T[]): T[] {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key = typeof row.ReportId === 'string' ? row.ReportId.toLowerCase() : undefined;
    const id = Number(row.Id);
    if (key && (!first.has(key) || id < first.get(key)!)) {
      first.set(key, id);
    }
  }
  return rows.filter((row) => typeof row.ReportId !== 'string' || first.get(row.ReportId.toLowerCase()) === Number(row.Id));
}

function asPerson(me: ICurrentUser): IPerson {
  return { id: me.id, displayName: me.displayName, email: me.email || undefined };
}
