/**
 * Is the threshold segmenter invariant to the embedding? For every DICOM slice under the given
 * folders: the cover mask, the `paper` profile embedded with the slice's own identity payload (as
 * `medstego embed` builds it), the mask recomputed on the stego image (as the receiver does), the
 * number of pixels where the two masks differ, and whether extraction with the stego mask returns
 * the payload. Prints one line per slice that is not perfectly stable and a summary; exits 1 when
 * any slice fails (extraction wrong) or, with --strict, when any mask differs at all.
 *
 *   node --import tsx scripts/segmentation-stability.ts [dir ...] [--beta B]... [--strict] [--quiet]
 *
 * Defaults: ../shared/data/mr and ../shared/data/ct, β = 1000. Several --beta flags run each β.
 * A slice the profile refuses for capacity (PAYLOAD_CAPACITY_EXCEEDED, NO_BACKGROUND) or parameters
 * (EMBED_PARAMETERS_INVALID: β too fine for the bit depth) is reported as "refused", not as a
 * failure: no stego image exists to compare.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readDicom } from '../src/dicom/index.ts';
import { collectIdentityFields, serializePayload } from '../src/payload/index.ts';
import { segmentByThreshold } from '../src/segmentation/index.ts';
import { embedPaper, extractPaper } from '../src/stego/index.ts';
import { isMedstegoError } from '../src/errors/index.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArguments(argv: string[]): { dirs: string[]; betas: number[]; strict: boolean; quiet: boolean } {
  const dirs: string[] = [];
  const betas: number[] = [];
  let strict = false;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--beta') betas.push(Number(argv[++i]));
    else if (a === '--strict') strict = true;
    else if (a === '--quiet') quiet = true;
    else if (a.startsWith('--')) {
      console.error(`unknown option ${a}\nusage: segmentation-stability.ts [dir ...] [--beta B]... [--strict] [--quiet]`);
      process.exit(2);
    } else dirs.push(a);
  }
  if (dirs.length === 0) dirs.push(path.resolve(REPO_ROOT, '..', 'shared', 'data', 'mr'), path.resolve(REPO_ROOT, '..', 'shared', 'data', 'ct'));
  if (betas.length === 0) betas.push(1000);
  for (const beta of betas) {
    if (!Number.isFinite(beta)) {
      console.error('--beta needs a number');
      process.exit(2);
    }
  }
  return { dirs, betas, strict, quiet };
}

function listFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

function count(mask: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < mask.length; i++) s += mask[i]!;
  return s;
}

type Outcome = 'ok' | 'moved' | 'failed' | 'refused';

async function main(): Promise<void> {
  const { dirs, betas, strict, quiet } = parseArguments(process.argv.slice(2));
  const files = dirs.flatMap(listFiles).filter((f) => !path.basename(f).startsWith('.'));
  const tallies = new Map(betas.map((beta) => [beta, { ok: [], moved: [], failed: [], refused: [] } as Record<Outcome, string[]>]));
  const times: number[] = [];
  for (const file of files) {
    const slice = await readDicom(new Uint8Array(readFileSync(file)));
    const payload = serializePayload(collectIdentityFields((k) => slice.getString(k)));
    const name = path.relative(process.cwd(), file);
    const image = slice.image;
    const t0 = performance.now();
    const coverMask = segmentByThreshold(image);
    times.push(performance.now() - t0);
    for (const beta of betas) {
      const tally = tallies.get(beta)!;
      let embedded;
      try {
        embedded = embedPaper({ image, mask: coverMask, payloadText: payload, parameters: { beta } });
      } catch (error) {
        if (!isMedstegoError(error)) throw error;
        tally.refused.push(`${name}: ${error.code}`);
        continue;
      }
      const stego = { ...image, pixels: embedded.stegoPixels };
      const stegoMask = segmentByThreshold(stego);
      let differing = 0;
      let firstDiffering = -1;
      for (let i = 0; i < coverMask.length; i++) {
        if (coverMask[i] !== stegoMask[i]) {
          differing++;
          if (firstDiffering < 0) firstDiffering = i;
        }
      }
      let recovered: string | undefined;
      let error = '';
      try {
        recovered = extractPaper(stego, stegoMask, { beta }).payloadText;
      } catch (e) {
        if (!isMedstegoError(e)) throw e;
        error = e.code;
      }
      const extracted = recovered === payload;
      const outcome: Outcome = !extracted ? 'failed' : differing > 0 ? 'moved' : 'ok';
      const detail =
        `${name}: cover body ${count(coverMask)} px, stego body ${count(stegoMask)} px, ${differing} px differ` +
        (differing > 0 ? ` (first at row ${Math.floor(firstDiffering / image.cols)})` : '') +
        `, ${embedded.blocksUsed}/${embedded.usableBlocks} blocks used, extract ${extracted ? 'ok' : `FAILED${error ? ` (${error})` : ''}`}`;
      tally[outcome].push(detail);
      if (!quiet && outcome !== 'ok') console.log(`β=${beta} ${outcome.padEnd(6)} ${detail}`);
    }
  }
  times.sort((a, b) => a - b);
  let anyFailure = false;
  for (const [beta, tally] of tallies) {
    console.log(
      `β=${beta}: ${files.length} slices: ${tally.ok.length} identical masks, ${tally.moved.length} masks moved but extraction ok, ` +
        `${tally.failed.length} failed, ${tally.refused.length} refused`,
    );
    if (tally.failed.length) console.log(`  failures:\n    ${tally.failed.join('\n    ')}`);
    if (tally.refused.length) console.log(`  refused:\n    ${tally.refused.join('\n    ')}`);
    if (tally.failed.length || (strict && tally.moved.length)) anyFailure = true;
  }
  console.log(`cover segmentation: median ${times[times.length >> 1]?.toFixed(1)} ms per slice`);
  process.exit(anyFailure ? 1 : 0);
}

await main();
