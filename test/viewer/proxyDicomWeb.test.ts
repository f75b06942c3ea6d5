// The viewer server's /dicom-web/ proxy (against a fake PACS on a Unix socket, as Orthanc is reached
// from its namespace), the app-config of `npm run start:pacs` and the generated Orthanc config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createViewerServer, listen } from '../../scripts/viewer/serveViewer.ts';
import { dicomWebUpstreamPath } from '../../scripts/viewer/proxyDicomWeb.ts';
import { renderAppConfig } from '../../scripts/viewer/prepareViewer.ts';
import { orthancConfig } from '../../scripts/viewer/startOrthanc.ts';

function fakeRoots() {
  const base = mkdtempSync(path.join(tmpdir(), 'medstego-proxy-'));
  const roots = { ohifDist: path.join(base, 'dist'), siteDir: path.join(base, 'site'), samplesDir: path.join(base, 'samples') };
  for (const folder of Object.values(roots)) mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(roots.ohifDist, 'index.html'), '<html>ohif</html>');
  return { base, roots };
}

/** A fake PACS that answers every request with what it received. */
async function fakePacs(socketPath: string): Promise<Server> {
  const server = createServer((incoming, answer) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      answer.writeHead(incoming.url?.includes('missing') ? 404 : 200, { 'Content-Type': 'application/dicom+json', 'X-Pacs': 'fake' });
      answer.end(JSON.stringify({ method: incoming.method, url: incoming.url, host: incoming.headers.host, contentType: incoming.headers['content-type'], bytes: body.length, sum: body.reduce((a, b) => a + b, 0) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return server;
}

/** A raw request, so the path reaches the server exactly as written (fetch would normalize it). */
function rawRequest(port: number, method: string, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path: urlPath }, (answer) => {
      let body = '';
      answer.on('data', (chunk: Buffer) => (body += chunk.toString()));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

test('dicomWebUpstreamPath forwards DICOMweb paths only, never encoded or dot segments', () => {
  const cases: Array<[string, string | undefined]> = [
    ['/dicom-web/studies?PatientID=1', '/dicom-web/studies?PatientID=1'],
    ['/dicom-web', '/dicom-web'],
    ['/dicom-web/studies/1.2/series/3.4/instances/5.6', '/dicom-web/studies/1.2/series/3.4/instances/5.6'],
    ['/dicom-web/../instances', undefined],
    ['/dicom-web/%2e%2e/instances', undefined],
    ['/dicom-web/studies%2F..%2F..%2Fsystem', undefined],
    ['/dicom-web\\..\\system', undefined],
    ['/dicom-webx/studies', undefined],
    ['/instances', undefined],
  ];
  for (const [url, expected] of cases) assert.equal(dicomWebUpstreamPath(url), expected, url);
});

test('the viewer server forwards /dicom-web/ to the PACS (Host kept, bodies streamed) and nothing else', async () => {
  const { base, roots } = fakeRoots();
  const socketPath = path.join(base, 'pacs.sock');
  const pacs = await fakePacs(socketPath);
  const viewer = createViewerServer(roots, { dicomWeb: { socketPath } });
  const port = await listen(viewer, 0);
  const origin = `http://127.0.0.1:${port}`;
  try {
    const query = await fetch(`${origin}/dicom-web/studies?limit=2`, { headers: { Accept: 'application/dicom+json' } });
    assert.equal(query.status, 200);
    assert.equal(query.headers.get('x-pacs'), 'fake');
    assert.equal(query.headers.get('cross-origin-embedder-policy'), 'require-corp');
    assert.deepEqual(await query.json(), { method: 'GET', url: '/dicom-web/studies?limit=2', host: `127.0.0.1:${port}`, bytes: 0, sum: 0 });

    const payload = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const stow = await fetch(`${origin}/dicom-web/studies`, { method: 'POST', headers: { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=x' }, body: payload });
    const echoed = (await stow.json()) as Record<string, unknown>;
    assert.deepEqual([echoed.method, echoed.url, echoed.contentType, echoed.bytes, echoed.sum], ['POST', '/dicom-web/studies', 'multipart/related; type="application/dicom"; boundary=x', payload.length, payload.reduce((a, b) => a + b, 0)]);
    assert.equal((await fetch(`${origin}/dicom-web/missing`)).status, 404, 'the PACS status is passed on');

    assert.equal((await rawRequest(port, 'PUT', '/dicom-web/studies')).status, 405);
    assert.equal((await rawRequest(port, 'DELETE', '/dicom-web/studies/1')).status, 405);
    // Dot segments, plain or encoded, are resolved before routing: the viewer's own app answers.
    assert.equal((await rawRequest(port, 'GET', '/dicom-web/%2e%2e/system')).body, '<html>ohif</html>');
    assert.equal((await rawRequest(port, 'GET', '/dicom-web/../system')).body, '<html>ohif</html>');
    assert.equal((await rawRequest(port, 'POST', '/system')).status, 405, 'only the DICOMweb path accepts POST');
    await new Promise((resolve) => {
      pacs.close(resolve);
      pacs.closeAllConnections();
    });
    assert.equal((await fetch(`${origin}/dicom-web/studies`)).status, 502, 'a PACS that does not answer');
  } finally {
    pacs.close();
    pacs.closeAllConnections();
    viewer.close();
    viewer.closeAllConnections();
  }
});

test('without a PACS the viewer server has no /dicom-web/ (npm start unchanged)', async () => {
  const { roots } = fakeRoots();
  const viewer = createViewerServer(roots);
  const port = await listen(viewer, 0);
  try {
    assert.equal((await rawRequest(port, 'POST', '/dicom-web/studies')).status, 405);
  } finally {
    viewer.close();
    viewer.closeAllConnections();
  }
});

test('app-config for start:pacs: a dicomweb data source with same-origin roots, stowRoot included, as default', () => {
  const load = (text: string) => {
    const window: { config?: Record<string, any> } = {};
    new Function('window', text)(window);
    return window.config!;
  };
  const config = load(renderAppConfig({ dicomWebRoot: '/dicom-web' }));
  assert.equal(config.defaultDataSourceName, 'dicomweb');
  const source = config.dataSources.find((candidate: any) => candidate.sourceName === 'dicomweb');
  assert.equal(source.namespace, '@ohif/extension-default.dataSourcesModule.dicomweb');
  for (const root of ['wadoRoot', 'qidoRoot', 'wadoUriRoot', 'stowRoot']) assert.equal(source.configuration[root], '/dicom-web', root);
  assert.deepEqual(
    config.dataSources.map((candidate: any) => candidate.sourceName),
    ['dicomjson', 'dicomlocal', 'dicomweb'],
  );
  const plain = load(renderAppConfig());
  assert.equal(plain.defaultDataSourceName, 'dicomjson');
  assert.equal(plain.dataSources.some((candidate: any) => candidate.sourceName === 'dicomweb'), false);
});

test('the generated Orthanc config: DICOMweb on, no DICOM port, no remote access, storage where asked', () => {
  const config = orthancConfig('/tmp/x/storage', '/usr/share/orthanc/plugins/libOrthancDicomWeb.so', 8042);
  assert.deepEqual(config.Plugins, ['/usr/share/orthanc/plugins/libOrthancDicomWeb.so']);
  assert.deepEqual(config.DicomWeb, { Enable: true, Root: '/dicom-web/', EnableWado: false });
  assert.equal(config.RemoteAccessAllowed, false);
  assert.equal(config.DicomServerEnabled, false);
  assert.equal(config.AuthenticationEnabled, false);
  assert.equal(config.StorageDirectory, '/tmp/x/storage');
  assert.equal(config.HttpPort, 8042);
});
