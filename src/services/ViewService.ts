/**
 * Loads each view's data from several lists in one SharePoint round trip (a $batch) where the
 * view's queries do not depend on each other, and in two where they do (a report query needs
 * the user's id or the list's highest item id, unless the session already knows them).
 */
import type { IArea, IGoal, IGoverningDocument, IIncident } from '../model/types';
import type { AreaService } from './AreaService';
import type { DocumentService } from './DocumentService';
import { inOneBatch } from './batch';
import { ServiceError } from './errors';
import type { GoalService } from './GoalService';
import { CLOSED_STATUS, IncidentService } from './IncidentService';
import type { IAnnualReportView, IAreaView, ICaseView, ICurrentUser, IDocumentsView, IMyReportsView, IReportFormView, ISituationView, IStartView, IViewService } from './interfaces';
import type { ActionService } from './ActionService';
import { ACTION_SHAPE, FACTS_SELECT, toAction, toFacts } from './mapping';
import { yearStart } from '../analytics/indicators';
import { listOf, THRESHOLD } from './lists';
import { IScanOptions, maxItemId, scanAll, scanWindow } from './scan';
import { ACTIONS_LIST, INCIDENTS_LIST } from '../model/schema';
import type { SessionCache } from './SessionCache';
import type { SPFI } from './sp';
import type { UserService } from './UserService';

type Raw = Record<string, unknown>;

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
    private readonly actions: ActionService,
    private readonly siteUrl: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  private incidentsList = (sp: SPFI): ReturnType<typeof listOf> => listOf(sp, INCIDENTS_LIST, this.siteUrl);
  private actionsList = (sp: SPFI): ReturnType<typeof listOf> => listOf(sp, ACTIONS_LIST, this.siteUrl);

  /**
   * A window scan whose first window came with the first round trip (a guess that the list is
   * small): for a large list, the remaining windows, in as many batches as PnPjs needs.
   */
  private async restOfScan(list: (sp: SPFI) => ReturnType<typeof listOf>, maxId: number, first: Raw[], options: IScanOptions): Promise<Raw[]> {
    // concat, not push(...): a spread of 150,000 rows overflows the call stack.
    return maxId > THRESHOLD ? first.concat(await scanAll(this.sp, list, maxId, options, THRESHOLD)) : first;
  }

  /** The highest report ID, learned once per session (the upper end of the ID windows). */
  private maxId(sp: SPFI): Promise<number> {
    return this.cache.get(MAX_ID, () => maxItemId(this.incidentsList(sp)));
  }

  public async loadStart(): Promise<IStartView> {
    const open = { select: ['AreaId'], filter: `Status ne '${CLOSED_STATUS}'` };
    const [areas, user, maxId, firstWindow] = await inOneBatch(this.sp, (b) => [
      this.areas.getAreas(b),
      this.users.getCurrentUser(b),
      maxItemId(this.incidentsList(b)),
      // Guess that the list is small: the first window comes with the first round trip.
      scanWindow(this.incidentsList(b), 0, THRESHOLD, open)
    ] as const);
    // Remember the list's size for the area pages of this session.
    this.cache.set(MAX_ID, maxId);
    const rows = await this.restOfScan(this.incidentsList, maxId, firstWindow, open);
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

  public async loadCase(id: number): Promise<ICaseView> {
    const knowsUser = this.users.cached;
    const [areas, user] = knowsUser
      ? await Promise.all([this.areas.getAreas(), this.users.getCurrentUser()])
      : await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b)] as const);
    if (!user.canManageReports) {
      return { areas, user, report: await this.incidents.getReport(id, undefined, user), actions: [] };
    }
    const [report, actions] = await inOneBatch(this.sp, (b) => [this.incidents.getReport(id, b, user), this.actions.getActions(id, b)] as const);
    return { areas, user, report, actions };
  }

  /**
   * The year's and the previous year's goals and reports. Every report query reads an ID window,
   * so the counts are exact however large Händelser grows; a small list needs one round trip.
   */
  public async loadSituation(year: number): Promise<ISituationView> {
    return (await this.situationData(year, false)).situation;
  }

  /**
   * The lägesbild's data and, for the säkerhetsberättelse, the reports' analyses and the actions
   * completed in the year – all first windows in the first round trip.
   */
  private async situationData(year: number, annual: boolean): Promise<{ situation: ISituationView; rows: Raw[]; actions: Raw[] }> {
    const reports: IScanOptions = {
      select: annual ? [...FACTS_SELECT, 'Analysis'] : FACTS_SELECT,
      filter: `OccurredAt ge datetime'${yearStart(year - 1).toISOString()}' and OccurredAt lt datetime'${yearStart(year + 1).toISOString()}'`
    };
    const completed: IScanOptions = {
      select: ACTION_SHAPE.select,
      expand: ACTION_SHAPE.expand,
      filter: `CompletedAt ge datetime'${yearStart(year).toISOString()}' and CompletedAt lt datetime'${yearStart(year + 1).toISOString()}'`
    };
    const [areas, user, goals, maxId, first, maxAction, firstActions] = await inOneBatch(this.sp, (b) => [
      this.areas.getAreas(b),
      this.users.getCurrentUser(b),
      this.goals.getGoalsForYears(year - 1, year, b),
      maxItemId(this.incidentsList(b)),
      scanWindow(this.incidentsList(b), 0, THRESHOLD, reports),
      annual ? maxItemId(this.actionsList(b)) : Promise.resolve(0),
      annual ? scanWindow(this.actionsList(b), 0, THRESHOLD, completed) : Promise.resolve([] as Raw[])
    ] as const);
    this.cache.set(MAX_ID, maxId);
    const [rows, actions] = await Promise.all([this.restOfScan(this.incidentsList, maxId, first, reports), this.restOfScan(this.actionsList, maxAction, firstActions, completed)]);
    return { situation: { year, areas, user, goals, facts: rows.map(toFacts) }, rows, actions };
  }

  public async loadAnnualReport(year: number): Promise<IAnnualReportView> {
    const { situation, rows, actions } = await this.situationData(year, true);
    const analyses = new Map<number, string>();
    for (const row of rows) {
      if (typeof row.Analysis === 'string' && row.Analysis.trim()) {
        analyses.set(Number(row.Id), row.Analysis);
      }
    }
    return { ...situation, analyses, completedActions: actions.map(toAction) };
  }
}

function findArea(areas: IArea[], key: string): IArea {
  const area = areas.find((a) => a.key === key);
  if (!area) {
    throw new ServiceError('notFound', `No security area with the key ${key}.`, 404);
  }
  return area;
}
