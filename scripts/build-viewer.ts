// `npm run build:viewer [-- OUT_DIR]`: only the files to host beside an existing OHIF 3.x viewer
// (extension.js, mode.js, codecs/, ort/, models/ when trained), by default in .cache/viewer-site/medstego;
// also the packages' built entries extension/dist/index.js and modes/dist/index.js.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlugins } from './viewer/buildPlugins.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, '.cache', 'viewer-site', 'medstego'));
await buildPlugins({ repoRoot: ROOT, outDir });
// The same bundles as the packages' built entries (`main` in extension/ and modes/package.json).
for (const [bundle, packageDir] of [['extension.js', 'extension'], ['mode.js', 'modes']] as const) {
  mkdirSync(path.join(ROOT, packageDir, 'dist'), { recursive: true });
  copyFileSync(path.join(outDir, bundle), path.join(ROOT, packageDir, 'dist', 'index.js'));
}
console.log(`medstego viewer files in ${outDir}: host them at /medstego/ on the viewer's origin.`);
