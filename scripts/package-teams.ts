/**
 * Zips the Teams app (teams/manifest.json and its two icons) for two uses:
 *  - teams/TeamsSPFxApp.zip, which SPFx's package-solution copies into the .sppkg, so that
 *    "Sync to Teams" in the app catalog uses this manifest instead of generating one;
 *  - sharepoint/solution/sakerhet-teams.zip, for uploading in the Teams admin center.
 * Runs before `gulp package-solution` (see package.json).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
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
  writeFileSync(join(teamsDir, 'TeamsSPFxApp.zip'), data);
  mkdirSync(join(root, 'sharepoint', 'solution'), { recursive: true });
  writeFileSync(join(root, 'sharepoint', 'solution', 'sakerhet-teams.zip'), data);
  console.log(`Teams app package: teams/TeamsSPFxApp.zip and sharepoint/solution/sakerhet-teams.zip (${data.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
