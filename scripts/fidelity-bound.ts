// Writes docs/profiles/fidelity-results.md and docs/profiles/fidelity-psnr-vs-bound.svg: the fidelity
// profile's PSNR next to the integer-pixel bound (DESIGN §3) for the same sealed payload,
// (1) on every CT and MR slice of ../shared/data with the slice's own identity fields, and
// (2) for payloads from 32 to 4096 sealed bytes on the two benchmark slices.
// Run: node --import tsx scripts/fidelity-bound.ts   (classical segmenter; a few minutes on 2 cores)
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicom, generateUid } from '../src/dicom/index.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { collectIdentityFields, serializePayload } from '../src/payload/index.ts';
import { fidelityProfile } from '../src/stego/index.ts';
import { deriveKeys } from '../src/crypto/index.ts';
import { integerPixelPsnrBound, psnrDb, psnrDbRange, valueRange } from '../src/metrics/index.ts';
import { isMedstegoError } from '../src/errors/index.ts';
import { sealContainer } from '../src/workflow/keyedContainer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const OUT = path.join(ROOT, 'docs', 'profiles');
const keys = await deriveKeys(new Uint8Array(32).fill(0x33));
const segmenter = createThresholdSegmenter();

function listDicom(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listDicom(full) : name.endsWith('.dcm') ? [full] : [];
  });
}

function quantiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `${sorted[0]!.toFixed(2)} / ${at(0.5).toFixed(2)} / ${sorted[sorted.length - 1]!.toFixed(2)}`;
}

interface Measured { psnr: number; psnrRange: number; bound: number; boundRange: number; sealed: number; p: number; parity: number }

function measure(image: Awaited<ReturnType<typeof readDicom>>['image'], mask: Uint8Array, sealed: Uint8Array): Measured {
  const embedded = fidelityProfile.embed({ image, mask, sealed, keys });
  const recovered = fidelityProfile.extract({ image: { ...image, pixels: embedded.stegoPixels }, mask, keys });
  if (recovered.sealed.length !== sealed.length || recovered.sealed.some((v, i) => v !== sealed[i])) throw new Error('round trip failed');
  const n = image.rows * image.cols;
  const { min, max } = valueRange(image.pixels);
  return {
    psnr: psnrDb(image.pixels, embedded.stegoPixels, image.bitsStored),
    psnrRange: psnrDbRange(image.pixels, embedded.stegoPixels),
    bound: integerPixelPsnrBound(sealed.length * 8, n, 2 ** image.bitsStored - 1).psnrDb,
    boundRange: integerPixelPsnrBound(sealed.length * 8, n, max - min).psnrDb,
    sealed: sealed.length,
    p: Number(embedded.parameters.p),
    parity: Number(embedded.parameters.parityLength),
  };
}

// (1) Every shared CT and MR slice, identity payload.
const series = new Map<string, { measured: Measured[]; refused: number; noBackground: number; total: number }>();
for (const modality of ['ct', 'mr']) {
  for (const file of listDicom(path.join(DATA, modality))) {
    const key = path.relative(DATA, path.dirname(file)).split(path.sep).slice(0, 2).join('/');
    const entry = series.get(key) ?? { measured: [], refused: 0, noBackground: 0, total: 0 };
    series.set(key, entry);
    entry.total++;
    const slice = await readDicom(new Uint8Array(readFileSync(file)));
    const mask = await segmenter.segment(slice.image);
    const plaintext = new TextEncoder().encode(serializePayload(collectIdentityFields((k) => slice.getString(k))));
    const sealed = await sealContainer(fidelityProfile, slice.image, generateUid(), plaintext, keys);
    try {
      entry.measured.push(measure(slice.image, mask, sealed));
    } catch (error) {
      if (isMedstegoError(error, 'PAYLOAD_CAPACITY_EXCEEDED')) entry.refused++;
      else if (isMedstegoError(error, 'NO_BACKGROUND')) entry.noBackground++;
      else throw error;
    }
  }
}

// (2) Payload sweep on the benchmark slices.
const SWEEP = [
  { label: 'CT 512² (TCGA-THCA 1-101)', file: 'test/fixtures/ct/tcga-thca-1-101.dcm' },
  { label: 'MR 256² (SAG MPRAGE 0095)', file: 'test/fixtures/mr/sag-anon-mprage-0095.dcm' },
];
const sweep: Array<{ label: string; points: Measured[] }> = [];
for (const { label, file } of SWEEP) {
  const slice = await readDicom(new Uint8Array(readFileSync(path.join(ROOT, file))));
  const mask = await segmenter.segment(slice.image);
  const points: Measured[] = [];
  for (let length = 32; length <= 4096; length *= 2) {
    const sealed = Uint8Array.from({ length }, (_, i) => (i * 151 + (i >> 3) * 17 + 5) & 0xff);
    try {
      points.push(measure(slice.image, mask, sealed));
    } catch (error) {
      if (!isMedstegoError(error, 'PAYLOAD_CAPACITY_EXCEEDED')) throw error;
    }
  }
  sweep.push({ label, points });
}

const lines = [
  '# Fidelity profile: PSNR against the integer-pixel bound',
  '',
  `Generated ${new Date().toISOString().slice(0, 10)} by \`node --import tsx scripts/fidelity-bound.ts\` (classical segmenter for the cover mask). The bound is \`integerPixelPsnrBound\` (src/metrics): the largest PSNR any bit-exact scheme can reach on integer pixels for that many bits in that many pixels (DESIGN §3). Payload = the sealed container (deflated JSON, AES-GCM, 16-byte tag); header and Reed–Solomon parity are overhead the profile pays. "dB" PSNR in the DICOM convention (MAX = 2^BitsStored − 1); "range" in the paper's (MAX = cover max − min). Every embedded slice was extracted back bit for bit. The gap to the bound is the same in both conventions (same MSE).`,
  '',
  '## Every shared slice, its own identity fields',
  '',
  '| series | slices | embedded | refused (capacity) | sealed bytes (min / median / max) | PSNR dB (min / median / max) | gap to bound, dB (min / median / max) |',
  '|---|---|---|---|---|---|---|',
  ...[...series.entries()].map(([name, e]) => {
    const m = e.measured;
    if (m.length === 0) return `| ${name} | ${e.total} | 0 | ${e.refused} | – | – | – |`;
    return `| ${name} | ${e.total} | ${m.length} | ${e.refused + e.noBackground} | ${quantiles(m.map((x) => x.sealed)).replace(/\.00/g, '')} | ${quantiles(m.map((x) => x.psnr))} | ${quantiles(m.map((x) => x.bound - x.psnr))} |`;
  }),
  '',
  '## Payload sweep',
  '',
  '| slice | sealed bytes | p | RS parity / codeword | PSNR dB | bound dB | gap dB | PSNR range dB | bound range dB |',
  '|---|---|---|---|---|---|---|---|---|',
  ...sweep.flatMap(({ label, points }) => points.map((x) => `| ${label} | ${x.sealed} | ${x.p} | ${x.parity} | ${x.psnr.toFixed(2)} | ${x.bound.toFixed(2)} | ${(x.bound - x.psnr).toFixed(2)} | ${x.psnrRange.toFixed(2)} | ${x.boundRange.toFixed(2)} |`)),
  '',
  '![PSNR vs bound](fidelity-psnr-vs-bound.svg)',
  '',
];
mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, 'fidelity-results.md'), lines.join('\n'));
writeFileSync(path.join(OUT, 'fidelity-psnr-vs-bound.svg'), renderSvg(sweep));
console.log(lines.join('\n'));

function renderSvg(data: typeof sweep): string {
  const width = 640, height = 400, left = 60, right = 20, top = 30, bottom = 50;
  const all = data.flatMap((s) => s.points.flatMap((p) => [p.psnr, p.bound]));
  const yMin = Math.floor(Math.min(...all) / 5) * 5, yMax = Math.ceil(Math.max(...all) / 5) * 5;
  const x = (bytes: number) => left + ((Math.log2(bytes) - 5) / 7) * (width - left - right);
  const y = (db: number) => top + ((yMax - db) / (yMax - yMin)) * (height - top - bottom);
  const colors = ['#1f77b4', '#d62728'];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`, `<rect width="${width}" height="${height}" fill="white"/>`];
  for (let db = yMin; db <= yMax; db += 5) parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(db)}" y2="${y(db)}" stroke="#ddd"/><text x="${left - 6}" y="${y(db) + 4}" text-anchor="end">${db}</text>`);
  for (let bytes = 32; bytes <= 4096; bytes *= 2) parts.push(`<text x="${x(bytes)}" y="${height - bottom + 18}" text-anchor="middle">${bytes}</text>`);
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">sealed payload (bytes, log scale)</text>`, `<text x="16" y="${(top + height - bottom) / 2}" transform="rotate(-90 16 ${(top + height - bottom) / 2})" text-anchor="middle">PSNR dB (MAX = 2^BitsStored − 1)</text>`);
  data.forEach((s, i) => {
    const line = (pick: (p: Measured) => number) => s.points.map((p, k) => `${k ? 'L' : 'M'}${x(p.sealed).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
    parts.push(`<path d="${line((p) => p.psnr)}" fill="none" stroke="${colors[i]}" stroke-width="2"/>`, `<path d="${line((p) => p.bound)}" fill="none" stroke="${colors[i]}" stroke-width="1.5" stroke-dasharray="5,4"/>`);
    parts.push(`<text x="${left + 10}" y="${height - bottom - 30 + i * 16}" fill="${colors[i]}">${s.label}: fidelity (solid), bound (dashed)</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
