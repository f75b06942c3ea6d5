/**
 * Source indices and weight of bilinear resampling along one axis, as
 * torch.nn.functional.interpolate(mode='bilinear', align_corners=False) computes them when given an
 * output size: ratio in/out, half-pixel centres, negative coordinates clamped to 0, edge clamp.
 * Shared by the pre-processing (slice → canvas) and the paste (canvas → slice), so that both
 * directions use one convention and a body put through the letterbox and back keeps its place.
 * Output o reads (1 − w1[o])·in[i0[o]] + w1[o]·in[i1[o]]; at the last source index i1 = i0.
 */
export interface BilinearTaps {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly w1: Float64Array;
}

export function bilinearTaps(inSize: number, outSize: number): BilinearTaps {
  const ratio = inSize / outSize;
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const w1 = new Float64Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const source = Math.max(0, (o + 0.5) * ratio - 0.5);
    const base = Math.min(Math.floor(source), inSize - 1);
    i0[o] = base;
    i1[o] = Math.min(base + 1, inSize - 1);
    w1[o] = source - base;
  }
  return { i0, i1, w1 };
}
