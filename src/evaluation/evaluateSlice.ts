import type { DicomSlice } from '../dicom/DicomSlice.ts';
import type { Segmenter } from '../segmentation/Segmenter.ts';
import { collectIdentityFields, serializePayload } from '../payload/index.ts';
import { embedPaper, extractPaper, paperCapacityBits, DEFAULT_PAPER_PARAMETERS } from '../stego/index.ts';
import { meanSquaredError, psnrDb, psnrDbRange, normalizedCrossCorrelation } from '../metrics/index.ts';
import { isMedstegoError } from '../errors/index.ts';
import { backgroundFraction, type SliceCapacity } from '../workflow/index.ts';

/** β values of the paper's Table 4. */
export const PAPER_BETAS: readonly number[] = [10, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];

/** One slice at one β: the numbers the paper's Tables 3, 4, 5 and 7 are made of. */
export interface BetaMeasurement {
  readonly beta: number;
  /** null when the embedding was refused (the error code says why). */
  readonly psnrDb: number | null;
  readonly psnrDbRange: number | null;
  readonly mse: number | null;
  /** NCC of the cover mask and the mask recomputed on the stego image (paper Table 3). */
  readonly maskNcc: number | null;
  /** Extraction from the stego image with its own mask returned the exact payload. */
  readonly extracted: boolean;
  readonly errorCode: string | null;
}

export interface SliceEvaluation extends SliceCapacity {
  readonly file: string;
  readonly modality: string;
  readonly measurements: readonly BetaMeasurement[];
}

/** Embed the slice's identity at every β with the paper profile and measure it as the paper did. */
export async function evaluateSlice(file: string, slice: DicomSlice, segmenter: Segmenter, betas: readonly number[] = PAPER_BETAS): Promise<SliceEvaluation> {
  const { image } = slice;
  const coverMask = await segmenter.segment(image);
  const payloadText = serializePayload(collectIdentityFields((keyword) => slice.getString(keyword)));
  const capacityBits = paperCapacityBits(image, coverMask);
  let payloadBits = 0;
  let embeddedBits = 0;
  const measurements: BetaMeasurement[] = [];
  for (const beta of betas) {
    const parameters = { ...DEFAULT_PAPER_PARAMETERS, beta };
    try {
      const embedded = embedPaper({ image, mask: coverMask, payloadText, parameters });
      payloadBits = embedded.payloadBits;
      embeddedBits = embedded.embeddedBits;
      const stegoImage = { ...image, pixels: embedded.stegoPixels };
      const stegoMask = await segmenter.segment(stegoImage);
      const maskNcc = normalizedCrossCorrelation(coverMask, stegoMask);
      let extracted = false;
      try {
        extracted = extractPaper(stegoImage, stegoMask, parameters).payloadText === payloadText;
      } catch (error) {
        if (!isMedstegoError(error)) throw error;
      }
      measurements.push({
        beta,
        psnrDb: psnrDb(image.pixels, embedded.stegoPixels, image.bitsStored),
        psnrDbRange: psnrDbRange(image.pixels, embedded.stegoPixels),
        mse: meanSquaredError(image.pixels, embedded.stegoPixels),
        maskNcc,
        extracted,
        // Why a round trip failed: the mask recomputed on the stego image moved (the paper's weak
        // point: its k-th-block layout then shifts), or the bits themselves did not come back.
        errorCode: extracted ? null : maskNcc < 1 ? 'STEGO_MASK_DIFFERS' : 'EXTRACT_MISMATCH',
      });
    } catch (error) {
      if (!isMedstegoError(error)) throw error;
      measurements.push({ beta, psnrDb: null, psnrDbRange: null, mse: null, maskNcc: null, extracted: false, errorCode: error.code });
    }
  }
  return {
    file,
    modality: image.modality || 'OT',
    rows: image.rows,
    cols: image.cols,
    bitsStored: image.bitsStored,
    backgroundFraction: backgroundFraction(coverMask),
    capacityBits,
    payloadBits,
    embeddedBits,
    measurements,
  };
}
