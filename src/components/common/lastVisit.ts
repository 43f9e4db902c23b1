/**
 * "New since my last visit" (the work queue) and "changed since my last visit" (Mina rapporter):
 * when the user last opened that view in this browser. Only a moment is stored (no report, no
 * name), per view and under the user's login, so on a shared ward computer each person has their
 * own. The previous visit stays the reference for the whole page session, so paging or going Back
 * does not move it. This is what tells about anonymous reports, where no e-mail may be sent.
 */
import type { ICurrentUser } from '../../services/interfaces';

/** The views that remember a visit; the queue's key is the one stored since it came. */
export type VisitedView = 'queue' | 'myReports';
const PREFIX: Record<VisitedView, string> = { queue: 'sakerhet.queue.lastVisit.', myReports: 'sakerhet.myReports.lastVisit.' };
const session = new Map<string, Date | undefined>();

/**
 * The user's previous visit to the view (undefined on the first), and records this one.
 * @param now this visit
 */
export function previousVisit(user: Pick<ICurrentUser, 'id' | 'loginName'>, now: Date = new Date(), view: VisitedView = 'queue'): Date | undefined {
  const key = `${PREFIX[view]}${user.loginName || user.id}`;
  if (!session.has(key)) {
    let previous: Date | undefined;
    try {
      const stored = window.localStorage.getItem(key);
      const t = stored ? Date.parse(stored) : NaN;
      previous = isNaN(t) ? undefined : new Date(t);
      window.localStorage.setItem(key, now.toISOString());
    } catch {
      // Storage blocked (private mode, policy): every report counts as new.
    }
    session.set(key, previous);
  }
  return session.get(key);
}

/** For tests: forget this page session's visits. */
export function forgetVisits(): void {
  session.clear();
}
