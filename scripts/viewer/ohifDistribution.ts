// The prebuilt OHIF viewer: `npm pack @ohif/app@3.13.2` gives the complete built viewer in dist/
// (DESIGN §6: building OHIF from source needs Node 24, pnpm and ~24 GiB of heap; `npm install
// @ohif/app` fails on a missing dependency version). The tarball is checked against its known
// SHA-1, unpacked once under .cache/ohif (gitignored) and never committed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const OHIF_VERSION = '3.13.2';
export const OHIF_TARBALL_SHA1 = '26a51ffcc1704c30fff403258a1d7392e9a991f3';
const TARBALL = `ohif-app-${OHIF_VERSION}.tgz`;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`'${command} ${args.join(' ')}' failed (exit ${result.status})`);
}

function sha1(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** Path of the viewer's dist/ folder, fetching and unpacking the tarball the first time. */
export function ensureOhifDistribution(cacheFolder: string, log: (line: string) => void = () => {}): string {
  const cacheDir = path.resolve(cacheFolder);
  const unpacked = path.join(cacheDir, `app-${OHIF_VERSION}`);
  const dist = path.join(unpacked, 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;

  mkdirSync(cacheDir, { recursive: true });
  const tarball = path.join(cacheDir, TARBALL);
  if (!existsSync(tarball) || sha1(tarball) !== OHIF_TARBALL_SHA1) {
    log(`fetching @ohif/app@${OHIF_VERSION} (npm pack, ~50 MB, once)...`);
    rmSync(tarball, { force: true });
    run('npm', ['pack', `@ohif/app@${OHIF_VERSION}`, '--silent', '--pack-destination', cacheDir], cacheDir);
  }
  const actual = sha1(tarball);
  if (actual !== OHIF_TARBALL_SHA1) {
    rmSync(tarball, { force: true });
    throw new Error(`@ohif/app@${OHIF_VERSION} tarball has SHA-1 ${actual}, expected ${OHIF_TARBALL_SHA1}; refusing to use it`);
  }
  // Unpack beside the final place and rename, so an interrupted unpack never looks complete.
  const staging = `${unpacked}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`unpacking @ohif/app@${OHIF_VERSION}...`);
  run('tar', ['xzf', tarball, '-C', staging, '--strip-components=1'], cacheDir);
  rmSync(unpacked, { recursive: true, force: true });
  renameSync(staging, unpacked);
  return dist;
}
