import { readDicom, writeStegoDicom, generateUid, planDeidentification, type DeidentificationPlan } from '../dicom/index.ts';
import type { DicomSlice } from '../dicom/DicomSlice.ts';
import type { BodyMask, Segmenter } from '../segmentation/Segmenter.ts';
import { collectIdentityFields, serializePayload, type PayloadFields } from '../payload/index.ts';
import { embedPaper, extractPaper } from '../stego/index.ts';
import type { PaperParameters } from '../stego/index.ts';
import { integerPixelPsnrBound, meanSquaredError, psnrDb, psnrDbRange, valueRange } from '../metrics/index.ts';
import { MedstegoError, isMedstegoError } from '../errors/index.ts';
import type { MedstegoKeys } from '../crypto/index.ts';
import { MEDSTEGO_VERSION } from '../version.ts';
import { stopwatch } from './stopwatch.ts';
import { keyedProfileFor, openContainer, sealContainer } from './keyedContainer.ts';

/** `fidelity` (default): smallest distortion, keyed; `robust`: survives noise, keyed; `paper`: the published method. */
export type ProfileName = 'paper' | 'fidelity' | 'robust';
export const PROFILE_NAMES: readonly ProfileName[] = ['fidelity', 'robust', 'paper'];
export const DEFAULT_PROFILE: ProfileName = 'fidelity';

export interface EmbedDicomOptions {
  readonly segmenter: Segmenter;
  /** Default `fidelity`. */
  readonly profile?: ProfileName;
  /** Sub-keys (deriveKeys); required by the keyed profiles, derived once per process by the caller. */
  readonly keys?: MedstegoKeys;
  readonly paperParameters?: Partial<PaperParameters>;
  /** Hide these fields instead of the header's identity fields. */
  readonly payloadFields?: PayloadFields;
  /** A mask to use instead of running the segmenter (e.g. corrected by hand in the viewer). */
  readonly mask?: BodyMask;
  /**
   * Re-segment the stego image and extract before returning, as the receiver will; refuse with
   * EMBED_VERIFY_FAILED when that does not give the payload back. On by default: a stego file that
   * cannot be read back must never be written.
   */
  readonly verify?: boolean;
  /**
   * Series Instance UID for the stego file, given the cover's. Pass the same mapping for every
   * slice of a batch (see createSeriesUidMapper) so a stego series stays one series; by default
   * each call gets a fresh UID.
   */
  readonly stegoSeriesUid?: (coverSeriesUid: string) => string;
  /**
   * De-identify the stego header (PS3.15 Annex E Basic Profile, DESIGN §5): identity attributes
   * removed or replaced, every instance UID replaced by the keyed mapping under `keys.uidKey`
   * (consistent across a series, so `stegoSeriesUid` is not used), so the identity survives only in
   * the pixels, for key holders. Needs `keys`. Refused with the keyless `paper` profile when it
   * would hide the header identity, which anyone could then read back.
   */
  readonly deidentify?: boolean;
}

/** A mapping cover Series Instance UID → one new UID per cover series, remembered across calls. */
export function createSeriesUidMapper(): (coverSeriesUid: string) => string {
  const mapping = new Map<string, string>();
  return (coverSeriesUid) => {
    let uid = mapping.get(coverSeriesUid);
    if (uid === undefined) mapping.set(coverSeriesUid, (uid = generateUid()));
    return uid;
  };
}

/** Geometry and capacity facts of one embedded slice: the base of the embed report (EmbedReport). */
export interface SliceCapacity {
  readonly rows: number;
  readonly cols: number;
  readonly bitsStored: number;
  /** Fraction of pixels the mask calls insignificant. */
  readonly backgroundFraction: number;
  /** `paper`: 16 bits per usable block (wholly outside the body, without padding); keyed: the largest sealed container that fits, in bits. */
  readonly capacityBits: number;
  /** Net payload bits: QR modules for `paper` (the paper's sense), the sealed container for keyed profiles. */
  readonly payloadBits: number;
  /** Bits written: with the QR block padding (`paper`), or with header and error correction (keyed). */
  readonly embeddedBits: number;
}

/** The per-file report; its fields are the CLI's JSON schema for `embed` (docs/cli.md). */
export interface EmbedReport extends SliceCapacity {
  readonly profile: ProfileName;
  readonly segmenter: string;
  readonly psnrDb: number;
  readonly psnrDbRange: number;
  /** Integer-pixel PSNR bound (DESIGN §3) for `payloadBits` in this image, both conventions. */
  readonly psnrBoundDb: number;
  readonly psnrBoundDbRange: number;
  readonly mse: number;
  /** The payload (compact JSON) in bytes, before compression and encryption. */
  readonly payloadBytes: number;
  /** Sealed container bytes (compressed, encrypted, tag); 0 for `paper`. */
  readonly sealedBytes: number;
  /** Parameters the profile chose for this image (keyed profiles), e.g. Hamming p and RS parity. */
  readonly parameters: Readonly<Record<string, number | string>>;
  readonly sourceTransferSyntaxUid: string;
  readonly sourceWasLossy: boolean;
  readonly verified: boolean;
  readonly timingsMs: { readonly read: number; readonly segment: number; readonly embed: number; readonly verify: number; readonly write: number };
}

export interface EmbedDicomResult {
  /** The stego DICOM file (Explicit VR Little Endian). */
  readonly output: Uint8Array;
  readonly report: EmbedReport;
  readonly cover: DicomSlice;
  readonly coverMask: BodyMask;
  readonly stegoPixels: Int32Array;
  readonly payloadText: string;
}

/** Fraction of pixels the mask calls insignificant. */
export function backgroundFraction(mask: BodyMask): number {
  let background = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0) background++;
  return mask.length === 0 ? 0 : background / mask.length;
}

async function planStegoDeidentification(cover: DicomSlice, keyedProfile: boolean, options: EmbedDicomOptions): Promise<DeidentificationPlan> {
  if (!options.keys) throw new MedstegoError('KEY_MISSING', 'De-identification needs a key (--key-file F or MEDSTEGO_KEY): UIDs are replaced by a keyed mapping.');
  if (!keyedProfile && !options.payloadFields) {
    throw new MedstegoError('DEIDENTIFY_FAILED', 'The paper profile hides the identity without a key, so anyone could read it back from a de-identified file; use a keyed profile (fidelity, robust) or --payload-file.');
  }
  return planDeidentification(cover, options.keys.uidKey);
}

/** Read a cover DICOM, hide its identity (or the given fields), and return the stego file bytes. */
export async function embedDicom(bytes: Uint8Array, options: EmbedDicomOptions): Promise<EmbedDicomResult> {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const keyed = profile === 'paper' ? undefined : keyedProfileFor(profile);
  if (keyed && !options.keys) {
    throw new MedstegoError('KEY_MISSING', `The ${profile} profile needs a key (--key-file F or MEDSTEGO_KEY).`, { profile });
  }
  const timer = stopwatch();
  const cover = await readDicom(bytes);
  const deidentification = options.deidentify ? await planStegoDeidentification(cover, keyed !== undefined, options) : undefined;
  const read = timer.lap();

  const payloadText = serializePayload(options.payloadFields ?? collectIdentityFields((keyword) => cover.getString(keyword)));
  const coverMask = options.mask ?? (await options.segmenter.segment(cover.image));
  if (coverMask.length !== cover.image.rows * cover.image.cols) {
    throw new MedstegoError('SEGMENTATION_FAILED', `The mask has ${coverMask.length} pixels; the image has ${cover.image.rows * cover.image.cols}.`);
  }
  const segment = timer.lap();

  const { image } = cover;
  const payloadBytes = new TextEncoder().encode(payloadText);
  // The stego SOP Instance UID exists before embedding: the container is bound to it.
  const sopInstanceUid = generateUid();
  let stegoPixels: Int32Array;
  let capacityBits: number;
  let payloadBits: number;
  let embeddedBits: number;
  let sealedBytes = 0;
  let parameters: Readonly<Record<string, number | string>> = {};
  let verifyStego: (stegoImage: typeof image) => Promise<boolean>;
  if (keyed) {
    const keys = options.keys!;
    const sealed = await sealContainer(keyed, image, sopInstanceUid, payloadBytes, keys);
    const embedded = keyed.embed({ image, mask: coverMask, sealed, keys });
    ({ stegoPixels, capacityBits, embeddedBits, parameters } = embedded);
    sealedBytes = sealed.length;
    payloadBits = sealed.length * 8;
    verifyStego = async (stegoImage) => {
      const mask = keyed.extractNeedsMask === false ? coverMask : await options.segmenter.segment(stegoImage);
      const recovered = keyed.extract({ image: stegoImage, mask, keys });
      const opened = await openContainer(keyed, stegoImage, sopInstanceUid, recovered.sealed, keys);
      return new TextDecoder().decode(opened) === payloadText;
    };
  } else {
    const embedded = embedPaper({ image, mask: coverMask, payloadText, parameters: options.paperParameters });
    ({ stegoPixels, capacityBits, payloadBits, embeddedBits } = embedded);
    parameters = { alpha: embedded.parameters.alpha, beta: embedded.parameters.beta };
    verifyStego = async (stegoImage) => {
      const stegoMask = await options.segmenter.segment(stegoImage);
      return extractPaper(stegoImage, stegoMask, embedded.parameters).payloadText === payloadText;
    };
  }
  const embed = timer.lap();

  let verified = false;
  if (options.verify ?? true) {
    let recovered = false;
    try {
      recovered = await verifyStego({ ...image, pixels: stegoPixels });
    } catch (error) {
      if (!isMedstegoError(error)) throw error;
    }
    if (!recovered) {
      throw new MedstegoError(
        'EMBED_VERIFY_FAILED',
        'The stego image does not extract back to the payload (for `paper`: the mask recomputed on the stego image disagrees with the cover mask); nothing was written.',
        { profile },
      );
    }
    verified = true;
  }
  const verify = timer.lap();

  const output = writeStegoDicom(cover, stegoPixels, {
    derivationDescription: `medstego ${MEDSTEGO_VERSION} ${profile} profile: data hidden in insignificant region`,
    newSopInstanceUid: sopInstanceUid,
    ...(deidentification ? { deidentification } : options.stegoSeriesUid ? { newSeriesInstanceUid: options.stegoSeriesUid(cover.seriesInstanceUid) } : {}),
  });
  const write = timer.lap();

  const pixelCount = image.rows * image.cols;
  const { min, max } = valueRange(image.pixels);
  return {
    output,
    cover,
    coverMask,
    stegoPixels,
    payloadText,
    report: {
      profile,
      segmenter: options.mask ? 'provided' : options.segmenter.name,
      rows: image.rows,
      cols: image.cols,
      bitsStored: image.bitsStored,
      backgroundFraction: backgroundFraction(coverMask),
      capacityBits,
      payloadBits,
      embeddedBits,
      psnrDb: psnrDb(image.pixels, stegoPixels, image.bitsStored),
      psnrDbRange: psnrDbRange(image.pixels, stegoPixels),
      psnrBoundDb: integerPixelPsnrBound(payloadBits, pixelCount, 2 ** image.bitsStored - 1).psnrDb,
      psnrBoundDbRange: integerPixelPsnrBound(payloadBits, pixelCount, Math.max(1, max - min)).psnrDb,
      mse: meanSquaredError(image.pixels, stegoPixels),
      payloadBytes: payloadBytes.length,
      sealedBytes,
      parameters,
      sourceTransferSyntaxUid: cover.transferSyntaxUid,
      sourceWasLossy: cover.sourceWasLossy,
      verified,
      timingsMs: { read, segment, embed, verify, write },
    },
  };
}
