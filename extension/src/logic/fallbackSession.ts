/**
 * An inference session that runs on a preferred execution provider and, when a run fails there,
 * runs that input again on a fallback session (created on first need, then kept).
 *
 * Why: onnxruntime-web 1.30's WebGPU provider throws on a slice where the Mask R-CNN finds nothing
 * ("Invalid dispatch group size (2, 25, 0)" in the mask head's first Conv: an empty dispatch for
 * zero regions; test/e2e/webgpuMasks.test.ts pins it). Listing 'wasm' after 'webgpu' in the
 * session's providers does not help: that only picks a provider per operator when the session is
 * created, it does not retry a failed run. Without this wrapper, Segment on a slice with no body
 * fails on every machine with WebGPU. The fallback gives the same masks (node = web WASM = WebGPU on
 * the slices where all three run).
 */
import type { InferenceSessionLike, TensorLike } from '../../../src/segmentation/maskrcnn/index.ts';

export interface FallbackSession extends InferenceSessionLike {
  /** How many runs the fallback has served (shown in the panel's status, used by tests). */
  readonly fallbackRuns: number;
}

export function withFallbackSession(preferred: InferenceSessionLike, createFallback: () => Promise<InferenceSessionLike>): FallbackSession {
  let fallback: Promise<InferenceSessionLike> | undefined;
  let fallbackRuns = 0;
  return {
    get fallbackRuns() {
      return fallbackRuns;
    },
    async run(feeds: Record<string, TensorLike>) {
      try {
        return await preferred.run(feeds);
      } catch (preferredError) {
        fallback ??= createFallback();
        let session: InferenceSessionLike;
        try {
          session = await fallback;
        } catch {
          fallback = undefined;
          throw preferredError;
        }
        const outputs = await session.run(feeds);
        fallbackRuns++;
        return outputs;
      }
    },
  };
}
