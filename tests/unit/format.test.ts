import { firstSentence, formatDate, formatDateTime, formatDay, isoDate, keepNumbersWhole, monthName, withUnit } from '../../src/components/common/format';
import { fileHref } from '../../src/components/common/fileHref';
import { matchesSearch } from '../../src/model/search';
import { validityOf } from '../../src/components/Documents/validity';
import { languageOf, normalizeLocale } from '../../src/loc';
import type { IGoverningDocument } from '../../src/model/types';

const STOCKHOLM = 'Europe/Stockholm';

describe('formatting', () => {
  it('writes numbers and dates as Swedes and English speakers read them', () => {
    expect(withUnit(1.6, 'per 1 000 vårddagar', 'sv-SE')).toBe('1,6 per 1 000 vårddagar');
    // Per cent as each language writes it: Swedish with a no-break space, English without.
    expect(withUnit(91, '%', 'sv-SE')).toBe('91\u00a0%');
    expect(withUnit(91.5, '%', 'en-GB')).toBe('91.5%');
    expect(withUnit(1.6, '', 'en-US')).toBe('1.6');
    expect(keepNumbersWhole('högst 1,5 per 1 000 vårddagar')).toBe('högst 1,5 per 1\u00a0000 vårddagar');
    expect(keepNumbersWhole('minst 90 %')).toBe('minst 90\u00a0%');
    expect(keepNumbersWhole('12 345 678 st')).toBe('12\u00a0345\u00a0678 st');
    expect(keepNumbersWhole('2 av 31')).toBe('2 av 31');
    expect(formatDate(new Date('2026-06-30T22:00:00Z'), 'sv-SE', STOCKHOLM)).toBe('1 juli 2026');
    expect(firstSentence('Att alla är trygga. Mer text.')).toBe('Att alla är trygga.');
  });

  it('formats on the site\'s calendar, not the process\'s: the same instant is another day in New York', () => {
    const instant = new Date('2026-06-30T22:00:00Z');
    expect(formatDate(instant, 'en-US', 'America/New_York')).toBe('Jun 30, 2026');
    expect(isoDate(instant, STOCKHOLM)).toBe('2026-07-01');
    expect(isoDate(instant, 'America/New_York')).toBe('2026-06-30');
    expect(formatDateTime(new Date('2026-01-15T07:05:00Z'), 'sv-SE', STOCKHOLM)).toBe('15 jan. 2026 08:05');
  });

  it('formats a calendar day (a deadline) as that day in every zone', () => {
    expect(formatDay('2026-04-01', 'sv-SE')).toBe('1 apr. 2026');
    expect(formatDay('2026-05-01', 'sv-SE')).toBe('1 maj 2026');
    expect(formatDay('2026-03-29', 'en-GB')).toBe('29 Mar 2026');
    expect(formatDay('2026-03-29', 'en-US')).toBe('Mar 29, 2026');
  });

  it('searches without regard to case or accents, all words', () => {
    expect(matchesSearch('sakerhet', 'Strålsäkerhet')).toBe(true);
    expect(matchesSearch('MT säk', 'MT-säkerhet')).toBe(true);
    expect(matchesSearch('brand polis', 'Brandsäkerhet')).toBe(false);
    expect(matchesSearch('  ', 'x')).toBe(true);
  });
});

describe('language variants', () => {
  // Each English and Swedish variant SharePoint (UI culture) or Teams (locale, lower case) may hand over.
  const instant = new Date('2026-03-05T10:00:00Z');
  const cases: [string, string, string, string][] = [
    // host tag, the Locale, the date as that variant writes it, a number
    ['en-US', 'en-US', 'Mar 5, 2026', '1,234.5'],
    ['en-us', 'en-US', 'Mar 5, 2026', '1,234.5'],
    ['en-GB', 'en-GB', '5 Mar 2026', '1,234.5'],
    ['en-gb', 'en-GB', '5 Mar 2026', '1,234.5'],
    ['en-AU', 'en-AU', '5 Mar 2026', '1,234.5'],
    ['en-IE', 'en-IE', '5 Mar 2026', '1,234.5'],
    ['en-NZ', 'en-NZ', '5 Mar 2026', '1,234.5'],
    ['en-IN', 'en-IN', '5 Mar 2026', '1,234.5'],
    ['en-CA', 'en-CA', 'Mar 5, 2026', '1,234.5'],
    ['sv-SE', 'sv-SE', '5 mars 2026', '1\u00a0234,5'],
    ['sv-se', 'sv-SE', '5 mars 2026', '1\u00a0234,5'],
    ['sv-FI', 'sv-FI', '5 mars 2026', '1\u00a0234,5'],
    ['sv_FI', 'sv-FI', '5 mars 2026', '1\u00a0234,5']
  ];

  it.each(cases)('%s reads as itself (%s)', (tag, locale, date, number) => {
    const l = normalizeLocale(tag);
    expect(l).toBe(locale);
    expect(formatDate(instant, l, STOCKHOLM)).toBe(date);
    expect(new Intl.NumberFormat(l).format(1234.5)).toBe(number);
    expect(languageOf(l)).toBe(tag.startsWith('en') ? 'en' : 'sv');
  });

  it('takes other languages and broken tags as Swedish, the first language', () => {
    expect(normalizeLocale('fi-FI')).toBe('sv-SE');
    expect(normalizeLocale('de')).toBe('sv-SE');
    expect(normalizeLocale(undefined)).toBe('sv-SE');
    expect(normalizeLocale('en-')).toBe('en-US');
    expect(normalizeLocale('sv-')).toBe('sv-SE');
  });

  it('names the months in the variant\'s language', () => {
    expect(monthName(0, 'sv-FI')).toBe('januari');
    expect(monthName(11, 'en-GB')).toBe('December');
  });
});

describe('links to files', () => {
  it('encodes every character of a file name that means something in a URL, as SharePoint expects', () => {
    // Source: sp-dev-docs "Supporting % and # in files and folders with the ResourcePath API":
    // '#' and '%' in a file's path must be percent-encoded, '#' otherwise starts a fragment.
    expect(fileHref("/sites/sakerhet/StyrandeDokument/Rutin #3 – 100% & mer+plus? O'Brien åäö.pdf")).toBe(
      '/sites/sakerhet/StyrandeDokument/Rutin%20%233%20%E2%80%93%20100%25%20%26%20mer%2Bplus%3F%20O%27Brien%20%C3%A5%C3%A4%C3%B6.pdf'
    );
    expect(fileHref('https://contoso.sharepoint.com/sites/s/Lib/a#b.pdf')).toBe('https://contoso.sharepoint.com/sites/s/Lib/a%23b.pdf');
    // Decoding gives the name back: nothing is lost or doubled.
    expect(decodeURIComponent(fileHref('/sites/s/Lib/50%25 klart #1.docx'))).toBe('/sites/s/Lib/50%25 klart #1.docx');
  });
});

describe('document validity', () => {
  const now = new Date('2026-06-15T10:00:00Z');
  const doc = (validTo?: string, status: IGoverningDocument['status'] = 'approved', validFrom = '2024-12-31T23:00:00Z'): IGoverningDocument =>
    ({ validFrom: new Date(validFrom), validTo: validTo ? new Date(validTo) : undefined, status } as IGoverningDocument);

  it('tells current, expiring, expired, not yet valid and repealed apart, by the site\'s calendar days', () => {
    // Date-only values as SharePoint stores them: midnight in Stockholm (UTC+2 in summer).
    expect(validityOf(doc(), now, STOCKHOLM)).toBe('current');
    expect(validityOf(doc('2026-12-30T23:00:00Z'), now, STOCKHOLM)).toBe('current');
    expect(validityOf(doc('2026-08-31T22:00:00Z'), now, STOCKHOLM)).toBe('expiring');
    // Valid to and including 15 June: still in force on its last day.
    expect(validityOf(doc('2026-06-14T22:00:00Z'), now, STOCKHOLM)).toBe('expiring');
    expect(validityOf(doc('2026-06-13T22:00:00Z'), now, STOCKHOLM)).toBe('expired');
    expect(validityOf(doc(undefined, 'approved', '2026-06-30T22:00:00Z'), now, STOCKHOLM)).toBe('notYet');
    // Valid from today: in force.
    expect(validityOf(doc(undefined, 'approved', '2026-06-14T22:00:00Z'), now, STOCKHOLM)).toBe('current');
    expect(validityOf(doc(undefined, 'repealed'), now, STOCKHOLM)).toBe('expired');
  });

  it('counts the last day and 90 days ahead exactly across the clock change', () => {
    // 20 October (summer time) to 18 January: 90 calendar days although one of them has 25 hours.
    const october = new Date('2026-10-20T10:00:00Z');
    expect(validityOf(doc('2027-01-17T23:00:00Z'), october, STOCKHOLM)).toBe('expiring');
    expect(validityOf(doc('2027-01-18T23:00:00Z'), october, STOCKHOLM)).toBe('current');
  });
});
