/**
 * Builds the dev host page's JavaScript with esbuild: the product's React app (src/) with the dev
 * host wiring (dev/host/). Code-split like the SPFx bundle, so lazy parts load on demand.
 */
import { build, BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');
export const HOST_BUILD_DIR = join(ROOT, 'dev', '.build');

export function hostBuildOptions(outdir: string = HOST_BUILD_DIR, minify = false): BuildOptions {
  return {
    entryPoints: { main: join(ROOT, 'dev', 'host', 'main.tsx') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    minify,
    sourcemap: true,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"' },
    loader: { '.png': 'file', '.svg': 'text' },
    logLevel: 'warning',
    metafile: true
  };
}

export async function buildHost(outdir: string = HOST_BUILD_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build(hostBuildOptions(outdir));
  for (const file of ['host.css', 'fabric-config.js']) {
    copyFileSync(join(ROOT, 'dev', 'host', file), join(outdir, file));
  }
}

if (require.main === module) {
  buildHost().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
