// `npm run bench` (second part): embed and extract medians of every keyed profile (src/stego/keyed/
// keyedProfiles.ts) on a 512×512 CT and a 256×256 MR slice, written into docs/BENCHMARKS.md between
// the BEGIN/END keyed markers (other sections are kept). "embed" = seal (deflate + AES-GCM) + the
// profile's embedding; "extract" = the profile's extraction + open; segmentation, DICOM read and
// write are excluded (see the core section for those). Medians of repeated runs after warm-up.
import { readDicom, generateUid } from '../src/dicom/index.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { collectIdentityFields, serializePayload } from '../src/payload/index.ts';
import { KEYED_PROFILES } from '../src/stego/index.ts';
import { deriveKeys } from '../src/crypto/index.ts';
import { integerPixelPsnrBound, psnrDb } from '../src/metrics/index.ts';
import { sealContainer, openContainer } from '../src/workflow/keyedContainer.ts';
import { isMedstegoError } from '../src/errors/index.ts';
import { BENCH_SLICES, DEFAULT_RUNS, RepeatedRuns, benchmarkSection, describeMachine, loadAverage, measuredOn, readRepoFile, writeBenchmarkSection } from './benchSupport.ts';

const keys = await deriveKeys(new Uint8Array(32).fill(0x5a));
const segmenter = createThresholdSegmenter();
const rows: string[] = [];
for (const profile of Object.values(KEYED_PROFILES)) {
  if (!profile) continue;
  for (const { label, file } of BENCH_SLICES) {
    const slice = await readDicom(readRepoFile(file));
    const mask = await segmenter.segment(slice.image);
    // The slice's identity fields; a short record reference where a profile cannot carry them.
    const identity = new TextEncoder().encode(serializePayload(collectIdentityFields((k) => slice.getString(k))));
    const reference = new TextEncoder().encode(serializePayload({ Ref: 'HOSP-2026-000123' }));
    let plaintext: Uint8Array | undefined;
    let capacityBytes = 0;
    for (const candidate of [identity, reference]) {
      try {
        profile.embed({ image: slice.image, mask, sealed: await sealContainer(profile, slice.image, generateUid(), candidate, keys), keys });
        plaintext = candidate;
        break;
      } catch (error) {
        if (!isMedstegoError(error, 'PAYLOAD_CAPACITY_EXCEEDED')) throw error;
        capacityBytes = Number(error.details.capacityBytes ?? 0);
      }
    }
    if (!plaintext) {
      rows.push(`| ${profile.name} | ${label} | does not fit (capacity ${capacityBytes} sealed bytes) | – | – | – | – |`);
      continue;
    }
    const payload = plaintext; // a const keeps the narrowing inside the closures below
    const runs = new RepeatedRuns(DEFAULT_RUNS);
    let psnr = 0;
    let sealedLength = 0;
    await runs.repeat(async () => {
      const uid = generateUid();
      const { sealed, embedded } = await runs.time('embed', async () => {
        const sealed = await sealContainer(profile, slice.image, uid, payload, keys);
        return { sealed, embedded: profile.embed({ image: slice.image, mask, sealed, keys }) };
      });
      const stego = { ...slice.image, pixels: embedded.stegoPixels };
      const stegoMask = profile.extractNeedsMask === false ? mask : await segmenter.segment(stego);
      const opened = await runs.time('extract', () => {
        const recovered = profile.extract({ image: stego, mask: stegoMask, keys });
        return openContainer(profile, stego, uid, recovered.sealed, keys);
      });
      if (new TextDecoder().decode(opened) !== new TextDecoder().decode(payload)) throw new Error(`bench: ${profile.name} ${file} did not round-trip`);
      psnr = psnrDb(slice.image.pixels, embedded.stegoPixels, slice.image.bitsStored);
      sealedLength = sealed.length;
    });
    const bound = integerPixelPsnrBound(sealedLength * 8, slice.image.rows * slice.image.cols, 2 ** slice.image.bitsStored - 1).psnrDb;
    const f = (v: number) => v.toFixed(2);
    rows.push(`| ${profile.name} | ${label} | ${payload === identity ? 'identity' : 'reference'} ${payload.length} / ${sealedLength} | ${f(runs.median('embed'))} (${f(runs.min('embed'))}) | ${f(runs.median('extract'))} (${f(runs.min('extract'))}) | ${f(psnr)} | ${f(bound)} |`);
  }
}

const section = benchmarkSection('keyed', 'npm run bench', 'scripts/bench-keyed.ts', [
  '## Keyed profiles: embed and extract (classical segmenter for the cover mask, not timed)',
  '',
  `Measured ${measuredOn()} with \`npm run bench\` on ${describeMachine()}, load average ${loadAverage().toFixed(1)} at the end; median of ${DEFAULT_RUNS.iterations} runs after ${DEFAULT_RUNS.warmup} warm-up runs, milliseconds per slice; the minimum is shown in parentheses because the machine is shared (compare the load average with its core count). The payload is the slice's own identity fields, or a 16-character record reference where the profile cannot carry them (JSON bytes / sealed container bytes). "embed" = deflate + AES-GCM + the profile's embedding; "extract" = the profile's extraction + authentication; segmentation, DICOM read and write excluded (the fidelity profile's extraction needs no mask). PSNR in the DICOM convention (MAX = 2^BitsStored − 1) next to the integer-pixel bound for the same sealed payload.`,
  '',
  '| profile | slice | payload / sealed bytes | embed median (min) | extract median (min) | PSNR dB | bound dB |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Target (issue 4): ≤ 30 ms per 512×512 slice, excluding segmentation.',
]);
writeBenchmarkSection('keyed', section);
console.log(section);
