/** Several queries in one SharePoint round trip. */
import type { TimelinePipe } from '@pnp/core';
import type { IQueryableInternal, Queryable } from '@pnp/queryable';
import { toServiceError } from './errors';
import type { SPFI } from './sp';

/**
 * Makes every query of a batch settle when the batch request itself fails.
 *
 * PnPjs 4 (sp/batching.js, createBatch) answers each query of a batch only from the parsed $batch
 * response: its `send` returns a promise that is resolved when the answer arrives and never
 * rejected. When the $batch request fails – SharePoint refuses it three times (429, 503), the
 * network is down, the answer cannot be parsed – `execute()` rejects and the queries stay pending
 * for ever, and so does everything that waits for them: the view's spinner and the session cache,
 * which keeps a promise until it settles (the next attempt would wait on the same dead promise).
 *
 * This behavior runs after PnPjs's batching in the `pre` moment, where PnPjs has just replaced the
 * query's `send` with its own, and races that `send` with the batch's failure. A query PnPjs keeps
 * out of the batch (BatchNever, e.g. the request digest) is left alone.
 */
function SettleWithBatch(failure: Promise<never>): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.pre(async function (this: IQueryableInternal, url: string, init: RequestInit, result: unknown) {
      const headers = (init.headers ?? {}) as Record<string, string>;
      if (Object.prototype.hasOwnProperty.call(headers, 'X-PnP-BatchNever')) {
        return [url, init, result];
      }
      const [batchSend] = this.on.send.toArray() as ((this: IQueryableInternal, url: URL, init: RequestInit) => Promise<Response>)[];
      if (batchSend) {
        this.on.send.replace(function (this: IQueryableInternal, ...args: [URL, RequestInit]): Promise<Response> {
          return Promise.race([batchSend.apply(this, args), failure]);
        });
      }
      return [url, init, result];
    });
    return instance;
  };
}

/**
 * PnPjs's `sp.batched()` whose queries always settle: when the $batch request fails, `execute`
 * rejects with that failure and so does every query added to the batch. Use it instead of
 * `sp.batched()` everywhere (reads and writes), so no caller waits for ever.
 */
export function settlingBatch(sp: SPFI): [SPFI, () => Promise<void>] {
  const [batched, execute] = sp.batched();
  let fail: (reason: unknown) => void = () => undefined;
  const failure = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // Nobody may be listening when the batch fails after its queries were answered.
  failure.catch(() => undefined);
  batched.using(SettleWithBatch(failure));
  return [
    batched,
    async () => {
      try {
        await execute();
      } catch (err) {
        fail(err);
        throw err;
      }
    }
  ];
}

/**
 * Runs the queries that `build` starts on a batched SPFI in one request and returns their results.
 * Always settles: when the $batch request fails, every query rejects with its error (so caches
 * forget them) and so does this.
 * @throws ServiceError – the batch's own failure, or the first query that failed
 */
export async function inOneBatch<T extends readonly unknown[]>(sp: SPFI, build: (batched: SPFI) => { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await settledInOneBatch(sp, build as (batched: SPFI) => readonly Promise<unknown>[]);
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed) {
    throw toServiceError(failed.reason);
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * Runs the queries that `build` starts on a batched SPFI in one request and returns how each part
 * ended, for callers that go on past a failed part.
 * @throws ServiceError when the $batch request itself fails
 */
export async function settledInOneBatch(sp: SPFI, build: (batched: SPFI) => readonly Promise<unknown>[]): Promise<PromiseSettledResult<unknown>[]> {
  const [batched, execute] = settlingBatch(sp);
  const pending = build(batched);
  // Keep rejections handled until we look at them, so a failed part never goes unnoticed.
  const settled = Promise.allSettled(pending);
  try {
    await execute();
  } catch (err) {
    await settled;
    throw toServiceError(err);
  }
  return settled;
}
