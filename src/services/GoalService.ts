import { GOALS_LIST } from '../model/schema';
import type { IGoal } from '../model/types';
import type { IGoalService } from './interfaces';
import { listOf } from './lists';
import { GOAL_SHAPE, toGoal } from './mapping';
import type { SPFI } from './sp';

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
