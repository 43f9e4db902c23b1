/**
 * The site's regional settings as SharePoint Online keeps them: a time zone from SharePoint's own
 * list of zones, and date-only values stored as midnight of their day in that zone.
 *
 * Sources:
 * - `GET _api/web/RegionalSettings/TimeZone` answers SP.TimeZone: `Id` (SharePoint's zone ID,
 *   learn.microsoft.com/dotnet/api/microsoft.sharepoint.spregionalsettings.timezones), `Description`
 *   (the zone's display name, in the site's language) and `Information` (SP.TimeZoneInformation:
 *   `Bias`, `StandardBias`, `DaylightBias` in minutes, UTC = local time + bias). Shape as read by
 *   PnP Core SDK (pnp/pnpcore, Model/SharePoint/Core/Internal/TimeZone.cs: Information.Bias,
 *   .DaylightBias, .StandardBias) and as used against SharePoint Online in SharePoint/sp-dev-docs
 *   issue 6083 (`data.d.Information.Bias` with odata=verbose).
 * - Date-only columns hold midnight of the day in the site's zone, returned in UTC: a date-only
 *   value on a US Central site reads "…T05:00:00Z" or "…T06:00:00Z" depending on summer time
 *   (pnp/pnpjs issue 1890); a written instant is taken to its day in the site's zone.
 *
 * The zone rules themselves come from Node's Intl (the tz database), through the IANA zone each
 * SharePoint zone corresponds to – independently of the product's own date code.
 */

export interface ISiteTimeZone {
  /** SharePoint's time zone ID. */
  id: number;
  /** The IANA zone with the same rules, for the emulator's own arithmetic. */
  iana: string;
  /** SharePoint's description, by site language (English when there is no translation here). */
  description: { en: string; sv?: string };
  bias: number;
  standardBias: number;
  daylightBias: number;
}

/** The zones the emulator's site can be set to: a sample of SharePoint's list, across the world. */
export const SITE_TIME_ZONES: ISiteTimeZone[] = [
  {
    id: 4,
    iana: 'Europe/Stockholm',
    // The Swedish text is Windows' Swedish display name, not a recorded answer; the product reads only the ID.
    description: { en: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', sv: '(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien' },
    bias: -60,
    standardBias: 0,
    daylightBias: -60
  },
  { id: 2, iana: 'Europe/London', description: { en: '(UTC) Dublin, Edinburgh, Lisbon, London' }, bias: 0, standardBias: 0, daylightBias: -60 },
  { id: 93, iana: 'UTC', description: { en: '(UTC) Coordinated Universal Time' }, bias: 0, standardBias: 0, daylightBias: 0 },
  { id: 10, iana: 'America/New_York', description: { en: '(UTC-05:00) Eastern Time (US and Canada)' }, bias: 300, standardBias: 0, daylightBias: -60 },
  { id: 13, iana: 'America/Los_Angeles', description: { en: '(UTC-08:00) Pacific Time (US and Canada)' }, bias: 480, standardBias: 0, daylightBias: -60 },
  { id: 76, iana: 'Australia/Sydney', description: { en: '(UTC+10:00) Canberra, Melbourne, Sydney' }, bias: -600, standardBias: 0, daylightBias: -60 },
  { id: 17, iana: 'Pacific/Auckland', description: { en: '(UTC+12:00) Auckland, Wellington' }, bias: -720, standardBias: 0, daylightBias: -60 },
  { id: 20, iana: 'Asia/Tokyo', description: { en: '(UTC+09:00) Osaka, Sapporo, Tokyo' }, bias: -540, standardBias: 0, daylightBias: 0 }
];

export const DEFAULT_SITE_TIME_ZONE = SITE_TIME_ZONES[0];

/** A zone by SharePoint ID ("4") or IANA name ("Europe/Stockholm"); an error names the choices. */
export function siteTimeZone(setting: string | number | undefined): ISiteTimeZone {
  if (setting === undefined || setting === '') {
    return DEFAULT_SITE_TIME_ZONE;
  }
  const found = SITE_TIME_ZONES.find((z) => String(z.id) === String(setting) || z.iana.toLowerCase() === String(setting).toLowerCase());
  if (!found) {
    throw new Error(`Unknown site time zone '${setting}'. Choose one of: ${SITE_TIME_ZONES.map((z) => `${z.iana} (${z.id})`).join(', ')}.`);
  }
  return found;
}

/** SP.TimeZone as JSON light; `metadata` adds the odata.* properties of minimal metadata. */
export function timeZoneJson(zone: ISiteTimeZone, language: 'sv' | 'en', apiUrl: string, metadata: boolean): Record<string, unknown> {
  return {
    ...(metadata ? { 'odata.type': 'SP.TimeZone', 'odata.id': `${apiUrl}/web/RegionalSettings/TimeZone`, 'odata.editLink': 'Web/RegionalSettings/TimeZone' } : {}),
    Description: (language === 'sv' && zone.description.sv) || zone.description.en,
    Id: zone.id,
    Information: { Bias: zone.bias, DaylightBias: zone.daylightBias, StandardBias: zone.standardBias }
  };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in a zone at an instant, from Intl's long offset ("GMT+02:00"). */
function offsetMinutes(zone: string, instant: number): number {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, f);
  }
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Midnight of the day `instant` falls on in the zone (or the first moment of that day), as SharePoint's UTC ISO string. */
export function siteMidnight(instant: Date, zone: string): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(instant)
    .split('-')
    .map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // 00:00 local = UTC − offset; the offset may differ between the two guesses on a change day.
  const before = offsetMinutes(zone, wall - 86400000);
  const after = offsetMinutes(zone, wall + 86400000);
  const candidates = [wall - before * 60000, wall - after * 60000].filter((t) => offsetMinutes(zone, t) * 60000 === wall - t);
  // Midnight that happened twice: the first; midnight that never happened: the moment after the jump.
  const t = candidates.length > 0 ? Math.min(...candidates) : wall - before * 60000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}
