import { MedstegoError } from '../../errors/index.ts';

/**
 * Our reading of the paper's Eq. (7) and (9), which are garbled in print (DESIGN §2).
 *
 * Eq. (7): BSQ(i,j) = (4/β)·(k + BQr(i,j))  for  4k/β ≤ BDCins(i,j) < 4(k+1)/β
 * Eq. (9): BQR(i,j) = (BS(i,j) − 4k/β)·β/4  for the same k, i.e. the position inside the interval.
 *
 * The cover is normalised to [0, 1] (Eq. 2), so a 4×4 orthonormal DC coefficient lies in [0, 4];
 * that range is cut into β intervals of width 4/β. Each DCT coefficient keeps its interval index
 * k and is moved to the fraction BQr of it, where BQr = α for a 0 bit (dark QR module) and 1 − α
 * for a 1 bit (light module) (Eq. 3). Extraction reads the fraction and thresholds it at ½.
 *
 * Two deviations, both forced by writing integers in the original stored range (DESIGN §3, §5):
 * 1. Normalisation (Eq. 2) uses the *representable* stored range [minStored, maxStored] given by
 *    Bits Stored, not the image's own min and max: the image's extremes can sit in the background
 *    and change with embedding, after which a decoder could not re-derive the same intervals.
 *    In stored units the interval width is therefore w = 4·(maxStored − minStored)/β.
 * 2. Integer rounding moves an orthonormal 4×4 coefficient by up to 2.0 stored units. The paper's
 *    positions α·w and (1 − α)·w sit α·w from the interval edge that flips the bit (0.33 stored
 *    units for 12-bit data at β = 1000), so rounding alone would corrupt ~13% of bits. We keep the
 *    paper's positions where they are safe and otherwise move them inward to a guard of
 *    ROUNDING_GUARD from that edge, which makes extraction from integer pixels bit-exact. The
 *    paper could avoid this only because it stretched values to [0, 65535], which we refuse to do
 *    (it breaks Hounsfield calibration).
 */

/** Largest coefficient change integer rounding can cause on the orthonormal 4×4 DCT, plus slack. */
export const ROUNDING_GUARD = 2.05;

export interface PaperParameters {
  /** Eq. (3): offset of a bit inside its interval, as a fraction of the interval (0 < α < ½). */
  readonly alpha: number;
  /** Eq. (7): number of intervals over the normalised DC range [0, 4]. */
  readonly beta: number;
}

export const DEFAULT_PAPER_PARAMETERS: PaperParameters = { alpha: 0.02, beta: 1000 };

export interface PaperQuantizer {
  /** Interval width in stored units. */
  readonly intervalWidth: number;
  /** Position of a 0 bit / 1 bit inside its interval, in stored units (after the integer guard). */
  readonly zeroOffset: number;
  readonly oneOffset: number;
}

/** Largest β that still leaves room for the rounding guard on both sides of both bit positions. */
export function maximumBeta(storedSpan: number): number {
  return Math.floor(storedSpan / ROUNDING_GUARD);
}

export function createPaperQuantizer(storedSpan: number, parameters: PaperParameters): PaperQuantizer {
  const { alpha, beta } = parameters;
  if (!(alpha > 0 && alpha < 0.5)) {
    throw new MedstegoError('EMBED_PARAMETERS_INVALID', `alpha must be in (0, 0.5); got ${alpha}.`, { alpha });
  }
  if (!(Number.isFinite(beta) && beta >= 1)) {
    throw new MedstegoError('EMBED_PARAMETERS_INVALID', `beta must be a number ≥ 1; got ${beta}.`, { beta });
  }
  const intervalWidth = (4 * storedSpan) / beta;
  if (intervalWidth < 4 * ROUNDING_GUARD) {
    throw new MedstegoError(
      'EMBED_PARAMETERS_INVALID',
      `beta ${beta} makes the quantisation interval ${intervalWidth.toFixed(2)} stored units wide, too fine to survive integer rounding for this bit depth; the largest usable beta is ${maximumBeta(storedSpan)}.`,
      { beta, maximumBeta: maximumBeta(storedSpan) },
    );
  }
  const half = intervalWidth / 2;
  return {
    intervalWidth,
    zeroOffset: clamp(alpha * intervalWidth, ROUNDING_GUARD, half - ROUNDING_GUARD),
    oneOffset: clamp((1 - alpha) * intervalWidth, half + ROUNDING_GUARD, intervalWidth - ROUNDING_GUARD),
  };
}

/** Eq. (7): keep the interval index k of `coefficient` and move it to the position encoding `bit`. */
export function quantizeCoefficient(coefficient: number, bit: number, quantizer: PaperQuantizer): number {
  const k = Math.floor(coefficient / quantizer.intervalWidth);
  return k * quantizer.intervalWidth + (bit ? quantizer.oneOffset : quantizer.zeroOffset);
}

/** The point encoding `bit` nearest to `coefficient` (any interval): least distortion, same decoding. */
export function quantizeCoefficientNearest(coefficient: number, bit: number, quantizer: PaperQuantizer): number {
  const offset = bit ? quantizer.oneOffset : quantizer.zeroOffset;
  return Math.round((coefficient - offset) / quantizer.intervalWidth) * quantizer.intervalWidth + offset;
}

/** Eq. (9): the fraction of the interval where `coefficient` lies, thresholded at ½. */
export function readCoefficientBit(coefficient: number, quantizer: PaperQuantizer): 0 | 1 {
  const position = coefficient / quantizer.intervalWidth;
  return position - Math.floor(position) >= 0.5 ? 1 : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
