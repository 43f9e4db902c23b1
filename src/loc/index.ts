import svSE from './sv-se';
import type { IStrings } from './strings';

export type { IStrings } from './strings';
export { format } from './strings';

export type Locale = 'sv-SE' | 'en-US';

/** Swedish unless the host asks for English (en, en-US, en-GB, …). */
export function normalizeLocale(input: string | undefined): Locale {
  return /^en\b/i.test(input ?? '') ? 'en-US' : 'sv-SE';
}

export const defaultStrings: IStrings = svSE;

/** Shown while the English strings load (a few kilobytes, usually instant). */
export const PRELOAD_LABEL: Record<Locale, string> = { 'sv-SE': 'Hämtar…', 'en-US': 'Loading…' };

/** The strings for a locale; English is a separate chunk loaded only when needed. */
export async function loadStrings(locale: Locale): Promise<IStrings> {
  if (locale === 'en-US') {
    const en = await import(/* webpackChunkName: 'sakerhet-strings-en' */ './en-us');
    return en.default;
  }
  return svSE;
}
