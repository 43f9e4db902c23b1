/**
 * Who owns each area on the sample site (a person of people.ts by key): what the site owner sets in
 * Säkerhetsområden's column Områdesansvarig after the installation check added the areas.
 */
export const SAMPLE_AREA_OWNERS: Readonly<Record<string, string>> = {
  arbetsmiljo: 'karin',
  beredskap: 'lars',
  brandsakerhet: 'sofia',
  driftsakerhet: 'mats',
  informationssakerhet: 'helena',
  'it-sakerhet': 'peter',
  kriminalitet: 'maria',
  lakemedel: 'ingrid',
  miljosakerhet: 'ahmed',
  'mt-sakerhet': 'eva',
  patientsakerhet: 'erik',
  smittskydd: 'olof',
  stralsakerhet: 'lena',
  vardhygien: 'sara'
};

/**
 * The deputies (Ställföreträdare) of the sample site's areas that have one: they handle the area's
 * reports together with its owner, e.g. while the owner is away.
 */
export const SAMPLE_AREA_DEPUTIES: Readonly<Record<string, string>> = {
  smittskydd: 'sara',
  vardhygien: 'olof'
};
