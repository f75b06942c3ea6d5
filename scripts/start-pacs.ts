// `npm run start:pacs`: the viewer of `npm start`, reading the bundled samples from a local PACS
// (Debian's Orthanc with its DICOMweb plugin) over DICOMweb; Export stores stego instances back
// by STOW-RS. The browser talks only to our server; /dicom-web/ is forwarded to Orthanc, which runs
// in its own network namespace where that is possible (DESIGN §6). Its storage is a fresh folder
// under .cache/pacs/, removed on exit.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareViewer } from './viewer/prepareViewer.ts';
import { createViewerServer, listen } from './viewer/serveViewer.ts';
import { DICOMWEB_PATH } from './viewer/proxyDicomWeb.ts';
import { startOrthanc } from './viewer/startOrthanc.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`start:pacs: ${line}`);

const viewer = await prepareViewer(ROOT, { dicomWebRoot: DICOMWEB_PATH, log });
const orthanc = await startOrthanc({ repoRoot: ROOT, isolation: 'preferred', log });
if (orthanc.isolated) log("Orthanc runs in its own network namespace: no network can reach it, only this server's /dicom-web/ proxy.");
else log(`NOTE: Orthanc 1.10 cannot bind to loopback only: it listens on all interfaces (port ${'port' in orthanc.upstream ? orthanc.upstream.port : '?'}) with remote access refused and authentication off. Stop it (Ctrl-C) on a shared network.`);
log(`uploaded ${await orthanc.uploadFolder(path.join(ROOT, 'samples'))} sample instances to Orthanc.`);

const server = createViewerServer(viewer.roots, { dicomWeb: orthanc.upstream });
const bound = await listen(server, port);
const base = `http://127.0.0.1:${bound}`;
console.log(`medstego viewer on a local PACS (Orthanc, DICOMweb at ${base}${DICOMWEB_PATH}) at ${base}/`);
console.log(`Steganography mode on the sample CT series, read over DICOMweb (Export also stores back by STOW-RS):\n  ${base}${viewer.dicomWebModePath()}`);
console.log('Ctrl-C to stop (the PACS and its storage are removed).');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  await orthanc.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
