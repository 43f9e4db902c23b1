/**
 * Loads each view's data from several lists in one SharePoint round trip (a $batch) where the
 * view's queries do not depend on each other, and in two where they do (a report query needs
 * the user's id or the list's highest item id, unless the session already knows them).
 */
import type { IArea, IGoal, IGoverningDocument, IIncident } from '../model/types';
import type { AreaService } from './AreaService';
import type { DocumentService } from './DocumentService';
import { ServiceError, toServiceError } from './errors';
import type { GoalService } from './GoalService';
import { CLOSED_STATUS, IncidentService } from './IncidentService';
import type { IAreaView, ICurrentUser, IDocumentsView, IMyReportsView, IReportFormView, IReportView, IStartView, IViewService } from './interfaces';
import { THRESHOLD } from './lists';
import type { SessionCache } from './SessionCache';
import type { SPFI } from './sp';
import type { UserService } from './UserService';

/** Runs the queries that `build` starts on a batched SPFI in one request and returns their results. */
export async function inOneBatch<T extends readonly unknown[]>(sp: SPFI, build: (batched: SPFI) => { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const [batched, execute] = sp.batched();
  const pending = build(batched);
  // Keep rejections handled until we look at them, so a failed part never goes unnoticed.
  const settled = Promise.allSettled(pending as readonly Promise<unknown>[]);
  try {
    await execute();
  } catch (err) {
    await settled;
    throw toServiceError(err);
  }
  const results = await settled;
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed) {
    throw toServiceError(failed.reason);
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

const MAX_ID = 'incidents:maxId';

export class ViewService implements IViewService {
  constructor(
    private readonly sp: SPFI,
    private readonly cache: SessionCache,
    private readonly areas: AreaService,
    private readonly users: UserService,
    private readonly goals: GoalService,
    private readonly documents: DocumentService,
    private readonly incidents: IncidentService,
    private readonly now: () => Date = () => new Date()
  ) {}

  private maxId(sp: SPFI): Promise<number> {
    return this.cache.get(MAX_ID, () => this.incidents.maxId(sp));
  }

  public async loadStart(): Promise<IStartView> {
    const [areas, user, maxId, firstWindow] = await inOneBatch(this.sp, (b) => [
      this.areas.getAreas(b),
      this.users.getCurrentUser(b),
      this.incidents.maxId(b),
      this.incidents.window(0, THRESHOLD, ['AreaId'], `Status ne '${CLOSED_STATUS}'`, b)
    ] as const);
    // Remember the list's size for the area pages of this session.
    this.cache.set(MAX_ID, maxId);
    const rows = [...firstWindow];
    if (maxId > THRESHOLD) {
      // A large list: the remaining ID windows, in as many batches as PnPjs needs.
      const windows: [number, number][] = [];
      for (let from = THRESHOLD; from < maxId; from += THRESHOLD) {
        windows.push([from, from + THRESHOLD]);
      }
      const more = await inOneBatch(this.sp, (b) => windows.map(([from, to]) => this.incidents.window(from, to, ['AreaId'], `Status ne '${CLOSED_STATUS}'`, b)));
      more.forEach((w) => rows.push(...(w as Record<string, unknown>[])));
    }
    const openCounts = new Map<number, number>();
    for (const row of rows) {
      const id = Number(row.AreaId);
      openCounts.set(id, (openCounts.get(id) ?? 0) + 1);
    }
    return { areas, user, openCounts };
  }

  public async loadArea(areaKey: string): Promise<IAreaView> {
    const period = this.now().getFullYear();
    const knowsAll = this.areas.cached && this.users.cached && this.cache.has(MAX_ID);
    let areas: IArea[];
    let user: ICurrentUser;
    let goals: IGoal[];
    let documents: IGoverningDocument[];
    let reports: IIncident[];
    if (knowsAll) {
      [areas, user] = await Promise.all([this.areas.getAreas(), this.users.getCurrentUser()]);
      const area = findArea(areas, areaKey);
      const maxId = await this.maxId(this.sp);
      [goals, documents, reports] = await inOneBatch(this.sp, (b) => [
        this.goals.getGoals(area.id, period, b),
        this.documents.getDocuments(b),
        user.canManageReports ? this.incidents.latestInArea(area.id, maxId, user, 20, b) : this.incidents.getMyReports(b, user)
      ] as const);
    } else {
      let maxId: number;
      let allGoals;
      [areas, user, maxId, allGoals, documents] = await inOneBatch(this.sp, (b) => [
        this.areas.getAreas(b),
        this.users.getCurrentUser(b),
        this.maxId(b),
        this.goals.getGoalsForPeriod(period, b),
        this.documents.getDocuments(b)
      ] as const);
      const area = findArea(areas, areaKey);
      goals = allGoals.filter((g) => g.areaId === area.id);
      reports = user.canManageReports ? await this.incidents.latestInArea(area.id, maxId, user) : await this.incidents.getMyReports(undefined, user);
    }
    const area = findArea(areas, areaKey);
    return {
      area,
      user,
      goals,
      // An area page shows the documents that govern it now: no drafts, nothing repealed.
      documents: documents.filter((d) => (d.areaIds.length === 0 || d.areaIds.includes(area.id)) && d.status !== 'draft' && d.status !== 'repealed'),
      reports: reports.filter((r) => r.areaId === area.id).sort((a, b) => b.created.getTime() - a.created.getTime())
    };
  }

  public async loadDocuments(): Promise<IDocumentsView> {
    const [areas, documents] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.documents.getDocuments(b)] as const);
    return { areas, documents };
  }

  public async loadMyReports(): Promise<IMyReportsView> {
    if (this.users.cached) {
      const user = await this.users.getCurrentUser();
      const [areas, reports] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.incidents.getMyReports(b, user)] as const);
      return { areas, user, reports };
    }
    const [areas, user] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b)] as const);
    const reports = await this.incidents.getMyReports(undefined, user);
    return { areas, user, reports };
  }

  public async loadReportForm(): Promise<IReportFormView> {
    const [areas, user] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b)] as const);
    return { areas, user };
  }

  public async loadReport(id: number): Promise<IReportView> {
    if (this.users.cached) {
      const user = await this.users.getCurrentUser();
      const [areas, report] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.incidents.getReport(id, b, user)] as const);
      return { areas, user, report };
    }
    const [areas, user] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b)] as const);
    return { areas, user, report: await this.incidents.getReport(id, undefined, user) };
  }
}

function findArea(areas: IArea[], key: string): IArea {
  const area = areas.find((a) => a.key === key);
  if (!area) {
    throw new ServiceError('notFound', `No security area with the key ${key}.`, 404);
  }
  return area;
}
