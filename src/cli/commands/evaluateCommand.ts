import path from 'node:path';
import { readDicom } from '../../dicom/index.ts';
import { evaluateSlice, renderCsv, renderMarkdown, renderPsnrPlotSvg, type SliceEvaluation } from '../../evaluation/index.ts';
import { MedstegoError, isMedstegoError } from '../../errors/index.ts';
import { planJobs, readFileBytes, writeFileAtomic } from '../fileSystem.ts';
import { ProgressBar } from '../progress.ts';
import { createSegmenterByName } from '../segmenters.ts';
import type { CommandContext } from '../arguments.ts';

export interface EvaluateArguments {
  readonly input: string;
  readonly outDir: string;
  readonly segmenter: string;
  readonly limit?: number;
}

/** Reproduce the paper's Tables 3, 4, 5 and 7 on a folder of slices: evaluation.md, .csv and a PSNR-vs-β plot. */
export async function evaluateCommand(args: EvaluateArguments, context: CommandContext): Promise<number> {
  const err = context.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const out = context.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (args.limit !== undefined && !(Number.isInteger(args.limit) && args.limit > 0)) throw new MedstegoError('USAGE', '--limit must be a positive integer.');
  const segmenter = createSegmenterByName(args.segmenter);
  const { jobs } = await planJobs(args.input, undefined);
  const selected = args.limit ? jobs.slice(0, args.limit) : jobs;
  const progress = new ProgressBar(selected.length, 'evaluate');
  const slices: SliceEvaluation[] = [];
  const skipped: string[] = [];
  for (const job of selected) {
    try {
      const slice = await readDicom(await readFileBytes(job.input));
      slices.push(await evaluateSlice(job.relative, slice, segmenter));
      progress.tick(true);
    } catch (error) {
      if (!isMedstegoError(error)) throw error;
      skipped.push(`${job.relative}: ${error.code}`);
      progress.tick(false);
    }
  }
  if (slices.length === 0) throw new MedstegoError('INPUT_NOT_FOUND', `No readable slices in ${args.input}.`);
  const command = `medstego evaluate ${args.input} --out ${args.outDir}${args.limit ? ` --limit ${args.limit}` : ''}`;
  let markdown = renderMarkdown(slices, { command, segmenter: segmenter.name, date: new Date().toISOString().slice(0, 10) });
  if (skipped.length) markdown += `\n## Files not evaluated\n\n${skipped.map((s) => `- ${s}`).join('\n')}\n`;
  const encoder = new TextEncoder();
  const options = { overwrite: true };
  await writeFileAtomic(path.join(args.outDir, 'evaluation.md'), encoder.encode(markdown), options);
  await writeFileAtomic(path.join(args.outDir, 'evaluation.csv'), encoder.encode(renderCsv(slices)), options);
  await writeFileAtomic(path.join(args.outDir, 'psnr-vs-beta.svg'), encoder.encode(renderPsnrPlotSvg(slices)), options);
  out(`evaluated ${slices.length} slices (${skipped.length} not readable) -> ${path.join(args.outDir, 'evaluation.md')}`);
  if (skipped.length) err(`${skipped.length} files could not be evaluated (listed in evaluation.md).`);
  return 0;
}
