// A small static server for the viewer: the prebuilt OHIF dist, our bundles under /medstego/, the
// samples under /samples/ and our app-config.js over OHIF's. Bound to loopback only; sends the
// cross-origin isolation headers (SharedArrayBuffer for WASM threads), application/wasm, and
// falls back to index.html for the viewer's client-side routes. With a DICOMweb upstream it also
// forwards /dicom-web/ to the PACS (`npm run start:pacs`).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { DICOMWEB_PATH, proxyDicomWeb, type DicomWebUpstream } from './proxyDicomWeb.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.dcm': 'application/dicom',
  '.onnx': 'application/octet-stream',
};

export interface ViewerRoots {
  /** OHIF's dist/ folder. */
  readonly ohifDist: string;
  /** Generated files: app-config.js, medstego/ bundles, samples manifest. */
  readonly siteDir: string;
  /** Repository samples/ folder, served at /samples/. */
  readonly samplesDir: string;
  /** The user's own folder of DICOM files (`npm start -- --studies DIR`), served at /studies/. */
  readonly studiesDir?: string;
}

/** Map a URL path to a file, or undefined. Never leaves the given roots. */
export function resolveViewerPath(roots: ViewerRoots, urlPath: string): string | undefined {
  const clean = path.posix.normalize(decodeURIComponent(urlPath));
  if (clean.includes('\0') || clean.split('/').includes('..')) return undefined;
  const candidates: string[] = [];
  if (clean === '/app-config.js') candidates.push(path.join(roots.siteDir, 'app-config.js'));
  else if (clean.startsWith('/medstego/') || clean === '/samples/manifest.json' || clean === '/studies/manifest.json') candidates.push(path.join(roots.siteDir, clean));
  else if (clean.startsWith('/studies/') && roots.studiesDir) candidates.push(path.join(roots.studiesDir, clean.slice('/studies/'.length)));
  else if (clean.startsWith('/samples/')) candidates.push(path.join(roots.samplesDir, clean.slice('/samples/'.length)));
  else candidates.push(path.join(roots.ohifDist, clean));
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

export interface ViewerServerOptions {
  /** The PACS that /dicom-web/ is forwarded to. */
  readonly dicomWeb?: DicomWebUpstream;
}

export function createViewerServer(roots: ViewerRoots, options: ViewerServerOptions = {}): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (options.dicomWeb && (url.pathname === DICOMWEB_PATH || url.pathname.startsWith(`${DICOMWEB_PATH}/`))) {
      proxyDicomWeb(request, response, options.dicomWeb);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveViewerPath(roots, url.pathname);
    // Client-side routes (/steganography/dicomjson, /viewer, ...) have no extension: serve the app.
    if (!file && path.posix.extname(url.pathname) === '') file = path.join(roots.ohifDist, 'index.html');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, 'Cache-Control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
}

/** Listen on host:port (port 0 picks a free one); resolves with the bound port. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
