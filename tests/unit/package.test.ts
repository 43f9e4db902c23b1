/**
 * Opens the .sppkg that `npm run package` built (npm test runs it before jest) and checks what a
 * tenant admin depends on: the web parts with their hosts, the feature with the four lists and
 * their fields, the client-side assets, and the Teams app package.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { LISTS, schemaFileNameFor } from '../helpers/schemaFiles';

const root = join(__dirname, '..', '..');
const sppkgPath = join(root, 'sharepoint', 'solution', 'sakerhet.sppkg');
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

let zip: JSZip;
const text = async (name: string): Promise<string> => {
  const file = zip.file(name);
  if (!file) {
    throw new Error(`${name} is not in the package`);
  }
  return file.async('string');
};

beforeAll(async () => {
  if (!existsSync(sppkgPath)) {
    throw new Error('sharepoint/solution/sakerhet.sppkg is missing: run `npm run package` first (npm test does).');
  }
  zip = await JSZip.loadAsync(readFileSync(sppkgPath));
});

describe('sakerhet.sppkg', () => {
  it('is a client-side solution named Säkerhet', async () => {
    const app = parse(await text('AppManifest.xml')).documentElement;
    expect(app.getAttribute('Name')).toBe('Säkerhet');
    expect(app.getAttribute('IsClientSideSolution')).toBe('true');
  });

  it('asks the admin for exactly one Graph permission, Mail.Send (delegated), for the notifications', async () => {
    // package-solution.json's webApiPermissionRequests go into the app manifest; SharePoint lists
    // them on the admin center's API access page when the package is deployed
    // (learn.microsoft.com/sharepoint/api-access; sp-dev-docs, use-aadhttpclient.md).
    const requests = Array.from(parse(await text('AppManifest.xml')).getElementsByTagName('WebApiPermissionRequest')).map((r) => [r.getAttribute('ResourceId'), r.getAttribute('Scope')]);
    expect(requests).toEqual([['Microsoft Graph', 'Mail.Send']]);
  });

  it('holds the feature with all the lists and their fields', async () => {
    const featureFiles = Object.keys(zip.files).filter((n) => /^feature_[0-9a-f-]+\.xml$/.test(n));
    expect(featureFiles).toHaveLength(1);
    const featureId = featureFiles[0].replace(/^feature_|\.xml$/g, '');
    const elements = parse(await text(`${featureId}/elements.xml`));
    const urls = Array.from(elements.getElementsByTagName('ListInstance')).map((i) => i.getAttribute('Url'));
    expect(urls).toEqual(LISTS.map((l) => l.url));
    const rels = await text(`_rels/feature_${featureId}.xml.rels`);
    for (const list of LISTS) {
      expect(rels).toContain(`/${schemaFileNameFor(list)}`);
      const schema = parse(await text(schemaFileNameFor(list)));
      const names = Array.from(schema.getElementsByTagName('Field')).map((f) => f.getAttribute('Name'));
      expect(names).toEqual(list.fields.map((f) => f.name));
    }
  });

  it('registers every web part with its SharePoint and Teams hosts, all in one shared bundle', async () => {
    const config = JSON.parse(readFileSync(join(root, 'config', 'config.json'), 'utf8'));
    const bundles = Object.keys(config.bundles);
    expect(bundles).toEqual(['sakerhet-web-parts']);
    const components = config.bundles['sakerhet-web-parts'].components as { manifest: string }[];
    const webPartFiles = Object.keys(zip.files).filter((n) => /\/WebPart_[0-9a-f-]+\.xml$/.test(n));
    expect(webPartFiles).toHaveLength(components.length);
    for (const file of webPartFiles) {
      const el = parse(await text(file)).getElementsByTagName('ClientSideComponent')[0];
      const manifest = JSON.parse(el.getAttribute('ComponentManifest')!);
      expect(manifest.supportedHosts).toEqual(expect.arrayContaining(['SharePointWebPart', 'TeamsTab']));
      expect(manifest.loaderConfig.entryModuleId).toBe('sakerhet-web-parts');
      const script = manifest.loaderConfig.scriptResources['sakerhet-web-parts'].path as string;
      expect(zip.file(`ClientSideAssets/${script}`)).not.toBeNull();
      // React and the SPFx runtime come from the page, never from our bundle.
      expect(manifest.loaderConfig.scriptResources.react.type).toBe('component');
    }
  });

  it('names and describes every web part in Swedish and in English for the toolbox', async () => {
    const webPartFiles = Object.keys(zip.files).filter((n) => /\/WebPart_[0-9a-f-]+\.xml$/.test(n));
    for (const file of webPartFiles) {
      const manifest = JSON.parse(parse(await text(file)).getElementsByTagName('ClientSideComponent')[0].getAttribute('ComponentManifest')!);
      for (const entry of manifest.preconfiguredEntries) {
        for (const field of ['title', 'description']) {
          const { default: sv, 'en-US': en } = entry[field] as { default: string; 'en-US': string };
          expect(sv.trim().length).toBeGreaterThan(3);
          expect(en.trim().length).toBeGreaterThan(3);
          // English without Swedish words left in it, each a sentence that starts as one.
          expect(en).not.toMatch(/[åäöÅÄÖ]/);
          expect(en).toMatch(/^[A-Z]/);
          expect(sv).toMatch(/^[A-ZÅÄÖ]/);
        }
      }
    }
  });

  it('bundles neither a second copy of teams-js nor the dev sample content', async () => {
    const scripts = Object.keys(zip.files).filter((n) => /^ClientSideAssets\/.*\.js$/.test(n));
    expect(scripts.length).toBeGreaterThan(1);
    for (const name of scripts) {
      const js = await text(name);
      // Strings that only the Teams SDK's own code and the sample data contain.
      expect(js).not.toContain('The runtime has not yet been initialized');
      expect(js).not.toContain('Inbrott i personalens omklädningsrum');
      expect(js).not.toContain('/_dev/');
    }
  });

  it('ships the guideline\'s 14 areas only in the chunk the installation check loads', async () => {
    const scripts = Object.keys(zip.files).filter((n) => /^ClientSideAssets\/.*\.js$/.test(n));
    const withAreas: string[] = [];
    for (const name of scripts) {
      if ((await text(name)).includes('Kamerabevakningslagen (2018:1200)')) {
        withAreas.push(name);
      }
    }
    expect(withAreas).toEqual([expect.stringMatching(/guideline-areas/)]);
  });

  it('is site-scoped and leaves the Teams app to its own package (no "Sync to Teams", which needs a tenant-wide package)', async () => {
    // skipFeatureDeployment false: the feature that creates the lists runs when the app is added to a
    // site. "Sync to Teams" reads ClientSideAssets/TeamsSPFxApp.zip and needs skipFeatureDeployment
    // true, with which SharePoint ignores the feature (sp-dev-docs, tenant-scoped-deployment.md).
    const config = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8'));
    expect(config.solution.skipFeatureDeployment).toBe(false);
    expect(zip.file('ClientSideAssets/TeamsSPFxApp.zip')).toBeNull();
    const teamsZip = await JSZip.loadAsync(readFileSync(join(root, 'sharepoint', 'solution', 'sakerhet-teams.zip')));
    const manifest = JSON.parse(await teamsZip.file('manifest.json')!.async('string'));
    expect(manifest.staticTabs[0].name).toBe('Säkerhet');
    expect(teamsZip.file(manifest.icons.color)).not.toBeNull();
    expect(teamsZip.file(manifest.icons.outline)).not.toBeNull();
  });
});
