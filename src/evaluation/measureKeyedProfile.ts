import type { PixelImage } from '../image/PixelImage.ts';
import type { BodyMask, Segmenter } from '../segmentation/Segmenter.ts';
import type { KeyedEmbedResult, KeyedProfile } from '../stego/index.ts';
import type { MedstegoKeys } from '../crypto/index.ts';
import { applyNoiseAttack, deriveSeed } from '../attacks/index.ts';
import { normalizedCrossCorrelation } from '../metrics/index.ts';
import { isMedstegoError } from '../errors/index.ts';
import { openContainer, sealContainer } from '../workflow/keyedContainer.ts';
import type { AttackMeasurement, ProfileMeasurement } from './SliceEvaluation.ts';
import { distortion, elapsed, failedMeasurement } from './measurementParts.ts';
import { EVALUATION_ATTACK_SEED, TABLE6_ATTACKS } from './table6Attacks.ts';

export interface KeyedSliceInput {
  readonly file: string;
  readonly image: PixelImage;
  readonly coverMask: BodyMask;
  /** The user's payload, sealed (compressed, encrypted, authenticated) here as `embed` does. */
  readonly payload: Uint8Array;
  readonly segmenter: Segmenter;
  readonly keys: MedstegoKeys;
  /** The container is bound to the stego SOP Instance UID. */
  readonly sopInstanceUid: string;
  readonly attacks: boolean;
}

interface Recovery {
  readonly extracted: boolean;
  readonly errorCode: string | null;
  readonly correctedSymbols: number | null;
}

/**
 * A keyed profile at its defaults, driven like the workflow drives it (seal, embed; then extract
 * with the decoder's own mask and open with the key), on the image level so that attacks can be
 * applied to the stego pixels in between. Success means the authenticated payload came back.
 */
export async function measureKeyedProfile(profile: KeyedProfile, input: KeyedSliceInput): Promise<ProfileMeasurement> {
  const { image, coverMask, keys, sopInstanceUid } = input;
  const base = { profile: profile.name, beta: null, capacityBits: profile.capacityBytes(image, coverMask) * 8, userPayloadBytes: input.payload.length };
  const embedStart = performance.now();
  const sealed = await sealContainer(profile, image, sopInstanceUid, input.payload, keys);
  let embedded: KeyedEmbedResult;
  try {
    embedded = profile.embed({ image, mask: coverMask, sealed, keys });
  } catch (error) {
    if (!isMedstegoError(error)) throw error;
    return failedMeasurement(base, error.code, sealed.length * 8);
  }
  const embedMs = elapsed(embedStart);
  const stegoImage = { ...image, pixels: embedded.stegoPixels };
  const stegoMask = await input.segmenter.segment(stegoImage);
  const extractStart = performance.now();
  const recovery = await recover(profile, input, stegoImage, stegoMask);
  const extractMs = elapsed(extractStart);
  const attacks: AttackMeasurement[] = [];
  if (input.attacks) {
    for (const attack of TABLE6_ATTACKS) {
      const attacked = applyNoiseAttack(stegoImage, { ...attack.options, seed: deriveSeed(EVALUATION_ATTACK_SEED, `${input.file}|${profile.name}|${attack.id}`) });
      const attackedImage = { ...stegoImage, pixels: attacked.pixels };
      const mask = profile.extractNeedsMask === false ? stegoMask : await input.segmenter.segment(attackedImage);
      const outcome = await recover(profile, input, attackedImage, mask);
      attacks.push({ attack: attack.id, noise: attack.options.noise, attackPsnrDbRange: attacked.psnrDbRange, qrNcc: null, qrBer: null, ...outcome });
    }
  }
  const payloadBits = sealed.length * 8;
  return {
    ...base,
    payloadBits,
    embeddedBits: embedded.embeddedBits,
    ...distortion(image, embedded.stegoPixels, payloadBits),
    maskNcc: normalizedCrossCorrelation(coverMask, stegoMask),
    ...recovery,
    embedMs,
    extractMs,
    attacks,
  };
}

/** Extract with the decoder's mask (ignored by profiles that need none) and open with the key. */
async function recover(profile: KeyedProfile, input: KeyedSliceInput, image: PixelImage, mask: BodyMask): Promise<Recovery> {
  try {
    const recovered = profile.extract({ image, mask, keys: input.keys });
    const opened = await openContainer(profile, image, input.sopInstanceUid, recovered.sealed, input.keys);
    const extracted = sameBytes(opened, input.payload);
    return { extracted, errorCode: extracted ? null : 'EXTRACT_MISMATCH', correctedSymbols: recovered.correctedSymbols + recovered.erasedSymbols };
  } catch (error) {
    if (!isMedstegoError(error)) throw error;
    return { extracted: false, errorCode: error.code, correctedSymbols: null };
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
