/**
 * Sending a report so that it is never lost: the report first (PnPjs waits out throttling with
 * Retry-After; after that the form keeps trying with growing pauses while the user sees it), then
 * each attachment on its own, so a failed upload can be retried without sending the report again.
 */
import * as React from 'react';
import type { IIncident, INewIncident } from '../../model/types';
import type { ServiceError } from '../../services/errors';
import { BACKOFF, submitWithRetry } from './submitWithRetry';
import type { IAttachmentResult, IServices } from '../../services/interfaces';

export type SubmitState =
  | { phase: 'idle' }
  | { phase: 'saving'; retry?: number }
  | { phase: 'waiting'; seconds: number; attempt: number }
  | { phase: 'uploading'; done: number; total: number }
  | { phase: 'done'; incident: IIncident; attachments: IAttachmentResult[]; files: File[] }
  | { phase: 'failed'; error: ServiceError };


export interface ISubmit {
  state: SubmitState;
  submit(report: INewIncident, files: File[]): Promise<void>;
  /** Skip the current pause and try at once. */
  retryNow(): void;
  /** Stop trying; the draft stays. */
  cancel(): void;
  retryAttachment(file: File): Promise<void>;
  reset(): void;
}

export function useSubmit(services: IServices, onSaved: () => void, delays: number[] = BACKOFF): ISubmit {
  const [state, setState] = React.useState<SubmitState>({ phase: 'idle' });
  const wake = React.useRef<() => void>();
  const cancelled = React.useRef(false);
  // A second submit while one is under way (a double click, Enter twice) does nothing.
  const inFlight = React.useRef(false);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
      cancelled.current = true;
      wake.current?.();
    },
    []
  );
  const set = (s: SubmitState): void => {
    if (mounted.current) {
      setState(s);
    }
  };

  const pause = (seconds: number, attempt: number): Promise<void> =>
    new Promise((resolve) => {
      let left = seconds;
      let timer = 0;
      const done = (): void => {
        window.clearInterval(timer);
        wake.current = undefined;
        resolve();
      };
      set({ phase: 'waiting', seconds: left, attempt });
      timer = window.setInterval(() => {
        left -= 1;
        if (left <= 0) {
          done();
        } else {
          set({ phase: 'waiting', seconds: left, attempt });
        }
      }, 1000);
      wake.current = done;
    });

  const send = async (report: INewIncident, files: File[]): Promise<void> => {
    cancelled.current = false;
    set({ phase: 'saving' });
    const unsubscribe = services.onRetry((attempt) => set({ phase: 'saving', retry: attempt }));
    let incident: IIncident;
    try {
      const outcome = await submitWithRetry((r) => services.incidents.submit(r), report, { pause, cancelled: () => cancelled.current, retrying: () => set({ phase: 'saving' }) }, delays);
      if (outcome.error) {
        set({ phase: 'failed', error: outcome.error });
        return;
      }
      incident = outcome.incident;
    } finally {
      unsubscribe();
    }
    onSaved();
    // The area's owners hear of it by e-mail (never for anonymous reports). It runs on its own:
    // it never holds up the attachments or the receipt, and whatever becomes of it, the report
    // is stored – staff are told nothing about it.
    services.notifications.reportStored(incident).catch(() => undefined);
    // Where the reporter reads all of the area's reports (its owner, deputy or the security chief),
    // its computed goals are stored afresh; staff cannot, and nothing is asked for them.
    services.outcomes.reportChanged(incident).catch(() => undefined);
    const results: IAttachmentResult[] = [];
    for (let i = 0; i < files.length; i++) {
      set({ phase: 'uploading', done: i, total: files.length });
      // Two photos called image.jpg from a phone must not overwrite each other.
      results.push(await services.incidents.addAttachment(incident.id, files[i], results.map((r) => r.storedName ?? r.fileName)));
    }
    set({ phase: 'done', incident, attachments: results, files });
  };

  const submit = (report: INewIncident, files: File[]): Promise<void> => {
    if (inFlight.current) {
      return Promise.resolve();
    }
    inFlight.current = true;
    return send(report, files).finally(() => {
      inFlight.current = false;
    });
  };

  const retryAttachment = async (file: File): Promise<void> => {
    if (state.phase !== 'done') {
      return;
    }
    const { incident, attachments, files } = state;
    const taken = attachments.filter((a) => a.fileName !== file.name).map((a) => a.storedName ?? a.fileName);
    const result = await services.incidents.addAttachment(incident.id, file, taken);
    set({ phase: 'done', incident, files, attachments: attachments.map((a) => (a.fileName === file.name ? result : a)) });
  };

  return {
    state,
    submit,
    retryNow: () => wake.current?.(),
    cancel: () => {
      cancelled.current = true;
      wake.current?.();
    },
    retryAttachment,
    reset: () => set({ phase: 'idle' })
  };
}
