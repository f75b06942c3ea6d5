/**
 * withFallbackSession: a failed run on the preferred session (WebGPU) is run again on the fallback
 * (WASM), which is created once, on first need; a working preferred session never creates it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withFallbackSession } from '../../extension/src/logic/fallbackSession.ts';
import type { InferenceSessionLike, TensorLike } from '../../src/segmentation/maskrcnn/index.ts';

const input = { image: { type: 'float32', dims: [1], data: new Float32Array([1]) } } satisfies Record<string, TensorLike>;
const output = (tag: number) => ({ scores: { type: 'float32', dims: [1], data: new Float32Array([tag]) } });
const tagOf = (outputs: Record<string, TensorLike>) => (outputs.scores!.data as Float32Array)[0];

function session(behaviour: () => number): InferenceSessionLike & { calls: number } {
  const s = {
    calls: 0,
    async run() {
      s.calls++;
      return output(behaviour());
    },
  };
  return s;
}

describe('withFallbackSession', () => {
  it('uses the preferred session while it works and never creates the fallback', async () => {
    let created = 0;
    const wrapped = withFallbackSession(session(() => 1), async () => {
      created++;
      return session(() => 2);
    });
    assert.equal(tagOf(await wrapped.run(input)), 1);
    assert.equal(tagOf(await wrapped.run(input)), 1);
    assert.equal(created, 0);
    assert.equal(wrapped.fallbackRuns, 0);
  });

  it('runs a failed input again on the fallback, created once, and keeps trying the preferred one', async () => {
    let failNext = true;
    const preferred = session(() => {
      if (failNext) throw new Error('Invalid dispatch group size (2, 25, 0)');
      return 1;
    });
    let created = 0;
    const fallback = session(() => 2);
    const wrapped = withFallbackSession(preferred, async () => {
      created++;
      return fallback;
    });
    assert.equal(tagOf(await wrapped.run(input)), 2);
    assert.equal(tagOf(await wrapped.run(input)), 2);
    failNext = false;
    assert.equal(tagOf(await wrapped.run(input)), 1, 'the next slice goes to the preferred session again');
    assert.equal(created, 1);
    assert.equal(wrapped.fallbackRuns, 2);
    assert.equal(preferred.calls, 3);
  });

  it('reports the preferred error when the fallback cannot be created, and tries to create it again later', async () => {
    let attempts = 0;
    const wrapped = withFallbackSession(session(() => {
      throw new Error('webgpu failed');
    }), async () => {
      attempts++;
      throw new Error('no wasm');
    });
    await assert.rejects(wrapped.run(input), /webgpu failed/);
    await assert.rejects(wrapped.run(input), /webgpu failed/);
    assert.equal(attempts, 2);
  });

  it('lets an error of the fallback run through', async () => {
    const wrapped = withFallbackSession(session(() => {
      throw new Error('webgpu failed');
    }), async () => session(() => {
      throw new Error('wasm failed too');
    }));
    await assert.rejects(wrapped.run(input), /wasm failed too/);
  });
});
