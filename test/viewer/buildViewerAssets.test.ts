// The run-time bundles a stock OHIF loads, and the DICOM JSON manifest of the samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlugins } from '../../scripts/viewer/buildPlugins.ts';
import { buildSampleManifest } from '../../scripts/viewer/writeSampleManifest.ts';
import { renderAppConfig } from '../../scripts/viewer/prepareViewer.ts';
import { readDicom } from '../../src/dicom/index.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('extension and mode bundle as self-contained ES modules without the host viewer\'s libraries', async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'medstego-bundle-'));
  await buildPlugins({ repoRoot: REPO_ROOT, outDir, minify: false });
  for (const name of ['extension.js', 'mode.js']) {
    const code = readFileSync(path.join(outDir, name), 'utf8');
    assert.match(code, /export\s*\{[^}]*\bas default\b[^}]*\}/, `${name} has a default export`);
    const imports = [...code.matchAll(/^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm), ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    assert.deepEqual(imports, [], `${name} imports nothing at run time`);
    assert.doesNotMatch(code, /react-dom|@cornerstonejs\/core/, `${name} bundles no host library`);
  }
  assert.match(readFileSync(path.join(outDir, 'mode.js'), 'utf8'), /\/medstego\/extension\.js/, 'the mode names the extension by its URL');
  for (const file of ['codecs/charlswasm_decode.wasm', 'codecs/openjpegwasm_decode.wasm', 'codecs/libjpegturbowasm_decode.wasm', 'ort/ort.webgpu.min.mjs', 'ort/ort-wasm-simd-threaded.jsep.wasm']) {
    assert.ok(existsSync(path.join(outDir, file)), file);
  }
});

test('the samples manifest lists every sample with its header and a same-origin URL', async () => {
  const manifest = buildSampleManifest(path.join(REPO_ROOT, 'samples'), '/samples');
  const instances = manifest.studies.flatMap((study) => study.series.flatMap((series) => series.instances));
  const files = readdirSync(path.join(REPO_ROOT, 'samples'), { recursive: true }).filter((name) => String(name).endsWith('.dcm'));
  assert.equal(instances.length, files.length);
  assert.ok(manifest.studies[0]!.NumInstances >= 6, 'the short CT series is the first study');
  for (const instance of instances) {
    assert.match(instance.url, /^dicomweb:\/samples\/[\w/.-]+\.dcm$/);
    const file = path.join(REPO_ROOT, instance.url.slice('dicomweb:/'.length));
    const slice = await readDicom(new Uint8Array(readFileSync(file)));
    assert.equal(instance.metadata.SOPInstanceUID, slice.sopInstanceUid);
    assert.equal(instance.metadata.Rows, slice.image.rows);
    assert.equal(instance.metadata.PixelData, undefined, 'no pixel data in the manifest');
  }
  const numbers = manifest.studies[0]!.series[0]!.instances.map((instance) => Number(instance.metadata.InstanceNumber));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'ordered by Instance Number');
});

test('our app-config loads medstego from our origin and reads the samples', () => {
  const text = renderAppConfig();
  const window: { config?: Record<string, any> } = {};
  new Function('window', text)(window);
  assert.deepEqual(window.config!.extensions, ['/medstego/extension.js']);
  assert.deepEqual(window.config!.modes, ['/medstego/mode.js']);
  assert.equal(window.config!.defaultDataSourceName, 'dicomjson');
  assert.doesNotMatch(text, /https?:\/\//, 'no remote server configured');
});
