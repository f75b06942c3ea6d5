/**
 * Fraction of bits that differ between what was sent and what was received. Any non-zero sample is a
 * 1 bit. Zero bits compared is 0 errors: 0. A length mismatch is a caller bug (INTERNAL): a receiver
 * that lost bits must say how it counts them before comparing.
 */
import { requireSamePairs } from './requireSamePairs.ts';

export function bitErrorRate(sentBits: ArrayLike<number>, receivedBits: ArrayLike<number>): number {
  requireSamePairs('bitErrorRate', sentBits, receivedBits, true);
  const n = sentBits.length;
  if (n === 0) return 0;
  let errors = 0;
  for (let i = 0; i < n; i++) {
    if ((sentBits[i] !== 0) !== (receivedBits[i] !== 0)) errors++;
  }
  return errors / n;
}
