import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { MedstegoError } from '../errors/index.ts';

/** One unit of work: an input file and where its output goes (relative path kept for mirroring). */
export interface FileJob {
  readonly input: string;
  readonly relative: string;
  readonly output?: string;
}

/** True when the file looks like DICOM Part 10 (preamble + 'DICM') or is named like one. */
export async function looksLikeDicom(file: string): Promise<boolean> {
  if (/\.(dcm|dicom)$/i.test(file)) return true;
  const handle = await fs.open(file, 'r');
  try {
    const header = Buffer.alloc(132);
    const { bytesRead } = await handle.read(header, 0, 132, 0);
    return bytesRead === 132 && header.toString('latin1', 128, 132) === 'DICM';
  } finally {
    await handle.close();
  }
}

/** Every regular file under `dir`, sorted, skipping hidden entries. */
export async function walkFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function visit(current: string): Promise<void> {
    const entries = await fs.readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.isFile()) found.push(full);
    }
  }
  await visit(dir);
  return found;
}

async function statOrUndefined(target: string) {
  try {
    return await fs.stat(target);
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Expand an input path (file or directory) into jobs. With `outputRoot`, each job gets an output
 * path: a directory input is mirrored under the output directory; a file input goes to the output
 * path itself (or inside it when it is an existing directory). `outputExtension` replaces the
 * input's extension (e.g. '.png' for masks). The output may never be, or lie inside, the input.
 */
export async function planJobs(
  inputPath: string,
  outputRoot: string | undefined,
  options: { outputExtension?: string; dicomOnly?: boolean } = {},
): Promise<{ jobs: FileJob[]; skipped: string[]; inputIsDirectory: boolean }> {
  const inputStat = await statOrUndefined(inputPath);
  if (!inputStat) throw new MedstegoError('INPUT_NOT_FOUND', `Input not found: ${inputPath}`, { input: inputPath });
  const input = await fs.realpath(inputPath);
  const output = outputRoot === undefined ? undefined : path.resolve(outputRoot);
  if (output !== undefined) {
    const outputReal = (await statOrUndefined(output)) ? await fs.realpath(output) : output;
    if (outputReal === input || (inputStat.isDirectory() && (isInside(outputReal, input) || isInside(input, outputReal)))) {
      throw new MedstegoError('OUTPUT_IS_INPUT', 'The output must not be the input or lie inside (or contain) the input directory: medstego never overwrites its input.', { input: inputPath, output: outputRoot ?? null });
    }
  }
  const withExtension = (file: string) =>
    options.outputExtension ? file.replace(/(\.[^./\\]*)?$/, options.outputExtension) : file;

  if (inputStat.isDirectory()) {
    const files = await walkFiles(input);
    const jobs: FileJob[] = [];
    const skipped: string[] = [];
    for (const file of files) {
      if (options.dicomOnly !== false && !(await looksLikeDicom(file))) {
        skipped.push(file);
        continue;
      }
      const relative = path.relative(input, file);
      jobs.push({ input: file, relative, output: output === undefined ? undefined : path.join(output, withExtension(relative)) });
    }
    return { jobs, skipped, inputIsDirectory: true };
  }
  let fileOutput: string | undefined;
  if (output !== undefined) {
    const outputStat = await statOrUndefined(output);
    fileOutput = outputStat?.isDirectory() ? path.join(output, withExtension(path.basename(input))) : output;
  }
  return { jobs: [{ input, relative: path.basename(input), output: fileOutput }], skipped: [], inputIsDirectory: false };
}

/**
 * Write a file atomically: to a temporary file beside the target, then rename. A crash leaves
 * either the old state or the complete new file, never half a DICOM. Refuses to replace an
 * existing file unless `overwrite`.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (!options.overwrite) {
    try {
      await fs.access(target, fsConstants.F_OK);
      throw new MedstegoError('OUTPUT_EXISTS', `Output already exists: ${target} (pass --overwrite to replace it).`, { output: target });
    } catch (error) {
      if (error instanceof MedstegoError) throw error;
    }
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, data, { flag: 'wx' });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if (error instanceof MedstegoError) throw error;
    throw new MedstegoError('OUTPUT_WRITE_FAILED', `Could not write ${target}: ${(error as Error).message}`, { output: target }, { cause: error });
  }
}

export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const data = await fs.readFile(file);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (error) {
    throw new MedstegoError('INPUT_NOT_FOUND', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { input: file }, { cause: error });
  }
}
