import { readDicom, writeStegoDicom, generateUid } from '../dicom/index.ts';
import type { DicomSlice } from '../dicom/DicomSlice.ts';
import type { BodyMask, Segmenter } from '../segmentation/Segmenter.ts';
import { collectIdentityFields, serializePayload, type PayloadFields } from '../payload/index.ts';
import { embedPaper, extractPaper } from '../stego/index.ts';
import type { PaperParameters } from '../stego/index.ts';
import { meanSquaredError, psnrDb, psnrDbRange } from '../metrics/index.ts';
import { MedstegoError, isMedstegoError } from '../errors/index.ts';
import { MEDSTEGO_VERSION } from '../version.ts';
import { stopwatch } from './stopwatch.ts';

export type ProfileName = 'paper';
export const PROFILE_NAMES: readonly ProfileName[] = ['paper'];

export interface EmbedDicomOptions {
  readonly segmenter: Segmenter;
  readonly profile?: ProfileName;
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

/** Geometry and capacity facts of one embedded slice, shared by the embed report and the evaluation. */
export interface SliceCapacity {
  readonly rows: number;
  readonly cols: number;
  readonly bitsStored: number;
  /** Fraction of pixels the mask calls insignificant. */
  readonly backgroundFraction: number;
  /** Bits the usable blocks can carry (16 per block wholly outside the body, without padding). */
  readonly capacityBits: number;
  /** QR modules hidden (the payload in the paper's sense). */
  readonly payloadBits: number;
  /** Bits written, including the padding of the last QR block row and column. */
  readonly embeddedBits: number;
}

/** The per-file report; its fields are the CLI's JSON schema for `embed` (docs/cli.md). */
export interface EmbedReport extends SliceCapacity {
  readonly profile: ProfileName;
  readonly segmenter: string;
  readonly psnrDb: number;
  readonly psnrDbRange: number;
  readonly mse: number;
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

/** Read a cover DICOM, hide its identity (or the given fields), and return the stego file bytes. */
export async function embedDicom(bytes: Uint8Array, options: EmbedDicomOptions): Promise<EmbedDicomResult> {
  const profile = options.profile ?? 'paper';
  const timer = stopwatch();
  const cover = await readDicom(bytes);
  const read = timer.lap();

  const payloadText = serializePayload(options.payloadFields ?? collectIdentityFields((keyword) => cover.getString(keyword)));
  const coverMask = options.mask ?? (await options.segmenter.segment(cover.image));
  if (coverMask.length !== cover.image.rows * cover.image.cols) {
    throw new MedstegoError('SEGMENTATION_FAILED', `The mask has ${coverMask.length} pixels; the image has ${cover.image.rows * cover.image.cols}.`);
  }
  const segment = timer.lap();

  const embedded = embedPaper({ image: cover.image, mask: coverMask, payloadText, parameters: options.paperParameters });
  const embed = timer.lap();

  const stegoImage = { ...cover.image, pixels: embedded.stegoPixels };
  let verified = false;
  if (options.verify ?? true) {
    const stegoMask = await options.segmenter.segment(stegoImage);
    let recovered: string | undefined;
    try {
      recovered = extractPaper(stegoImage, stegoMask, embedded.parameters).payloadText;
    } catch (error) {
      if (!isMedstegoError(error)) throw error;
    }
    if (recovered !== payloadText) {
      throw new MedstegoError(
        'EMBED_VERIFY_FAILED',
        'The stego image does not extract back to the payload (the mask recomputed on the stego image disagrees with the cover mask); nothing was written.',
        { profile },
      );
    }
    verified = true;
  }
  const verify = timer.lap();

  const output = writeStegoDicom(cover, embedded.stegoPixels, {
    derivationDescription: `medstego ${MEDSTEGO_VERSION} ${profile} profile: data hidden in insignificant region`,
    ...(options.stegoSeriesUid ? { newSeriesInstanceUid: options.stegoSeriesUid(cover.seriesInstanceUid) } : {}),
  });
  const write = timer.lap();

  const { image } = cover;
  return {
    output,
    cover,
    coverMask,
    stegoPixels: embedded.stegoPixels,
    payloadText,
    report: {
      profile,
      segmenter: options.mask ? 'provided' : options.segmenter.name,
      rows: image.rows,
      cols: image.cols,
      bitsStored: image.bitsStored,
      backgroundFraction: backgroundFraction(coverMask),
      capacityBits: embedded.capacityBits,
      payloadBits: embedded.payloadBits,
      embeddedBits: embedded.embeddedBits,
      psnrDb: psnrDb(image.pixels, embedded.stegoPixels, image.bitsStored),
      psnrDbRange: psnrDbRange(image.pixels, embedded.stegoPixels),
      mse: meanSquaredError(image.pixels, embedded.stegoPixels),
      sourceTransferSyntaxUid: cover.transferSyntaxUid,
      sourceWasLossy: cover.sourceWasLossy,
      verified,
      timingsMs: { read, segment, embed, verify, write },
    },
  };
}
