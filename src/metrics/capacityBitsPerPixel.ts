/**
 * Embedding capacity in bits per pixel: the bits the method could hide in this image divided by all
 * its pixels, rows × cols (not only the insignificant ones). The paper's Tables 5 and 7 use this
 * (131,524 bits on 512 × 512 ≈ 0.50 bpp).
 */
import { requireImageShape } from './requireImageShape.ts';

export function capacityBitsPerPixel(capacityBits: number, rows: number, cols: number): number {
  requireImageShape('capacityBitsPerPixel', capacityBits, rows, cols);
  return capacityBits / (rows * cols);
}
