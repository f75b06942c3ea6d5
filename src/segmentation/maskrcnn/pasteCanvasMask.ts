/**
 * Second post-processing step of the Mask R-CNN (contract v1): from the network's probability canvas
 * back to the slice. preprocessSlice placed the slice, resampled to resizedRows×resizedCols, at the
 * top-left of the square canvas; this crops that letterbox and resamples it to rows×cols with the
 * same bilinear convention (half-pixel centres, edge clamp, as torch's align_corners = False), then
 * thresholds. Resampling probabilities before thresholding keeps the outline smooth at sub-canvas-pixel
 * precision on a 512×512 slice (two slice pixels per canvas pixel).
 */
import { bilinearTaps } from './bilinearTaps.ts';

export interface CanvasPlacement {
  /** Side of the square canvas. */
  readonly canvasSize: number;
  /** Size of the resampled slice at the canvas's top-left (preprocessSlice's resizedRows/Cols). */
  readonly resizedRows: number;
  readonly resizedCols: number;
}

/** rows×cols 0/1 mask: 1 where the resampled probability is at least `threshold`. */
export function pasteCanvasMask(canvas: Float32Array, placement: CanvasPlacement, rows: number, cols: number, threshold: number): Uint8Array {
  const { canvasSize } = placement;
  if (canvas.length !== canvasSize * canvasSize) throw new RangeError(`canvas length ${canvas.length} is not ${canvasSize}²`);
  const out = new Uint8Array(rows * cols);
  if (rows === 0 || cols === 0) return out;
  // The letterbox never exceeds the canvas; clamp in case a caller's placement is off by rounding.
  const cropRows = Math.min(canvasSize, Math.max(1, placement.resizedRows));
  const cropCols = Math.min(canvasSize, Math.max(1, placement.resizedCols));
  const ys = bilinearTaps(cropRows, rows);
  const xs = bilinearTaps(cropCols, cols);
  for (let y = 0; y < rows; y++) {
    const top = ys.i0[y]! * canvasSize;
    const bottom = ys.i1[y]! * canvasSize;
    const wy = ys.w1[y]!;
    const row = y * cols;
    for (let x = 0; x < cols; x++) {
      const x0 = xs.i0[x]!;
      const x1 = xs.i1[x]!;
      const wx = xs.w1[x]!;
      const upper = canvas[top + x0]! + (canvas[top + x1]! - canvas[top + x0]!) * wx;
      const lower = canvas[bottom + x0]! + (canvas[bottom + x1]! - canvas[bottom + x0]!) * wx;
      if (upper + (lower - upper) * wy >= threshold) out[row + x] = 1;
    }
  }
  return out;
}
