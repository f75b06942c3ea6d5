/**
 * Test helpers for the segmenters on the real fixture slices (test/fixtures): load a slice's pixel
 * image, and cut a rectangle out of one (tight crops, tiny images).
 */
import { readFileSync } from 'node:fs';
import { readDicom } from '../../src/dicom/index.ts';
import type { PixelImage } from '../../src/image/PixelImage.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** The pixel image of a fixture slice, `name` relative to test/fixtures (e.g. 'ct/tcga-thca-1-101.dcm'). */
export async function loadFixtureImage(name: string): Promise<PixelImage> {
  return (await readDicom(new Uint8Array(readFileSync(new URL(name, FIXTURES))))).image;
}

/** Rows [r0, r1) and columns [c0, c1) of `image`, with its other attributes. */
export function cropImage(image: PixelImage, r0: number, r1: number, c0: number, c1: number): PixelImage {
  const rows = r1 - r0;
  const cols = c1 - c0;
  const pixels = new Int32Array(rows * cols);
  for (let y = 0; y < rows; y++) pixels.set(image.pixels.subarray((y + r0) * image.cols + c0, (y + r0) * image.cols + c1), y * cols);
  return { ...image, rows, cols, pixels };
}
