/**
 * The feature files are validated against Microsoft's CAML schema for feature XML (wss.xsd), with
 * the same libxml2 as Debian's xmllint (the npm package xmllint-wasm). The schema is a reference
 * kept outside the repository: SAKERHET_WSS_SCHEMA, ../shared/spec/wss beside the repository, or
 * /work/shared/spec/wss. Without it the test fails (it never skips).
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import { SCHEMA_ATTRIBUTES } from '../../dev/emulator/provisioning';

const root = resolve(__dirname, '..', '..');
const candidates = [process.env.SAKERHET_WSS_SCHEMA, join(root, '..', 'shared', 'spec', 'wss'), '/work/shared/spec/wss'].filter((d): d is string => !!d);
const schemaDir = candidates.find((d) => existsSync(join(d, 'wss.xsd')));

/**
 * What SharePoint documented after 2010 and the 2010 schema lacks: exactly validate.sh's ALLOWED
 * (../shared/spec/wss/validate.sh and its README): CustomFormatter on fields, Description on List,
 * JSLink in views, XslLink Default, ClientSideComponentId/Properties. These messages are dropped;
 * every other message is an element or attribute SharePoint's schema does not have.
 */
const ALLOWED = /attribute 'CustomFormatter'|attribute 'ClientSideComponentId'|attribute 'ClientSideComponentProperties'|List', attribute 'Description'|XslLink', attribute 'Default'|JSLink': This element is not expected|attribute 'JSLink'/;

async function camlErrors(fileName: string, contents: string): Promise<string[]> {
  if (!schemaDir) {
    throw new Error(`Microsoft's CAML schema (wss.xsd) was not found in ${candidates.join(', ')}. Set SAKERHET_WSS_SCHEMA to the folder that holds it.`);
  }
  const xsds = readdirSync(schemaDir).filter((f) => f.endsWith('.xsd'));
  const result = await validateXML({
    xml: [{ fileName, contents }],
    schema: [{ fileName: 'wss.xsd', contents: readFileSync(join(schemaDir, 'wss.xsd'), 'utf8') }],
    preload: xsds.filter((f) => f !== 'wss.xsd').map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), 'utf8') })),
    maxMemoryPages: 4096
  });
  return result.errors.map((e) => e.rawMessage).filter((m) => /validity error/.test(m) && !ALLOWED.test(m));
}

const assetsDir = join(root, 'sharepoint', 'assets');
const assets = readdirSync(assetsDir).filter((f) => f.endsWith('.xml'));

describe("feature XML against Microsoft's CAML schema", () => {
  it('finds the schema outside the repository', () => {
    expect(schemaDir).toBeDefined();
  });

  it.each(assets)('%s is valid', async (file) => {
    expect(await camlErrors(file, readFileSync(join(assetsDir, file), 'utf8'))).toEqual([]);
  }, 60000);

  it('reports what SharePoint does not read: item-level security and EnableAttachments on <List>', async () => {
    const xml = readFileSync(join(assetsDir, 'Handelser.schema.xml'), 'utf8').replace('<List ', '<List ReadSecurity="2" WriteSecurity="2" EnableAttachments="TRUE" ');
    const errors = await camlErrors('Handelser.schema.xml', xml);
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/attribute 'ReadSecurity': The attribute 'ReadSecurity' is not allowed/);
    expect(errors.join('\n')).toMatch(/attribute 'EnableAttachments'/);
  }, 60000);

  it("the emulator's table of schema attributes is wss.xsd's, plus the post-2010 ones", () => {
    const xsd = new DOMParser().parseFromString(readFileSync(join(schemaDir!, 'wss.xsd'), 'utf8'), 'text/xml');
    const types = Array.from(xsd.getElementsByTagName('xs:complexType'));
    const attributesOf = (type: string): string[] => {
      const t = types.find((x) => x.getAttribute('name') === type)!;
      return Array.from(t.getElementsByTagName('xs:attribute')).map((a) => a.getAttribute('name')!);
    };
    const after2010 = { List: ['Description'], Field: ['CustomFormatter', 'ClientSideComponentId', 'ClientSideComponentProperties'], View: [], ListInstance: [] };
    expect([...SCHEMA_ATTRIBUTES.List]).toEqual([...attributesOf('ListDefinition'), ...after2010.List]);
    expect([...SCHEMA_ATTRIBUTES.Field]).toEqual([...attributesOf('FieldDefinition'), ...after2010.Field]);
    expect([...SCHEMA_ATTRIBUTES.View]).toEqual([...attributesOf('ViewDefinition'), ...after2010.View]);
    expect([...SCHEMA_ATTRIBUTES.ListInstance]).toEqual([...attributesOf('ListInstanceDefinition'), ...after2010.ListInstance]);
  });
});
