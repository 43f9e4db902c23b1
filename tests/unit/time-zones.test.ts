/**
 * SharePoint's time zones as IANA zones (src/model/sharePointTimeZones.ts): every zone SharePoint
 * lists is mapped, to a zone the browser's data knows, whose standard offset is the one in
 * SharePoint's description – except where the zone's law has changed since (listed with the year).
 */
import { tzOffset } from '@date-fns/tz';
import { isKnownZone } from '../../src/model/calendar';
import { ianaZoneOf, SHAREPOINT_TIME_ZONES } from '../../src/model/sharePointTimeZones';
import { SHAREPOINT_ZONE_DESCRIPTIONS } from './fixtures/sharepoint-time-zones';

/** Zones whose offset changed after SharePoint's description was written: the zone follows today's law. */
const CHANGED: Record<number, string> = {
  46: 'Novosibirsk moved to UTC+7 in 2016',
  60: 'Greenland moved to UTC-2 in 2023',
  65: 'Chile returned to UTC-4 standard time in 2016',
  79: 'Jordan kept summer time (UTC+3) from 2022',
  83: 'Namibia keeps UTC+2 all year since 2017',
  86: 'Morocco keeps UTC+1 since 2018 (UTC+0 in Ramadan)',
  88: 'Venezuela returned to UTC-4 in 2016',
  91: 'Paraguay keeps UTC-3 since 2024',
  98: 'Syria kept summer time (UTC+3) from 2022',
  99: 'Magadan moved to UTC+11 in 2016',
  101: 'Turkey keeps UTC+3 since 2016'
};

function describedOffset(description: string): number {
  const m = /^\(UTC(?:([+-])(\d{2}):(\d{2}))?\)/.exec(description);
  if (!m) {
    throw new Error(`No offset in ${description}`);
  }
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('SharePoint time zones', () => {
  it('maps every zone SharePoint lists, and nothing it does not', () => {
    expect(Object.keys(SHAREPOINT_TIME_ZONES).map(Number).sort((a, b) => a - b)).toEqual(Object.keys(SHAREPOINT_ZONE_DESCRIPTIONS).map(Number).sort((a, b) => a - b));
  });

  it.each(Object.entries(SHAREPOINT_ZONE_DESCRIPTIONS).map(([id, d]) => [Number(id), d] as [number, string]))('%i %s', (id, description) => {
    const zone = SHAREPOINT_TIME_ZONES[id];
    expect(isKnownZone(zone)).toBe(true);
    // The standard offset is the smaller of January's and July's (summer time adds).
    const standard = Math.min(tzOffset(zone, new Date('2026-01-15T12:00:00Z')), tzOffset(zone, new Date('2026-07-15T12:00:00Z')));
    if (CHANGED[id]) {
      expect(standard).not.toBe(describedOffset(description));
    } else {
      expect(standard).toBe(describedOffset(description));
    }
  });

  it('reads the zone by its ID, never by its description (which is in the site\'s language)', () => {
    expect(ianaZoneOf({ Id: 4, Description: '(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien', Information: { Bias: -60, StandardBias: 0, DaylightBias: -60 } })).toEqual({
      zone: 'Europe/Stockholm',
      known: true
    });
  });

  it('falls back to the standard offset for an ID it does not know, and says so', () => {
    // SharePoint's bias: UTC = local time + bias, so UTC+3 is -180, like POSIX's Etc/GMT-3.
    expect(ianaZoneOf({ Id: 999, Information: { Bias: -180, StandardBias: 0, DaylightBias: 0 } })).toEqual({ zone: 'Etc/GMT-3', known: false });
    expect(ianaZoneOf({ Id: 998, Information: { Bias: 300, StandardBias: 0, DaylightBias: -60 } })).toEqual({ zone: 'Etc/GMT+5', known: false });
    expect(ianaZoneOf({ Id: 997 })).toEqual({ zone: 'UTC', known: false });
  });
});
