/**
 * QR module matrix -> 8-bit grayscale picture (255 white, 0 dark), with the light quiet zone that
 * readers need around the symbol (ISO/IEC 18004 §6.3.8 asks for 4 modules).
 */
import { MedstegoError } from '../errors/index.ts';

export interface RenderQrOptions {
  /** Pixels per module side, a positive integer; default 1 (one pixel per module bit). */
  readonly scale?: number;
  /** Light modules added on each side, a non-negative integer; default 4. */
  readonly quietZone?: number;
}

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** width*height samples, row-major, 8-bit gray: 255 white, 0 dark. */
  readonly data: Uint8Array;
}

export function renderQrGray(modules: Uint8Array, size: number, options: RenderQrOptions = {}): GrayImage {
  const scale = options.scale ?? 1;
  const quietZone = options.quietZone ?? 4;
  if (!Number.isInteger(size) || size < 1 || modules.length !== size * size) {
    throw new MedstegoError('INTERNAL', 'renderQrGray: modules must hold size*size values.', { size, length: modules.length });
  }
  if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(quietZone) || quietZone < 0) {
    throw new MedstegoError('INTERNAL', 'renderQrGray: scale must be a positive and quietZone a non-negative integer.', {
      scale,
      quietZone,
    });
  }
  const side = (size + 2 * quietZone) * scale;
  const data = new Uint8Array(side * side).fill(255);
  const offset = quietZone * scale;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules[row * size + col] === 0) continue;
      const x0 = offset + col * scale;
      for (let dy = 0; dy < scale; dy++) {
        const start = (offset + row * scale + dy) * side + x0;
        data.fill(0, start, start + scale);
      }
    }
  }
  return { width: side, height: side, data };
}
