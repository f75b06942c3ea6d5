import { readDicom } from '../../dicom/index.ts';
import { encodeGrayPng } from '../../png/index.ts';
import { backgroundFraction } from '../../workflow/index.ts';
import { planJobs, readFileBytes, writeFileAtomic } from '../fileSystem.ts';
import { runBatch } from '../runBatch.ts';
import { createSegmenterByName } from '../segmenters.ts';
import type { CommandContext } from '../arguments.ts';

export interface SegmentArguments {
  readonly input: string;
  readonly maskOut: string;
  readonly segmenter: string;
  /** --model: the Mask R-CNN's .onnx file (default models/body-maskrcnn.onnx). */
  readonly model?: string;
  readonly overwrite: boolean;
  readonly json: boolean;
}

/** Mask as an 8-bit PNG the size of the image: 255 = significant (body), 0 = insignificant. */
export function maskToPng(mask: Uint8Array, rows: number, cols: number): Uint8Array {
  const gray = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) gray[i] = mask[i] ? 255 : 0;
  return encodeGrayPng(cols, rows, gray);
}

export async function segmentCommand(args: SegmentArguments, context: CommandContext): Promise<number> {
  const segmenter = createSegmenterByName(args.segmenter, args.model);
  const { jobs, skipped } = await planJobs(args.input, args.maskOut, { outputExtension: '.png' });
  return runBatch(
    jobs,
    async (job) => {
      const slice = await readDicom(await readFileBytes(job.input));
      const start = performance.now();
      const mask = await segmenter.segment(slice.image);
      const segment = Math.round((performance.now() - start) * 100) / 100;
      await writeFileAtomic(job.output!, maskToPng(mask, slice.image.rows, slice.image.cols), { overwrite: args.overwrite });
      const fraction = backgroundFraction(mask);
      return {
        record: { maskOut: job.output, segmenter: segmenter.name, rows: slice.image.rows, cols: slice.image.cols, backgroundFraction: Math.round(fraction * 10000) / 10000, timingsMs: { segment } },
        human: `${job.relative} -> ${job.output}: ${(fraction * 100).toFixed(1)}% insignificant`,
      };
    },
    { json: args.json, label: 'segment', skipped, ...context },
  );
}
