import { promises as fs } from 'node:fs';
import { embedDicom, createSeriesUidMapper, PROFILE_NAMES, type ProfileName } from '../../workflow/index.ts';
import { parsePayloadJson, type PayloadFields } from '../../payload/index.ts';
import { MedstegoError } from '../../errors/index.ts';
import { planJobs, readFileBytes, writeFileAtomic } from '../fileSystem.ts';
import { runBatch } from '../runBatch.ts';
import { createSegmenterByName } from '../segmenters.ts';
import { parseNumberOption, type CommandContext } from '../arguments.ts';
import { loadKeys } from '../loadKeys.ts';

export interface EmbedArguments {
  readonly input: string;
  readonly output: string;
  readonly profile: string;
  readonly segmenter: string;
  /** --model: the Mask R-CNN's .onnx file (default models/body-maskrcnn.onnx). */
  readonly model?: string;
  readonly alpha?: string;
  readonly beta?: string;
  readonly payloadFile?: string;
  /** --key-file: the key for the keyed profiles (else MEDSTEGO_KEY). */
  readonly keyFile?: string;
  readonly overwrite: boolean;
  readonly verify: boolean;
  /** --deidentify: PS3.15 Annex E Basic Profile on the stego header, UIDs by the keyed mapping (needs the key). */
  readonly deidentify?: boolean;
  readonly json: boolean;
}

export async function embedCommand(args: EmbedArguments, context: CommandContext): Promise<number> {
  if (!PROFILE_NAMES.includes(args.profile as ProfileName)) {
    throw new MedstegoError('USAGE', `Unknown profile "${args.profile}"; available: ${PROFILE_NAMES.join(', ')}.`);
  }
  const segmenter = createSegmenterByName(args.segmenter, args.model);
  const paperParameters = {
    ...(args.alpha !== undefined ? { alpha: parseNumberOption('--alpha', args.alpha) } : {}),
    ...(args.beta !== undefined ? { beta: parseNumberOption('--beta', args.beta) } : {}),
  };
  let payloadFields: PayloadFields | undefined;
  if (args.payloadFile !== undefined) {
    let text: string;
    try {
      text = await fs.readFile(args.payloadFile, 'utf8');
    } catch {
      throw new MedstegoError('INPUT_NOT_FOUND', `Cannot read payload file ${args.payloadFile}.`);
    }
    payloadFields = parsePayloadJson(text);
  }
  const keys = await loadKeys(args.keyFile, context.env ?? process.env);
  if (!keys && args.profile !== 'paper') {
    throw new MedstegoError('KEY_MISSING', `The ${args.profile} profile needs a key: --key-file F or the MEDSTEGO_KEY environment variable (never a command-line argument).`);
  }
  const { jobs, skipped } = await planJobs(args.input, args.output);
  // One new Series Instance UID per cover series for the whole run, so a stego series stays one series.
  const stegoSeriesUid = createSeriesUidMapper();
  return runBatch(
    jobs,
    async (job) => {
      const result = await embedDicom(await readFileBytes(job.input), {
        segmenter,
        profile: args.profile as ProfileName,
        paperParameters,
        payloadFields,
        keys,
        verify: args.verify,
        stegoSeriesUid,
        deidentify: args.deidentify ?? false,
      });
      const writeStart = performance.now();
      await writeFileAtomic(job.output!, result.output, { overwrite: args.overwrite });
      const { report } = result;
      const timingsMs = { segment: report.timingsMs.segment, embed: report.timingsMs.embed, verify: report.timingsMs.verify, write: round(report.timingsMs.write + performance.now() - writeStart), read: report.timingsMs.read };
      return {
        record: {
          output: job.output,
          profile: report.profile,
          segmenter: report.segmenter,
          rows: report.rows,
          cols: report.cols,
          bitsStored: report.bitsStored,
          backgroundFraction: round(report.backgroundFraction, 4),
          capacityBits: report.capacityBits,
          payloadBits: report.payloadBits,
          embeddedBits: report.embeddedBits,
          payloadBytes: report.payloadBytes,
          sealedBytes: report.sealedBytes,
          psnrDb: round(report.psnrDb, 2),
          psnrDbRange: round(report.psnrDbRange, 2),
          psnrBoundDb: round(report.psnrBoundDb, 2),
          psnrBoundDbRange: round(report.psnrBoundDbRange, 2),
          parameters: report.parameters,
          mse: round(report.mse, 6),
          verified: report.verified,
          ...(args.deidentify ? { deidentified: true } : {}),
          sourceWasLossy: report.sourceWasLossy,
          timingsMs,
        },
        human:
          `${job.relative} -> ${job.output}: ${report.payloadBits} payload bits in ${report.capacityBits} capacity bits, ` +
          `PSNR ${report.psnrDb.toFixed(2)} dB (range ${report.psnrDbRange.toFixed(2)} dB; bound ${report.psnrBoundDb.toFixed(2)} / ${report.psnrBoundDbRange.toFixed(2)} dB)` +
          (report.sourceWasLossy ? ' [source was lossy; written losslessly]' : ''),
      };
    },
    { json: args.json, label: 'embed', skipped, ...context },
  );
}

function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
