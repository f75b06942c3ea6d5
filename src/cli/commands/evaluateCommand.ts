import path from 'node:path';
import { readDicom } from '../../dicom/index.ts';
import {
  EVALUATION_PROFILES,
  evaluateSlice,
  evaluationKeys,
  renderCsv,
  renderMarkdown,
  renderMaskNccPlotSvg,
  renderPsnrPlotSvg,
  type EvaluationProfile,
  type SliceEvaluation,
} from '../../evaluation/index.ts';
import { keyedProfileFor } from '../../workflow/index.ts';
import { MedstegoError, isMedstegoError } from '../../errors/index.ts';
import { planJobs, readFileBytes, writeFileAtomic } from '../fileSystem.ts';
import { ProgressBar } from '../progress.ts';
import { createSegmenterByName } from '../segmenters.ts';
import type { CommandContext } from '../arguments.ts';

export interface EvaluateArguments {
  readonly input: string;
  readonly outDir: string;
  readonly segmenter: string;
  /** --model: the Mask R-CNN's .onnx file (default models/body-maskrcnn.onnx). */
  readonly model?: string;
  readonly limit?: number;
  /** --stride N: every N-th slice of the sorted file list (default 1: all). */
  readonly stride?: number;
  /** --profiles a,b: comma-separated (default paper,fidelity,robust). */
  readonly profiles?: string;
  /** --betas a,b: the `paper` profile's β values (default the paper's Table 4: 10, 100, …, 1000). */
  readonly betas?: string;
}

function parseBetas(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const values = text.split(',').map((value) => Number(value.trim()));
  if (values.length === 0 || values.some((value) => !(Number.isInteger(value) && value > 0))) {
    throw new MedstegoError('USAGE', `--betas takes a comma-separated list of positive integers; got "${text}".`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

function parseProfiles(text: string | undefined): EvaluationProfile[] {
  if (text === undefined) return [...EVALUATION_PROFILES];
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(EVALUATION_PROFILES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length) {
    throw new MedstegoError('USAGE', `--profiles takes a comma-separated list of ${EVALUATION_PROFILES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`);
  }
  const chosen = new Set(names);
  return EVALUATION_PROFILES.filter((profile) => chosen.has(profile));
}

function requirePositiveInteger(value: number | undefined, flag: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) throw new MedstegoError('USAGE', `${flag} must be a positive integer.`);
}

/**
 * The paper's Tables 3–7 on a folder of slices, `paper`, `fidelity` and `robust` side by side:
 * evaluation.md, evaluation.csv, psnr-vs-beta.svg and mask-ncc.svg in --out.
 */
export async function evaluateCommand(args: EvaluateArguments, context: CommandContext): Promise<number> {
  const err = context.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const out = context.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  requirePositiveInteger(args.limit, '--limit');
  requirePositiveInteger(args.stride, '--stride');
  const profiles = parseProfiles(args.profiles);
  const betas = parseBetas(args.betas);
  // Unavailable profiles and a missing model fail here, before any slice is read.
  for (const profile of profiles) if (profile !== 'paper') keyedProfileFor(profile);
  const segmenter = createSegmenterByName(args.segmenter, args.model);
  const keys = profiles.some((profile) => profile !== 'paper') ? await evaluationKeys() : undefined;
  const { jobs } = await planJobs(args.input, undefined);
  const strided = jobs.filter((_, index) => index % (args.stride ?? 1) === 0);
  const selected = args.limit ? strided.slice(0, args.limit) : strided;
  if (selected.length === 0) throw new MedstegoError('INPUT_NOT_FOUND', `No DICOM files in ${args.input}.`);
  const progress = new ProgressBar(selected.length, 'evaluate');
  const slices: SliceEvaluation[] = [];
  const skipped: string[] = [];
  for (const job of selected) {
    try {
      const slice = await readDicom(await readFileBytes(job.input));
      slices.push(await evaluateSlice(job.relative, slice, segmenter, { profiles, ...(betas ? { betas } : {}), ...(keys ? { keys } : {}) }));
      progress.tick(true);
    } catch (error) {
      // A model that cannot load fails every slice the same way: stop at the first.
      if (!isMedstegoError(error) || error.code === 'MODEL_NOT_FOUND' || error.code === 'MODEL_INVALID') throw error;
      skipped.push(`${job.relative}: ${error.code}`);
      progress.tick(false);
    }
  }
  if (slices.length === 0) throw new MedstegoError('INPUT_NOT_FOUND', `No readable slices in ${args.input} (${skipped.length} files failed; first: ${skipped[0] ?? 'none'}).`);
  const flags = [
    `--out ${args.outDir}`,
    args.segmenter ? `--segmenter ${args.segmenter}` : '',
    args.profiles ? `--profiles ${profiles.join(',')}` : '',
    betas ? `--betas ${betas.join(',')}` : '',
    args.stride && args.stride > 1 ? `--stride ${args.stride}` : '',
    args.limit ? `--limit ${args.limit}` : '',
  ].filter(Boolean);
  const command = `medstego evaluate ${args.input} ${flags.join(' ')}`;
  let markdown = renderMarkdown(slices, { command, segmenter: segmenter.name, date: new Date().toISOString().slice(0, 10) });
  if (skipped.length) markdown += `\n## Files not evaluated\n\n${skipped.map((s) => `- ${s}`).join('\n')}\n`;
  const encoder = new TextEncoder();
  const options = { overwrite: true };
  await writeFileAtomic(path.join(args.outDir, 'evaluation.md'), encoder.encode(markdown), options);
  await writeFileAtomic(path.join(args.outDir, 'evaluation.csv'), encoder.encode(renderCsv(slices)), options);
  await writeFileAtomic(path.join(args.outDir, 'psnr-vs-beta.svg'), encoder.encode(renderPsnrPlotSvg(slices)), options);
  await writeFileAtomic(path.join(args.outDir, 'mask-ncc.svg'), encoder.encode(renderMaskNccPlotSvg(slices)), options);
  out(`evaluated ${slices.length} slices with ${profiles.join(', ')} (${skipped.length} not readable) -> ${path.join(args.outDir, 'evaluation.md')}`);
  if (skipped.length) err(`${skipped.length} files could not be evaluated (listed in evaluation.md).`);
  return 0;
}
