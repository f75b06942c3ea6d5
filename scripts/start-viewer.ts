// `npm start`: the OHIF viewer with the medstego extension and Steganography mode, on the bundled
// samples, at http://127.0.0.1:$PORT (default 3000). Nothing is fetched at run time except, the
// first time, the prebuilt viewer from the npm registry (checksum-verified, cached in .cache/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareViewer } from './viewer/prepareViewer.ts';
import { createViewerServer, listen } from './viewer/serveViewer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
// `npm start -- --studies DIR` also serves a folder of your own DICOM files.
const studiesFlag = process.argv.indexOf('--studies');
const studiesDir = studiesFlag >= 0 ? process.argv[studiesFlag + 1] : undefined;
const viewer = await prepareViewer(ROOT, { ...(studiesDir ? { studiesDir } : {}), log: (line) => console.log(`start: ${line}`) });
const server = createViewerServer(viewer.roots);
const bound = await listen(server, port);
const base = `http://127.0.0.1:${bound}`;
console.log(`medstego viewer (OHIF 3.13.2 + medstego extension and Steganography mode) at ${base}/`);
console.log(`Steganography mode on the sample CT series:\n  ${base}${viewer.modePath()}`);
if (studiesDir) console.log(`Steganography mode on ${studiesDir}:\n  ${base}${viewer.studiesModePath()}`);
console.log('Ctrl-C to stop.');
