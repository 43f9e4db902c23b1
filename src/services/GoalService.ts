import { GOALS_LIST, GOAL_STATUSES, choiceValue } from '../model/schema';
import type { IGoal } from '../model/types';
import { settlingBatch } from './batch';
import { toServiceError } from './errors';
import type { IComputedOutcome, IGoalChange, IGoalService } from './interfaces';
import { listOf } from './lists';
import { GOAL_SHAPE, toGoal } from './mapping';
import type { SPFI } from './sp';

function goalBody(change: IGoalChange): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (change.outcome !== undefined) {
    body.Outcome = change.outcome;
  }
  if (change.outcomeComputedAt !== undefined) {
    body.OutcomeComputedAt = change.outcomeComputedAt.toISOString();
  }
  if (change.outcomeBasis !== undefined) {
    body.OutcomeBasis = change.outcomeBasis;
  }
  if (change.outcomeValidUntil !== undefined) {
    body.OutcomeValidUntil = change.outcomeValidUntil ? change.outcomeValidUntil.toISOString() : null;
  }
  if (change.statusOverride !== undefined) {
    body.StatusOverride = change.statusOverride ? choiceValue(GOAL_STATUSES, change.statusOverride) : null;
  }
  if (change.statusComment !== undefined) {
    body.StatusComment = change.statusComment.trim() || null;
  }
  if (change.followUp !== undefined) {
    body.FollowUp = change.followUp.trim() || null;
  }
  return body;
}

export class GoalService implements IGoalService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /** An area's goals for a period; the indexed area lookup comes first in the filter. */
  public async getGoals(areaId: number, period: number, sp: SPFI = this.sp): Promise<IGoal[]> {
    const rows: Record<string, unknown>[] = await listOf(sp, GOALS_LIST, this.siteUrl)
      .items.select(...GOAL_SHAPE.select)
      .expand(...GOAL_SHAPE.expand)
      .filter(`AreaId eq ${Number(areaId)} and Period eq ${Number(period)}`)
      .orderBy('Id')
      .top(500)();
    return rows.map(toGoal);
  }

  public async updateGoal(goal: IGoal, change: IGoalChange, sp: SPFI = this.sp): Promise<IGoal> {
    const body = goalBody(change);
    const item = listOf(sp, GOALS_LIST, this.siteUrl).items.getById(goal.id);
    try {
      await item.update(body, goal.etag);
      const raw: Record<string, unknown> = await listOf(this.sp, GOALS_LIST, this.siteUrl).items.getById(goal.id).select(...GOAL_SHAPE.select).expand(...GOAL_SHAPE.expand)();
      return toGoal(raw);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /**
   * Stores computed outcomes, each with the ETag of the goal it was computed for, in one round
   * trip. A goal someone saved meanwhile is left for the next time. Returns how many were stored.
   */
  public async storeOutcomes(outcomes: IComputedOutcome[], at: Date): Promise<number> {
    if (outcomes.length === 0) {
      return 0;
    }
    // A batch whose request fails rejects its writes too (settlingBatch): nothing waits for ever.
    const [batched, execute] = settlingBatch(this.sp);
    const writes = Promise.allSettled(
      outcomes.map(({ goal, indicator }) =>
        listOf(batched, GOALS_LIST, this.siteUrl)
          .items.getById(goal.id)
          // Nothing to measure (yet, or any more) empties the outcome: an old value would be stale.
          .update(goalBody({ outcome: indicator.value ?? null, outcomeBasis: indicator.basis, outcomeValidUntil: indicator.validUntil ?? null, outcomeComputedAt: at }), goal.etag)
      )
    );
    await execute().catch(() => undefined);
    return (await writes).filter((r) => r.status === 'fulfilled').length;
  }

  /** Goals of a range of years, e.g. this year and the last for the lägesbild's trends. */
  public async getGoalsForYears(from: number, to: number, sp: SPFI = this.sp): Promise<IGoal[]> {
    const rows: Record<string, unknown>[] = await listOf(sp, GOALS_LIST, this.siteUrl)
      .items.select(...GOAL_SHAPE.select)
      .expand(...GOAL_SHAPE.expand)
      .filter(`Period ge ${Number(from)} and Period le ${Number(to)}`)
      .orderBy('Id')
      .top(5000)();
    return rows.map(toGoal);
  }

  /** Every area's goals for a period (a short list: a few goals per area and year). */
  public async getGoalsForPeriod(period: number, sp: SPFI = this.sp): Promise<IGoal[]> {
    const rows: Record<string, unknown>[] = await listOf(sp, GOALS_LIST, this.siteUrl)
      .items.select(...GOAL_SHAPE.select)
      .expand(...GOAL_SHAPE.expand)
      .filter(`Period eq ${Number(period)}`)
      .orderBy('Id')
      .top(5000)();
    return rows.map(toGoal);
  }
}
