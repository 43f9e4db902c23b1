/**
 * Zips the Teams app (teams/manifest.json and its two icons) as sharepoint/solution/sakerhet-teams.zip,
 * which the Teams admin uploads in the Teams admin center (README, deployment step 9).
 *
 * The .sppkg does not carry it as teams/TeamsSPFxApp.zip: that file is read only by "Sync to Teams"
 * in the app catalog, which needs a tenant-wide package (skipFeatureDeployment: true), and with
 * that SharePoint ignores the feature that creates the lists (sp-dev-docs, tenant-scoped-deployment:
 * "any feature framework definitions in the SharePoint Framework solution are ignored"). This
 * package is site-scoped; tests/unit/package.test.ts and the README test keep it so.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';

const root = join(__dirname, '..');
const teamsDir = join(root, 'teams');

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(teamsDir, 'manifest.json'), 'utf8'));
  const zip = new JSZip();
  // A fixed date keeps the archive byte-for-byte reproducible.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', readFileSync(join(teamsDir, 'manifest.json')), { date });
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(icon, readFileSync(join(teamsDir, icon)), { date });
  }
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // An old build's copy would be packed into the .sppkg by package-solution: remove it.
  rmSync(join(teamsDir, 'TeamsSPFxApp.zip'), { force: true });
  mkdirSync(join(root, 'sharepoint', 'solution'), { recursive: true });
  writeFileSync(join(root, 'sharepoint', 'solution', 'sakerhet-teams.zip'), data);
  console.log(`Teams app package: sharepoint/solution/sakerhet-teams.zip (${data.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
