/**
 * Payload ratio as in the paper's Table 5: bits actually hidden divided by all pixels of the image
 * (rows × cols), e.g. ≈ 0.05 there. Same formula as capacityBitsPerPixel, different numerator: what
 * was embedded rather than what could have been.
 */
import { requireImageShape } from './requireImageShape.ts';

export function payloadRatio(payloadBits: number, rows: number, cols: number): number {
  requireImageShape('payloadRatio', payloadBits, rows, cols);
  return payloadBits / (rows * cols);
}
