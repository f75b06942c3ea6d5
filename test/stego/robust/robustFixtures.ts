/**
 * Test helpers of the robust profile's tests: a fixture slice with its classical cover mask, and
 * seeded random bytes (keys, sealed payloads) so every run embeds the same thing.
 */
import type { PixelImage } from '../../../src/image/PixelImage.ts';
import { segmentByThreshold } from '../../../src/segmentation/index.ts';
import { loadFixtureImage } from '../../segmentation/fixtureImages.ts';
import { seededRandom } from '../../helpers/seededRandom.ts';

/** A slice of test/fixtures (e.g. 'ct/tcga-thca-1-101.dcm') and the threshold segmenter's mask. */
export async function loadSlice(relative: string): Promise<{ image: PixelImage; mask: Uint8Array }> {
  const image = await loadFixtureImage(relative);
  return { image, mask: segmentByThreshold(image) };
}

export function randomBytes(count: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length: count }, () => Math.floor(random() * 256));
}
