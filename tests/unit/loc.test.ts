import en from '../../src/loc/en-us';
import sv from '../../src/loc/sv-se';
import { format } from '../../src/loc/strings';
import { normalizeLocale } from '../../src/loc';

// The arguments a string uses, plain ({0}) or choosing a word by number ({0|one|other}).
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\d+)[}|]/g)].map((m) => m[1]))].sort();

describe('strings', () => {
  it('has the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  // One test for the whole check (not one per string, so the run's count stays honest); a failure
  // names every key that is empty or whose placeholders differ.
  it('translates every string, with the same placeholders in both languages', () => {
    const keys = Object.keys(sv);
    expect(keys.length).toBeGreaterThan(100);
    const faults = keys.flatMap((key) => {
      const s = (sv as unknown as Record<string, string>)[key];
      const e = (en as unknown as Record<string, string>)[key];
      if (typeof s !== 'string' || s.trim() === '') return [`${key}: Swedish is empty`];
      if (typeof e !== 'string' || e.trim() === '') return [`${key}: English is empty`];
      const [ps, pe] = [placeholders(s).join(','), placeholders(e).join(',')];
      return ps === pe ? [] : [`${key}: placeholders {${ps}} in Swedish, {${pe}} in English`];
    });
    expect(faults).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{0} av {1}', 3, 14)).toBe('3 av 14');
    expect(format('{0} {2}', 'a')).toBe('a {2}');
  });

  it('chooses the singular or plural word by the number', () => {
    expect(format(sv.riskSummary, 1)).toBe('1 risk rapporterades under året.');
    expect(format(sv.riskSummary, 0)).toBe('0 risker rapporterades under året.');
    expect(format(en.daysLeft, 1)).toBe('1 day left');
    expect(format(en.daysLeft, 12)).toBe('12 days left');
    expect(format('{1|a|b}', 1)).toBe('{1|a|b}');
  });

  it('chooses English only when asked for English', () => {
    expect(normalizeLocale('en-US')).toBe('en-US');
    expect(normalizeLocale('en-gb')).toBe('en-GB');
    expect(normalizeLocale('sv-SE')).toBe('sv-SE');
    expect(normalizeLocale('fi-FI')).toBe('sv-SE');
    expect(normalizeLocale(undefined)).toBe('sv-SE');
  });
});
