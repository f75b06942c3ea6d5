import { MedstegoError, wrapThrown } from '../errors/index.ts';
import type { FileJob } from './fileSystem.ts';
import { ProgressBar } from './progress.ts';

export interface BatchOptions {
  readonly json: boolean;
  readonly label: string;
  readonly skipped?: readonly string[];
  /** Writes a line to stdout (injectable for tests). */
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

/** What a command's per-file handler returns: the JSON record and a short human line. */
export interface JobOutcome {
  readonly record: Record<string, unknown>;
  readonly human: string;
}

/**
 * Run one handler per file, print one JSON object per file (--json) or a human line, keep going
 * after failures, print a summary on stderr, and return the exit code: 0 when every file
 * succeeded, else the exit code of the first failure's error code.
 */
export async function runBatch(jobs: readonly FileJob[], handler: (job: FileJob) => Promise<JobOutcome>, options: BatchOptions): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const progress = new ProgressBar(jobs.length, options.label);
  let firstFailureExitCode = 0;
  let succeeded = 0;
  for (const job of jobs) {
    try {
      const outcome = await handler(job);
      succeeded++;
      progress.clear();
      if (options.json) out(JSON.stringify({ ok: true, input: job.input, ...outcome.record }));
      else out(outcome.human);
      progress.tick(true);
    } catch (thrown) {
      const error = thrown instanceof MedstegoError ? thrown : wrapThrown(thrown, 'INTERNAL', 'Unexpected error');
      if (firstFailureExitCode === 0) firstFailureExitCode = error.exitCode;
      progress.clear();
      if (options.json) out(JSON.stringify({ ok: false, input: job.input, error: { code: error.code, message: error.message } }));
      else err(`FAILED ${job.input}: [${error.code}] ${error.message}`);
      progress.tick(false);
    }
  }
  const skipped = options.skipped?.length ?? 0;
  if (jobs.length !== 1 || skipped > 0) {
    err(`${options.label}: ${succeeded} succeeded, ${jobs.length - succeeded} failed${skipped ? `, ${skipped} non-DICOM files skipped` : ''}.`);
  }
  if (jobs.length === 0) {
    err(`${options.label}: no DICOM files found.`);
    return new MedstegoError('INPUT_NOT_FOUND', 'no input').exitCode;
  }
  return firstFailureExitCode;
}
