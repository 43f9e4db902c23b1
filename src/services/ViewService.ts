/**
 * Loads each view's data from several lists in one SharePoint round trip (a $batch) where the
 * view's queries do not depend on each other, and in two where they do (a report query needs
 * the user's id or the list's highest item id, unless the session already knows them).
 *
 * The site's time zone comes with the first round trip of the session. A query that depends on the
 * site's calendar ("this year") before the zone is known asks for what covers the year in every
 * zone, and the answer is narrowed once the zone has arrived – still one round trip.
 */
import type { IAction, IArea, IGoal, IGoverningDocument, IIncident, IRisk, IRiskAssessment } from '../model/types';
import { byLevel } from '../analytics/risks';
import type { AreaService } from './AreaService';
import type { DocumentService } from './DocumentService';
import { inOneBatch } from './batch';
import { ServiceError, toServiceError } from './errors';
import type { GoalService } from './GoalService';
import { CLOSED_STATUS, IncidentService, oneReportPerId } from './IncidentService';
import type { IAnnualReportView, IAreaView, ICaseView, ICurrentUser, IDocumentsView, IMyReportsView, INewRiskView, IQueueDetail, IQueueView, IReportFormView, IRiskView, ISituationView, IStartView, IViewService } from './interfaces';
import type { ActionService } from './ActionService';
import { ACTION_SHAPE, FACTS_SELECT, multiline, QUEUE_SELECT, reporterVisibleTo, toAction, toFacts, toQueueRow } from './mapping';
import { handledAreas, scopeCondition } from '../model/scope';
import type { IQueueFilter } from '../model/queue';
import { queueODataFilter } from './queueFilter';
import type { RiskService } from './RiskService';
import { inYear, TimeZone, yearIn, yearsInAnyZone, yearsSpanInAnyZone, yearStart } from '../model/calendar';
import { listOf, noAccessAs, THRESHOLD } from './lists';
import { IScanOptions, maxItemId, scanAll, scanWindow } from './scan';
import { ACTIONS_LIST, INCIDENTS_LIST } from '../model/schema';
import type { SessionCache } from './SessionCache';
import type { SiteService } from './SiteService';
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
    private readonly site: SiteService,
    private readonly risks: RiskService,
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
    // A visitor cannot read Händelser: no reports, so the highest ID is 0.
    return this.cache.get(MAX_ID, () => maxItemId(this.incidentsList(sp)).catch(noAccessAs(0)));
  }

  public async loadStart(): Promise<IStartView> {
    const known = this.areas.cached && this.users.cached;
    const [knownAreas, knownUser] = known ? await Promise.all([this.areas.getAreas(), this.users.getCurrentUser()]) : [undefined, undefined];
    // Open reports of the areas the user handles; for everyone else SharePoint's item-level security
    // already answers only their own. Once the user is known, SharePoint is asked for those only;
    // on a new page the first window is a guess made before the user is known, so it asks only for
    // IDs and areas (no content, and never AuthorId: an anonymous report's author stays on the
    // server) and is narrowed here.
    const openIn = (user: ICurrentUser, areas: IArea[]): string => {
      const scope = user.canManageReports ? scopeCondition(user, areas, false) : undefined;
      return `Status ne '${CLOSED_STATUS}'${scope ? ` and ${scope}` : ''}`;
    };
    const open: IScanOptions = { select: ['Id', 'AreaId', 'ReportId'], filter: knownUser && knownAreas ? openIn(knownUser, knownAreas) : `Status ne '${CLOSED_STATUS}'` };
    const [areas, user, timeZone, maxId, firstWindow] = await inOneBatch(this.sp, (b) => [
      this.areas.getAreas(b),
      this.users.getCurrentUser(b),
      this.site.timeZone(b),
      maxItemId(this.incidentsList(b)).catch(noAccessAs(0)),
      // Guess that the list is small: the first window comes with the first round trip.
      scanWindow(this.incidentsList(b), 0, THRESHOLD, open).catch(noAccessAs<Raw[]>([]))
    ] as const);
    // Remember the list's size for the area pages of this session.
    this.cache.set(MAX_ID, maxId);
    const handled = new Set(handledAreas(user, areas).map((a) => a.id));
    // An area owner reads every report (Override List Behaviors), so in the areas they do not
    // handle only their own count: asked for by their own ID (AuthorId eq <me>), the only
    // condition under which a report's author may be read. Staff need no second query.
    const ownElsewhere = user.canManageReports && !user.handlesAllAreas && user.canReport && maxId > 0;
    const own: IScanOptions = { select: ['Id', 'AreaId', 'ReportId'], filter: `Status ne '${CLOSED_STATUS}' and AuthorId eq ${Number(user.id)}` };
    const [scanned, ownRows] = await Promise.all([
      this.restOfScan(this.incidentsList, maxId, firstWindow, { ...open, filter: openIn(user, areas) }),
      ownElsewhere ? scanAll(this.sp, this.incidentsList, maxId, own) : Promise.resolve<Raw[]>([])
    ]);
    const counted = user.canManageReports ? scanned.filter((r) => handled.has(Number(r.AreaId))).concat(ownRows.filter((r) => !handled.has(Number(r.AreaId)))) : scanned;
    const rows = oneReportPerId(counted);
    const openCounts = new Map<number, number>();
    for (const row of rows) {
      const id = Number(row.AreaId);
      openCounts.set(id, (openCounts.get(id) ?? 0) + 1);
    }
    return { areas, user, timeZone, openCounts, handledAreaIds: handled };
  }

  public async loadArea(areaKey: string): Promise<IAreaView> {
    const knowsAll = this.areas.cached && this.users.cached && this.site.cached && this.cache.has(MAX_ID);
    let areas: IArea[];
    let user: ICurrentUser;
    let timeZone: TimeZone;
    let goals: IGoal[];
    let documents: IGoverningDocument[];
    let reports: IIncident[];
    let risks: IRisk[];
    let period: number;
    if (knowsAll) {
      [areas, user, timeZone] = await Promise.all([this.areas.getAreas(), this.users.getCurrentUser(), this.site.timeZone()]);
      const area = findArea(areas, areaKey);
      const maxId = await this.maxId(this.sp);
      period = yearIn(this.now(), timeZone);
      [goals, documents, reports, risks] = await inOneBatch(this.sp, (b) => [
        this.goals.getGoals(area.id, period, b),
        this.documents.getDocuments(b),
        handles(user, areas, area) ? this.incidents.latestInArea(area.id, maxId, user, 20, b) : user.canReport ? this.incidents.getMyReports(b, user, maxId) : Promise.resolve([]),
        // The area's register as SharePoint lets the user read it (empty without access to Risker).
        this.risks.getRisks(area.id, b)
      ] as const);
    } else {
      // The goals of this year on the site's calendar, which may be either of two near New Year.
      const years = yearsInAnyZone(this.now());
      let maxId: number;
      let allGoals;
      [areas, user, timeZone, maxId, allGoals, documents, risks] = await inOneBatch(this.sp, (b) => [
        this.areas.getAreas(b),
        this.users.getCurrentUser(b),
        this.site.timeZone(b),
        this.maxId(b),
        this.goals.getGoalsForYears(years.first, years.last, b),
        this.documents.getDocuments(b),
        // The register before the area's id is known: all of it the user may read, narrowed below.
        this.risks.getRisks(undefined, b)
      ] as const);
      const area = findArea(areas, areaKey);
      period = yearIn(this.now(), timeZone);
      goals = allGoals.filter((g) => g.areaId === area.id && g.period === period);
      reports = handles(user, areas, area) ? await this.incidents.latestInArea(area.id, maxId, user) : user.canReport ? await this.incidents.getMyReports(undefined, user, maxId) : [];
    }
    const area = findArea(areas, areaKey);
    return {
      area,
      handlesArea: handles(user, areas, area),
      user,
      timeZone,
      period,
      goals,
      // An area page shows the documents that govern it now: no drafts, nothing repealed.
      documents: documents.filter((d) => (d.areaIds.length === 0 || d.areaIds.includes(area.id)) && d.status !== 'draft' && d.status !== 'repealed'),
      reports: reports.filter((r) => r.areaId === area.id).sort((a, b) => b.created.getTime() - a.created.getTime()),
      risks: byLevel(risks.filter((r) => r.areaId === area.id))
    };
  }

  public async loadDocuments(): Promise<IDocumentsView> {
    // The user rides along in the same $batch: the navigation offers reporting only to those who may.
    const [areas, user, timeZone, documents] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b), this.documents.getDocuments(b)] as const);
    return { areas, user, timeZone, documents };
  }

  public async loadMyReports(): Promise<IMyReportsView> {
    if (this.users.cached && this.cache.has(MAX_ID)) {
      const [user, maxId] = await Promise.all([this.users.getCurrentUser(), this.maxId(this.sp)]);
      const [areas, timeZone, reports] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.site.timeZone(b), this.incidents.getMyReports(b, user, maxId)] as const);
      return { areas, user, timeZone, reports };
    }
    const [areas, user, timeZone, maxId] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b), this.maxId(b)] as const);
    const reports = await this.incidents.getMyReports(undefined, user, maxId);
    return { areas, user, timeZone, reports };
  }

  public async loadReportForm(): Promise<IReportFormView> {
    const [areas, user, timeZone] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b)] as const);
    return { areas, user, timeZone };
  }

  public async loadCase(id: number): Promise<ICaseView> {
    const knowsUser = this.users.cached && this.site.cached;
    const [areas, user, timeZone] = knowsUser
      ? await Promise.all([this.areas.getAreas(), this.users.getCurrentUser(), this.site.timeZone()])
      : await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b)] as const);
    if (!user.canManageReports) {
      // Her own report, as she sees it: no analysis, no investigator.
      return { areas, user, timeZone, report: await this.incidents.getReport(id, undefined, user, undefined, false), actions: [], handles: false, risks: [] };
    }
    // Only a report of an area the user handles, or one they wrote; any other is "not found", and
    // neither it nor its actions come to the browser. The security chief's needs no check first.
    if (user.handlesAllAreas) {
      const [report, actions, register] = await inOneBatch(this.sp, (b) => [this.incidents.getReport(id, b, user), this.actions.getActions(id, b), this.risks.getRisks(undefined, b)] as const);
      return { areas, user, timeZone, report, actions, handles: true, risks: byLevel(register.filter((r) => r.areaId === report.areaId)) };
    }
    const report = await this.incidents.getReport(id, undefined, user, scopeCondition(user, areas));
    const handled = handles(user, areas, areas.find((a) => a.id === report.areaId));
    if (!handled) {
      return { areas, user, timeZone, report, actions: [], handles: false, risks: [] };
    }
    // The report's actions and its area's register (to link the report to a risk) in one round trip.
    const [actions, risks] = await inOneBatch(this.sp, (b) => [this.actions.getActions(id, b), this.risks.getRisks(report.areaId, b)] as const);
    return { areas, user, timeZone, report, actions, handles: true, risks: byLevel(risks) };
  }

  /**
   * One risk: the risk item (and the user, areas and zone when this session does not know them
   * yet) in the first round trip; for those who handle its area, its assessments, measures and
   * linked reports in a second. Anyone else gets the risk item only, as SharePoint lets them read
   * it (fastställda figures; 'forbidden' without access to Risker): Riskbedömningar, where drafts
   * live, is never asked for on their behalf.
   */
  public async loadRisk(id: number): Promise<IRiskView> {
    const known = this.areas.cached && this.users.cached && this.site.cached;
    let areas: IArea[];
    let user: ICurrentUser;
    let timeZone: TimeZone;
    let risk: IRisk;
    try {
      if (known) {
        [areas, user, timeZone] = await Promise.all([this.areas.getAreas(), this.users.getCurrentUser(), this.site.timeZone()]);
        risk = await this.risks.getRisk(id);
      } else {
        [areas, user, timeZone, risk] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b), this.risks.getRisk(id, b)] as const);
      }
    } catch (err) {
      throw toServiceError(err);
    }
    const area = areas.find((a) => a.id === risk.areaId);
    if (!area) {
      throw new ServiceError('notFound', `Risk ${id} belongs to no security area.`, 404);
    }
    if (!handles(user, areas, area)) {
      return { areas, area, user, timeZone, risk, handles: false, assessments: [], actions: [], reports: [] };
    }
    const [assessments, actions, reports] = await inOneBatch(this.sp, (b) => [
      this.risks.getAssessments([id], b),
      this.actions.getRiskActions([id], b),
      this.risks.getLinkedReports(id, b, scopeCondition(user, areas, false))
    ] as const);
    return { areas, area, user, timeZone, risk, handles: true, assessments, actions, reports };
  }

  /**
   * What the form for a new risk needs: the area, whether the user handles it, and the report to
   * create it from – read with the same scope as case handling (a report of an area the user
   * does not handle is 'notFound'), and only one of this area.
   */
  public async loadNewRisk(areaKey: string, reportId?: number): Promise<INewRiskView> {
    const [areas, user, timeZone] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b)] as const);
    const area = findArea(areas, areaKey);
    const handled = handles(user, areas, area);
    if (!handled || reportId === undefined) {
      return { areas, area, user, timeZone, handles: handled };
    }
    const report = await this.incidents.getReport(reportId, undefined, user, `AreaId eq ${Number(area.id)}`);
    return { areas, area, user, timeZone, handles: true, report };
  }

  /**
   * The year's and the previous year's goals and reports. Every report query reads an ID window,
   * so the counts are exact however large Händelser grows; a small list needs one round trip.
   * @param year a year of the site's calendar; without one, the site's current year
   */
  public async loadSituation(year?: number): Promise<ISituationView> {
    return (await this.situationData(year, false)).situation;
  }

  /**
   * The lägesbild's data and, for the säkerhetsberättelse, the reports' analyses and the actions
   * completed in the year – all first windows in the first round trip. The queries ask for the
   * years as they fall in any zone; the answer is narrowed to the site's calendar once its zone is
   * known (it comes in the same round trip).
   */
  private async situationData(givenYear: number | undefined, annual: boolean): Promise<{ situation: ISituationView; rows: Raw[]; actions: Raw[]; assessments: IRiskAssessment[] }> {
    const candidates = givenYear === undefined ? yearsInAnyZone(this.now()) : { first: givenYear, last: givenYear };
    const reportSpan = yearsSpanInAnyZone(candidates.first - 1, candidates.last);
    const actionSpan = yearsSpanInAnyZone(candidates.first, candidates.last);
    const period = `OccurredAt ge datetime'${reportSpan.start.toISOString()}' and OccurredAt lt datetime'${reportSpan.end.toISOString()}'`;
    const reports = (scope: string | undefined): IScanOptions => ({
      select: annual ? [...FACTS_SELECT, 'Analysis'] : FACTS_SELECT,
      filter: scope ? `${period} and ${scope}` : period
    });
    const completed: IScanOptions = {
      select: ACTION_SHAPE.select,
      expand: ACTION_SHAPE.expand,
      filter: `CompletedAt ge datetime'${actionSpan.start.toISOString()}' and CompletedAt lt datetime'${actionSpan.end.toISOString()}'`
    };
    // An area owner's lägesbild covers the areas they handle; their reports are asked for only once
    // the user and the areas are known (from this session, or a first round trip).
    const known = this.areas.cached && this.users.cached;
    const [knownAreas, knownUser] = known ? await Promise.all([this.areas.getAreas(), this.users.getCurrentUser()]) : [undefined, undefined];
    const knownScope = knownUser && knownAreas ? scopeCondition(knownUser, knownAreas, false) : undefined;
    const guess = !!knownUser && knownUser.canManageReports;
    const [allAreas, user, timeZone, allGoals, maxId, first, maxAction, firstActions, allRisks, allRiskActions, allAssessments] = await inOneBatch(this.sp, (b) => [
      this.areas.getAreas(b),
      this.users.getCurrentUser(b),
      this.site.timeZone(b),
      this.goals.getGoalsForYears(candidates.first - 1, candidates.last, b),
      maxItemId(this.incidentsList(b)).catch(noAccessAs(0)),
      guess ? scanWindow(this.incidentsList(b), 0, THRESHOLD, reports(knownScope)) : Promise.resolve(undefined),
      annual ? maxItemId(this.actionsList(b)).catch(noAccessAs(0)) : Promise.resolve(0),
      annual ? scanWindow(this.actionsList(b), 0, THRESHOLD, completed).catch(noAccessAs<Raw[]>([])) : Promise.resolve([] as Raw[]),
      // The risk register (empty for those who may not read it) and its measures not yet done.
      this.risks.getRisks(undefined, b),
      this.actions.getOpenRiskActions(b).catch(noAccessAs<IAction[]>([])),
      // The säkerhetsberättelse compares the year's risk assessments with the year before's.
      annual ? this.risks.getApprovedAssessments(reportSpan.start, reportSpan.end, b) : Promise.resolve([] as IRiskAssessment[])
    ] as const);
    this.cache.set(MAX_ID, maxId);
    const year = givenYear ?? yearIn(this.now(), timeZone);
    const areas = handledAreas(user, allAreas);
    const scope = scopeCondition(user, allAreas, false);
    const [scanned, allActions] = await Promise.all([
      // Staff: item-level security answers only their own reports, so no scope is needed (and the
      // 'Id eq 0' of a person who handles no area would hide even those).
      first ? this.restOfScan(this.incidentsList, maxId, first, reports(scope)) : scanAll(this.sp, this.incidentsList, maxId, reports(user.canManageReports ? scope : undefined)),
      this.restOfScan(this.actionsList, maxAction, firstActions, completed)
    ]);
    const from = yearStart(year - 1, timeZone).getTime();
    const to = yearStart(year + 1, timeZone).getTime();
    // A report stored twice (one ReportId) counts once.
    const rows = oneReportPerId(scanned).filter((r) => {
      const t = Date.parse(String(r.OccurredAt));
      return t >= from && t < to;
    });
    const areaIds = new Set(areas.map((a) => a.id));
    // The register of the areas in view, and those risks' measures not yet done and assessments.
    const risks = allRisks.filter((r) => areaIds.has(r.areaId));
    const riskIds = new Set(risks.map((r) => r.id));
    const riskActions = allRiskActions.filter((a) => a.riskId !== undefined && riskIds.has(a.riskId));
    const assessments = allAssessments.filter((a) => riskIds.has(a.riskId));
    // Completed actions: on the reports in view, or on the risks in view.
    const inScope = new Set(rows.map((r) => Number(r.Id)));
    const actions = allActions.filter(
      (a) => typeof a.CompletedAt === 'string' && inYear(new Date(a.CompletedAt), year, timeZone) && (user.handlesAllAreas || inScope.has(Number(a.IncidentId)) || riskIds.has(Number(a.RiskId)))
    );
    const goals = allGoals.filter((g) => (g.period === year || g.period === year - 1) && areaIds.has(g.areaId));
    return { situation: { year, areas, user, timeZone, goals, facts: rows.map(toFacts), risks, riskActions }, rows, actions, assessments };
  }

  /**
   * The work queue's reports: every report of the areas the user handles that passes what SharePoint
   * can filter (queueFilter.ts), read in ID windows – exact at any size, never over the list view
   * threshold. The highest ID is read afresh each time (reports keep arriving while the queue is
   * open); with the user already known it comes in the same round trip as the first window.
   * @param since the user's previous visit to the queue, for "new since my last visit"
   */
  public async loadQueue(filter: IQueueFilter, since?: Date): Promise<IQueueView> {
    const known = this.areas.cached && this.users.cached && this.site.cached;
    let areas: IArea[];
    let user: ICurrentUser;
    let timeZone: TimeZone;
    let maxId: number | undefined;
    let first: Raw[] | undefined;
    const options = (a: IArea[], u: ICurrentUser, zone: TimeZone): IScanOptions | undefined => {
      const handled = handledAreas(u, a);
      const area = filter.area === undefined ? undefined : handled.find((h) => h.key === filter.area);
      if (handled.length === 0 || (filter.area !== undefined && !area)) {
        return undefined;
      }
      return { select: QUEUE_SELECT, filter: queueODataFilter(filter, scopeCondition(u, a, false), area?.id, zone, since) };
    };
    if (known) {
      [areas, user, timeZone] = await Promise.all([this.areas.getAreas(), this.users.getCurrentUser(), this.site.timeZone()]);
      const scan = options(areas, user, timeZone);
      if (scan) {
        [maxId, first] = await inOneBatch(this.sp, (b) => [maxItemId(this.incidentsList(b)), scanWindow(this.incidentsList(b), 0, THRESHOLD, scan)] as const);
      }
    } else {
      [areas, user, timeZone, maxId] = await inOneBatch(this.sp, (b) => [this.areas.getAreas(b), this.users.getCurrentUser(b), this.site.timeZone(b), maxItemId(this.incidentsList(b)).catch(noAccessAs(0))] as const);
    }
    const handled = handledAreas(user, areas);
    const scan = options(areas, user, timeZone);
    if (!scan || maxId === undefined) {
      return { areas, handled, user, timeZone, rows: [] };
    }
    this.cache.set(MAX_ID, maxId);
    const rows = first ? await this.restOfScan(this.incidentsList, maxId, first, scan) : await scanAll(this.sp, this.incidentsList, maxId, scan);
    return { areas, handled, user, timeZone, rows: oneReportPerId(rows).map(toQueueRow) };
  }

  /**
   * What the export adds to the queue's rows: the description, the investigator, and the reporter
   * – the reporter only of reports that are not anonymous: that query asks SharePoint for
   * `Anonymous eq 0` rows alone, so an anonymous report's author never reaches the browser.
   * The same windows and filter as loadQueue.
   */
  public async loadQueueDetails(filter: IQueueFilter, since?: Date): Promise<Map<number, IQueueDetail>> {
    const [areas, user, timeZone] = await Promise.all([this.areas.getAreas(), this.users.getCurrentUser(), this.site.timeZone()]);
    const handled = handledAreas(user, areas);
    const area = filter.area === undefined ? undefined : handled.find((h) => h.key === filter.area);
    const details = new Map<number, IQueueDetail>();
    if (handled.length === 0 || (filter.area !== undefined && !area)) {
      return details;
    }
    const where = queueODataFilter(filter, scopeCondition(user, areas, false), area?.id, timeZone, since);
    const maxId = await maxItemId(this.incidentsList(this.sp));
    const [texts, named] = await Promise.all([
      scanAll(this.sp, this.incidentsList, maxId, { select: ['Id', 'Description', 'InvestigatorId', 'Investigator/Title'], expand: ['Investigator'], filter: where }),
      scanAll(this.sp, this.incidentsList, maxId, { select: ['Id', 'AuthorId', 'Author/Title'], expand: ['Author'], filter: where ? [where, reporterVisibleTo(user.id)] : reporterVisibleTo(user.id) })
    ]);
    for (const r of texts) {
      const investigator = r.Investigator as Raw | undefined;
      details.set(Number(r.Id), { description: multiline(r.Description), investigator: typeof investigator?.Title === 'string' ? investigator.Title : undefined });
    }
    for (const r of named) {
      const detail = details.get(Number(r.Id));
      const author = r.Author as Raw | undefined;
      if (detail && typeof author?.Title === 'string') {
        detail.reporter = author.Title;
      }
    }
    return details;
  }

  public async loadAnnualReport(year: number): Promise<IAnnualReportView> {
    const { situation, rows, actions, assessments } = await this.situationData(year, true);
    const analyses = new Map<number, string>();
    for (const row of rows) {
      if (typeof row.Analysis === 'string' && row.Analysis.trim()) {
        analyses.set(Number(row.Id), multiline(row.Analysis));
      }
    }
    return { ...situation, analyses, completedActions: actions.map(toAction), assessments };
  }
}

/** Whether the user handles the area's reports (model/scope.ts). */
function handles(user: ICurrentUser, areas: IArea[], area: IArea | undefined): boolean {
  return !!area && handledAreas(user, areas).some((a) => a.id === area.id);
}

function findArea(areas: IArea[], key: string): IArea {
  const area = areas.find((a) => a.key === key);
  if (!area) {
    throw new ServiceError('notFound', `No security area with the key ${key}.`, 404);
  }
  return area;
}
