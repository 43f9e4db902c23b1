/**
 * Computed goal outcomes kept fresh for everyone who reads them. Staff cannot compute them: item-level
 * security on Händelser answers them only their own reports (README, "Item-level security"). So the
 * people who can read all of an area's reports – its owner and deputy, the security chief – compute
 * the area's outcomes and store them in Mål, with when they were computed (OutcomeComputedAt), from
 * how many reports (OutcomeBasis) and until when they hold if no report changes (OutcomeValidUntil:
 * a "closed within N days" share changes by itself when an open report passes its deadline).
 *
 * This runs after every write of theirs that changes what an indicator counts: a report they store,
 * a status they change (closing sets ClosedAt, reopening clears it). The lägesbild stores them too.
 * It never fails the write it follows: it resolves with an outcome. A goal someone saved meanwhile
 * (412) is computed once more from a fresh read; if that fails too, it is left for the next write.
 */
import { measureIndicator } from '../analytics/indicators';
import { yearIn, yearStart, type TimeZone } from '../model/calendar';
import { INCIDENTS_LIST } from '../model/schema';
import { handledAreas } from '../model/scope';
import type { IArea, IIncident } from '../model/types';
import { inOneBatch } from './batch';
import type { GoalService } from './GoalService';
import { oneReportPerId } from './IncidentService';
import type { ICurrentUser, IOutcomeRefresh, IOutcomeService } from './interfaces';
import { listOf } from './lists';
import { FACTS_SELECT, toFacts } from './mapping';
import { maxItemId, scanAll } from './scan';
import type { SPFI } from './sp';

export class OutcomeService implements IOutcomeService {
  constructor(
    private readonly sp: SPFI,
    private readonly siteUrl: string,
    private readonly goals: GoalService,
    private readonly areas: () => Promise<IArea[]>,
    private readonly currentUser: () => Promise<ICurrentUser>,
    private readonly timeZone: () => Promise<TimeZone>,
    private readonly now: () => Date = () => new Date()
  ) {}

  public async reportChanged(report: Pick<IIncident, 'areaId' | 'occurredAt'>): Promise<IOutcomeRefresh> {
    try {
      const [user, areas] = await Promise.all([this.currentUser(), this.areas()]);
      const area = handledAreas(user, areas).find((a) => a.id === report.areaId);
      // Only someone who reads all of the area's reports computes its outcomes (and may write goals).
      if (!area || !user.canEditGoals) {
        return { outcome: 'notHandled', stored: 0 };
      }
      const zone = await this.timeZone();
      const year = yearIn(report.occurredAt, zone);
      const first = await this.refresh(area.id, year, zone);
      // A goal saved by someone since it was read (412) – perhaps by another owner storing what they
      // computed before this write – is read and computed once more, so the last write counts.
      return first.outcome === 'failed' ? await this.refresh(area.id, year, zone) : first;
    } catch {
      return { outcome: 'failed', stored: 0 };
    }
  }

  /**
   * Computes and stores an area's computed goals of a year (site's calendar) from every report of
   * the area that occurred in it: the goals and the highest report ID in one round trip, the
   * reports in ID windows (exact at any size, never over the list view threshold) in a second, the
   * outcomes in a third.
   */
  private async refresh(areaId: number, year: number, zone: TimeZone): Promise<IOutcomeRefresh> {
    const incidents = (sp: SPFI): ReturnType<typeof listOf> => listOf(sp, INCIDENTS_LIST, this.siteUrl);
    const [goals, maxId] = await inOneBatch(this.sp, (b) => [this.goals.getGoals(areaId, year, b), maxItemId(incidents(b))] as const);
    const computed = goals.filter((g) => g.indicatorSource === 'computed' && g.measure);
    if (computed.length === 0) {
      return { outcome: 'nothingToCompute', stored: 0 };
    }
    const rows = await scanAll(this.sp, incidents, maxId, {
      select: FACTS_SELECT,
      filter: `AreaId eq ${Number(areaId)} and OccurredAt ge datetime'${yearStart(year, zone).toISOString()}' and OccurredAt lt datetime'${yearStart(year + 1, zone).toISOString()}'`
    });
    const facts = oneReportPerId(rows).map(toFacts);
    const at = this.now();
    const stored = await this.goals.storeOutcomes(
      computed.map((goal) => ({ goal, indicator: measureIndicator(goal.measure!, facts, year, at, zone) })),
      at
    );
    return { outcome: stored === computed.length ? 'stored' : 'failed', stored };
  }
}
