/**
 * Shared argument check of the pairwise metrics. A length mismatch means the caller compared two
 * different images (a bug, not a user error), hence INTERNAL.
 */
import { MedstegoError } from '../errors/index.ts';

export function requireSamePairs(metric: string, a: ArrayLike<number>, b: ArrayLike<number>, allowEmpty = false): void {
  if (a.length !== b.length) {
    throw new MedstegoError('INTERNAL', `${metric}: the two arrays differ in length.`, { lengthA: a.length, lengthB: b.length });
  }
  if (!allowEmpty && a.length === 0) {
    throw new MedstegoError('INTERNAL', `${metric}: the arrays are empty.`);
  }
}
