import en from '../../src/loc/en-us';
import sv from '../../src/loc/sv-se';
import { format } from '../../src/loc/strings';
import { normalizeLocale } from '../../src/loc';

const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();

describe('strings', () => {
  it('has the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it.each(Object.keys(sv))('%s: is translated, with the same placeholders', (key) => {
    const s = (sv as unknown as Record<string, string>)[key];
    const e = (en as unknown as Record<string, string>)[key];
    expect(s.trim()).not.toBe('');
    expect(e.trim()).not.toBe('');
    expect(placeholders(e)).toEqual(placeholders(s));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{0} av {1}', 3, 14)).toBe('3 av 14');
    expect(format('{0} {2}', 'a')).toBe('a {2}');
  });

  it('chooses English only when asked for English', () => {
    expect(normalizeLocale('en-US')).toBe('en-US');
    expect(normalizeLocale('en-gb')).toBe('en-US');
    expect(normalizeLocale('sv-SE')).toBe('sv-SE');
    expect(normalizeLocale('fi-FI')).toBe('sv-SE');
    expect(normalizeLocale(undefined)).toBe('sv-SE');
  });
});
