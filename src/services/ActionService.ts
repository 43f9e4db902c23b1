import { dayIn, startOfDay, TimeZone } from '../model/calendar';
import { ACTIONS_LIST, ACTION_STATUSES, choiceValue } from '../model/schema';
import type { IAction } from '../model/types';
import { ServiceError, toServiceError } from './errors';
import type { IActionService, INewAction } from './interfaces';
import { listOf, THRESHOLD } from './lists';
import { ACTION_SHAPE, toAction } from './mapping';
import type { SPFI } from './sp';

type Raw = Record<string, unknown>;

/**
 * Actions decided in the investigation of a report, or to treat a risk (Åtgärder); each belongs to
 * exactly one of them. Klart senast and Klar datum are
 * date-only columns: they are written as midnight of the day in the site's time zone, the value
 * SharePoint stores for a date-only column, so the day is the site's whatever the browser's zone.
 */
export class ActionService implements IActionService {
  constructor(
    private readonly sp: SPFI,
    private readonly siteUrl: string,
    private readonly timeZone: () => Promise<TimeZone>,
    private readonly now: () => Date = () => new Date()
  ) {}

  private list(sp: SPFI = this.sp): ReturnType<typeof listOf> {
    return listOf(sp, ACTIONS_LIST, this.siteUrl);
  }

  private async read(id: number): Promise<IAction> {
    const raw: Raw = await this.list().items.getById(id).select(...ACTION_SHAPE.select).expand(...ACTION_SHAPE.expand)();
    return toAction(raw);
  }

  /** A report's actions by due date; the indexed report lookup comes first in the filter. */
  public async getActions(incidentId: number, sp?: SPFI): Promise<IAction[]> {
    const rows: Raw[] = await this.list(sp)
      .items.select(...ACTION_SHAPE.select)
      .expand(...ACTION_SHAPE.expand)
      .filter(`IncidentId eq ${Number(incidentId)}`)
      .orderBy('DueDate')
      .top(THRESHOLD)();
    return rows.map(toAction);
  }

  public addAction(incidentId: number, action: INewAction): Promise<IAction> {
    return this.add({ IncidentId: incidentId }, action);
  }

  /**
   * A risk's actions (riskhanteringsåtgärder) by due date, for several risks at once; the indexed
   * Risk lookup is the filter (at most 100 risks per call, well within SharePoint's URL length).
   */
  public async getRiskActions(riskIds: readonly number[], sp?: SPFI): Promise<IAction[]> {
    if (riskIds.length === 0) {
      return [];
    }
    const rows: Raw[] = await this.list(sp)
      .items.select(...ACTION_SHAPE.select)
      .expand(...ACTION_SHAPE.expand)
      .filter(riskIds.map((id) => `RiskId eq ${Number(id)}`).join(' or '))
      .orderBy('DueDate')
      .top(THRESHOLD)();
    return rows.map(toAction);
  }

  /**
   * Every risk action not yet done, region-wide (the lägesbild's late measures): the indexed Risk
   * lookup first (an action on a report has none), then the indexed status.
   */
  public async getOpenRiskActions(sp?: SPFI): Promise<IAction[]> {
    const rows: Raw[] = await this.list(sp)
      .items.select(...ACTION_SHAPE.select)
      .expand(...ACTION_SHAPE.expand)
      .filter(`RiskId gt 0 and ActionStatus ne '${choiceValue(ACTION_STATUSES, 'done')}'`)
      .orderBy('DueDate')
      .top(THRESHOLD)();
    return rows.map(toAction);
  }

  /** An action decided to treat a risk: it belongs to the risk, not to a report. */
  public addRiskAction(riskId: number, action: INewAction): Promise<IAction> {
    return this.add({ RiskId: riskId }, action);
  }

  /** Adds an action to exactly one parent, a report or a risk (Åtgärder's Rapport or Risk). */
  private async add(parent: { IncidentId: number } | { RiskId: number }, action: INewAction): Promise<IAction> {
    try {
      const zone = await this.timeZone();
      const added: Raw = await this.list().items.add({
        Title: action.title.trim(),
        ...parent,
        ActionOwnerId: action.ownerId,
        DueDate: startOfDay(action.dueDate, zone).toISOString(),
        ActionStatus: choiceValue(ACTION_STATUSES, 'planned')
      });
      return this.read(Number(added.Id));
    } catch (err) {
      throw toServiceError(err);
    }
  }

  public async updateAction(action: IAction, change: INewAction): Promise<IAction> {
    try {
      const zone = await this.timeZone();
      await this.list()
        .items.getById(action.id)
        .update({ Title: change.title.trim(), ActionOwnerId: change.ownerId, DueDate: startOfDay(change.dueDate, zone).toISOString() }, action.etag);
      return this.read(action.id);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  public async removeAction(action: IAction): Promise<void> {
    if (action.status !== 'planned') {
      throw new ServiceError('rule', 'Only a planned action can be removed.', 400, 'actionStarted');
    }
    try {
      // DELETE with the action's ETag: SharePoint answers 412 if someone saved it since, so an
      // action someone has just started is never removed unseen.
      await this.list().items.getById(action.id).delete(action.etag);
    } catch (err) {
      throw toServiceError(err);
    }
  }

  public async setActionStatus(action: IAction, status: IAction['status']): Promise<IAction> {
    try {
      const zone = await this.timeZone();
      await this.list()
        .items.getById(action.id)
        .update(
          {
            ActionStatus: choiceValue(ACTION_STATUSES, status),
            // Done today: today on the site's calendar.
            CompletedAt: status === 'done' ? startOfDay(dayIn(this.now(), zone), zone).toISOString() : null
          },
          action.etag
        );
      return this.read(action.id);
    } catch (err) {
      throw toServiceError(err);
    }
  }
}
