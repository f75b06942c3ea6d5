import { extractDicom, PROFILE_NAMES, type ProfileName } from '../../workflow/index.ts';
import { MedstegoError } from '../../errors/index.ts';
import { loadKeys } from '../loadKeys.ts';
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
  /** --model: the Mask R-CNN's .onnx file (default models/body-maskrcnn.onnx). */
  readonly model?: string;
  /** --profile: which profile wrote the files; by default found from each file. */
  readonly profile?: string;
  /** --key-file: the key for the keyed profiles (else MEDSTEGO_KEY). */
  readonly keyFile?: string;
  readonly alpha?: string;
  readonly beta?: string;
  readonly overwrite: boolean;
  readonly json: boolean;
}

export async function extractCommand(args: ExtractArguments, context: CommandContext): Promise<number> {
  const segmenter = createSegmenterByName(args.segmenter, args.model);
  const paperParameters = {
    ...(args.alpha !== undefined ? { alpha: parseNumberOption('--alpha', args.alpha) } : {}),
    ...(args.beta !== undefined ? { beta: parseNumberOption('--beta', args.beta) } : {}),
  };
  if (args.profile !== undefined && !PROFILE_NAMES.includes(args.profile as ProfileName)) {
    throw new MedstegoError('USAGE', `Unknown profile "${args.profile}"; available: ${PROFILE_NAMES.join(', ')}.`);
  }
  const keys = await loadKeys(args.keyFile, context.env ?? process.env);
  const profile = args.profile as ProfileName | undefined;
  const { jobs, skipped } = await planJobs(args.input, args.qrOut, { outputExtension: '.png' });
  return runBatch(
    jobs,
    async (job) => {
      const result = await extractDicom(await readFileBytes(job.input), { segmenter, paperParameters, keys, ...(profile ? { profile } : {}) });
      if (job.output && result.qrModules && result.qrSize) {
        const qr = renderQrGray(result.qrModules, result.qrSize, { scale: 8, quietZone: 4 });
        await writeFileAtomic(job.output, encodeGrayPng(qr.width, qr.height, qr.data), { overwrite: args.overwrite });
      }
      return {
        record: {
          profile: result.profile,
          payload: result.payload,
          payloadBytes: result.payloadBytes,
          sealedBytes: result.sealedBytes,
          ...(result.integrity ? { integrity: result.integrity } : {}),
          ...(result.qrText !== undefined ? { qrText: result.qrText } : {}),
          ...(job.output && result.qrModules ? { qrOut: job.output } : {}),
          timingsMs: result.timingsMs,
        },
        human:
          `${job.relative} (${result.profile}${result.integrity ? `, ${describeIntegrity(result.integrity)}` : ''}):\n` +
          Object.entries(result.payload).map(([key, value]) => `  ${key}: ${value}`).join('\n'),
      };
    },
    { json: args.json, label: 'extract', skipped, ...context },
  );
}

function describeIntegrity(integrity: { correctedSymbols: number; erasedSymbols: number; intact: boolean }): string {
  if (integrity.intact) return 'authenticated, intact';
  return `authenticated after repairing ${integrity.correctedSymbols} symbol(s): the image changed since embedding`;
}
