/**
 * Pixels that are padding, not image: outside a CT's circular field of view the scanner writes a
 * filler value, declared by Pixel Padding Value / Range Limit (PS3.3 C.7.5.1.1.2) or, when the header
 * is silent, a value far below air (−2000 or −3024 HU are common; physically nothing is below air's
 * −1000 HU, noise included, by that much). Padding is never body, whatever morphology did near it.
 */
import { isPaddingValue, toModalityValue, type PixelImage } from '../image/PixelImage.ts';

/**
 * 1 where the pixel is padding. `paddingBelowHu` applies to CT only (modality values of other
 * modalities have no physical floor); pass -Infinity to rely on the header alone.
 */
export function paddingMask(image: PixelImage, paddingBelowHu: number): Uint8Array {
  const { pixels } = image;
  const out = new Uint8Array(pixels.length);
  const useHu = image.modality === 'CT' && Number.isFinite(paddingBelowHu);
  const hasDeclared = image.pixelPaddingValue !== undefined;
  if (!useHu && !hasDeclared) return out;
  for (let i = 0; i < pixels.length; i++) {
    const stored = pixels[i]!;
    if ((hasDeclared && isPaddingValue(image, stored)) || (useHu && toModalityValue(image, stored) < paddingBelowHu)) out[i] = 1;
  }
  return out;
}
