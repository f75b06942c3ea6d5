/**
 * A small seeded PRNG (mulberry32) for reproducible attacks: the same seed gives the same noise in
 * Node and in browsers. Statistical quality is ample for simulated channel noise; it is not for
 * anything secret (keys and dither use WebCrypto).
 */
export type RandomSource = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed (any integer; taken modulo 2^32). */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix a text (e.g. a SOP Instance UID) into a seed (FNV-1a), so each file of a batch gets its own noise. */
export function deriveSeed(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
