import { MedstegoError } from '../errors/index.ts';
import { EXP, LOG, gfDivide, gfMultiply, gfPowerOfAlpha } from './galoisField256.ts';

/**
 * Reed–Solomon codes over GF(256) with error AND erasure decoding (no maintained JS decoder handles
 * erasures; DESIGN §4.3). Systematic: a codeword is the data bytes followed by `parityLength` parity
 * bytes; byte 0 is the highest-degree coefficient. The generator polynomial has roots α^0 … α^(2t−1)
 * (first consecutive root 0), the convention of QR codes and of @zxing/library, so codewords agree
 * with that reference byte for byte.
 *
 * Decoding corrects ν errors and ρ erasures whenever 2ν + ρ ≤ parityLength (Berlekamp–Massey
 * initialised with the erasure locator, Chien search, Forney's formula; Blahut, "Algebraic Codes for
 * Data Transmission", §7). Beyond that it either throws ECC_DECODE_FAILED or, rarely, lands on another
 * codeword: callers that must never return wrong data check a CRC or a MAC afterwards.
 */

const generatorCache = new Map<number, Uint8Array>();

/** g(x) = Π_{i<n} (x − α^i), highest degree first, monic. */
export function generatorPolynomial(parityLength: number): Uint8Array {
  let cached = generatorCache.get(parityLength);
  if (cached) return cached;
  let g = Uint8Array.of(1);
  for (let i = 0; i < parityLength; i++) {
    const root = gfPowerOfAlpha(i);
    const next = new Uint8Array(g.length + 1);
    for (let j = 0; j < g.length; j++) {
      next[j] = next[j]! ^ g[j]!;
      next[j + 1] = next[j + 1]! ^ gfMultiply(g[j]!, root);
    }
    g = next;
  }
  generatorCache.set(parityLength, g);
  return g;
}

function checkLengths(codewordLength: number, parityLength: number): void {
  if (!Number.isInteger(parityLength) || parityLength < 0 || codewordLength > 255 || parityLength >= codewordLength) {
    throw new MedstegoError('INTERNAL', `Reed–Solomon: need 0 ≤ parity < codeword length ≤ 255 (got ${parityLength}, ${codewordLength}).`);
  }
}

/** Systematic encoding: returns data ‖ parity (length data.length + parityLength ≤ 255). */
export function encodeReedSolomon(data: Uint8Array, parityLength: number): Uint8Array {
  checkLengths(data.length + parityLength, parityLength);
  const generator = generatorPolynomial(parityLength);
  const codeword = new Uint8Array(data.length + parityLength);
  codeword.set(data);
  // Polynomial long division of data·x^(2t) by g; the remainder is the parity.
  const remainder = new Uint8Array(parityLength);
  for (let i = 0; i < data.length; i++) {
    const factor = data[i]! ^ remainder[0]!;
    remainder.copyWithin(0, 1);
    remainder[parityLength - 1] = 0;
    if (factor !== 0) {
      const logFactor = LOG[factor]!;
      for (let j = 0; j < parityLength; j++) {
        const coefficient = generator[j + 1]!;
        if (coefficient !== 0) remainder[j] = remainder[j]! ^ EXP[logFactor + LOG[coefficient]!]!;
      }
    }
  }
  codeword.set(remainder, data.length);
  return codeword;
}

export interface ReedSolomonDecoded {
  /** The corrected codeword (data ‖ parity). */
  readonly codeword: Uint8Array;
  /** Positions (indices into the codeword) whose value was changed, erasures included. */
  readonly correctedPositions: readonly number[];
  readonly errorCount: number;
  readonly erasureCount: number;
}

/** Evaluate a highest-degree-first polynomial at x (Horner). */
function evaluate(polynomial: ArrayLike<number>, x: number): number {
  let y = polynomial[0]!;
  for (let i = 1; i < polynomial.length; i++) y = gfMultiply(y, x) ^ polynomial[i]!;
  return y;
}

/** Evaluate a lowest-degree-first polynomial at x. */
function evaluateLow(polynomial: ArrayLike<number>, x: number): number {
  let y = 0;
  for (let i = polynomial.length - 1; i >= 0; i--) y = gfMultiply(y, x) ^ polynomial[i]!;
  return y;
}

function failure(reason: string, details: Record<string, number>): MedstegoError {
  return new MedstegoError('ECC_DECODE_FAILED', `Reed–Solomon decoding failed: ${reason}.`, details);
}

/**
 * Decode one codeword. `erasures` are codeword indices known to be unreliable (their values are
 * ignored). Throws ECC_DECODE_FAILED when 2·errors + erasures exceeds the parity length (as far as
 * that can be detected).
 */
export function decodeReedSolomon(received: Uint8Array, parityLength: number, erasures: readonly number[] = []): ReedSolomonDecoded {
  const n = received.length;
  checkLengths(n, parityLength);
  const erasureSet = [...new Set(erasures)];
  for (const position of erasureSet) {
    if (!Number.isInteger(position) || position < 0 || position >= n) throw new MedstegoError('INTERNAL', `Reed–Solomon: erasure position ${position} outside the codeword.`);
  }
  const rho = erasureSet.length;
  if (rho > parityLength) throw failure('more erasures than parity symbols', { erasures: rho, parityLength });
  const codeword = Uint8Array.from(received);
  for (const position of erasureSet) codeword[position] = 0;

  // Syndromes S_j = r(α^j), lowest index first.
  const syndromes = new Uint8Array(parityLength);
  let allZero = true;
  for (let j = 0; j < parityLength; j++) {
    syndromes[j] = evaluate(codeword, gfPowerOfAlpha(j));
    if (syndromes[j] !== 0) allZero = false;
  }
  if (allZero) return { codeword, correctedPositions: [], errorCount: 0, erasureCount: rho };

  // Erasure locator Γ(x) = Π (1 − X_k x), X_k = α^(n−1−position); lowest degree first.
  let locator: number[] = [1];
  for (const position of erasureSet) {
    const x = gfPowerOfAlpha(n - 1 - position);
    const next = new Array<number>(locator.length + 1).fill(0);
    for (let i = 0; i < locator.length; i++) {
      next[i] ^= locator[i]!;
      next[i + 1] ^= gfMultiply(locator[i]!, x);
    }
    locator = next;
  }

  // Berlekamp–Massey started from Γ: finds the errata locator Λ = Γ·(error locator).
  let previous = locator.slice();
  let length = rho;
  for (let k = rho; k < parityLength; k++) {
    let discrepancy = 0;
    for (let i = 0; i <= length && i < locator.length; i++) discrepancy ^= gfMultiply(locator[i]!, syndromes[k - i] ?? 0);
    previous = [0, ...previous];
    if (discrepancy !== 0) {
      const size = Math.max(locator.length, previous.length);
      const updated = new Array<number>(size).fill(0);
      for (let i = 0; i < size; i++) updated[i] = (locator[i] ?? 0) ^ gfMultiply(discrepancy, previous[i] ?? 0);
      if (2 * length <= k + rho) {
        const inverse = gfDivide(1, discrepancy);
        previous = locator.map((c) => gfMultiply(c, inverse));
        length = k + 1 + rho - length;
      }
      locator = updated;
    }
  }
  while (locator.length > 1 && locator[locator.length - 1] === 0) locator.pop();
  const degree = locator.length - 1;
  const errorCount = degree - rho;
  if (errorCount < 0 || 2 * errorCount + rho > parityLength) throw failure('too many errors', { erasures: rho, parityLength });

  // Chien search: position i is in error when Λ(X_i^{-1}) = 0.
  const positions: number[] = [];
  for (let i = 0; i < n; i++) {
    if (evaluateLow(locator, gfPowerOfAlpha(-(n - 1 - i))) === 0) positions.push(i);
  }
  if (positions.length !== degree) throw failure('error locator has roots outside the codeword', { erasures: rho, parityLength });

  // Ω(x) = S(x)·Λ(x) mod x^(2t); Forney: e = X·Ω(X^{-1}) / Λ'(X^{-1}) (first root α^0).
  const omega = new Array<number>(parityLength).fill(0);
  for (let i = 0; i < locator.length; i++) {
    for (let j = 0; j < parityLength - i; j++) omega[i + j] ^= gfMultiply(locator[i]!, syndromes[j]!);
  }
  const derivative: number[] = [];
  for (let i = 1; i < locator.length; i += 2) {
    derivative[i - 1] = locator[i]!;
    derivative[i] = 0;
  }
  for (const position of positions) {
    const x = gfPowerOfAlpha(n - 1 - position);
    const xInverse = gfPowerOfAlpha(-(n - 1 - position));
    const denominator = evaluateLow(derivative, xInverse);
    if (denominator === 0) throw failure('singular error evaluator', { erasures: rho, parityLength });
    const magnitude = gfMultiply(x, gfDivide(evaluateLow(omega, xInverse), denominator));
    codeword[position] = codeword[position]! ^ magnitude;
  }
  for (let j = 0; j < parityLength; j++) {
    if (evaluate(codeword, gfPowerOfAlpha(j)) !== 0) throw failure('correction did not give a codeword', { erasures: rho, parityLength });
  }
  const correctedPositions = positions.filter((position) => codeword[position] !== received[position]);
  return { codeword, correctedPositions, errorCount, erasureCount: rho };
}
