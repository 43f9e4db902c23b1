/**
 * The feature files in sharepoint/assets/ are what SharePoint provisions when the app is added to
 * a site. They are generated from src/model/schema.ts; these tests read them back as XML, field by
 * field, so a hand edit or a forgotten `npm run assets` cannot slip through.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { LISTS, IListSchema } from '../../src/model/schema';
import { renderFeatureAssets, schemaFileName, fieldId } from '../../scripts/feature-assets';

const assetsDir = join(__dirname, '..', '..', 'sharepoint', 'assets');
const readAsset = (name: string): string => readFileSync(join(assetsDir, name), 'utf8');
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const children = (el: Element, tag: string): Element[] => Array.from(el.getElementsByTagName(tag));

describe('feature assets', () => {
  it('are committed exactly as generated from the schema (run `npm run assets` after a schema change)', () => {
    const files = renderFeatureAssets();
    for (const name of Object.keys(files)) {
      expect(readAsset(name)).toBe(files[name]);
    }
  });

  it('are the feature files that config/package-solution.json ships, with feature deployment on', () => {
    const config = JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'package-solution.json'), 'utf8'));
    expect(config.solution.skipFeatureDeployment).toBe(false);
    expect(config.solution.features).toHaveLength(1);
    const assets = config.solution.features[0].assets;
    expect(assets.elementManifests).toEqual(['elements.xml']);
    expect([...assets.elementFiles].sort()).toEqual(LISTS.map(schemaFileName).sort());
  });

  it('create one list instance per list, Säkerhetsområden first so that lookups resolve', () => {
    const doc = parse(readAsset('elements.xml'));
    const instances = children(doc.documentElement, 'ListInstance');
    expect(instances.map((i) => i.getAttribute('Url'))).toEqual(LISTS.map((l) => l.url));
    instances.forEach((instance, i) => {
      expect(instance.getAttribute('Title')).toBe(LISTS[i].title);
      expect(instance.getAttribute('TemplateType')).toBe(String(LISTS[i].template));
      expect(instance.getAttribute('CustomSchema')).toBe(schemaFileName(LISTS[i]));
    });
  });

  describe.each(LISTS.map((l) => [l.title, l] as const))('%s schema', (_title, list: IListSchema) => {
    const doc = parse(readAsset(schemaFileName(list)));
    const root = doc.documentElement;
    const fields = children(root, 'Fields')[0];
    const fieldEls = children(fields, 'Field');

    it('carries the list settings the CAML schema has: URL, attachments (DisableAttachments), versioning', () => {
      expect(root.getAttribute('Url')).toBe(list.url);
      expect(root.getAttribute('VersioningEnabled')).toBe(list.enableVersioning ? 'TRUE' : 'FALSE');
      if (list.template === 100) {
        // wss.xsd ListDefinition: attachments are on unless DisableAttachments="TRUE".
        expect(root.getAttribute('DisableAttachments')).toBe(list.enableAttachments ? '' : 'TRUE');
      }
      // Not in the schema, so SharePoint would ignore them: the installation check sets item-level security.
      for (const name of ['ReadSecurity', 'WriteSecurity', 'EnableAttachments']) {
        expect(root.hasAttribute(name)).toBe(false);
      }
    });

    it('defines every schema field, and only those, with the same attributes', () => {
      expect(fieldEls.map((f) => f.getAttribute('Name'))).toEqual(list.fields.map((f) => f.name));
      list.fields.forEach((field, i) => {
        const el = fieldEls[i];
        expect(el.getAttribute('ID')).toBe(`{${fieldId(list, field)}}`);
        expect(el.getAttribute('Type')).toBe(field.type);
        expect(el.getAttribute('DisplayName')).toBe(field.displayName);
        expect(el.getAttribute('Description')).toBe(field.description);
        expect(el.getAttribute('Required')).toBe(field.required ? 'TRUE' : 'FALSE');
        expect(el.getAttribute('Indexed') === 'TRUE').toBe(!!field.indexed);
        expect(el.getAttribute('EnforceUniqueValues') === 'TRUE').toBe(!!field.unique);
        if (field.type === 'Text') {
          expect(el.getAttribute('MaxLength')).toBe(String(field.maxLength ?? 255));
        }
        if (field.choices) {
          expect(children(el, 'CHOICE').map((c) => c.textContent)).toEqual(field.choices.map((c) => c.value));
        }
        if (field.lookupList) {
          expect(el.getAttribute('List')).toBe(LISTS.find((l) => l.key === field.lookupList)!.url);
        }
        if (field.defaultValue !== undefined) {
          expect(children(el, 'Default')[0].textContent).toBe(field.defaultValue);
        }
        if (field.validation) {
          const v = children(el, 'Validation')[0];
          expect(v.textContent).toBe(field.validation.formula);
          expect(v.getAttribute('Message')).toBe(field.validation.message);
        }
        if (field.formatter) {
          expect(JSON.parse(el.getAttribute('CustomFormatter')!)).toEqual(field.formatter);
        }
        if (field.hiddenInForms) {
          expect(el.getAttribute('ShowInNewForm')).toBe('FALSE');
        }
      });
    });

    it('puts every field in the list content type so that SharePoint forms show them', () => {
      const ct = children(root, 'ContentType')[0];
      const refs = children(ct, 'FieldRef').map((r) => r.getAttribute('Name'));
      expect(refs.filter((n) => n !== 'FileLeafRef')).toEqual(list.fields.map((f) => f.name));
    });

    it('defines the owners\' views', () => {
      const views = children(root, 'View');
      expect(views.map((v) => v.getAttribute('DisplayName'))).toEqual(list.views.map((v) => v.name));
      views.forEach((v, i) => {
        const fieldsEl = children(v, 'ViewFields')[0];
        expect(children(fieldsEl, 'FieldRef').map((f) => f.getAttribute('Name'))).toEqual([...list.views[i].fields]);
        const groupBy = children(v, 'GroupBy')[0];
        expect(groupBy ? children(groupBy, 'FieldRef').map((f) => f.getAttribute('Name')) : []).toEqual([...(list.views[i].groupBy ?? [])]);
      });
    });
  });
});
