import { readDicom } from '../dicom/index.ts';
import type { Segmenter } from '../segmentation/Segmenter.ts';
import { deserializePayload, type PayloadFields } from '../payload/index.ts';
import { extractPaper, type PaperParameters } from '../stego/index.ts';
import { stopwatch } from './stopwatch.ts';

export interface ExtractDicomOptions {
  readonly segmenter: Segmenter;
  readonly paperParameters?: Partial<PaperParameters>;
}

export interface ExtractDicomResult {
  readonly payload: PayloadFields;
  readonly qrText: string;
  readonly qrModules: Uint8Array;
  readonly qrSize: number;
  readonly timingsMs: { readonly read: number; readonly segment: number; readonly extract: number };
}

/** Recompute the mask on the stego image, invert the embedding and decode the QR (paper, Algorithm 2). */
export async function extractDicom(bytes: Uint8Array, options: ExtractDicomOptions): Promise<ExtractDicomResult> {
  const timer = stopwatch();
  const stego = await readDicom(bytes);
  const read = timer.lap();
  const mask = await options.segmenter.segment(stego.image);
  const segment = timer.lap();
  const result = extractPaper(stego.image, mask, options.paperParameters);
  const extract = timer.lap();
  return {
    payload: deserializePayload(result.payloadText),
    qrText: result.payloadText,
    qrModules: result.qrModules,
    qrSize: result.qrSize,
    timingsMs: { read, segment, extract },
  };
}
