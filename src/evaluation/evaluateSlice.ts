import type { DicomSlice } from '../dicom/DicomSlice.ts';
import type { PixelImage } from '../image/PixelImage.ts';
import type { Segmenter } from '../segmentation/Segmenter.ts';
import { collectIdentityFields, serializePayload } from '../payload/index.ts';
import { sha256, type MedstegoKeys } from '../crypto/index.ts';
import { backgroundFraction, keyedProfileFor } from '../workflow/index.ts';
import type { EvaluationProfile, ProfileMeasurement, SliceEvaluation } from './SliceEvaluation.ts';
import { EVALUATION_PROFILES } from './SliceEvaluation.ts';
import { measurePaperProfile, PAPER_BETAS } from './measurePaperProfile.ts';
import { measureKeyedProfile } from './measureKeyedProfile.ts';
import { evaluationKeys, evaluationSopInstanceUid } from './evaluationKeys.ts';

export interface EvaluateSliceOptions {
  /** Default: all three. */
  readonly profiles?: readonly EvaluationProfile[];
  /** β values for `paper` (default: the paper's Table 4). */
  readonly betas?: readonly number[];
  /** Run Table 6's attacks (default true). */
  readonly attacks?: boolean;
  /** Keys for the keyed profiles; default the public evaluation key (evaluationKeys). */
  readonly keys?: MedstegoKeys;
}

/**
 * User payload of the `robust` profile in the evaluation: the targets are stated in user
 * bytes (≥ 64 on 512×512 CT, ≥ 16 on 256×256 MR: a record reference, not the identity), so the
 * evaluation hides that many bytes, derived from the slice's identity and incompressible, as the
 * worst case for the container.
 */
export function robustPayloadBytes(image: PixelImage): number {
  return image.rows * image.cols >= 512 * 512 ? 64 : 16;
}

async function robustReferencePayload(identityText: string, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let digest = await sha256(new TextEncoder().encode(identityText));
  for (let offset = 0; offset < length; offset += digest.length) {
    bytes.set(digest.subarray(0, Math.min(digest.length, length - offset)), offset);
    digest = await sha256(digest);
  }
  return bytes;
}

/**
 * Measure one slice as the paper did (Tables 3–7) for every requested profile: `paper` at each β,
 * `fidelity` and `robust` at their defaults. The cover mask comes from `segmenter`; every receiver
 * recomputes its own mask on the image it gets (stego, or attacked stego). `paper` and `fidelity`
 * hide the slice's identity fields; `robust` a reference of its target size (robustPayloadBytes).
 */
export async function evaluateSlice(file: string, slice: DicomSlice, segmenter: Segmenter, options: EvaluateSliceOptions = {}): Promise<SliceEvaluation> {
  const { image } = slice;
  const profiles = options.profiles ?? EVALUATION_PROFILES;
  const attacks = options.attacks ?? true;
  const coverMask = await segmenter.segment(image);
  const payloadText = serializePayload(collectIdentityFields((keyword) => slice.getString(keyword)));
  const measurements: ProfileMeasurement[] = [];
  for (const profile of profiles) {
    if (profile === 'paper') {
      measurements.push(...(await measurePaperProfile({ file, image, coverMask, payloadText, segmenter, betas: options.betas ?? PAPER_BETAS, attacks })));
      continue;
    }
    const payload = profile === 'robust' ? await robustReferencePayload(payloadText, robustPayloadBytes(image)) : new TextEncoder().encode(payloadText);
    measurements.push(
      await measureKeyedProfile(keyedProfileFor(profile), {
        file,
        image,
        coverMask,
        payload,
        segmenter,
        keys: options.keys ?? (await evaluationKeys()),
        sopInstanceUid: await evaluationSopInstanceUid(file),
        attacks,
      }),
    );
  }
  return {
    file,
    modality: image.modality || 'OT',
    rows: image.rows,
    cols: image.cols,
    bitsStored: image.bitsStored,
    backgroundFraction: backgroundFraction(coverMask),
    measurements,
  };
}
