import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import path from 'node:path';
import { REPO_ROOT } from './helpers/runCli.ts';

/**
 * The core must bundle for the browser (the OHIF extension ships it): no Node built-in may be
 * needed, and CommonJS/ES-module interop of every dependency must resolve. The only externals are
 * `fs` and `path`, which the Emscripten-generated WASM codec loaders require inside an
 * `if (ENVIRONMENT_IS_NODE)` branch that never runs in a browser.
 */
test('the core bundles for the browser with no Node built-ins', async () => {
  const result = await build({
    stdin: {
      contents: ["export * from './src/workflow/index.ts';", "export * from './src/segmentation/index.ts';", "export * from './src/evaluation/index.ts';", "export * from './src/png/index.ts';"].join('\n'),
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    external: ['fs', 'path'],
    absWorkingDir: REPO_ROOT,
    metafile: true,
  });
  assert.equal(result.errors.length, 0);
  const inputs = Object.keys(result.metafile!.inputs);
  assert.ok(inputs.some((file) => file.includes(path.join('src', 'dicom'))), 'the DICOM reader is in the bundle');
  assert.ok(!inputs.some((file) => file.includes(path.join('src', 'cli'))), 'the CLI shell stays out');
  const code = result.outputFiles[0]!.text;
  const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
  assert.deepEqual([...required].sort(), ['fs', 'path']);
});
