import { AREAS_LIST, DOCUMENTS_LIST, INCIDENTS_LIST, LISTS, choiceKey, choiceValue, listByKey, listServerRelativeUrl, EVENT_TYPES } from '../../src/model/schema';

const BUILT_IN_VIEW_FIELDS = ['LinkTitle', 'LinkFilename', 'DocIcon', 'Author', 'Created', 'Modified', 'ID'];

describe('list schema', () => {
  it('defines the lists of the architecture, and the actions of case handling, addressed by URL', () => {
    expect(LISTS.map((l) => [l.title, l.url])).toEqual([
      ['Säkerhetsområden', 'Lists/Sakerhetsomraden'],
      ['Mål', 'Lists/Mal'],
      ['Risker', 'Lists/Risker'],
      ['Händelser', 'Lists/Handelser'],
      ['Åtgärder', 'Lists/Atgarder'],
      ['Riskbedömningar', 'Lists/Riskbedomningar'],
      ['Styrande dokument', 'StyrandeDokument'],
      ['Utkastnycklar', 'Lists/Utkastnycklar']
    ]);
    expect(listServerRelativeUrl(INCIDENTS_LIST)).toBe('/sites/sakerhet/Lists/Handelser');
    expect(listByKey('documents')).toBe(DOCUMENTS_LIST);
  });

  it.each(LISTS.map((l) => [l.title, l] as const))('%s: internal names are unique ASCII identifiers', (_title, list) => {
    const names = list.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    }
    expect(names[0]).toBe('Title');
  });

  it.each(LISTS.map((l) => [l.title, l] as const))('%s: every field is described and consistent', (_title, list) => {
    for (const f of list.fields) {
      expect(f.displayName.trim()).not.toBe('');
      expect(f.description.length).toBeGreaterThan(10);
      if (f.unique) {
        // SharePoint only enforces unique values on indexed columns.
        expect(f.indexed).toBe(true);
      }
      if (f.type === 'Choice' || f.type === 'MultiChoice') {
        expect(f.choices?.length).toBeGreaterThan(1);
        const keys = f.choices!.map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
      }
      if (f.defaultValue !== undefined && f.type === 'Choice') {
        expect(f.choices!.map((c) => c.value)).toContain(f.defaultValue);
      }
      if (f.type === 'Text') {
        expect(f.maxLength).toBeLessThanOrEqual(255);
      }
      if (f.type === 'Lookup' || f.type === 'LookupMulti') {
        expect(LISTS.map((l) => l.key)).toContain(f.lookupList);
      }
      if (f.type === 'LookupMulti') {
        // SharePoint cannot index multi-value lookups.
        expect(f.indexed).toBeFalsy();
      }
    }
  });

  it.each(LISTS.map((l) => [l.title, l] as const))('%s: views show existing fields and have one default', (_title, list) => {
    const names = new Set([...list.fields.map((f) => f.name), ...BUILT_IN_VIEW_FIELDS]);
    expect(list.views.filter((v) => v.isDefault)).toHaveLength(1);
    for (const view of list.views) {
      for (const f of [...view.fields, ...(view.groupBy ?? []), ...(view.orderBy ?? []).map((o) => o.field)]) {
        expect(names.has(f)).toBe(true);
      }
    }
  });

  it('keeps reports private: item-level security on Händelser, an indexed ReportId that is not unique, indexed query columns', () => {
    expect(INCIDENTS_LIST.readSecurity).toBe('own');
    expect(INCIDENTS_LIST.writeSecurity).toBe('own');
    expect(INCIDENTS_LIST.rights.visitors).toBe('none');
    const byName = Object.fromEntries(INCIDENTS_LIST.fields.map((f) => [f.name, f]));
    // SharePoint cannot enforce unique values under item-level security (formsandflows.nl,
    // "Item-level permissions", 2023): ReportId is indexed only.
    expect(byName.ReportId).toMatchObject({ indexed: true, required: true });
    expect(byName.ReportId.unique).toBeFalsy();
    for (const list of LISTS) {
      if (list.readSecurity === 'own') {
        expect(list.fields.filter((f) => f.unique)).toEqual([]);
      }
    }
    for (const name of ['Area', 'OccurredAt', 'Status', 'EventType', 'Severity']) {
      expect(byName[name].indexed).toBe(true);
    }
    expect(AREAS_LIST.fields.find((f) => f.name === 'AreaKey')).toMatchObject({ unique: true, indexed: true });
  });

  it('maps stored choice values to keys and back', () => {
    expect(choiceKey(EVENT_TYPES, 'Tillbud')).toBe('nearMiss');
    expect(choiceKey(EVENT_TYPES, 'Okänd')).toBeUndefined();
    expect(choiceKey(EVENT_TYPES, null)).toBeUndefined();
    expect(choiceValue(EVENT_TYPES, 'improvement')).toBe('Förbättringsförslag');
    expect(() => choiceValue(EVENT_TYPES, 'nope')).toThrow('Unknown choice key nope');
  });
});
