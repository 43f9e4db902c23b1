/**
 * Keeps the report being written on the device while it is typed – encrypted for its writer
 * (draftVault.ts) – so that closing the tab, a crash or a dropped connection loses nothing. The
 * draft carries the report's ReportId, so sending it again after an uncertain outcome can never
 * create a second report.
 */
import * as React from 'react';
import { TimeZone, wallClockIn } from '../../model/calendar';
import type { IDraftVault, IStoredDraft } from './draftVault';
import type { IReportDraft } from './validation';

export function newReportId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // Older browsers: a v4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new report, its time now on the site's clock (its zone, whatever the browser's). */
export function emptyDraft(areaKey: string, zone: TimeZone, now: Date = new Date()): IReportDraft {
  const { date, time } = wallClockIn(now, zone);
  return {
    reportId: newReportId(),
    areaKey,
    eventType: '',
    category: '',
    title: '',
    date,
    time,
    location: '',
    description: '',
    immediateAction: '',
    severity: '',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false
  };
}

function isBlank(d: IReportDraft): boolean {
  return !d.title && !d.location && !d.description && !d.immediateAction && !d.eventType && !d.severity;
}

export interface IDraftState {
  draft: IReportDraft;
  update(change: Partial<IReportDraft>): void;
  /** Forget the stored draft and start a new report (new ReportId). */
  reset(areaKey: string): void;
  /** When a stored draft was restored on opening, its time. */
  restoredFrom?: Date;
}

/**
 * @param vault where the draft is kept on this device, encrypted for this user (draftVault.ts);
 * without one the draft lives in memory only
 * @param stored the draft the vault held when the form opened
 * @param areaKey the area the form was opened for; a stored draft for another area still wins,
 * because losing someone's half-written report is worse than a preselected area.
 */
export function useDraft(vault: IDraftVault | undefined, stored: IStoredDraft | undefined, areaKey: string, zone: TimeZone): IDraftState {
  const [initial] = React.useState(() => {
    if (stored && !isBlank(stored.draft)) {
      return { draft: stored.draft, restoredFrom: new Date(stored.savedAt) };
    }
    return { draft: emptyDraft(areaKey, zone), restoredFrom: undefined };
  });
  const [draft, setDraft] = React.useState<IReportDraft>(initial.draft);

  // Every change is stored at once: a write of a few kilobytes is cheaper than a lost report.
  React.useEffect(() => {
    if (isBlank(draft)) {
      vault?.clear();
    } else {
      vault?.write(draft);
    }
  }, [draft, vault]);

  const update = React.useCallback((change: Partial<IReportDraft>) => setDraft((d) => ({ ...d, ...change })), []);
  const reset = React.useCallback(
    (key: string) => {
      vault?.clear();
      setDraft(emptyDraft(key, zone));
    },
    [vault, zone]
  );
  return { draft, update, reset, restoredFrom: initial.restoredFrom };
}
