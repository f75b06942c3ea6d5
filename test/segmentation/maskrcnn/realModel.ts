/**
 * Test helper: the committed model (models/body-maskrcnn.onnx) as a Segmenter on both runtimes
 * the issue names for Node: onnxruntime-node (through the CLI's own factory) and onnxruntime-web's
 * WASM backend, which is what the viewer runs when WebGPU is unavailable. Sessions are created once
 * per test process.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { createOnnxNodeMaskRcnnSegmenter, DEFAULT_MODEL_PATH, metadataPathFor } from '../../../src/cli/maskRcnnModel.ts';
import type { Segmenter } from '../../../src/segmentation/index.ts';
import { createMaskRcnnSegmenter, loadMaskRcnnMetadata } from '../../../src/segmentation/maskrcnn/index.ts';

/** MEDSTEGO_TEST_MODEL lets a candidate checkpoint run these tests before it is committed. */
export const MODEL_PATH = process.env.MEDSTEGO_TEST_MODEL ?? DEFAULT_MODEL_PATH;

export function requireModel(): void {
  if (!existsSync(MODEL_PATH)) throw new Error(`${MODEL_PATH} is missing: the Mask R-CNN tests need the committed model (models/README.md)`);
}

let web: Promise<Segmenter> | undefined;

export function nodeSegmenter(): Segmenter {
  requireModel();
  return createOnnxNodeMaskRcnnSegmenter(MODEL_PATH);
}

/** onnxruntime-web, WASM backend, one thread (as a browser without cross-origin isolation runs it). */
export function webSegmenter(): Promise<Segmenter> {
  requireModel();
  web ??= (async () => {
    ortWeb.env.wasm.numThreads = 1;
    ortWeb.env.logLevel = 'error';
    const session = await ortWeb.InferenceSession.create(new Uint8Array(readFileSync(MODEL_PATH)), { executionProviders: ['wasm'], logSeverityLevel: 3 });
    const metadata = loadMaskRcnnMetadata(readFileSync(metadataPathFor(MODEL_PATH), 'utf8'));
    return createMaskRcnnSegmenter({ runtime: ortWeb, session, metadata });
  })();
  return web;
}
