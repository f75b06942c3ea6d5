// A same-origin path of the viewer's server that forwards DICOMweb requests to a PACS (Orthanc for
// `npm run start:pacs`), so the browser never talks to another origin (COEP and our "no request
// leaves the page" rule) and the PACS need not listen where the browser can reach it. Only paths
// under the DICOMweb root are forwarded, never the PACS's own REST API. The Host header is passed
// on, so the URLs the PACS writes into its answers (BulkDataURI, RetrieveURL) name our origin;
// for that the proxy path equals the PACS's DICOMweb root (`/dicom-web`, Orthanc's default).
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export const DICOMWEB_PATH = '/dicom-web';

/** Where the PACS listens: a Unix socket (Orthanc in its own network namespace) or host and port. */
export type DicomWebUpstream = { readonly socketPath: string } | { readonly host: string; readonly port: number };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const METHODS = new Set(['GET', 'HEAD', 'POST']);

/** The upstream path for a request path, or undefined when it is not a DICOMweb path we forward. */
export function dicomWebUpstreamPath(rawUrl: string): string | undefined {
  // Encoded slashes, backslashes or dots would let the PACS see a path we did not check.
  if (/%2f|%5c|%2e|\\/i.test(rawUrl.split('?')[0]!)) return undefined;
  const url = new URL(rawUrl, 'http://localhost');
  if (url.pathname !== DICOMWEB_PATH && !url.pathname.startsWith(`${DICOMWEB_PATH}/`)) return undefined;
  return url.pathname + url.search;
}

function forwardedHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/** Forward one request (already known to be a DICOMweb path) and stream the answer back. */
export function proxyDicomWeb(request: IncomingMessage, response: ServerResponse, upstream: DicomWebUpstream): void {
  const path = dicomWebUpstreamPath(request.url ?? '/');
  if (!path) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  if (!METHODS.has(request.method ?? '')) {
    response.writeHead(405, { Allow: [...METHODS].join(', ') }).end();
    return;
  }
  const outgoing = httpRequest({ ...upstream, path, method: request.method, headers: forwardedHeaders(request.headers) }, (answer) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    response.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(response);
  });
  outgoing.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain' }).end('the PACS did not answer');
    else response.destroy();
  });
  request.pipe(outgoing);
}
