/**
 * A deterministic pseudo-random generator keyed by a sub-key: xoshiro128** (Blackman & Vigna, 2018),
 * seeded with the first 16 bytes of the key XOR-ed with a stream label. It is not a cryptographic
 * generator: it only spreads data over positions; secrecy comes from AES-GCM and the key.
 * Identical sequences in Node and browsers (32-bit integer arithmetic only).
 */
export interface KeyedRandom {
  /** Next uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, bound), bound ≤ 2^32, without modulo bias. */
  nextBelow(bound: number): number;
}

export function createKeyedRandom(key: Uint8Array, label = 0): KeyedRandom {
  if (key.length < 16) throw new RangeError('createKeyedRandom needs a key of at least 16 bytes');
  const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
  let s0 = view.getUint32(0, true) ^ label;
  let s1 = view.getUint32(4, true) ^ Math.imul(label, 0x9e3779b9);
  let s2 = view.getUint32(8, true);
  let s3 = view.getUint32(12, true);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is the generator's only fixed point
  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  // Discard the first outputs so closely related keys do not start with related values.
  for (let i = 0; i < 16; i++) nextUint32();
  return {
    nextUint32,
    nextBelow(bound) {
      if (!(bound >= 1 && bound <= 2 ** 32)) throw new RangeError(`nextBelow: bound ${bound} out of range`);
      const limit = 2 ** 32 - (2 ** 32 % bound);
      for (;;) {
        const value = nextUint32();
        if (value < limit) return value % bound;
      }
    },
  };
}

function rotateLeft(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift));
}
