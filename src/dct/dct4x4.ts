/**
 * Orthonormal 2-D DCT-II of a 4×4 block and its inverse (DCT-III), the transform of the paper's
 * Eq. (4) and (6) with α(0) = √(1/4), α(u>0) = √(2/4).
 *
 * Orthonormality matters for the embedding: a change of ±0.5 per pixel (integer rounding) moves
 * any coefficient by at most 2.0 (Σ|basis| ≤ 4), which bounds how fine a quantisation step can be
 * and still extract bit-exactly from integer pixels (DESIGN §3).
 *
 * Implemented as two 4×4 matrix products with a precomputed basis rather than through a library:
 * blocks are tiny and this runs once per block in the hot loop, so a separable product over
 * reused Float64Arrays (no allocation) is the fastest correct form.
 */

export const BLOCK_SIZE = 4;
export const BLOCK_LENGTH = BLOCK_SIZE * BLOCK_SIZE;

/** BASIS[u*4 + m] = α(u) · cos((2m + 1) u π / 8). */
const BASIS = (() => {
  const basis = new Float64Array(BLOCK_LENGTH);
  for (let u = 0; u < BLOCK_SIZE; u++) {
    const scale = u === 0 ? Math.sqrt(1 / BLOCK_SIZE) : Math.sqrt(2 / BLOCK_SIZE);
    for (let m = 0; m < BLOCK_SIZE; m++) {
      basis[u * BLOCK_SIZE + m] = scale * Math.cos(((2 * m + 1) * u * Math.PI) / (2 * BLOCK_SIZE));
    }
  }
  return basis;
})();

const scratch = new Float64Array(BLOCK_LENGTH);

/**
 * coefficients[u*4+v] = Σ_m Σ_n α(u)α(v) block[m*4+n] cos((2m+1)uπ/8) cos((2n+1)vπ/8).
 * `block` and `coefficients` may be the same array.
 */
export function forwardDct4x4(block: ArrayLike<number>, coefficients: Float64Array): Float64Array {
  // scratch = B · X   (transform columns: index u over rows m)
  for (let u = 0; u < 4; u++) {
    const b0 = BASIS[u * 4]!, b1 = BASIS[u * 4 + 1]!, b2 = BASIS[u * 4 + 2]!, b3 = BASIS[u * 4 + 3]!;
    for (let n = 0; n < 4; n++) {
      scratch[u * 4 + n] = b0 * block[n]! + b1 * block[4 + n]! + b2 * block[8 + n]! + b3 * block[12 + n]!;
    }
  }
  // coefficients = scratch · Bᵀ   (transform rows: index v over columns n)
  for (let u = 0; u < 4; u++) {
    const s0 = scratch[u * 4]!, s1 = scratch[u * 4 + 1]!, s2 = scratch[u * 4 + 2]!, s3 = scratch[u * 4 + 3]!;
    for (let v = 0; v < 4; v++) {
      coefficients[u * 4 + v] = s0 * BASIS[v * 4]! + s1 * BASIS[v * 4 + 1]! + s2 * BASIS[v * 4 + 2]! + s3 * BASIS[v * 4 + 3]!;
    }
  }
  return coefficients;
}

/** Inverse of forwardDct4x4: block = Bᵀ · C · B. `coefficients` and `block` may be the same array. */
export function inverseDct4x4(coefficients: ArrayLike<number>, block: Float64Array): Float64Array {
  // scratch = Bᵀ · C   (index m over rows)
  for (let m = 0; m < 4; m++) {
    const b0 = BASIS[m]!, b1 = BASIS[4 + m]!, b2 = BASIS[8 + m]!, b3 = BASIS[12 + m]!;
    for (let v = 0; v < 4; v++) {
      scratch[m * 4 + v] = b0 * coefficients[v]! + b1 * coefficients[4 + v]! + b2 * coefficients[8 + v]! + b3 * coefficients[12 + v]!;
    }
  }
  // block = scratch · B   (index n over columns)
  for (let m = 0; m < 4; m++) {
    const s0 = scratch[m * 4]!, s1 = scratch[m * 4 + 1]!, s2 = scratch[m * 4 + 2]!, s3 = scratch[m * 4 + 3]!;
    for (let n = 0; n < 4; n++) {
      block[m * 4 + n] = s0 * BASIS[n]! + s1 * BASIS[4 + n]! + s2 * BASIS[8 + n]! + s3 * BASIS[12 + n]!;
    }
  }
  return block;
}

/** The basis value α(u)·cos((2m+1)uπ/8), exposed for tests and for schemes that move single coefficients. */
export function dctBasis(u: number, m: number): number {
  return BASIS[u * BLOCK_SIZE + m]!;
}
