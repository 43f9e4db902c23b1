import svSE from './sv-se';
import type { IStrings } from './strings';

export type { IStrings } from './strings';
export { format } from './strings';

/**
 * The user's language variant as a BCP 47 tag: Swedish or English in whichever regional variant the
 * host hands over (sv-SE, sv-FI, en-US, en-GB, en-AU, en-IE …). The strings are Swedish or English
 * (`languageOf`); dates and numbers are written as the variant writes them.
 */
export type Locale = 'sv' | 'en' | `sv-${string}` | `en-${string}`;

/** The languages the product's strings are written in. */
export type Language = 'sv' | 'en';

export function languageOf(locale: Locale): Language {
  return /^en/i.test(locale) ? 'en' : 'sv';
}

/**
 * The host's language tag (SharePoint's UI culture, Teams' locale: "en-GB", "en-gb", "sv_FI") as a
 * Locale in canonical case. Any other language, or a tag the browser cannot format, is Swedish
 * (sv-SE), the product's first language; an English tag the browser cannot format is en-US.
 */
export function normalizeLocale(input: string | undefined): Locale {
  const tag = (input ?? '').trim().replace(/_/g, '-');
  if (!/^(sv|en)(-|$)/i.test(tag)) {
    return 'sv-SE';
  }
  try {
    // Canonical case, and only a variant the browser can format ("en-gb" → "en-GB").
    const [canonical] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
    if (canonical) {
      return canonical as Locale;
    }
  } catch {
    // Not a well-formed tag: fall back to the language's main variant.
  }
  return /^en/i.test(tag) ? 'en-US' : 'sv-SE';
}

export const defaultStrings: IStrings = svSE;

/** Shown while the English strings load (a few kilobytes, usually instant). */
export const PRELOAD_LABEL: Record<Language, string> = { sv: 'Hämtar…', en: 'Loading…' };

/** The strings for a locale; English is a separate chunk loaded only when needed. */
export async function loadStrings(locale: Locale): Promise<IStrings> {
  if (languageOf(locale) === 'en') {
    const en = await import(/* webpackChunkName: 'sakerhet-strings-en' */ './en-us');
    return en.default;
  }
  return svSE;
}
