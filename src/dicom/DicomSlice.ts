import type { PixelImage } from '../image/PixelImage.ts';
import type { DeidentificationPlan } from './planDeidentification.ts';

/**
 * A DICOM file as medstego sees it: one decoded grayscale frame plus what is needed to write a
 * derived (stego) file that keeps every other attribute. Produced by `readDicom`, consumed by
 * `writeStegoDicom`.
 */
export interface DicomSlice {
  readonly image: PixelImage;
  readonly transferSyntaxUid: string;
  /** True when the source transfer syntax is lossy (JPEG baseline/extended, JPEG-LS near-lossless, JPEG 2000 irreversible). */
  readonly sourceWasLossy: boolean;
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly numberOfFrames: number;
  /** Bits Allocated (0028,0100) of the source: 8 or 16. The writer keeps it. */
  readonly bitsAllocated: number;
  /** Header values by DICOM keyword (strings, person names as DICOM PN text), for the payload. */
  getString(keyword: string): string | undefined;
  /** The original file bytes (kept so the writer can re-read the full data set losslessly). */
  readonly sourceBytes: Uint8Array;
}

export interface WriteStegoOptions {
  /** Short text for Derivation Description (0008,2111), e.g. 'medstego 0.1.0 paper profile'. */
  readonly derivationDescription: string;
  /** UID root for new UIDs; default is the 2.25 UUID-derived form (PS3.5 B.2). */
  readonly newSopInstanceUid?: string;
  readonly newSeriesInstanceUid?: string;
  /**
   * Apply the PS3.15 Annex E Basic Profile to the header with this plan (planDeidentification).
   * The Series Instance UID then defaults to the plan's keyed one; the SOP Instance UID stays a
   * fresh UID unless given (pass plan.sopInstanceUid for a deterministic one).
   */
  readonly deidentification?: DeidentificationPlan;
}
