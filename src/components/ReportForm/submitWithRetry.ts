/**
 * The report form's own retry, apart from React so that the load test drives the same code the
 * form runs. PnPjs first waits out 429/503 itself (Retry-After); when it gives up, this sends the
 * same report again – same ReportId, so SharePoint keeps it once – after growing pauses.
 */
import type { IIncident, INewIncident } from '../../model/types';
import { ServiceError, toServiceError } from '../../services/errors';

/** Pauses between the form's own attempts, in seconds. */
export const BACKOFF = [3, 6, 12, 24, 30];

export interface IRetryControl {
  /** Waits `seconds` before attempt number `attempt` (1 = the first retry); may end early. */
  pause(seconds: number, attempt: number): Promise<void>;
  /** True once the user has stopped trying (checked before each pause and after it). */
  cancelled(): boolean;
  /** Called when an attempt after a pause starts. */
  retrying?(): void;
}

export type SubmitOutcome = { incident: IIncident; error?: undefined } | { incident?: undefined; error: ServiceError };

/**
 * Sends `report` with `submit` until it is stored, refused for good (an error that is not
 * transient), the pauses in `delays` (seconds) are used up, or `control` says the user stopped.
 * Never throws: the outcome carries the stored item or the last error.
 */
export async function submitWithRetry(
  submit: (report: INewIncident) => Promise<IIncident>,
  report: INewIncident,
  control: IRetryControl,
  delays: readonly number[] = BACKOFF
): Promise<SubmitOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { incident: await submit(report) };
    } catch (err) {
      const error = toServiceError(err);
      if (!error.transient || attempt >= delays.length || control.cancelled()) {
        return { error };
      }
      await control.pause(delays[attempt], attempt + 1);
      if (control.cancelled()) {
        return { error };
      }
      control.retrying?.();
    }
  }
}
