/**
 * SharePoint's time zones as IANA zones.
 *
 * A site's regional settings hold a SharePoint time zone ID (`_api/web/RegionalSettings/TimeZone`
 * answers `{ Id, Description, Information: { Bias, StandardBias, DaylightBias } }`). The ID is what
 * identifies the zone: the Description is in the site's language, and the biases give the offsets
 * but not the dates the clocks change. Sources:
 * - the IDs and their zones: Microsoft's list of SharePoint time zones (SPRegionalSettings.TimeZones,
 *   learn.microsoft.com/dotnet/api/microsoft.sharepoint.spregionalsettings.timezones; the same IDs
 *   as PnP's TimeZone enum, pnp/PnP-Sites-Core Core/OfficeDevPnP.Core/Enums/TimeZone.cs);
 * - each zone's Windows time zone, by its display name (PnP Core SDK's TimeZone.cs maps SharePoint's
 *   descriptions to Windows IDs, pnp/pnpcore src/sdk/PnP.Core/Model/SharePoint/Core/Internal);
 * - Windows time zone to IANA: Unicode CLDR's windowsZones.xml (territory 001), except where noted.
 * tests/unit/time-zones.test.ts checks every entry against the offsets in its SharePoint description.
 */
import type { TimeZone } from './calendar';

/** SharePoint time zone ID → IANA zone. */
export const SHAREPOINT_TIME_ZONES: Readonly<Record<number, TimeZone>> = {
  2: 'Europe/London', // (UTC) Dublin, Edinburgh, Lisbon, London – GMT Standard Time
  3: 'Europe/Paris', // (UTC+01:00) Brussels, Copenhagen, Madrid, Paris – Romance
  // (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna – W. Europe Standard Time. CLDR's
  // 001 zone is Europe/Berlin; its entry for Sweden, Europe/Stockholm, has the same rules since 1980.
  4: 'Europe/Stockholm',
  5: 'Europe/Bucharest', // (UTC+02:00) Athens, Bucharest – GTB
  6: 'Europe/Budapest', // (UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague – Central Europe
  7: 'Europe/Kaliningrad', // (UTC+02:00) Minsk (old): UTC+2 without summer time
  8: 'America/Sao_Paulo', // (UTC-03:00) Brasilia – E. South America
  9: 'America/Halifax', // (UTC-04:00) Atlantic Time (Canada)
  10: 'America/New_York', // (UTC-05:00) Eastern Time (US and Canada)
  11: 'America/Chicago', // (UTC-06:00) Central Time (US and Canada)
  12: 'America/Denver', // (UTC-07:00) Mountain Time (US and Canada)
  13: 'America/Los_Angeles', // (UTC-08:00) Pacific Time (US and Canada)
  14: 'America/Anchorage', // (UTC-09:00) Alaska
  15: 'Pacific/Honolulu', // (UTC-10:00) Hawaii
  16: 'Pacific/Apia', // (UTC+13:00) Samoa
  17: 'Pacific/Auckland', // (UTC+12:00) Auckland, Wellington
  18: 'Australia/Brisbane', // (UTC+10:00) Brisbane
  19: 'Australia/Adelaide', // (UTC+09:30) Adelaide
  20: 'Asia/Tokyo', // (UTC+09:00) Osaka, Sapporo, Tokyo
  21: 'Asia/Singapore', // (UTC+08:00) Kuala Lumpur, Singapore
  22: 'Asia/Bangkok', // (UTC+07:00) Bangkok, Hanoi, Jakarta
  23: 'Asia/Kolkata', // (UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi
  24: 'Asia/Dubai', // (UTC+04:00) Abu Dhabi, Muscat
  25: 'Asia/Tehran', // (UTC+03:30) Tehran
  26: 'Asia/Baghdad', // (UTC+03:00) Baghdad
  27: 'Asia/Jerusalem', // (UTC+02:00) Jerusalem
  28: 'America/St_Johns', // (UTC-03:30) Newfoundland
  29: 'Atlantic/Azores', // (UTC-01:00) Azores
  30: 'Etc/GMT+2', // (UTC-02:00) Mid-Atlantic: a retired Windows zone; UTC-2, its standard offset
  31: 'Atlantic/Reykjavik', // (UTC) Monrovia, Reykjavik – Greenwich Standard Time
  32: 'America/Cayenne', // (UTC-03:00) Cayenne, Fortaleza – SA Eastern
  33: 'America/La_Paz', // (UTC-04:00) Georgetown, La Paz, Manaus, San Juan – SA Western
  34: 'America/Indiana/Indianapolis', // (UTC-05:00) Indiana (East)
  35: 'America/Bogota', // (UTC-05:00) Bogota, Lima, Quito – SA Pacific
  36: 'America/Regina', // (UTC-06:00) Saskatchewan
  37: 'America/Mexico_City', // (UTC-06:00) Guadalajara, Mexico City, Monterrey
  38: 'America/Phoenix', // (UTC-07:00) Arizona
  39: 'Etc/GMT+12', // (UTC-12:00) International Date Line West
  40: 'Pacific/Fiji', // (UTC+12:00) Fiji
  41: 'Pacific/Guadalcanal', // (UTC+11:00) Solomon Is., New Caledonia – Central Pacific
  42: 'Australia/Hobart', // (UTC+10:00) Hobart
  43: 'Pacific/Port_Moresby', // (UTC+10:00) Guam, Port Moresby – West Pacific
  44: 'Australia/Darwin', // (UTC+09:30) Darwin
  45: 'Asia/Shanghai', // (UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi
  46: 'Asia/Novosibirsk', // (UTC+07:00) Novosibirsk
  47: 'Asia/Tashkent', // (UTC+05:00) Tashkent – West Asia
  48: 'Asia/Kabul', // (UTC+04:30) Kabul
  49: 'Africa/Cairo', // (UTC+02:00) Cairo
  50: 'Africa/Johannesburg', // (UTC+02:00) Harare, Pretoria – South Africa
  51: 'Europe/Moscow', // (UTC+03:00) Moscow, St. Petersburg
  53: 'Atlantic/Cape_Verde', // (UTC-01:00) Cabo Verde
  54: 'Asia/Baku', // (UTC+04:00) Baku
  55: 'America/Guatemala', // (UTC-06:00) Central America
  56: 'Africa/Nairobi', // (UTC+03:00) Nairobi – E. Africa
  57: 'Europe/Warsaw', // (UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb – Central European
  58: 'Asia/Yekaterinburg', // (UTC+05:00) Ekaterinburg
  // (UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius – FLE Standard Time. CLDR's 001 zone
  // is Europe/Kiev (renamed Europe/Kyiv in 2022, unknown to older browsers); Helsinki has its rules.
  59: 'Europe/Helsinki',
  60: 'America/Nuuk', // (UTC-03:00) Greenland
  61: 'Asia/Yangon', // (UTC+06:30) Yangon (Rangoon) – Myanmar
  62: 'Asia/Kathmandu', // (UTC+05:45) Kathmandu
  63: 'Asia/Irkutsk', // (UTC+08:00) Irkutsk
  64: 'Asia/Krasnoyarsk', // (UTC+07:00) Krasnoyarsk
  65: 'America/Santiago', // (UTC-04:00) Santiago – Pacific SA
  66: 'Asia/Colombo', // (UTC+05:30) Sri Jayawardenepura
  67: 'Pacific/Tongatapu', // (UTC+13:00) Nuku'alofa
  68: 'Asia/Vladivostok', // (UTC+10:00) Vladivostok
  69: 'Africa/Lagos', // (UTC+01:00) West Central Africa
  70: 'Asia/Yakutsk', // (UTC+09:00) Yakutsk
  71: 'Asia/Bishkek', // (UTC+06:00) Astana – Central Asia (CLDR 001 since Kazakhstan moved to UTC+5 in 2024)
  72: 'Asia/Seoul', // (UTC+09:00) Seoul
  73: 'Australia/Perth', // (UTC+08:00) Perth
  74: 'Asia/Riyadh', // (UTC+03:00) Kuwait, Riyadh – Arab
  75: 'Asia/Taipei', // (UTC+08:00) Taipei
  76: 'Australia/Sydney', // (UTC+10:00) Canberra, Melbourne, Sydney
  77: 'America/Mazatlan', // (UTC-07:00) Chihuahua, La Paz, Mazatlan – Mountain (Mexico)
  78: 'America/Tijuana', // (UTC-08:00) Baja California – Pacific (Mexico)
  79: 'Asia/Amman', // (UTC+02:00) Amman
  80: 'Asia/Beirut', // (UTC+02:00) Beirut
  81: 'America/Cuiaba', // (UTC-04:00) Cuiaba – Central Brazilian
  82: 'Asia/Tbilisi', // (UTC+04:00) Tbilisi
  83: 'Africa/Windhoek', // (UTC+01:00) Windhoek – Namibia
  84: 'Asia/Yerevan', // (UTC+04:00) Yerevan – Caucasus
  85: 'America/Argentina/Buenos_Aires', // (UTC-03:00) Buenos Aires
  86: 'Africa/Casablanca', // (UTC) Casablanca – Morocco
  87: 'Asia/Karachi', // (UTC+05:00) Islamabad, Karachi
  88: 'America/Caracas', // (UTC-04:30) Caracas – Venezuela
  89: 'Indian/Mauritius', // (UTC+04:00) Port Louis
  90: 'America/Montevideo', // (UTC-03:00) Montevideo
  91: 'America/Asuncion', // (UTC-04:00) Asuncion – Paraguay
  92: 'Asia/Kamchatka', // (UTC+12:00) Petropavlovsk-Kamchatsky - Old
  93: 'UTC', // (UTC) Coordinated Universal Time
  94: 'Asia/Ulaanbaatar', // (UTC+08:00) Ulaanbaatar
  95: 'Etc/GMT+11', // (UTC-11:00) Coordinated Universal Time-11
  96: 'Etc/GMT+2', // (UTC-02:00) Coordinated Universal Time-02
  97: 'Etc/GMT-12', // (UTC+12:00) Coordinated Universal Time+12
  98: 'Asia/Damascus', // (UTC+02:00) Damascus – Syria
  99: 'Asia/Magadan', // (UTC+10:00) Magadan
  100: 'Europe/Kaliningrad', // (UTC+02:00) Kaliningrad
  101: 'Europe/Istanbul', // (UTC+02:00) Istanbul – Turkey
  102: 'Asia/Dhaka', // (UTC+06:00) Dhaka – Bangladesh
  103: 'America/Bahia', // (UTC-03:00) Salvador – Bahia
  104: 'Europe/Chisinau', // (UTC+02:00) E. Europe
  106: 'Europe/Samara', // (UTC+04:00) Izhevsk, Samara – Russia Time Zone 3
  107: 'Asia/Srednekolymsk', // (UTC+11:00) Chokurdakh – Russia Time Zone 10
  108: 'Asia/Kamchatka', // (UTC+12:00) Anadyr, Petropavlovsk-Kamchatsky – Russia Time Zone 11
  109: 'Europe/Minsk' // (UTC+03:00) Minsk – Belarus
};

/** The zone a site's regional settings name, as SharePoint's REST API answers them. */
export interface ISharePointTimeZone {
  Id: number;
  Description?: string;
  Information?: { Bias?: number; StandardBias?: number; DaylightBias?: number };
}

/**
 * The IANA zone of a SharePoint time zone. For an ID this table does not know (a zone SharePoint
 * added later), the zone's standard offset from `Information` as a fixed-offset zone: right outside
 * summer time, an hour off within it – `known` says which, so the caller can warn.
 */
export function ianaZoneOf(tz: ISharePointTimeZone): { zone: TimeZone; known: boolean } {
  const known = SHAREPOINT_TIME_ZONES[tz.Id];
  if (known) {
    return { zone: known, known: true };
  }
  // SharePoint's bias is minutes to add to local time to get UTC (UTC = local + Bias + StandardBias).
  const minutes = (tz.Information?.Bias ?? 0) + (tz.Information?.StandardBias ?? 0);
  if (minutes % 60 === 0 && Math.abs(minutes) <= 14 * 60) {
    const hours = minutes / 60;
    // Etc/GMT+h is h hours *behind* UTC (POSIX sign), which is SharePoint's sign too.
    return { zone: hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : '-'}${Math.abs(hours)}`, known: false };
  }
  return { zone: 'UTC', known: false };
}
