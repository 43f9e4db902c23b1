/**
 * Whose reports a person handles ("scope by area").
 *
 * - The security chief handles every area: the people to whom SharePoint gives Manage Lists on
 *   Händelser (the site's Owners group, Full Control – README, deployment step 4).
 * - An area owner handles the areas where they are the area's Områdesansvarig (Owner) or its
 *   Ställföreträdare (Deputy) in Säkerhetsområden. The security chief sets both there; area owners
 *   only read that list, so nobody widens their own scope.
 * - Everyone else handles no area: they see the reports they wrote themselves.
 *
 * The app asks SharePoint only for the reports of the areas in scope (and the user's own), so
 * another area's report never reaches the browser of an owner who does not handle it. SharePoint
 * itself still lets the owners' permission level read every report (README, "Scope by area").
 */
import type { IArea } from './types';

export interface IHandler {
  /** The user's id on the site (the id people fields store). */
  id: number;
  /** May read and handle reports at all (Override List Behaviors and Edit Items on Händelser). */
  canManageReports: boolean;
  /** Handles every area: the security chief (Manage Lists on Händelser). */
  handlesAllAreas: boolean;
}

/** Whether the person is the area's owner or its deputy. */
export function ownsArea(area: Pick<IArea, 'owner' | 'deputy'>, userId: number): boolean {
  return area.owner?.id === userId || area.deputy?.id === userId;
}

/** The areas whose reports the person handles, in the areas' order. */
export function handledAreas<T extends Pick<IArea, 'id' | 'owner' | 'deputy'>>(user: IHandler, areas: T[]): T[] {
  if (!user.canManageReports) {
    return [];
  }
  return user.handlesAllAreas ? areas : areas.filter((a) => ownsArea(a, user.id));
}

/**
 * The OData condition that keeps a report query to what the person may handle or wrote:
 * undefined for the security chief (everything), else `(AreaId eq 1 or AreaId eq 4 or AuthorId eq 7)`.
 * Used after an ID window's range, never as the first condition (Area is indexed, but one area may
 * hold more reports than the list view threshold).
 */
export function scopeCondition(user: IHandler, areas: Pick<IArea, 'id' | 'owner' | 'deputy'>[], includeOwn = true): string | undefined {
  if (user.canManageReports && user.handlesAllAreas) {
    return undefined;
  }
  const parts = handledAreas(user, areas).map((a) => `AreaId eq ${Number(a.id)}`);
  if (includeOwn) {
    parts.push(`AuthorId eq ${Number(user.id)}`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'Id eq 0';
}
