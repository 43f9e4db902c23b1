/** Several queries in one SharePoint round trip. */
import { toServiceError } from './errors';
import type { SPFI } from './sp';

/** Runs the queries that `build` starts on a batched SPFI in one request and returns their results. */
export async function inOneBatch<T extends readonly unknown[]>(sp: SPFI, build: (batched: SPFI) => { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const [batched, execute] = sp.batched();
  const pending = build(batched);
  // Keep rejections handled until we look at them, so a failed part never goes unnoticed.
  const settled = Promise.allSettled(pending as readonly Promise<unknown>[]);
  try {
    await execute();
  } catch (err) {
    await settled;
    throw toServiceError(err);
  }
  const results = await settled;
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed) {
    throw toServiceError(failed.reason);
  }
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
