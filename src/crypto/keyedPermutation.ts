import { createKeyedRandom } from './createKeyedRandom.ts';

/**
 * A keyed permutation of 0..n-1 (Fisher–Yates driven by createKeyedRandom). The same key and n give
 * the same order everywhere; the order depends on nothing else (in particular not on any mask).
 */
export function keyedPermutation(n: number, key: Uint8Array, label = 0): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = createKeyedRandom(key, label);
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextBelow(i + 1);
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}
