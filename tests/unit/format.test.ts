import { daysBetween, firstSentence, formatDate, keepNumbersWhole, stockholmInstant, stockholmNow, withUnit } from '../../src/components/common/format';
import { matchesSearch } from '../../src/components/common/search';
import { validityOf } from '../../src/components/Documents/validity';
import type { IGoverningDocument } from '../../src/model/types';

describe('Stockholm time', () => {
  it('turns a wall-clock time into the right instant in winter and summer', () => {
    expect(stockholmInstant('2026-01-15', '08:00')!.toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(stockholmInstant('2026-07-15', '08:00')!.toISOString()).toBe('2026-07-15T06:00:00.000Z');
    // The autumn hour that happens twice takes the first; the spring hour that never happens the later offset.
    expect(stockholmInstant('2026-10-25', '02:30')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(stockholmInstant('2026-03-29', '02:30')!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(stockholmInstant('2026-02-30', '10:00')).toBeUndefined();
    expect(stockholmInstant('2026-13-01', '10:00')).toBeUndefined();
    expect(stockholmInstant('2026-01-01', '24:00')).toBeUndefined();
    expect(stockholmInstant('igår', '10:00')).toBeUndefined();
  });

  it('gives today and now as the form inputs want them', () => {
    expect(stockholmNow(new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
  });

  it('counts calendar days in Sweden', () => {
    // 01:30 and 23:30 on 1 January in Stockholm; 23:30 UTC is already 2 January there.
    expect(daysBetween(new Date('2026-01-01T00:30:00Z'), new Date('2026-01-01T22:30:00Z'))).toBe(0);
    expect(daysBetween(new Date('2026-01-01T22:30:00Z'), new Date('2026-01-01T23:30:00Z'))).toBe(1);
    expect(daysBetween(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-31T10:00:00Z'))).toBe(30);
  });
});

describe('formatting', () => {
  it('writes numbers and dates as Swedes and English speakers read them', () => {
    expect(withUnit(1.6, 'per 1 000 vårddagar', 'sv-SE')).toBe('1,6 per 1 000 vårddagar');
    expect(withUnit(91, '%', 'sv-SE')).toBe('91 %');
    expect(withUnit(1.6, '', 'en-US')).toBe('1.6');
    expect(keepNumbersWhole('högst 1,5 per 1 000 vårddagar')).toBe('högst 1,5 per 1\u00a0000 vårddagar');
    expect(keepNumbersWhole('minst 90 %')).toBe('minst 90\u00a0%');
    expect(keepNumbersWhole('12 345 678 st')).toBe('12\u00a0345\u00a0678 st');
    expect(keepNumbersWhole('2 av 31')).toBe('2 av 31');
    expect(formatDate(new Date('2026-06-30T22:00:00Z'), 'sv-SE')).toBe('1 juli 2026');
    expect(firstSentence('Att alla är trygga. Mer text.')).toBe('Att alla är trygga.');
  });

  it('searches without regard to case or accents, all words', () => {
    expect(matchesSearch('sakerhet', 'Strålsäkerhet')).toBe(true);
    expect(matchesSearch('MT säk', 'MT-säkerhet')).toBe(true);
    expect(matchesSearch('brand polis', 'Brandsäkerhet')).toBe(false);
    expect(matchesSearch('  ', 'x')).toBe(true);
  });
});

describe('document validity', () => {
  const today = new Date('2026-06-15T10:00:00Z');
  const doc = (validTo?: string, status: IGoverningDocument['status'] = 'approved', validFrom = '2025-01-01T00:00:00Z'): IGoverningDocument =>
    ({ validFrom: new Date(validFrom), validTo: validTo ? new Date(validTo) : undefined, status } as IGoverningDocument);

  it('tells current, expiring, expired, not yet valid and repealed apart', () => {
    expect(validityOf(doc(), today)).toBe('current');
    expect(validityOf(doc('2026-12-31T00:00:00Z'), today)).toBe('current');
    expect(validityOf(doc('2026-09-01T00:00:00Z'), today)).toBe('expiring');
    expect(validityOf(doc('2026-06-14T22:00:00Z'), today)).toBe('expiring');
    expect(validityOf(doc('2026-06-13T22:00:00Z'), today)).toBe('expired');
    expect(validityOf(doc(undefined, 'approved', '2026-07-01T00:00:00Z'), today)).toBe('notYet');
    expect(validityOf(doc(undefined, 'repealed'), today)).toBe('expired');
  });
});
