/** The figures the panel shows after Embed, from the core's embed report. */
import type { EmbedReport } from '../../../src/workflow/index.ts';

export interface EmbedSummary {
  readonly profile: string;
  readonly segmenter: string;
  /** Bits the free region could carry with this profile. */
  readonly capacityBits: number;
  /** Bits of payload hidden (QR modules for `paper`, sealed container for keyed profiles). */
  readonly payloadBits: number;
  /** Characters of payload text hidden. */
  readonly payloadChars: number;
  readonly psnrDb: number;
  /** Time of embedDicom in the browser (read, embed, self-check, write), milliseconds. */
  readonly browserMs: number;
  readonly verified: boolean;
}

export function summarizeEmbed(report: EmbedReport, payloadChars: number, browserMs: number): EmbedSummary {
  return {
    profile: report.profile,
    segmenter: report.segmenter,
    capacityBits: report.capacityBits,
    payloadBits: report.payloadBits,
    payloadChars,
    psnrDb: report.psnrDb,
    browserMs,
    verified: report.verified,
  };
}

/** Rows of label → value text for the results table. */
export function embedSummaryRows(summary: EmbedSummary): Array<[string, string]> {
  return [
    ['Profile', summary.profile],
    ['Mask', summary.segmenter === 'provided' ? 'as shown (labelmap)' : summary.segmenter],
    ['Capacity', `${summary.capacityBits.toLocaleString('en')} bits`],
    ['Payload', `${summary.payloadBits.toLocaleString('en')} bits (${summary.payloadChars} characters)`],
    ['Usage', `${((100 * summary.payloadBits) / Math.max(1, summary.capacityBits)).toFixed(1)} %`],
    ['PSNR', `${summary.psnrDb.toFixed(1)} dB`],
    ['Embed time', `${Math.round(summary.browserMs)} ms`],
    ['Self-check', summary.verified ? 'extracted back' : 'not run'],
  ];
}
