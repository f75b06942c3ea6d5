/**
 * Matrix embedding on wet paper (Crandall 1998; Fridrich, Goljan, Soukal, "Wet paper codes with
 * improved embedding efficiency", IEEE TIFS 2006), on pixel least significant bits.
 *
 * The j-th pixel of a group gets column 1 + (j·1009 mod (2^p − 1)) of the binary Hamming parity-check
 * matrix with p rows (1009 is prime to every 2^p − 1, p ≤ 16: a group of at least 2^p − 1 pixels holds
 * every column equally often, and a smaller one still spreads over the whole column range, so all p
 * syndrome bits stay reachable); the group's p hidden bits are its syndrome, the XOR of the
 * columns of the pixels whose LSB is 1. Changing one pixel's LSB XORs its column into the syndrome,
 * so any target is reached with at most one change when a changeable ("dry") pixel carries the
 * needed column, else with two (a pair of dry columns XOR-ing to it), else with a few found by
 * elimination. The reader needs no mask: it takes the syndrome over ALL pixels of the group, wet or
 * dry, which the writer left unchanged except for its flips.
 */

export interface SyndromeGroups {
  /** Pixel LSBs in group order (one byte per pixel, 0 or 1). */
  readonly lsb: Uint8Array;
  /** 1 where the writer may flip that pixel (insignificant, not padding either way). */
  readonly dry: Uint8Array;
  /** Group g covers ordered positions [starts[g], starts[g + 1]). */
  readonly starts: Int32Array;
}

export interface SyndromePlan {
  /** Ordered positions to flip. */
  readonly flips: Int32Array;
  /** Groups whose target could not be reached (no dry pixels spanning the needed column). */
  readonly failedGroups: Int32Array;
}

/** Bit i of a byte stream, most significant bit first; 0 past the end. */
function streamBit(bytes: Uint8Array, bit: number): number {
  const byte = bit >>> 3;
  return byte < bytes.length ? (bytes[byte]! >>> (7 - (bit & 7))) & 1 : 0;
}

/** The p-bit target of group g: stream bits [g·p, g·p + p), MSB first. */
function groupTarget(bytes: Uint8Array, group: number, p: number): number {
  let value = 0;
  for (let i = 0; i < p; i++) value = (value << 1) | streamBit(bytes, group * p + i);
  return value;
}

const MAX_P = 16;
const COLUMN_STEP = 1009;
let stamp = new Int32Array(1 << 12);
let where = new Int32Array(1 << 12);
let generation = 0;
/** Distinct dry columns of the current group, in first-seen order. */
let present = new Int32Array(1 << 12);

function tables(p: number): void {
  if (p > MAX_P) throw new RangeError(`syndrome coding: p ${p} > ${MAX_P}`);
  if (stamp.length < 1 << p) {
    stamp = new Int32Array(1 << p);
    where = new Int32Array(1 << p);
    present = new Int32Array(1 << p);
    generation = 0;
  }
}

/**
 * Plan the flips that make the groups carry `bytes` (p bits per group, MSB first). Stops early and
 * returns undefined when the flips would exceed `flipBudget` (used to compare parameters cheaply).
 */
export function planSyndromeEmbedding(groups: SyndromeGroups, p: number, bytes: Uint8Array, flipBudget = Infinity): SyndromePlan | undefined {
  tables(p);
  const { lsb, dry, starts } = groups;
  const columns = (1 << p) - 1;
  const flips: number[] = [];
  const failed: number[] = [];
  const groupCount = starts.length - 1;
  for (let g = 0; g < groupCount; g++) {
    generation++;
    if (generation === 0x7fffffff) {
      stamp.fill(0);
      generation = 1;
    }
    let syndrome = 0;
    let residue = 0;
    let presentCount = 0;
    const step = COLUMN_STEP % columns;
    for (let j = starts[g]!, end = starts[g + 1]!; j < end; j++) {
      const column = residue + 1;
      if (lsb[j]) syndrome ^= column;
      if (dry[j]) {
        if (stamp[column] !== generation) present[presentCount++] = column;
        stamp[column] = generation;
        where[column] = j;
      }
      residue += step;
      if (residue >= columns) residue -= columns;
    }
    const difference = syndrome ^ groupTarget(bytes, g, p);
    if (difference === 0) continue;
    if (stamp[difference] === generation) {
      flips.push(where[difference]!);
    } else if (!flipPair(difference, presentCount, flips) && !flipByElimination(difference, presentCount, p, flips)) {
      failed.push(g);
    }
    if (flips.length > flipBudget) return undefined;
  }
  return { flips: Int32Array.from(flips), failedGroups: Int32Array.from(failed) };
}

function flipPair(difference: number, presentCount: number, flips: number[]): boolean {
  for (let i = 0; i < presentCount; i++) {
    const a = present[i]!;
    if (stamp[a ^ difference] === generation) {
      flips.push(where[a]!, where[a ^ difference]!);
      return true;
    }
  }
  return false;
}

/** Express `difference` as an XOR of available dry columns (Gaussian elimination over GF(2)). */
function flipByElimination(difference: number, presentCount: number, p: number, flips: number[]): boolean {
  const basisValue = new Int32Array(p);
  const basisMembers: number[][] = Array.from({ length: p }, () => []);
  let rank = 0;
  for (let i = 0; i < presentCount && rank < p; i++) {
    const a = present[i]!;
    let value = a;
    let members = [a];
    for (let bit = p - 1; bit >= 0 && value !== 0; bit--) {
      if (!((value >>> bit) & 1)) continue;
      if (basisValue[bit] === 0) {
        basisValue[bit] = value;
        basisMembers[bit] = members;
        rank++;
        value = 0;
        break;
      }
      value ^= basisValue[bit]!;
      members = symmetricDifference(members, basisMembers[bit]!);
    }
  }
  let value = difference;
  let members: number[] = [];
  for (let bit = p - 1; bit >= 0 && value !== 0; bit--) {
    if (!((value >>> bit) & 1)) continue;
    if (basisValue[bit] === 0) return false;
    value ^= basisValue[bit]!;
    members = symmetricDifference(members, basisMembers[bit]!);
  }
  for (const column of members) flips.push(where[column]!);
  return true;
}

function symmetricDifference(a: number[], b: number[]): number[] {
  const set = new Set(a);
  for (const x of b) {
    if (set.has(x)) set.delete(x);
    else set.add(x);
  }
  return [...set];
}

/** Read p bits per group (the syndromes) back into bytes, MSB first; `byteLength` bytes. */
export function readSyndromes(lsb: Uint8Array, starts: Int32Array, p: number, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  const columns = (1 << p) - 1;
  const totalBits = byteLength * 8;
  for (let g = 0; g < starts.length - 1; g++) {
    let syndrome = 0;
    let residue = 0;
    const step = COLUMN_STEP % columns;
    for (let j = starts[g]!, end = starts[g + 1]!; j < end; j++) {
      if (lsb[j]) syndrome ^= residue + 1;
      residue += step;
      if (residue >= columns) residue -= columns;
    }
    for (let i = 0; i < p; i++) {
      const bit = g * p + i;
      if (bit >= totalBits) break;
      if ((syndrome >>> (p - 1 - i)) & 1) out[bit >>> 3] = out[bit >>> 3]! | (0x80 >>> (bit & 7));
    }
  }
  return out;
}
