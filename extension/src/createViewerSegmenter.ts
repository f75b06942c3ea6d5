/**
 * The segmenter the viewer uses, behind the core's one Segmenter interface: the Mask R-CNN
 * (src/segmentation/maskrcnn) when its model is served beside the extension bundle
 * (`models/body-maskrcnn.onnx` + `.json`), the classical threshold segmenter otherwise.
 *
 * onnxruntime-web is not bundled: it is imported at run time from `ort/` beside the bundle (our own
 * origin), with its WASM files found through `env.wasm.wasmPaths`. WebGPU when the browser offers
 * an adapter, WASM otherwise (onnxruntime falls back by itself when WebGPU fails to start, and a
 * WebGPU run that fails is run again on WASM).
 */
import { createThresholdSegmenter, type Segmenter } from '../../src/segmentation/index.ts';
import { createMaskRcnnSegmenter, loadMaskRcnnMetadata, type InferenceSessionLike, type OnnxRuntimeLike } from '../../src/segmentation/maskrcnn/index.ts';
import { withFallbackSession } from './logic/fallbackSession.ts';

interface OnnxRuntimeWeb extends OnnxRuntimeLike {
  env: { wasm: { wasmPaths?: string; numThreads?: number } };
  InferenceSession: { create(model: ArrayBuffer | Uint8Array, options: { executionProviders: string[] }): Promise<InferenceSessionLike> };
}

export interface ViewerSegmenterOptions {
  /** URL of the folder holding the extension bundle (and its ort/ and models/ folders). */
  readonly baseUrl: string;
}

async function fetchIfPresent(url: URL): Promise<Response | undefined> {
  const response = await fetch(url, { credentials: 'same-origin' });
  return response.ok ? response : undefined;
}

export async function createViewerSegmenter({ baseUrl }: ViewerSegmenterOptions): Promise<Segmenter> {
  const metadataResponse = await fetchIfPresent(new URL('models/body-maskrcnn.json', baseUrl));
  if (!metadataResponse) return createThresholdSegmenter();
  const metadata = loadMaskRcnnMetadata(await metadataResponse.json());
  const modelResponse = await fetchIfPresent(new URL('models/body-maskrcnn.onnx', baseUrl));
  if (!modelResponse) return createThresholdSegmenter();
  const ortUrl = new URL('ort/ort.webgpu.min.mjs', baseUrl).href;
  const ort = (await import(/* webpackIgnore: true */ ortUrl)) as OnnxRuntimeWeb;
  ort.env.wasm.wasmPaths = new URL('ort/', baseUrl).href;
  // onnxruntime-web uses half the cores by default (one on a 2-core workstation); the network is most
  // of a Segment click, and on 2 cores two threads halve it (bench: ~540 → ~290 ms per slice in
  // Node). Threads need cross-origin isolation, which our server and the documented headers give.
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  const hasWebGpu = Boolean(await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter().catch(() => null));
  const model = new Uint8Array(await modelResponse.arrayBuffer());
  const createWasmSession = () => ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  // WebGPU runs that fail (onnxruntime-web 1.30 throws on a slice with no detection) are run again
  // on WASM: see logic/fallbackSession.ts.
  const session = hasWebGpu ? withFallbackSession(await ort.InferenceSession.create(model, { executionProviders: ['webgpu', 'wasm'] }), createWasmSession) : await createWasmSession();
  return createMaskRcnnSegmenter({ runtime: ort, session, metadata });
}
