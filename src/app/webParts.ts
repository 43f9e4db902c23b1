/**
 * The four web parts and what each one shows, in one place for SPFx and the dev host alike.
 */
import type { Route } from './routes';

export type WebPartKind = 'app' | 'area' | 'documents' | 'report' | 'situation';

export interface IWebPartView {
  /** Where it opens; undefined while it still needs its settings. */
  home?: Route;
  mode: 'app' | 'view';
}

export function webPartView(kind: WebPartKind, properties: { areaKey?: string }): IWebPartView {
  const areaKey = properties.areaKey || undefined;
  switch (kind) {
    case 'app':
      return { home: { name: 'overview' }, mode: 'app' };
    case 'area':
      return { home: areaKey ? { name: 'area', areaKey } : undefined, mode: 'view' };
    case 'documents':
      return { home: { name: 'documents', areaKey }, mode: 'view' };
    case 'report':
      return { home: areaKey ? { name: 'report', areaKey } : undefined, mode: 'view' };
    case 'situation':
      return { home: { name: 'situation', areaKey }, mode: 'view' };
  }
}
