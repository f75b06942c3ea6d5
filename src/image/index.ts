export { type PixelImage, storedRange, toModalityValue, isPaddingValue } from './PixelImage.ts';
