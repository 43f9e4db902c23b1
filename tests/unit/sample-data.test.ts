import { AREAS_LIST, DOCUMENTS_LIST, GOALS_LIST, INCIDENTS_LIST, IListSchema, EVENT_TYPES, SEVERITIES, INCIDENT_STATUSES } from '../../src/model/schema';
import { GUIDELINE_AREAS as SAMPLE_AREAS } from '../../src/model/areas';
import { SAMPLE_AREA_OWNERS } from '../../src/model/sample/areaOwners';
import { SAMPLE_GOALS } from '../../src/model/sample/goals';
import { SAMPLE_DOCUMENTS } from '../../src/model/sample/documents';
import { SAMPLE_INCIDENTS } from '../../src/model/sample/incidents';
import { SAMPLE_PEOPLE } from '../../src/model/sample/people';

const people = new Set(SAMPLE_PEOPLE.map((p) => p.key));
const areaKeys = SAMPLE_AREAS.map((a) => a.key);

function maxLength(list: IListSchema, field: string): number {
  const f = list.fields.find((x) => x.name === field)!;
  return f.maxLength ?? 255;
}

describe('sample content', () => {
  it('has the 14 security areas of the guideline, each complete', () => {
    expect(SAMPLE_AREAS.map((a) => a.title)).toEqual([
      'Arbetsmiljö', 'Beredskap', 'Brandsäkerhet', 'Driftsäkerhet', 'Informationssäkerhet', 'IT-säkerhet',
      'Kriminalitet och brottsförebyggande', 'Läkemedel', 'Miljösäkerhet', 'MT-säkerhet', 'Patientsäkerhet',
      'Smittskydd', 'Strålsäkerhet', 'Vårdhygien'
    ]);
    expect(new Set(areaKeys).size).toBe(14);
    expect(Object.keys(SAMPLE_AREA_OWNERS).sort()).toEqual([...areaKeys].sort());
    for (const a of SAMPLE_AREAS) {
      expect(a.key).toMatch(/^[a-z][a-z-]+$/);
      expect(people.has(SAMPLE_AREA_OWNERS[a.key])).toBe(true);
      expect(a.laws.length).toBeGreaterThanOrEqual(2);
      expect(a.reportCategories.length).toBeGreaterThanOrEqual(3);
      for (const [field, value] of [['Scope', a.scope], ['Purpose', a.purpose], ['Responsibility', a.responsibility], ['OwnerRole', a.ownerRole], ['Title', a.title]] as const) {
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(maxLength(AREAS_LIST, field));
      }
      for (const category of a.reportCategories) {
        expect(category.length).toBeLessThanOrEqual(maxLength(INCIDENTS_LIST, 'Category'));
      }
    }
  });

  it('gives the authority flags to the areas the law ties them to', () => {
    const flagged = (flag: string): string[] => SAMPLE_AREAS.filter((a) => (a.reportFlags as string[]).includes(flag)).map((a) => a.key);
    expect(flagged('lexMaria')).toContain('patientsakerhet');
    expect(flagged('workEnvironmentAuthority')).toEqual(['arbetsmiljo']);
    expect(flagged('policeReport')).toEqual(['kriminalitet']);
  });

  it('has two or three measurable goals per area for the current period', () => {
    for (const key of areaKeys) {
      const current = SAMPLE_GOALS.filter((g) => g.area === key && g.periodOffset === 0);
      expect(current.length).toBeGreaterThanOrEqual(2);
      expect(current.length).toBeLessThanOrEqual(3);
    }
    for (const g of SAMPLE_GOALS) {
      expect(areaKeys).toContain(g.area);
      expect(Number.isFinite(g.target)).toBe(true);
      expect(g.indicator.length).toBeLessThanOrEqual(maxLength(GOALS_LIST, 'Indicator'));
      expect(g.title.length).toBeLessThanOrEqual(maxLength(GOALS_LIST, 'Title'));
      expect(g.unit.length).toBeLessThanOrEqual(maxLength(GOALS_LIST, 'Unit'));
      // A goal has an entered outcome or a way to compute one, and a judgement has its reason.
      if (g.measure) {
        // A computed indicator's outcome comes from the reports, never from the sample.
        expect(g.outcome).toBeUndefined();
      }
      if (g.judged) {
        expect(g.judged.comment.length).toBeGreaterThan(20);
      }
    }
  });

  it('has the policy, the guideline and governing documents for every area', () => {
    expect(SAMPLE_DOCUMENTS.filter((d) => d.type === 'policy' && d.areas.length === 0)).toHaveLength(1);
    expect(SAMPLE_DOCUMENTS.some((d) => d.type === 'guideline' && d.areas.length === 0)).toBe(true);
    for (const key of areaKeys) {
      expect(SAMPLE_DOCUMENTS.some((d) => d.areas.includes(key))).toBe(true);
    }
    const names = SAMPLE_DOCUMENTS.map((d) => d.fileName);
    expect(new Set(names).size).toBe(names.length);
    for (const d of SAMPLE_DOCUMENTS) {
      expect(people.has(d.owner)).toBe(true);
      d.areas.forEach((a) => expect(areaKeys).toContain(a));
      expect(d.title.length).toBeLessThanOrEqual(maxLength(DOCUMENTS_LIST, 'Title'));
      if (d.validToDays !== undefined) {
        expect(d.validToDays).toBeGreaterThan(d.validFromDays);
      }
    }
    // Some are expired and some expire soon, so the marks in the UI have something to show.
    expect(SAMPLE_DOCUMENTS.some((d) => d.validToDays !== undefined && d.validToDays < 0 && d.status === 'approved')).toBe(true);
    expect(SAMPLE_DOCUMENTS.some((d) => d.validToDays !== undefined && d.validToDays > 0 && d.validToDays <= 90)).toBe(true);
  });

  it('has a few dozen reports spread over areas, types, severities, statuses and two years', () => {
    expect(SAMPLE_INCIDENTS.length).toBeGreaterThanOrEqual(36);
    expect(new Set(SAMPLE_INCIDENTS.map((i) => i.area)).size).toBe(14);
    expect(new Set(SAMPLE_INCIDENTS.map((i) => i.type)).size).toBe(EVENT_TYPES.length);
    expect(new Set(SAMPLE_INCIDENTS.map((i) => i.severity)).size).toBe(SEVERITIES.length);
    expect(new Set(SAMPLE_INCIDENTS.map((i) => i.status)).size).toBe(INCIDENT_STATUSES.length);
    expect(SAMPLE_INCIDENTS.filter((i) => i.daysAgo > 365).length).toBeGreaterThanOrEqual(8);
    for (const i of SAMPLE_INCIDENTS) {
      expect(i.daysAgo).toBeGreaterThan(0);
      expect(i.daysAgo).toBeLessThanOrEqual(730);
      expect(people.has(i.reporter)).toBe(true);
      const area = SAMPLE_AREAS.find((a) => a.key === i.area)!;
      expect(area.reportCategories).toContain(i.category);
      expect(i.title.length).toBeLessThanOrEqual(maxLength(INCIDENTS_LIST, 'Title'));
      expect(i.location.length).toBeLessThanOrEqual(maxLength(INCIDENTS_LIST, 'Location'));
      expect(i.description.length).toBeLessThanOrEqual(maxLength(INCIDENTS_LIST, 'Description'));
    }
    // The staff dev users each have reports of their own (and not each other's).
    expect(SAMPLE_INCIDENTS.filter((i) => i.reporter === 'anna').length).toBeGreaterThanOrEqual(5);
    expect(SAMPLE_INCIDENTS.filter((i) => i.reporter === 'johan').length).toBeGreaterThanOrEqual(5);
  });
});
