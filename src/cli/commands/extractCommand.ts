import { extractDicom } from '../../workflow/index.ts';
import { renderQrGray } from '../../qr/index.ts';
import { encodeGrayPng } from '../../png/index.ts';
import { planJobs, readFileBytes, writeFileAtomic } from '../fileSystem.ts';
import { runBatch } from '../runBatch.ts';
import { createSegmenterByName } from '../segmenters.ts';
import { parseNumberOption, type CommandContext } from '../arguments.ts';

export interface ExtractArguments {
  readonly input: string;
  readonly qrOut?: string;
  readonly segmenter: string;
  readonly alpha?: string;
  readonly beta?: string;
  readonly overwrite: boolean;
  readonly json: boolean;
}

export async function extractCommand(args: ExtractArguments, context: CommandContext): Promise<number> {
  const segmenter = createSegmenterByName(args.segmenter);
  const paperParameters = {
    ...(args.alpha !== undefined ? { alpha: parseNumberOption('--alpha', args.alpha) } : {}),
    ...(args.beta !== undefined ? { beta: parseNumberOption('--beta', args.beta) } : {}),
  };
  const { jobs, skipped } = await planJobs(args.input, args.qrOut, { outputExtension: '.png' });
  return runBatch(
    jobs,
    async (job) => {
      const result = await extractDicom(await readFileBytes(job.input), { segmenter, paperParameters });
      if (job.output) {
        const qr = renderQrGray(result.qrModules, result.qrSize, { scale: 8, quietZone: 4 });
        await writeFileAtomic(job.output, encodeGrayPng(qr.width, qr.height, qr.data), { overwrite: args.overwrite });
      }
      return {
        record: { payload: result.payload, qrText: result.qrText, ...(job.output ? { qrOut: job.output } : {}), timingsMs: result.timingsMs },
        human: `${job.relative}:\n${Object.entries(result.payload).map(([key, value]) => `  ${key}: ${value}`).join('\n')}`,
      };
    },
    { json: args.json, label: 'extract', skipped, ...context },
  );
}
