/**
 * PSNR in the DICOM-native convention: MAX = 2^BitsStored − 1, the largest span the stored values can
 * take (65535 for 16 bits, 4095 for 12). Compute it on the integers actually written to the file
 * (DESIGN §3). Independent of the image content, so it compares across slices of one format.
 */
import { MedstegoError } from '../errors/index.ts';
import { psnr } from './psnr.ts';

export function psnrDb(cover: ArrayLike<number>, stego: ArrayLike<number>, bitsStored: number): number {
  if (!Number.isInteger(bitsStored) || bitsStored < 1 || bitsStored > 32) {
    throw new MedstegoError('INTERNAL', 'psnrDb: bitsStored must be an integer in 1..32.', { bitsStored });
  }
  return psnr(cover, stego, 2 ** bitsStored - 1);
}
