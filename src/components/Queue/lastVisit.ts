/**
 * "New since my last visit": when the user last opened the work queue in this browser. Only a
 * moment is stored (no report, no name), under the user's login, so on a shared ward computer each
 * person has their own. The previous visit stays the reference for the whole page session, so
 * paging or going Back does not move it.
 */
import type { ICurrentUser } from '../../services/interfaces';

const PREFIX = 'sakerhet.queue.lastVisit.';
const session = new Map<string, Date | undefined>();

/**
 * The user's previous visit (undefined on the first), and records this one.
 * @param now this visit
 */
export function previousVisit(user: Pick<ICurrentUser, 'id' | 'loginName'>, now: Date = new Date()): Date | undefined {
  const key = `${PREFIX}${user.loginName || user.id}`;
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
