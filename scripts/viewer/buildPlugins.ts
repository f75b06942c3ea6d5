// Bundle the OHIF extension and mode for a stock, prebuilt viewer: each an ES module with a default
// export that the viewer loads with a browser `import()` of its URL (DESIGN §6). esbuild rather
// than webpack: the host is already built, so we need no module federation or shared-scope
// runtime, only two self-contained ES modules; esbuild emits those directly from TypeScript in
// well under a second and is already our browser-bundle check (test/browserBundle.test.ts).
//
// What must never be bundled: the viewer's own cornerstone3D and React (two copies of cornerstone
// would hold two caches, tool groups and segmentation states), and @ohif/* (it is only reachable
// through the managers OHIF passes to every hook). The extension uses `window.cornerstone`,
// `window.cornerstoneTools` and the services instead; a runtime import of any of these fails the
// build. The DICOM codecs (@cornerstonejs/codec-*) are our core's own dependencies and are bundled,
// their `.wasm` files served next to the bundles.
import { build, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const HOST_OWNED = /^(react|react-dom|react\/.*|react-dom\/.*|@ohif\/.*|@cornerstonejs\/(core|tools|dicom-image-loader|adapters|ai|labelmap-interpolation|polymorphic-segmentation)(\/.*)?)$/;

/** Refuse any runtime import of a module the host viewer owns (type-only imports are erased first). */
const refuseHostModules: Plugin = {
  name: 'refuse-host-modules',
  setup(builder) {
    builder.onResolve({ filter: HOST_OWNED }, (args) => ({
      errors: [{ text: `"${args.path}" belongs to the host viewer; use the instance OHIF exposes (window.cornerstone, services) instead of bundling it (imported from ${args.importer})` }],
    }));
  },
};

const CODEC_WASM = [
  '@cornerstonejs/codec-charls/dist/charlswasm_decode.wasm',
  '@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm',
  '@cornerstonejs/codec-libjpeg-turbo-8bit/dist/libjpegturbowasm_decode.wasm',
];

/** onnxruntime-web is loaded at run time from our own origin, never bundled (DESIGN §7). */
const ORT_FILES = /^ort(\.webgpu|\.wasm)?\.min\.mjs$|^ort-wasm-simd-threaded(\.jsep|\.asyncify|\.jspi)?\.(mjs|wasm)$/;

export interface BuildPluginsOptions {
  readonly repoRoot: string;
  /** The folder served as /medstego/. */
  readonly outDir: string;
  readonly minify?: boolean;
}

export async function buildPlugins({ repoRoot, outDir, minify = true }: BuildPluginsOptions): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { extension: path.join(repoRoot, 'extension/src/index.ts'), mode: path.join(repoRoot, 'modes/src/index.ts') },
    outdir: outDir,
    bundle: true,
    // One self-contained file per entry: `import.meta.url` then locates codecs/ and ort/ beside it.
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    sourcemap: true,
    // The Emscripten glue of the WASM codecs requires these only inside `if (ENVIRONMENT_IS_NODE)`.
    external: ['fs', 'path'],
    // The mode names the extension by the URL it is served at, so the viewer can import it.
    define: { MEDSTEGO_EXTENSION_SPECIFIER: JSON.stringify('/medstego/extension.js') },
    plugins: [refuseHostModules],
    absWorkingDir: repoRoot,
    logLevel: 'error',
  });

  const codecDir = path.join(outDir, 'codecs');
  mkdirSync(codecDir, { recursive: true });
  for (const file of CODEC_WASM) copyFileSync(path.join(repoRoot, 'node_modules', file), path.join(codecDir, path.basename(file)));

  // The Mask R-CNN, when trained: the viewer uses it when these two files are served beside the bundle.
  const modelFiles = ['body-maskrcnn.onnx', 'body-maskrcnn.json'].map((name) => path.join(repoRoot, 'models', name));
  if (modelFiles.every((file) => existsSync(file))) {
    mkdirSync(path.join(outDir, 'models'), { recursive: true });
    for (const file of modelFiles) copyFileSync(file, path.join(outDir, 'models', path.basename(file)));
  }

  const ortSource = path.join(repoRoot, 'node_modules/onnxruntime-web/dist');
  const ortDir = path.join(outDir, 'ort');
  mkdirSync(ortDir, { recursive: true });
  for (const name of readdirSync(ortSource)) if (ORT_FILES.test(name)) copyFileSync(path.join(ortSource, name), path.join(ortDir, name));
}
