/** teams/manifest.json against Microsoft's published schema for its manifestVersion. */
import { readFileSync } from 'fs';
import { join } from 'path';
// ajv 6: the version SPFx 1.21's toolchain expects as a devDependency (m365 spfx project doctor,
// FN002007), and one that still reads JSON Schema draft-04, the draft of Teams' manifest schemas.
import Ajv from 'ajv';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'teams', 'manifest.json'), 'utf8'));
const webPartManifest = JSON.parse(readFileSync(join(root, 'src', 'webparts', 'sakerhet', 'SakerhetWebPart.manifest.json'), 'utf8'));

function pngSize(file: string): [number, number] {
  const data = readFileSync(join(root, 'teams', file));
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('Teams app manifest', () => {
  function manifestValidator(): Ajv.ValidateFunction {
    const schemaPath = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto', unknownFormats: 'ignore' });
    ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
    return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }

  it(`validates against Microsoft's schema for its version`, () => {
    const validate = manifestValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by a validator that refuses what the schema refuses', () => {
    const validate = manifestValidator();
    const { id, ...withoutId } = manifest;
    expect(id).toBeTruthy();
    expect(validate(withoutId)).toBe(false);
    expect(validate({ ...manifest, staticTabs: [{ ...manifest.staticTabs[0], scopes: ['nowhere'] }] })).toBe(false);
  });

  it('is schema 1.17 or later with a static tab "Säkerhet" hosting the app web part', () => {
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(117);
    const tab = manifest.staticTabs.find((t: { name: string }) => t.name === 'Säkerhet');
    expect(tab.contentUrl).toContain(`componentId=${webPartManifest.id}`);
    expect(tab.contentUrl).toContain('teamshostedapp.aspx');
    expect(webPartManifest.supportedHosts).toContain('TeamsPersonalApp');
  });

  it('ships a 192x192 colour icon and a 32x32 outline icon named after the component', () => {
    expect(manifest.icons.color).toBe(`${webPartManifest.id}_color.png`);
    expect(pngSize(manifest.icons.color)).toEqual([192, 192]);
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32]);
  });
});
