#!/usr/bin/env node
// One-time set-up run before `npm test`, `npm start`, `npm run demo` and `npm run bench`, so that a
// fresh clone needs nothing but Node 20: installs the locked npm packages when node_modules is
// missing or older than the lock file, and the Debian packages the tests use (dicom3tools for
// dciodvfy, dcmtk for dcmdump, chromium for the viewer's end-to-end tests, orthanc with its DICOMweb
// plugin and iproute2 for the PACS end-to-end test and `npm run start:pacs`) when they are missing
// and we may install them.
// Plain JavaScript on purpose: it must run before any dependency exists.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' } });
  if (result.status !== 0) {
    console.error(`setup: '${command} ${args.join(' ')}' failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
};
// Orthanc and ip live in /usr/sbin, which a non-login PATH may lack.
const onPath = (tool) => spawnSync('sh', ['-c', `PATH="$PATH:/usr/sbin:/sbin"; command -v ${tool}`], { stdio: 'ignore' }).status === 0;

const installedMarker = path.join(root, 'node_modules', '.package-lock.json');
const lockFile = path.join(root, 'package-lock.json');
if (!existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lockFile).mtimeMs) {
  console.error('setup: installing npm packages from package-lock.json (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const wantedTools = [
  ['dciodvfy', 'dicom3tools'],
  ['dcmdump', 'dcmtk'],
  ['chromium', 'chromium'],
  ['Orthanc', 'orthanc'],
  ['ip', 'iproute2'],
];
const missing = wantedTools.filter(([tool]) => !onPath(tool)).map(([, pkg]) => pkg);
if (!existsSync('/usr/share/orthanc/plugins/libOrthancDicomWeb.so')) missing.push('orthanc-dicomweb');
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && onPath('apt-get')) {
    console.error(`setup: installing Debian packages ${missing.join(', ')} (DICOM validators, the browser and the PACS used by the tests)...`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  } else {
    console.error(`setup: warning: ${missing.join(', ')} not installed and cannot be installed here (needs root and apt-get); the tests that use them (DICOM validation, viewer end to end) will fail.`);
  }
}
