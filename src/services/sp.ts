/**
 * The one place that sets up PnPjs. SharePoint web parts and the local dev host both build their
 * SPFI here with PnPjs's own SPFx behavior (default headers, request digest, retries with
 * Retry-After), so the requests the tests run are the requests production sends.
 */
import { spfi, SPFI, SPFx, ISPFXContext } from '@pnp/sp';
import type { TimelinePipe } from '@pnp/core';
import type { IQueryableInternal, Queryable } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/attachments';
import '@pnp/sp/site-users/web';
import '@pnp/sp/profiles';
import '@pnp/sp/security/list';

export { PermissionKind } from '@pnp/sp/security/types';
/** PnPjs's test of a permission in a 64-bit mask (taken from sp.js). */
export { hasPermissions } from '@pnp/sp/security/funcs';
export { PrincipalSource, PrincipalType } from '@pnp/sp/types';

export type { SPFI, ISPFXContext };

/** Called when PnPjs retries a throttled or failed request, so the UI can say so. */
export type RetryListener = (attempt: number, status: string) => void;

const retryListeners = new Set<RetryListener>();

/** Subscribe to retries of any request; returns the unsubscribe function. */
export function onRetry(listener: RetryListener): () => void {
  retryListeners.add(listener);
  return () => retryListeners.delete(listener);
}

/**
 * PnPjs's retrying fetch reports each retry on the timeline's log
 * ("Attempt #2 to retry request which failed with 429: Too Many Requests"); we pass it on.
 */
function RetryNotice(): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.log((message: string) => {
      const m = /^Attempt #(\d+) to retry request which failed with (\d+)/.exec(message);
      if (m) {
        retryListeners.forEach((l) => l(Number(m[1]), m[2]));
      }
    });
    return instance;
  };
}

/**
 * For writes that must not happen twice (filing a report): retries only what SharePoint refused
 * without doing it – 429 (throttled) and 503 (unavailable), after Retry-After as PnPjs does – and
 * never repeats a request whose connection failed, because it may have been stored. PnPjs's own
 * BrowserFetchWithRetry retries those too; the caller looks the report up instead.
 */
export function RetryOnlyRefused(retries: number = 3): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.replace(async function (this: IQueryableInternal, url: URL, init: RequestInit): Promise<Response> {
      let wait = 200;
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(url.toString(), init);
        if ((response.status !== 429 && response.status !== 503) || attempt > retries) {
          return response;
        }
        const after = response.headers.get('Retry-After');
        wait = after ? parseInt(after, 10) * 1000 : wait * 2;
        // The same notice as PnPjs's, so that RetryNotice tells the UI.
        this.log(`Attempt #${attempt + 1} to retry request which failed with ${response.status}: ${response.statusText}`, 0);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
    return instance;
  };
}

/** The SPFI for a site, from an SPFx context (or the dev host's stand-in for one). */
export function createSp(context: ISPFXContext, ...extra: TimelinePipe<Queryable>[]): SPFI {
  return spfi().using(SPFx(context), RetryNotice(), ...extra);
}
