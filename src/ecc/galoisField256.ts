/**
 * Arithmetic in GF(2^8) with the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11d) and
 * generator α = 2: the field of QR codes, CCSDS and most Reed–Solomon codes in practice, and the
 * one @zxing/library calls QR_CODE_FIELD_256 (used as the independent reference in tests).
 */
export const FIELD_POLYNOMIAL = 0x11d;

export const EXP = new Uint8Array(512);
export const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= FIELD_POLYNOMIAL;
  }
  // Doubled table so products need no modulo.
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}

export function gfMultiply(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}

export function gfDivide(a: number, b: number): number {
  if (b === 0) throw new RangeError('GF(256) division by zero');
  if (a === 0) return 0;
  return EXP[LOG[a]! + 255 - LOG[b]!]!;
}

export function gfInverse(a: number): number {
  return gfDivide(1, a);
}

/** α^e for any integer e (negative allowed). */
export function gfPowerOfAlpha(exponent: number): number {
  return EXP[((exponent % 255) + 255) % 255]!;
}
