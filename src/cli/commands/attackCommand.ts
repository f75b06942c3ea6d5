/**
 * `medstego attack`: add seeded noise to DICOM slices to reproduce the paper's Table 6 and to test
 * the robust profile (DESIGN §3, range convention).
 *
 * By default the attacked file keeps the SOP Instance and Series Instance UIDs of its input: it
 * models the *same* instance after a noisy channel, and a keyed payload is bound to the stego SOP
 * Instance UID (issue 4), so a copy with a fresh UID could never authenticate. Such a file is a
 * test artefact and must not be stored beside its source in a PACS; `--new-uids` makes it a new
 * derived instance instead (new SOP Instance UID, one new Series Instance UID per input series).
 * Either way Image Type becomes DERIVED and the attack is appended to Derivation Description.
 */
import { readDicom, writeStegoDicom } from '../../dicom/index.ts';
import { applyNoiseAttack, deriveSeed, type ClipRange, type NoiseKind } from '../../attacks/index.ts';
import { psnrDb } from '../../metrics/index.ts';
import { createSeriesUidMapper } from '../../workflow/index.ts';
import { MedstegoError } from '../../errors/index.ts';
import { MEDSTEGO_VERSION } from '../../version.ts';
import { planJobs, readFileBytes, writeFileAtomic } from '../fileSystem.ts';
import { runBatch } from '../runBatch.ts';
import { parseNumberOption, type CommandContext } from '../arguments.ts';

export interface AttackArguments {
  readonly input: string;
  readonly output: string;
  readonly noise: string;
  readonly psnr?: string;
  readonly fraction?: string;
  readonly seed?: string;
  readonly clip: string;
  readonly newUids: boolean;
  readonly overwrite: boolean;
  readonly json: boolean;
}

const NOISES: readonly NoiseKind[] = ['gaussian', 'uniform', 'saltpepper'];
const CLIPS: readonly ClipRange[] = ['stored', 'image'];
/** Maximum length of an ST value (PS3.5 table 6.2-1). */
const MAX_ST_LENGTH = 1024;

function parseArguments(args: AttackArguments) {
  if (!NOISES.includes(args.noise as NoiseKind)) {
    throw new MedstegoError('USAGE', `--noise must be one of ${NOISES.join(', ')}; got "${args.noise}".`);
  }
  if (!CLIPS.includes(args.clip as ClipRange)) throw new MedstegoError('USAGE', `--clip must be one of ${CLIPS.join(', ')}; got "${args.clip}".`);
  if ((args.psnr === undefined) === (args.fraction === undefined)) throw new MedstegoError('USAGE', 'Give exactly one of --psnr or --fraction.');
  if (args.fraction !== undefined && args.noise !== 'saltpepper') throw new MedstegoError('USAGE', '--fraction applies to --noise saltpepper only; use --psnr.');
  const fraction = args.fraction === undefined ? undefined : parseNumberOption('--fraction', args.fraction);
  if (fraction !== undefined && !(fraction >= 0 && fraction <= 1)) throw new MedstegoError('USAGE', `--fraction must lie in [0, 1]; got ${fraction}.`);
  const seed = args.seed === undefined ? 0 : parseNumberOption('--seed', args.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new MedstegoError('USAGE', `--seed must be an integer in [0, 4294967295]; got ${args.seed}.`);
  return {
    noise: args.noise as NoiseKind,
    clip: args.clip as ClipRange,
    seed,
    ...(args.psnr !== undefined ? { psnrDb: parseNumberOption('--psnr', args.psnr) } : {}),
    ...(fraction !== undefined ? { fraction } : {}),
  };
}

function describeAttack(noise: NoiseKind, achievedPsnr: number, noiseSeed: number, fraction: number | undefined): string {
  const amount = fraction !== undefined ? `${fraction} of pixels` : `PSNR ${achievedPsnr.toFixed(2)} dB (range convention)`;
  return `medstego ${MEDSTEGO_VERSION} attack: ${noise} noise, ${amount}, seed ${noiseSeed}`;
}

export async function attackCommand(args: AttackArguments, context: CommandContext): Promise<number> {
  const attack = parseArguments(args);
  const { jobs, skipped } = await planJobs(args.input, args.output);
  const newSeriesUid = createSeriesUidMapper();
  return runBatch(
    jobs,
    async (job) => {
      const slice = await readDicom(await readFileBytes(job.input));
      // Each file gets its own noise, the same whether it is attacked alone or in a batch.
      const noiseSeed = deriveSeed(attack.seed, slice.sopInstanceUid);
      const result = applyNoiseAttack(slice.image, { ...attack, seed: noiseSeed });
      const note = describeAttack(attack.noise, result.psnrDbRange, noiseSeed, attack.fraction);
      const previous = slice.getString('DerivationDescription')?.trim();
      const description = (previous ? `${previous}; ${note}` : note).slice(0, MAX_ST_LENGTH);
      const output = writeStegoDicom(slice, result.pixels, {
        derivationDescription: description,
        ...(args.newUids ? { newSeriesInstanceUid: newSeriesUid(slice.seriesInstanceUid) } : { newSopInstanceUid: slice.sopInstanceUid, newSeriesInstanceUid: slice.seriesInstanceUid }),
      });
      await writeFileAtomic(job.output!, output, { overwrite: args.overwrite });
      const psnrStored = psnrDb(slice.image.pixels, result.pixels, slice.image.bitsStored);
      return {
        record: {
          output: job.output,
          noise: result.noise,
          ...(attack.psnrDb !== undefined ? { targetPsnrDbRange: attack.psnrDb } : {}),
          ...(attack.fraction !== undefined ? { fraction: attack.fraction } : {}),
          seed: attack.seed,
          noiseSeed,
          clip: attack.clip,
          psnrDbRange: round(result.psnrDbRange, 4),
          psnrDb: round(psnrStored, 4),
          mse: round(result.mse, 6),
          pixelsChanged: result.pixelsChanged,
          ...(result.pixelsHit !== undefined ? { pixelsHit: result.pixelsHit } : {}),
          ...(result.sigma !== undefined ? { sigma: round(result.sigma, 4) } : {}),
          newUids: args.newUids,
        },
        human: `${job.relative} -> ${job.output}: ${result.noise} noise, PSNR ${result.psnrDbRange.toFixed(2)} dB (range), ${result.pixelsChanged} pixels changed`,
      };
    },
    { json: args.json, label: 'attack', skipped, ...context },
  );
}

function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
