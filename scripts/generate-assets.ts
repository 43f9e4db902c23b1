/** Writes sharepoint/assets/ from src/model/schema.ts (see feature-assets.ts). */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { renderFeatureAssets } from './feature-assets';

const dir = join(__dirname, '..', 'sharepoint', 'assets');
mkdirSync(dir, { recursive: true });
const files = renderFeatureAssets();
for (const name of Object.keys(files)) {
  writeFileSync(join(dir, name), files[name], 'utf8');
  console.log(`wrote sharepoint/assets/${name}`);
}
