import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { createViewerServer, listen, resolveViewerPath, type ViewerRoots } from '../../scripts/viewer/serveViewer.ts';

function fakeRoots(): ViewerRoots {
  const base = mkdtempSync(path.join(tmpdir(), 'medstego-serve-'));
  const roots = { ohifDist: path.join(base, 'dist'), siteDir: path.join(base, 'site'), samplesDir: path.join(base, 'samples') };
  for (const folder of Object.values(roots)) mkdirSync(folder, { recursive: true });
  mkdirSync(path.join(roots.siteDir, 'medstego'), { recursive: true });
  writeFileSync(path.join(roots.ohifDist, 'index.html'), '<html>ohif</html>');
  writeFileSync(path.join(roots.ohifDist, 'app-config.js'), 'window.config = "ohif";');
  writeFileSync(path.join(roots.siteDir, 'app-config.js'), 'window.config = "medstego";');
  writeFileSync(path.join(roots.siteDir, 'medstego', 'x.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(path.join(roots.samplesDir, 'a.dcm'), 'DICM');
  writeFileSync(path.join(base, 'secret.txt'), 'no');
  return roots;
}

test('paths map to their roots; our app-config wins; traversal is refused', () => {
  const roots = fakeRoots();
  assert.equal(resolveViewerPath(roots, '/app-config.js'), path.join(roots.siteDir, 'app-config.js'));
  assert.equal(resolveViewerPath(roots, '/samples/a.dcm'), path.join(roots.samplesDir, 'a.dcm'));
  assert.equal(resolveViewerPath(roots, '/index.html'), path.join(roots.ohifDist, 'index.html'));
  assert.equal(resolveViewerPath(roots, '/samples/../secret.txt'), undefined);
  assert.equal(resolveViewerPath(roots, '/samples/%2e%2e/%2e%2e/secret.txt'), undefined);
  assert.equal(resolveViewerPath(roots, '/studies/a.dcm'), undefined, 'no studies folder given');
});

test('the server sends isolation headers, wasm type, SPA fallback and 404s; loopback only', async () => {
  const server = createViewerServer(fakeRoots());
  const port = await listen(server, 0);
  try {
    assert.equal((server.address() as { address: string }).address, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    const wasm = await fetch(`${base}/medstego/x.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(wasm.headers.get('cross-origin-embedder-policy'), 'require-corp');
    assert.equal(await (await fetch(`${base}/app-config.js`)).text(), 'window.config = "medstego";');
    const route = await fetch(`${base}/steganography/dicomjson?url=/samples/manifest.json`);
    assert.equal(route.status, 200);
    assert.equal(await route.text(), '<html>ohif</html>');
    assert.equal((await fetch(`${base}/missing.js`)).status, 404);
    assert.equal((await fetch(`${base}/samples/a.dcm`, { method: 'POST' })).status, 405);
  } finally {
    server.close();
  }
});
