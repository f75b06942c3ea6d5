/**
 * The `robust` keyed profile: hides the sealed container so that it survives additive noise far
 * stronger than the embedding (Gaussian or uniform at attack PSNR 53 dB against an embedding at
 * 65 dB, both in the range convention: ~16× the power) and salt-and-pepper on 0.1% of pixels.
 *
 * Channel (DESIGN §3): spread-transform dither modulation over keyed projections of the AC
 * coefficients of the quiet usable 4×4 blocks (carrierBlocks.ts, stdmQuantizer.ts), each coded bit spread over ~15–60
 * coefficients in as many blocks, bits placed by keyed block position so that mask disagreement
 * costs a little noise (robustLayout.ts), distortion-compensated, on a keyed subset of the carrier
 * blocks where the budget per pixel is too small for integer rounding (chooseDensity); soft decisions
 * into a rate-⅓ turbo code (dataFrameCode.ts; header: K = 9 convolutional code, soft Viterbi), and a
 * 16-bit CRC check to know when it worked.
 * A small header in its own slots (robustHeader.ts) carries the step and the length, so that
 * extraction needs only the image, its mask and the keys.
 *
 * Step: chosen per image, the largest on a 1/16-octave grid whose stego image (integers as
 * written) still has PSNR ≥ the target in the range convention (default 65 dB), predicted from the
 * planned energy and the cost of rounding, then checked on the one stego actually written.
 *
 * Capacity: the noise the channel must survive is set by the *gap* between embedding and attack
 * PSNR, not by the image content: the energy spent per coded bit is budget/(coded bits), the noise
 * per coded bit is fixed by the attack PSNR, so a slice can carry ≈ pixels · 10^(−gap/10) / κ coded
 * bits (κ measured on the shared CT and MR slices, scripts/robust-sweep.ts), provided each coded
 * bit still gets enough usable coefficients.
 */
import type { PixelImage } from '../../image/PixelImage.ts';
import { isPaddingValue } from '../../image/PixelImage.ts';
import { BLOCK_LENGTH, inverseDct4x4 } from '../../dct/index.ts';
import { convolutionalEncode, convolutionalCodedLength } from '../../ecc/convolutionalEncode.ts';
import { convolutionalDecode } from '../../ecc/convolutionalDecode.ts';
import { MedstegoError } from '../../errors/index.ts';
import { valueRange } from '../../metrics/valueRange.ts';
import type { KeyedEmbedInput, KeyedEmbedResult, KeyedExtractInput, KeyedExtractResult, KeyedProfile, KeyedProfileKeys } from '../keyed/KeyedProfile.ts';
import { AC_PER_BLOCK, CARRIER_DENSITIES, createRobustLayout, dataDither, dataSlotsPerBit, type RobustLayout } from './robustLayout.ts';
import { readCarrierBlocks, rereadCarrierBlocks, selectCarrierBlocks, type CarrierBlocks } from './carrierBlocks.ts';
import { stdmError, stdmSoftValue } from './stdmQuantizer.ts';
import { dataFrameCode } from './dataFrameCode.ts';
import { HEADER_INFORMATION_BITS, HEADER_VERSION, MAX_SEALED_BYTES, STEP_INDEX_COUNT, bitsToBytes, check16, packHeader, readBits, stepForIndex, unpackHeader, writeBits, type RobustHeader } from './robustHeader.ts';

export interface RobustOptions {
  /** Embedding PSNR to reach, range convention (MAX = cover max − min). Default 65 dB. */
  readonly embeddingPsnrDb: number;
  /** Attack PSNR (range convention) the capacity is sized for. Default 53 dB. */
  readonly designAttackPsnrDb: number;
  /** Distortion-compensation factor α in (0, 1]. */
  readonly compensation: number;
  /** Coded bits per slice ≤ pixels · 10^(−(embedding − attack)/10) / this. */
  readonly pixelsPerCodedBitAtGap: number;
  /**
   * Each data coded bit needs at least this many usable coefficients on average. Default: by the
   * gap between embedding and design attack (minimumCoefficientsForGap), 8 at 53 dB, 4 at 59 dB.
   */
  readonly minimumCoefficientsPerBit: number;
  /** Total slots (all block positions) per header coded bit. */
  readonly headerSlotsPerBit: number;
  /**
   * Re-aim passes after rounding and clipping (each costs one DCT and one write of the carrier
   * blocks), run only where rounding is a sizeable part of the change (per-pixel planned variance
   * below `reaimBelowVariance`: ≈ 0.4 on the 256² MR slices, ≈ 2 on 512² CT); on CT they gain
   * nothing measurable (4 fixtures × 3 attack levels × 4 seeds) and would triple the writes.
   */
  readonly correctionPasses: number;
  readonly reaimBelowVariance: number;
  /**
   * Decoder: after reading the pixels as stored, retry with the stored floor read this many
   * times lower, by `maxFloorLift`/steps each (carrierBlocks.ts, `liftFloor`). 0 = never.
   */
  readonly floorLiftSteps: number;
  readonly maxFloorLift: number;
  /**
   * Header version the encoder writes, which names the data frame's code (dataFrameCode.ts):
   * 2 = turbo (default), 1 = the earlier convolutional code, kept for comparisons and old files.
   */
  readonly headerVersion: number;
  /**
   * Carrier density (version 2): the encoder uses the sparsest keyed subset of its carrier blocks
   * (CARRIER_DENSITIES) whose budget per carrier pixel, MSE limit · pixels / carrier pixels, stays
   * ≤ `densityMaxVariance` while every data coded bit keeps ≥ `densityMinCoefficients` usable
   * coefficients on average. −1 = that rule; 0–3 forces an index (experiments).
   */
  readonly densityIndex: number;
  readonly densityMaxVariance: number;
  readonly densityMinCoefficients: number;
}

export const DEFAULT_ROBUST_OPTIONS: RobustOptions = {
  embeddingPsnrDb: 65,
  designAttackPsnrDb: 53,
  compensation: 0.8,
  pixelsPerCodedBitAtGap: 4.5,
  minimumCoefficientsPerBit: 8,
  headerSlotsPerBit: 64,
  correctionPasses: 2,
  reaimBelowVariance: 1,
  floorLiftSteps: 4,
  maxFloorLift: 1.8,
  headerVersion: HEADER_VERSION,
  densityIndex: -1,
  densityMaxVariance: 1,
  densityMinCoefficients: 2,
};

const CRC_BITS = 16;
const HEADER_CODED_BITS = convolutionalCodedLength(HEADER_INFORMATION_BITS);
/** Stego images written at most while settling the step (one when the prediction holds). */
const MAX_WRITES = 4;
/** One step index = 1/16 octave of step = this many dB of MSE. */
const DB_PER_STEP_INDEX = (20 / 16) * Math.log10(2);

/** Coded bits of the data frame for a sealed container of `bytes` bytes, in a header version's code. */
export function robustCodedBits(bytes: number, version: number = HEADER_VERSION): number {
  return dataFrameCode(version).codedLength(8 * bytes + CRC_BITS);
}

export function createRobustProfile(overrides: Partial<RobustOptions> = {}): KeyedProfile & { readonly options: RobustOptions } {
  const merged: RobustOptions = { ...DEFAULT_ROBUST_OPTIONS, ...overrides };
  const gapDb = merged.embeddingPsnrDb - merged.designAttackPsnrDb;
  // Options whose default follows the gap, unless given.
  const byGap = { minimumCoefficientsPerBit: minimumCoefficientsForGap(gapDb), ...encoderSettingsForGap(gapDb) };
  const options: RobustOptions = { ...merged, ...Object.fromEntries(Object.entries(byGap).filter(([name]) => overrides[name as keyof RobustOptions] === undefined)) };
  return {
    name: 'robust',
    options,
    capacityBytes: (image, mask) => capacityFor(image, readCarrierBlocks(image, mask, 'embed').positions.length, options),
    embed: (input) => embedRobust(input, options),
    extract: (input) => extractRobust(input, options),
  };
}

export const robustProfile = createRobustProfile();

/**
 * Default floor on usable coefficients per coded bit, by the gap between embedding and design
 * attack: 8 at a gap of 12 dB (65 vs 53), 4 at 6 dB (65 vs 59), linear between, clamped. In STDM
 * the SNR of a coded bit is its energy over the noise power per coefficient, whatever the number
 * of coefficients it is spread over; the floor only keeps each bit's share of carriers (and of
 * disputed blocks) from being too uneven. At 59 dB on the MR slices of ../shared/data (every 6th,
 * 1,024 bits): a floor of 8 refuses 15 of 29 slices and recovers 8; 4 (or 3) refuses none of the
 * 27 with background and recovers 12: every slice of range ≥ 830 (the decubitus and brain series)
 * passes, every SAG MPRAGE slice (range 470–670) fails, with few carriers or many.
 */
export function minimumCoefficientsForGap(gapDb: number): number {
  return Math.min(8, Math.max(4, (8 * gapDb) / 12));
}

/**
 * Encoder settings by the gap between embedding and design attack, measured at its two ends on the
 * MR slices of ../shared/data (every 6th, two attack draws each; docs/profiles/robust.md), linear
 * between, clamped:
 * - 12 dB (65/53, 256 bits): α = 0.8, density rule (variance ≤ 1, ≥ 2 coefficients per bit):
 *   54/54 Gaussian + uniform recoveries per attack draw; the 6-dB settings give 51–53/54.
 * - 6 dB (65/59, 1,024 bits): α = 0.7, density rule (variance ≤ 2, ≥ 1.4 coefficients per bit):
 *   53–54/54 where the 12-dB settings give 49–50/54; the two SAG MPRAGE slices of smallest range
 *   then use an eighth of their carrier blocks, where rounding keeps most of the change.
 */
export function encoderSettingsForGap(gapDb: number): Pick<RobustOptions, 'compensation' | 'densityMaxVariance' | 'densityMinCoefficients'> {
  const t = Math.min(1, Math.max(0, (12 - gapDb) / 6));
  return {
    compensation: 0.8 - 0.1 * t,
    densityMaxVariance: 1 + t,
    densityMinCoefficients: 2 - 0.6 * t,
  };
}

/** Largest sealed container (bytes) for this image and a count of carrier blocks. */
function capacityFor(image: PixelImage, carrierBlocks: number, options: RobustOptions): number {
  const pixels = image.rows * image.cols;
  const gapDb = options.embeddingPsnrDb - options.designAttackPsnrDb;
  const byNoise = Math.floor((pixels * 10 ** (-gapDb / 10)) / options.pixelsPerCodedBitAtGap);
  const totalSlots = Math.floor(image.rows / 4) * Math.floor(image.cols / 4) * AC_PER_BLOCK;
  const headerSlots = Math.min(HEADER_CODED_BITS * options.headerSlotsPerBit, Math.floor(totalSlots / 4));
  const usableDataSlots = (carrierBlocks * AC_PER_BLOCK * (totalSlots - headerSlots)) / Math.max(1, totalSlots);
  const byCoefficients = Math.floor(usableDataSlots / options.minimumCoefficientsPerBit);
  const codedBits = Math.min(byNoise, byCoefficients);
  const bytes = Math.floor((dataFrameCode(options.headerVersion).informationBitsFor(codedBits) - CRC_BITS) / 8);
  return Math.max(0, Math.min(MAX_SEALED_BYTES, bytes));
}

/**
 * The coded bit each AC coefficient of each carrier block feeds (header bits 0..H−1, data bits
 * H..H+D−1, −1 for none) and its spreading sign, resolved once so the hot loops are flat.
 */
interface SlotMap {
  readonly bit: Int32Array;
  readonly sign: Float64Array;
  readonly bitCount: number;
  /** Usable coefficients per coded bit. */
  readonly count: Int32Array;
}

function mapSlots(carriers: CarrierBlocks, layout: RobustLayout, dataCodedBits: number): SlotMap {
  const headerBits = layout.headerCodedBits;
  const bitCount = headerBits + dataCodedBits;
  const total = carriers.positions.length * AC_PER_BLOCK;
  const bit = new Int32Array(total);
  const sign = new Float64Array(total);
  const count = new Int32Array(bitCount);
  const { rank, headerSlots } = layout;
  const dataLimit = dataCodedBits > 0 ? dataSlotsPerBit(layout, dataCodedBits) * dataCodedBits : 0;
  for (let b = 0; b < carriers.positions.length; b++) {
    const slotBase = carriers.positions[b]! * AC_PER_BLOCK;
    for (let j = 0; j < AC_PER_BLOCK; j++) {
      const slot = slotBase + j;
      const r = rank[slot]!;
      let k = -1;
      if (r < headerSlots) k = r % headerBits;
      else if (r - headerSlots < dataLimit) k = headerBits + ((r - headerSlots) % dataCodedBits);
      const i = b * AC_PER_BLOCK + j;
      bit[i] = k;
      sign[i] = layout.sign[slot]!;
      if (k >= 0) count[k]++;
    }
  }
  return { bit, sign, bitCount, count };
}

/** Σ sign · coefficient per coded bit. */
function project(coefficients: Float64Array, map: SlotMap): Float64Array {
  const projection = new Float64Array(map.bitCount);
  const { bit, sign } = map;
  for (let b = 0, i = 0; i < bit.length; b++) {
    const base = b * BLOCK_LENGTH + 1;
    for (let j = 0; j < AC_PER_BLOCK; j++, i++) {
      const k = bit[i]!;
      if (k >= 0) projection[k] += sign[i]! * coefficients[base + j]!;
    }
  }
  return projection;
}

function bytesToBits(bytes: Uint8Array, extra: number): Uint8Array {
  const bits = new Uint8Array(bytes.length * 8 + extra);
  for (let i = 0; i < bytes.length; i++) writeBits(bits, 8 * i, 8, bytes[i]!);
  return bits;
}

function dataFrameBits(sealed: Uint8Array): Uint8Array {
  const bits = bytesToBits(sealed, CRC_BITS);
  writeBits(bits, sealed.length * 8, CRC_BITS, check16(sealed));
  return bits;
}

function embedRobust(input: KeyedEmbedInput, options: RobustOptions): KeyedEmbedResult {
  const { image, mask, sealed, keys } = input;
  if (mask.length !== image.rows * image.cols) throw new MedstegoError('INTERNAL', 'robust: mask size does not match the image.', { maskLength: mask.length });
  const allCarriers = readCarrierBlocks(image, mask, 'embed');
  if (allCarriers.positions.length === 0) {
    throw new MedstegoError('NO_BACKGROUND', 'The image has no insignificant 4×4 block to hide anything in.', { usableBlocks: 0 });
  }
  const capacityBytes = capacityFor(image, allCarriers.positions.length, options);
  if (sealed.length === 0 || sealed.length > capacityBytes) {
    throw new MedstegoError(
      'PAYLOAD_CAPACITY_EXCEEDED',
      `The robust profile can carry ${capacityBytes} sealed bytes in this image (${options.embeddingPsnrDb} dB embedding, sized for attacks down to ${options.designAttackPsnrDb} dB); the payload needs ${sealed.length}.`,
      { capacityBytes, capacityBits: capacityBytes * 8, requestedBytes: sealed.length },
    );
  }
  const { min, max } = valueRange(image.pixels);
  const range = max - min;

  const layout = createRobustLayout(image.rows, image.cols, keys, HEADER_CODED_BITS, options.headerSlotsPerBit);
  const version = options.headerVersion;
  const frame = dataFrameCode(version).encode(dataFrameBits(sealed));
  const dataCodedBits = frame.length;
  const slotsPerDataBit = dataSlotsPerBit(layout, dataCodedBits);
  const pixelCount = image.rows * image.cols;
  const mseLimit = (range * range) / 10 ** (options.embeddingPsnrDb / 10);
  const densityIndex = version === 1 ? 0 : options.densityIndex >= 0 ? options.densityIndex : chooseDensity(allCarriers, layout, slotsPerDataBit, (mseLimit * pixelCount) / (allCarriers.positions.length * BLOCK_LENGTH), options);
  const carriers = selectCarrierBlocks(allCarriers, layout.blockDraw, CARRIER_DENSITIES[densityIndex]!);
  const map = mapSlots(carriers, layout, dataCodedBits);
  const host = project(carriers.coefficients, map);
  const dither = new Float64Array(map.bitCount);
  dither.set(layout.headerDither);
  dither.set(dataDither(keys, dataCodedBits), layout.headerCodedBits);
  const alpha = options.compensation;

  // Per coded bit: the projection to reach (host + α·(lattice point − host)) and the change per
  // coefficient that gets there. Σ (α e)² / L is the AC energy the embedding adds before rounding
  // (orthonormal DCT: the same energy in pixels).
  const target = new Float64Array(map.bitCount);
  const move = new Float64Array(map.bitCount);
  const bits = new Uint8Array(map.bitCount);
  bits.set(frame, layout.headerCodedBits);
  const planMoves = (stepIndex: number): number => {
    bits.set(convolutionalEncode(packHeader({ version, stepIndex, densityIndex, sealedBytes: sealed.length })));
    const base = stepForIndex(stepIndex);
    let energy = 0;
    for (let k = 0; k < map.bitCount; k++) {
      const n = map.count[k]!;
      if (n === 0) {
        move[k] = 0;
        continue;
      }
      const step = base * (k < layout.headerCodedBits ? layout.headerSlotsPerBit : slotsPerDataBit);
      const change = alpha * stdmError(host[k]!, bits[k]!, step, dither[k]!);
      move[k] = change / n;
      target[k] = host[k]! + change;
      energy += (change * change) / n;
    }
    return energy;
  };

  // Write the stego for a step index. Clipping at the stored floor (air stored as 0 on MR and
  // outside the CT field of view) and rounding leave projections short of their targets; measure
  // what the integers carry and push the remainder onto the coefficients that can still move.
  const stego = image.pixels.slice();
  const trial = (stepIndex: number, passes: number): number => {
    planMoves(stepIndex);
    let squaredError = writeStego(image, carriers, map, move, stego);
    for (let pass = 0; pass < passes; pass++) {
      const reached = project(rereadCarrierBlocks(stego, image.cols, carriers).coefficients, map);
      for (let k = 0; k < map.bitCount; k++) {
        const n = map.count[k]!;
        if (n > 0) move[k] = move[k]! + (target[k]! - reached[k]!) / n;
      }
      squaredError = writeStego(image, carriers, map, move, stego);
    }
    return squaredError / pixelCount;
  };

  // The step: predicted from the planned AC energy plus the rounding it will cost (a pass over the
  // coded bits per candidate index, no rendering), then written once with the re-aim passes and
  // measured; a miss (clipping, or re-aiming that costs more than predicted) moves the index by
  // the measured shortfall, MSE being ∝ step², and writes again (rare).
  const carrierPixels = carriers.positions.length * BLOCK_LENGTH;
  const clipped = floorShare(image, carriers) / 2;
  const plannedVariance = (stepIndex: number): number => planMoves(stepIndex) / carrierPixels;
  let passes = 0;
  // Clipped changes cost nothing as written, but the re-aim passes win them back elsewhere.
  const predictedMse = (stepIndex: number): number => {
    const variance = plannedVariance(stepIndex);
    return ((carrierPixels * roundingMse(variance)) / pixelCount) * (passes > 0 ? 1 / (1 - clipped) : 1 - clipped);
  };
  let low = 0;
  let high = STEP_INDEX_COUNT - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (predictedMse(middle) <= mseLimit) low = middle;
    else high = middle - 1;
  }
  let index = low;
  if (plannedVariance(index) < options.reaimBelowVariance && options.correctionPasses > 0) {
    passes = options.correctionPasses;
    while (index > 0 && predictedMse(index) > mseLimit) index--;
  }
  let fits = -1;
  let fitsMse = Infinity;
  let tooLarge = STEP_INDEX_COUNT;
  let fitted: Int32Array | undefined;
  for (let attempt = 0; attempt < MAX_WRITES && index >= 0 && index < tooLarge; attempt++) {
    const mse = trial(index, passes);
    const shortfallIndices = (10 * Math.log10(mse / mseLimit)) / DB_PER_STEP_INDEX;
    if (mse <= mseLimit && mse > 0) {
      fits = index;
      fitsMse = mse;
      fitted = undefined;
      const up = Math.floor(-shortfallIndices);
      if (up < 1 || index + 1 >= tooLarge) break;
      // Headroom of a whole index or more: try a larger step, keeping this stego in case it misses.
      fitted = stego.slice();
      index = Math.min(tooLarge - 1, index + up);
    } else {
      tooLarge = index;
      if (fits >= 0) break;
      index -= Math.max(1, Math.ceil(shortfallIndices));
    }
  }
  const mse = fitsMse;
  // The last write missed after an earlier fit: go back to the stego that fitted.
  if (fitted) stego.set(fitted);
  if (fits < 0 || !(mse <= mseLimit) || mse === 0) {
    throw new MedstegoError('EMBED_PARAMETERS_INVALID', `No step reaches an embedding PSNR of ${options.embeddingPsnrDb} dB on this image: its range (${range}) is too small for integer changes.`, { embeddingPsnrDb: options.embeddingPsnrDb, range });
  }
  // Self-check: the stego, read back without any attack, must decode to the sealed bytes.
  // When every coded bit (header and data) reads back on its own side of the lattice, the received
  // word is the codeword and Viterbi decoding cannot miss; otherwise decode to be sure.
  const written = { map, projection: project(rereadCarrierBlocks(stego, image.cols, carriers).coefficients, map) };
  bits.set(convolutionalEncode(packHeader({ version, stepIndex: fits, densityIndex, sealedBytes: sealed.length })));
  let allRight = true;
  for (let k = 0; k < map.bitCount && allRight; k++) {
    const step = stepForIndex(fits) * (k < layout.headerCodedBits ? layout.headerSlotsPerBit : slotsPerDataBit);
    const soft = stdmSoftValue(written.projection[k]!, step, dither[k]!);
    allRight = map.count[k]! > 0 && (soft > 0 ? 0 : 1) === bits[k];
  }
  const verified = allRight || decodeData(carriers, layout, keys, { version, stepIndex: fits, densityIndex, sealedBytes: sealed.length }, written)?.sealed.every((byte, i) => byte === sealed[i]);
  if (!verified) {
    throw new MedstegoError('EMBED_VERIFY_FAILED', 'The robust embedding did not read back on this image (too little room to reach the PSNR target).', { stepIndex: fits });
  }
  return {
    stegoPixels: stego,
    embeddedBits: layout.headerCodedBits + dataCodedBits,
    capacityBits: capacityBytes * 8,
    parameters: {
      version,
      stepIndex: fits,
      carrierDensity: CARRIER_DENSITIES[densityIndex]!,
      stepPerSlot: stepForIndex(fits),
      compensation: alpha,
      sealedBytes: sealed.length,
      dataCodedBits,
      slotsPerDataBit,
      carrierBlocks: carriers.positions.length,
      candidateBlocks: allCarriers.positions.length,
      psnrDbRange: 10 * Math.log10((range * range) / mse),
    },
  };
}

/**
 * The carrier density for this image (an index into CARRIER_DENSITIES). Why not always all carrier
 * blocks: on the low-range MR slices the 65 dB budget is ≈ 0.1 grey level² per carrier pixel, so
 * the planned changes are mostly |x| < ½ and rounding to integers keeps only the few ±1 that pass
 * ½: only ≈ 30% of the MSE spent lands on the coded bits' projections (measured on the SAG MPRAGE
 * slices; ≈ 70–80% on the slices of larger range). A coded bit's SNR in STDM is its energy over the
 * per-coefficient noise, whatever number of coefficients carries it, so half or a quarter of the
 * blocks carry the same energy with 2–4× the per-pixel change, which rounding keeps. The floor on
 * coefficients per coded bit keeps every bit spread over several blocks (mask disputes, impulses).
 */
function chooseDensity(carriers: CarrierBlocks, layout: RobustLayout, slotsPerDataBit: number, budgetPerCarrierPixel: number, options: RobustOptions): number {
  const totalSlots = layout.rank.length;
  // Usable data coefficients per coded bit at density 1: the data slots' share of the carriers.
  const perBit = (carriers.positions.length * AC_PER_BLOCK * slotsPerDataBit) / totalSlots;
  let chosen = 0;
  for (let i = 1; i < CARRIER_DENSITIES.length; i++) {
    const density = CARRIER_DENSITIES[i]!;
    if (budgetPerCarrierPixel / density > options.densityMaxVariance || perBit * density < options.densityMinCoefficients) break;
    chosen = i;
  }
  return chosen;
}

/**
 * Share of carrier pixels at the stored floor or ceiling (air stored as 0 on MR, outside the CT field
 * of view). About half of their planned changes point out of range and are clipped away; the re-aim
 * passes make up for it with larger moves elsewhere, so the predicted MSE is divided by
 * (1 − share/2) to land on the target in one write.
 */
function floorShare(image: PixelImage, carriers: CarrierBlocks): number {
  const { cols, minStored, maxStored, pixels } = image;
  let atLimit = 0;
  for (const origin of carriers.origins) {
    for (let r = 0; r < 4; r++) {
      const row = origin + r * cols;
      for (let c = 0; c < 4; c++) {
        const v = pixels[row + c]!;
        if (v <= minStored || v >= maxStored) atLimit++;
      }
    }
  }
  return atLimit / Math.max(1, carriers.origins.length * BLOCK_LENGTH);
}

/**
 * E[round(X)²] for X ~ N(0, s²): the mean squared change per pixel that rounding a planned change of
 * variance s² to integers really costs (≈ s² + 1/12 for large s; for s ≲ 0.5 mostly zeros and
 * a few ±1, which is what the small MR budgets give).
 */
export function roundingMse(variance: number): number {
  if (!(variance > 0)) return 0;
  const s = Math.sqrt(variance);
  let sum = 0;
  for (let k = 1; k < 64; k++) {
    const p = 0.5 * (erfc((k - 0.5) / (s * Math.SQRT2)) - erfc((k + 0.5) / (s * Math.SQRT2)));
    sum += 2 * k * k * p;
    if (p < 1e-12 && k > s) break;
  }
  return sum;
}

/** Complementary error function, |relative error| < 1.2e-7 (Numerical Recipes' erfcc). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/**
 * Apply the per-bit moves to every carrier block of `out` (a copy of the cover), back to integers.
 * Values that would leave the stored range are clipped (the re-aim passes make up for it; a DC
 * lift of the whole block, which keeps AC exact, costs far more MSE than it saves when air sits at
 * the floor, as on MR); a value that would land on Pixel Padding moves one step back to the cover.
 */
function writeStego(image: PixelImage, carriers: CarrierBlocks, map: SlotMap, move: Float64Array, out: Int32Array): number {
  const coefficients = new Float64Array(BLOCK_LENGTH);
  const values = new Float64Array(BLOCK_LENGTH);
  const { cols, minStored, maxStored, pixels } = image;
  const hasPadding = image.pixelPaddingValue !== undefined;
  const { bit, sign } = map;
  let squaredError = 0;
  for (let b = 0; b < carriers.origins.length; b++) {
    const base = b * AC_PER_BLOCK;
    for (let j = 0; j < AC_PER_BLOCK; j++) {
      const k = bit[base + j]!;
      coefficients[j + 1] = k >= 0 ? sign[base + j]! * move[k]! : 0;
    }
    inverseDct4x4(coefficients, values);
    const origin = carriers.origins[b]!;
    for (let r = 0; r < 4; r++) {
      const row = origin + r * cols;
      for (let c = 0; c < 4; c++) {
        const cover = pixels[row + c]!;
        let value = Math.round(cover + values[r * 4 + c]!);
        if (value < minStored) value = minStored;
        else if (value > maxStored) value = maxStored;
        if (hasPadding && value !== cover && isPaddingValue(image, value)) value += value > cover ? -1 : 1;
        out[row + c] = value;
        squaredError += (value - cover) * (value - cover);
      }
    }
  }
  return squaredError;
}

function extractRobust(input: KeyedExtractInput, options: RobustOptions): KeyedExtractResult {
  const { image, mask, keys } = input;
  if (mask.length !== image.rows * image.cols) throw new MedstegoError('INTERNAL', 'robust: mask size does not match the image.', { maskLength: mask.length });
  const noPayload = (details: Record<string, number>): MedstegoError =>
    new MedstegoError('EXTRACT_NO_PAYLOAD', 'No robust payload for this key was found in the image.', details);
  const layout = createRobustLayout(image.rows, image.cols, keys, HEADER_CODED_BITS, options.headerSlotsPerBit);
  // First as stored (no attack, or noise that rarely reaches the floor), then with the stored floor
  // lifted by growing amounts (carrierBlocks.ts: the gain clipped noise takes away at the floor),
  // while the carriers have floor pixels at all. The frame's check and the container's
  // authentication reject a wrong lift like any wrong decode.
  let carrierBlocks = 0;
  let headersFound = 0;
  for (let i = 0; i <= options.floorLiftSteps; i++) {
    const lift = options.floorLiftSteps > 0 ? (options.maxFloorLift * i) / options.floorLiftSteps : 0;
    const carriers = readCarrierBlocks(image, mask, 'extract', lift);
    if (carriers.positions.length === 0) throw noPayload({ carrierBlocks: 0 });
    if (i > 0 && carriers.floorPixels === 0) break;
    carrierBlocks = carriers.positions.length;
    const found = decodeCarriers(carriers, layout, keys);
    headersFound += found.headersFound;
    if (found.result) {
      const result = found.result;
      return { ...result, parameters: { ...result.parameters, candidateBlocks: carrierBlocks, impulsesRemoved: carriers.outliersReplaced, floorLift: lift } };
    }
  }
  throw noPayload({ carrierBlocks, headersFound });
}

/**
 * Find a header that checks and the data frame it names, trying (carrier density, step index)
 * pairs best first. `all` = every carrier block the decoder sees; each density reads its keyed
 * subset of them.
 */
function decodeCarriers(all: CarrierBlocks, layout: RobustLayout, keys: KeyedProfileKeys): { result?: KeyedExtractResult; headersFound: number } {
  // Rank the pairs by how close the header projections sit to lattice points (mean |soft value|
  // over the header bits that have coefficients), then Viterbi-decode in that order until a header
  // checks and its data frame too.
  const reads = headerProjectionsByDensity(all, layout);
  const scores: { densityIndex: number; index: number; score: number }[] = [];
  for (let densityIndex = 0; densityIndex < CARRIER_DENSITIES.length; densityIndex++) {
    const { projection, count } = reads[densityIndex]!;
    let used = 0;
    for (let k = 0; k < HEADER_CODED_BITS; k++) if (count[k]! > 0) used++;
    if (used === 0) continue;
    for (let index = 0; index < STEP_INDEX_COUNT; index++) {
      const step = stepForIndex(index) * layout.headerSlotsPerBit;
      let score = 0;
      for (let k = 0; k < HEADER_CODED_BITS; k++) {
        if (count[k]! > 0) score += Math.abs(stdmSoftValue(projection[k]!, step, layout.headerDither[k]!));
      }
      scores.push({ densityIndex, index, score: score / used });
    }
  }
  scores.sort((a, b) => b.score - a.score);
  const soft = new Float64Array(HEADER_CODED_BITS);
  let headersFound = 0;
  // Every pair is tried: the ranking is weak at the noise the profile is sized for (the right pair
  // ranked 12–34 of 1,024 after salt-and-pepper and up to ~950 after 53 dB Gaussian noise on the
  // MR slices, `headerRank` in the result), only the header's check is a reliable test. So an image
  // without a payload (or a wrong key) costs 4 × 256 header decodes per floor lift: ≈ 1.2 s on the
  // CT and MR fixtures against ≈ 0.3 s with one density.
  for (const [rank, { densityIndex, index }] of scores.entries()) {
    const { projection, count } = reads[densityIndex]!;
    const step = stepForIndex(index) * layout.headerSlotsPerBit;
    for (let k = 0; k < HEADER_CODED_BITS; k++) {
      const n = count[k]!;
      soft[k] = n > 0 ? (stdmSoftValue(projection[k]!, step, layout.headerDither[k]!) * step * step) / n : 0;
    }
    const header = unpackHeader(convolutionalDecode(soft, HEADER_INFORMATION_BITS).bits, index, densityIndex);
    if (!header) continue;
    headersFound++;
    const carriers = selectCarrierBlocks(all, layout.blockDraw, CARRIER_DENSITIES[densityIndex]!);
    const result = decodeData(carriers, layout, keys, header);
    if (result) return { result: { ...result, parameters: { ...result.parameters, carrierBlocks: carriers.positions.length, headerRank: rank } }, headersFound };
  }
  return { headersFound };
}

/**
 * The header projections (and usable coefficients per header bit) at every carrier density, in one
 * pass: the densities' block sets are nested (a block with keyed draw u is used at every density
 * > u), so each block adds to the band of the sparsest density that uses it, and the bands are
 * summed from the sparsest up.
 */
function headerProjectionsByDensity(all: CarrierBlocks, layout: RobustLayout): { projection: Float64Array; count: Int32Array }[] {
  const bands = CARRIER_DENSITIES.map(() => ({ projection: new Float64Array(HEADER_CODED_BITS), count: new Int32Array(HEADER_CODED_BITS) }));
  const { rank, sign, headerSlots, blockDraw } = layout;
  for (let b = 0; b < all.positions.length; b++) {
    const position = all.positions[b]!;
    const draw = blockDraw[position]!;
    let band = 0;
    while (band + 1 < CARRIER_DENSITIES.length && draw < CARRIER_DENSITIES[band + 1]!) band++;
    const { projection, count } = bands[band]!;
    const slotBase = position * AC_PER_BLOCK;
    const coefficientBase = b * BLOCK_LENGTH + 1;
    for (let j = 0; j < AC_PER_BLOCK; j++) {
      const r = rank[slotBase + j]!;
      if (r >= headerSlots) continue;
      const k = r % HEADER_CODED_BITS;
      projection[k] += sign[slotBase + j]! * all.coefficients[coefficientBase + j]!;
      count[k]++;
    }
  }
  for (let i = CARRIER_DENSITIES.length - 2; i >= 0; i--) {
    const { projection, count } = bands[i]!;
    const sparser = bands[i + 1]!;
    for (let k = 0; k < HEADER_CODED_BITS; k++) {
      projection[k] += sparser.projection[k]!;
      count[k] += sparser.count[k]!;
    }
  }
  return bands;
}

/** Decode the data frame named by a header; undefined when its CRC fails. */
function decodeData(
  carriers: CarrierBlocks,
  layout: RobustLayout,
  keys: KeyedProfileKeys,
  header: RobustHeader,
  /** The encoder's self-check already has the slot map and the projections of what it wrote. */
  read?: { readonly map: SlotMap; readonly projection: Float64Array },
): KeyedExtractResult | undefined {
  const { version, stepIndex, sealedBytes } = header;
  const code = dataFrameCode(version);
  const codedBits = robustCodedBits(sealedBytes, version);
  const slotsPerBit = dataSlotsPerBit(layout, codedBits);
  if (slotsPerBit === 0) return undefined;
  const map = read?.map ?? mapSlots(carriers, layout, codedBits);
  const projection = read?.projection ?? project(carriers.coefficients, map);
  const dither = dataDither(keys, codedBits);
  const step = stepForIndex(stepIndex) * slotsPerBit;
  const soft = new Float64Array(codedBits);
  let erased = 0;
  for (let k = 0; k < codedBits; k++) {
    const n = map.count[layout.headerCodedBits + k]!;
    if (n === 0) erased++;
    // LLR ∝ Δ²·(soft value)/(noise power on the projection ∝ n): a bit spread over fewer
    // coefficients carries less noise and counts more.
    soft[k] = n > 0 ? (stdmSoftValue(projection[layout.headerCodedBits + k]!, step, dither[k]!) * step * step) / n : 0;
  }
  const informationBits = 8 * sealedBytes + CRC_BITS;
  const frameChecks = (bits: Uint8Array): boolean => readBits(bits, 8 * sealedBytes, CRC_BITS) === check16(bitsToBytes(bits, 0, sealedBytes));
  const bits = code.decode(soft, informationBits, frameChecks);
  if (!frameChecks(bits)) return undefined;
  const sealed = bitsToBytes(bits, 0, sealedBytes);
  // Coded bits whose hard decision disagrees with the decoded codeword: what the code corrected.
  const recoded = code.encode(bits);
  let corrected = 0;
  for (let k = 0; k < codedBits; k++) if (soft[k] !== 0 && (soft[k]! < 0 ? 1 : 0) !== recoded[k]) corrected++;
  return {
    sealed,
    correctedSymbols: corrected,
    erasedSymbols: erased,
    parameters: { version, stepIndex, carrierDensity: CARRIER_DENSITIES[header.densityIndex]!, stepPerSlot: stepForIndex(stepIndex), sealedBytes, dataCodedBits: codedBits, slotsPerDataBit: slotsPerBit },
  };
}
