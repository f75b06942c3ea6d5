import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import { MEDSTEGO_VERSION } from '../version.ts';
import { DEFAULT_SEGMENTER } from './segmenters.ts';
import { embedCommand } from './commands/embedCommand.ts';
import { extractCommand } from './commands/extractCommand.ts';
import { segmentCommand } from './commands/segmentCommand.ts';
import { evaluateCommand } from './commands/evaluateCommand.ts';
import { attackCommand } from './commands/attackCommand.ts';
import { inspectCommand } from './commands/inspectCommand.ts';
import type { CommandContext } from './arguments.ts';

export const USAGE = `medstego ${MEDSTEGO_VERSION}: hide a patient's identity in the background of their own CT/MR images.

Usage:
  medstego embed <in.dcm|dir> -o <out.dcm|dir> [--profile fidelity|robust|paper] [--key-file K] [--segmenter S]
                 [--alpha A] [--beta B] [--payload-file F.json] [--no-verify] [--deidentify] [--overwrite] [--json]
  medstego extract <stego.dcm|dir> [--key-file K] [--profile P] [--qr-out F.png|dir] [--segmenter S] [--alpha A] [--beta B] [--json]
  medstego inspect <file.dcm|dir> [--key-file K] [--segmenter S] [--json]
  medstego segment <in.dcm|dir> --mask-out <F.png|dir> [--segmenter S] [--overwrite] [--json]
  medstego evaluate <dir> --out <dir> [--profiles paper,fidelity,robust] [--betas B,...] [--stride N] [--limit N]
                    [--segmenter S]
  medstego attack <in.dcm|dir> -o <out.dcm|dir> --noise gaussian|uniform|saltpepper (--psnr P | --fraction F)
                  [--seed S] [--clip stored|image] [--new-uids] [--overwrite] [--json]
  medstego --help | --version

--profile: fidelity (default; keyed, smallest distortion, bit-exact), robust (keyed, survives noise) or
paper (the published method, no key). The key comes from --key-file K (32 raw bytes, 64 hex characters,
or a passphrase) or the MEDSTEGO_KEY environment variable, never from a command-line argument.
--segmenter S: maskrcnn (default; the Mask R-CNN models/body-maskrcnn.onnx, or --model F.onnx with its
.json beside it) or threshold (the classical segmenter, no model).
Directories are walked recursively and mirrored in the output. Outputs are written atomically and
never over an input; an existing output needs --overwrite. --json prints one JSON object per file
(schema: docs/cli.md). Exit code 0 when every file succeeded, else the first failure's code
(docs/errors.md).`;

const COMMON = {
  json: { type: 'boolean', default: false },
  overwrite: { type: 'boolean', default: false },
  segmenter: { type: 'string', default: DEFAULT_SEGMENTER },
  model: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type OptionValues = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
    return { values: parsed.values as OptionValues, positionals: parsed.positionals };
  } catch (error) {
    throw new MedstegoError('USAGE', `${(error as Error).message}\n\n${USAGE}`);
  }
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new MedstegoError('USAGE', `Expected exactly one ${what}; got ${positionals.length}.\n\n${USAGE}`);
  return positionals[0]!;
}

function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new MedstegoError('USAGE', `${name} is required.\n\n${USAGE}`);
  return value;
}

/** Entry point: returns the process exit code (never calls process.exit, so tests can call it). */
export async function main(argv: string[], context: CommandContext = {}): Promise<number> {
  const out = context.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = context.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const env = context.env ?? process.env;
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      case '--version':
        out(MEDSTEGO_VERSION);
        return 0;
      case 'embed': {
        const { values, positionals } = parse(rest, {
          output: { type: 'string', short: 'o' },
          profile: { type: 'string', default: 'fidelity' },
          'key-file': { type: 'string' },
          alpha: { type: 'string' },
          beta: { type: 'string' },
          'payload-file': { type: 'string' },
          'no-verify': { type: 'boolean', default: false },
          deidentify: { type: 'boolean', default: false },
        });
        if (values.help) return (out(USAGE), 0);
        return await embedCommand(
          {
            input: onePositional(positionals, 'input'),
            output: requireOption(values.output as string | undefined, '-o/--output'),
            profile: values.profile as string,
            segmenter: values.segmenter as string,
            model: values.model as string | undefined,
            alpha: values.alpha as string | undefined,
            beta: values.beta as string | undefined,
            payloadFile: values['payload-file'] as string | undefined,
            keyFile: values['key-file'] as string | undefined,
            overwrite: values.overwrite as boolean,
            verify: !(values['no-verify'] as boolean),
            deidentify: values.deidentify as boolean,
            json: values.json as boolean,
          },
          { out, err, env },
        );
      }
      case 'extract': {
        const { values, positionals } = parse(rest, {
          'qr-out': { type: 'string' },
          'key-file': { type: 'string' },
          profile: { type: 'string' },
          alpha: { type: 'string' },
          beta: { type: 'string' },
        });
        if (values.help) return (out(USAGE), 0);
        return await extractCommand(
          {
            input: onePositional(positionals, 'input'),
            qrOut: values['qr-out'] as string | undefined,
            segmenter: values.segmenter as string,
            model: values.model as string | undefined,
            profile: values.profile as string | undefined,
            keyFile: values['key-file'] as string | undefined,
            alpha: values.alpha as string | undefined,
            beta: values.beta as string | undefined,
            overwrite: values.overwrite as boolean,
            json: values.json as boolean,
          },
          { out, err, env },
        );
      }
      case 'inspect': {
        const { values, positionals } = parse(rest, { 'key-file': { type: 'string' } });
        if (values.help) return (out(USAGE), 0);
        return await inspectCommand(
          {
            input: onePositional(positionals, 'input'),
            segmenter: values.segmenter as string,
            model: values.model as string | undefined,
            keyFile: values['key-file'] as string | undefined,
            json: values.json as boolean,
          },
          { out, err, env },
        );
      }
      case 'segment': {
        const { values, positionals } = parse(rest, { 'mask-out': { type: 'string' } });
        if (values.help) return (out(USAGE), 0);
        return await segmentCommand(
          {
            input: onePositional(positionals, 'input'),
            maskOut: requireOption(values['mask-out'] as string | undefined, '--mask-out'),
            segmenter: values.segmenter as string,
            model: values.model as string | undefined,
            overwrite: values.overwrite as boolean,
            json: values.json as boolean,
          },
          { out, err },
        );
      }
      case 'attack': {
        const { values, positionals } = parse(rest, {
          output: { type: 'string', short: 'o' },
          noise: { type: 'string' },
          psnr: { type: 'string' },
          fraction: { type: 'string' },
          seed: { type: 'string' },
          clip: { type: 'string', default: 'stored' },
          'new-uids': { type: 'boolean', default: false },
        });
        if (values.help) return (out(USAGE), 0);
        return await attackCommand(
          {
            input: onePositional(positionals, 'input'),
            output: requireOption(values.output as string | undefined, '-o/--output'),
            noise: requireOption(values.noise as string | undefined, '--noise'),
            psnr: values.psnr as string | undefined,
            fraction: values.fraction as string | undefined,
            seed: values.seed as string | undefined,
            clip: values.clip as string,
            newUids: values['new-uids'] as boolean,
            overwrite: values.overwrite as boolean,
            json: values.json as boolean,
          },
          { out, err },
        );
      }
      case 'evaluate': {
        const { values, positionals } = parse(rest, { out: { type: 'string' }, limit: { type: 'string' }, stride: { type: 'string' }, profiles: { type: 'string' }, betas: { type: 'string' } });
        if (values.help) return (out(USAGE), 0);
        return await evaluateCommand(
          {
            input: onePositional(positionals, 'input directory'),
            outDir: requireOption(values.out as string | undefined, '--out'),
            segmenter: values.segmenter as string,
            model: values.model as string | undefined,
            limit: values.limit === undefined ? undefined : Number(values.limit),
            stride: values.stride === undefined ? undefined : Number(values.stride),
            profiles: values.profiles as string | undefined,
            betas: values.betas as string | undefined,
          },
          { out, err },
        );
      }
      default:
        throw new MedstegoError('USAGE', `Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (thrown) {
    const error = thrown instanceof MedstegoError ? thrown : wrapThrown(thrown, 'INTERNAL', 'Unexpected error');
    if (argv.includes('--json')) out(JSON.stringify({ ok: false, error: { code: error.code, message: error.message } }));
    err(`medstego: [${error.code}] ${error.message}`);
    return error.exitCode;
  }
}
