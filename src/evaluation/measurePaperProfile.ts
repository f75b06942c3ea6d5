import type { PixelImage } from '../image/PixelImage.ts';
import type { BodyMask, Segmenter } from '../segmentation/Segmenter.ts';
import { embedPaper, extractPaper, paperCapacityBits, DEFAULT_PAPER_PARAMETERS, type PaperEmbedResult, type PaperParameters } from '../stego/index.ts';
import { applyNoiseAttack, deriveSeed } from '../attacks/index.ts';
import { bitErrorRate, normalizedCrossCorrelation } from '../metrics/index.ts';
import { isMedstegoError } from '../errors/index.ts';
import type { AttackMeasurement, ProfileMeasurement } from './SliceEvaluation.ts';
import { readPaperQrModules } from './readPaperQrModules.ts';
import { distortion, elapsed, failedMeasurement } from './measurementParts.ts';
import { EVALUATION_ATTACK_SEED, TABLE6_ATTACKS } from './table6Attacks.ts';

/** β values of the paper's Table 4. */
export const PAPER_BETAS: readonly number[] = [10, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];

/** The β `paper` is compared at (and attacked at): the paper's default, 1000, or else the largest run. */
export function comparedPaperBeta(betas: readonly number[]): number | undefined {
  return betas.includes(DEFAULT_PAPER_PARAMETERS.beta) ? DEFAULT_PAPER_PARAMETERS.beta : betas.length ? Math.max(...betas) : undefined;
}

export interface PaperSliceInput {
  readonly file: string;
  readonly image: PixelImage;
  readonly coverMask: BodyMask;
  readonly payloadText: string;
  readonly segmenter: Segmenter;
  readonly betas: readonly number[];
  /** Run Table 6 at the compared β (comparedPaperBeta). */
  readonly attacks: boolean;
}

/** The `paper` profile at every β (Tables 3, 4, 5, 7) and, at the compared β, under Table 6's attacks. */
export async function measurePaperProfile(input: PaperSliceInput): Promise<ProfileMeasurement[]> {
  const { image, coverMask, payloadText, segmenter } = input;
  const capacityBits = paperCapacityBits(image, coverMask);
  const userPayloadBytes = new TextEncoder().encode(payloadText).length;
  const measurements: ProfileMeasurement[] = [];
  const attackedBeta = input.attacks ? comparedPaperBeta(input.betas) : undefined;
  for (const beta of input.betas) {
    const parameters: PaperParameters = { ...DEFAULT_PAPER_PARAMETERS, beta };
    const base = { profile: 'paper' as const, beta, capacityBits, userPayloadBytes };
    let embedded: PaperEmbedResult;
    const embedStart = performance.now();
    try {
      embedded = embedPaper({ image, mask: coverMask, payloadText, parameters });
    } catch (error) {
      if (!isMedstegoError(error)) throw error;
      measurements.push(failedMeasurement(base, error.code));
      continue;
    }
    const embedMs = elapsed(embedStart);
    const stegoImage = { ...image, pixels: embedded.stegoPixels };
    const stegoMask = await segmenter.segment(stegoImage);
    const maskNcc = normalizedCrossCorrelation(coverMask, stegoMask);
    const extractStart = performance.now();
    const outcome = extractPaperOutcome(stegoImage, stegoMask, parameters, payloadText);
    const extractMs = elapsed(extractStart);
    const attacks = beta === attackedBeta ? await attackPaper(input, stegoImage, embedded, parameters) : [];
    measurements.push({
      ...base,
      payloadBits: embedded.payloadBits,
      embeddedBits: embedded.embeddedBits,
      ...distortion(image, embedded.stegoPixels, embedded.payloadBits),
      maskNcc,
      extracted: outcome.extracted,
      // Why a round trip failed: the mask recomputed on the stego image moved (the paper's weak
      // point: its k-th-block layout then shifts), or the bits themselves did not come back.
      errorCode: outcome.extracted ? null : maskNcc < 1 ? 'STEGO_MASK_DIFFERS' : (outcome.errorCode ?? 'EXTRACT_MISMATCH'),
      embedMs,
      extractMs,
      attacks,
    });
  }
  return measurements;
}

function extractPaperOutcome(image: PixelImage, mask: BodyMask, parameters: PaperParameters, payloadText: string): { extracted: boolean; errorCode: string | null } {
  try {
    const extracted = extractPaper(image, mask, parameters).payloadText === payloadText;
    return { extracted, errorCode: extracted ? null : 'EXTRACT_MISMATCH' };
  } catch (error) {
    if (!isMedstegoError(error)) throw error;
    return { extracted: false, errorCode: error.code };
  }
}

/**
 * Table 6 for `paper`: the receiver segments the attacked image and extracts; besides success we
 * measure what the paper measured, the NCC between the sent and the retrieved QR modules (read at
 * the known QR size, whether or not they still decode), and their bit error rate.
 */
async function attackPaper(input: PaperSliceInput, stegoImage: PixelImage, embedded: PaperEmbedResult, parameters: PaperParameters): Promise<AttackMeasurement[]> {
  const results: AttackMeasurement[] = [];
  for (const attack of TABLE6_ATTACKS) {
    const attacked = applyNoiseAttack(stegoImage, { ...attack.options, seed: deriveSeed(EVALUATION_ATTACK_SEED, `${input.file}|paper|${attack.id}`) });
    const attackedImage = { ...stegoImage, pixels: attacked.pixels };
    const mask = await input.segmenter.segment(attackedImage);
    const outcome = extractPaperOutcome(attackedImage, mask, parameters, input.payloadText);
    const retrieved = readPaperQrModules(attackedImage, mask, embedded.qr.size, parameters);
    results.push({
      attack: attack.id,
      noise: attack.options.noise,
      attackPsnrDbRange: attacked.psnrDbRange,
      extracted: outcome.extracted,
      errorCode: outcome.errorCode,
      qrNcc: retrieved ? normalizedCrossCorrelation(embedded.qr.modules, retrieved) : null,
      qrBer: retrieved ? bitErrorRate(embedded.qr.modules, retrieved) : null,
      correctedSymbols: null,
    });
  }
  return results;
}
