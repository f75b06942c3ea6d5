// `npm run bench` (second part): embed and extract medians of every keyed profile (src/stego/keyed/
// keyedProfiles.ts) on a 512×512 CT and a 256×256 MR slice, written into docs/BENCHMARKS.md between
// the BEGIN/END keyed markers (other sections are kept). "embed" = seal (deflate + AES-GCM) + the
// profile's embedding; "extract" = the profile's extraction + open; segmentation, DICOM read and
// write are excluded (see the core section for those). Medians of repeated runs after warm-up.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicom, generateUid } from '../src/dicom/index.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { collectIdentityFields, serializePayload } from '../src/payload/index.ts';
import { KEYED_PROFILES } from '../src/stego/index.ts';
import { deriveKeys } from '../src/crypto/index.ts';
import { integerPixelPsnrBound, psnrDb } from '../src/metrics/index.ts';
import { sealContainer, openContainer } from '../src/workflow/keyedContainer.ts';
import { isMedstegoError } from '../src/errors/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const WARMUP = 5;
const SLICES = [
  { label: 'CT 512×512 (TCGA-THCA 1-101)', file: 'test/fixtures/ct/tcga-thca-1-101.dcm' },
  { label: 'MR 256×256 (SAG MPRAGE 0095)', file: 'test/fixtures/mr/sag-anon-mprage-0095.dcm' },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const keys = await deriveKeys(new Uint8Array(32).fill(0x5a));
const segmenter = createThresholdSegmenter();
const rows: string[] = [];
for (const profile of Object.values(KEYED_PROFILES)) {
  if (!profile) continue;
  for (const { label, file } of SLICES) {
    const slice = await readDicom(new Uint8Array(readFileSync(path.join(ROOT, file))));
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
    const embedTimes: number[] = [];
    const extractTimes: number[] = [];
    let psnr = 0;
    let sealedLength = 0;
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const uid = generateUid();
      let start = performance.now();
      const sealed = await sealContainer(profile, slice.image, uid, plaintext, keys);
      const embedded = profile.embed({ image: slice.image, mask, sealed, keys });
      const embedMs = performance.now() - start;
      const stego = { ...slice.image, pixels: embedded.stegoPixels };
      start = performance.now();
      const stegoMask = profile.extractNeedsMask === false ? mask : await segmenter.segment(stego);
      const segmentMs = performance.now() - start;
      const recovered = profile.extract({ image: stego, mask: stegoMask, keys });
      const opened = await openContainer(profile, stego, uid, recovered.sealed, keys);
      const extractMs = performance.now() - start - segmentMs;
      if (new TextDecoder().decode(opened) !== new TextDecoder().decode(plaintext)) throw new Error(`bench: ${profile.name} ${file} did not round-trip`);
      if (i >= WARMUP) {
        embedTimes.push(embedMs);
        extractTimes.push(extractMs);
      }
      psnr = psnrDb(slice.image.pixels, embedded.stegoPixels, slice.image.bitsStored);
      sealedLength = sealed.length;
    }
    const bound = integerPixelPsnrBound(sealedLength * 8, slice.image.rows * slice.image.cols, 2 ** slice.image.bitsStored - 1).psnrDb;
    const f = (v: number) => v.toFixed(2);
    rows.push(`| ${profile.name} | ${label} | ${plaintext === identity ? 'identity' : 'reference'} ${plaintext.length} / ${sealedLength} | ${f(median(embedTimes))} (${f(Math.min(...embedTimes))}) | ${f(median(extractTimes))} (${f(Math.min(...extractTimes))}) | ${f(psnr)} | ${f(bound)} |`);
  }
}

const section = [
  '<!-- BEGIN keyed (generated by `npm run bench`; edit scripts/bench-keyed.ts, not this block) -->',
  '## Keyed profiles: embed and extract (classical segmenter for the cover mask, not timed)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at the end; median of ${ITERATIONS} runs after ${WARMUP} warm-up runs, milliseconds per slice; the minimum is shown in parentheses because the machine is shared (compare the load average with its core count). The payload is the slice's own identity fields, or a 16-character record reference where the profile cannot carry them (JSON bytes / sealed container bytes). "embed" = deflate + AES-GCM + the profile's embedding; "extract" = the profile's extraction + authentication; segmentation, DICOM read and write excluded (the fidelity profile's extraction needs no mask). PSNR in the DICOM convention (MAX = 2^BitsStored − 1) next to the integer-pixel bound for the same sealed payload.`,
  '',
  '| profile | slice | payload / sealed bytes | embed median (min) | extract median (min) | PSNR dB | bound dB |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Target (issue 4): ≤ 30 ms per 512×512 slice, excluding segmentation.',
  '<!-- END keyed -->',
].join('\n');

const target = path.join(ROOT, 'docs', 'BENCHMARKS.md');
let document = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n\nEvery figure here is produced by `npm run bench`; rerun it rather than editing numbers by hand.\n\n';
document = /<!-- BEGIN keyed[\s\S]*?<!-- END keyed -->/.test(document)
  ? document.replace(/<!-- BEGIN keyed[\s\S]*?<!-- END keyed -->/, section)
  : `${document.trimEnd()}\n\n${section}\n`;
writeFileSync(target, document);
console.log(section);
