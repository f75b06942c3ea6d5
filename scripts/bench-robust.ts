// `npm run bench` (robust part, called from scripts/bench.ts; also runs alone): medians of the
// `robust` profile's embed and extract on a 512×512 CT and a 256×256 MR slice, written into
// docs/BENCHMARKS.md between the BEGIN/END robust markers. The profile's own work only: the sealed
// bytes are given, the masks are computed before timing (segmentation is in the core section).
// Wall-clock and CPU-time medians: on a shared machine the wall clock mostly measures the other
// jobs, the process's CPU time much less so.
//   node --import tsx scripts/bench-robust.ts [--no-write]   (BENCH_ITERATIONS, default 30)
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { readDicom } from '../src/dicom/index.ts';
import { segmentByThreshold } from '../src/segmentation/index.ts';
import { robustProfile } from '../src/stego/robust/index.ts';
import { BENCH_SLICES, DEFAULT_RUNS, RepeatedRuns, benchmarkSection, describeMachine, loadAverage, measuredOn, readRepoFile, writeBenchmarkSection } from './benchSupport.ts';

/** Sealed container bytes embedded in each slice. */
const SEALED_BYTES = { CT: 128, MR: 32 } as const;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export async function benchRobust(write = true): Promise<string> {
  const keys = { layoutKey: new Uint8Array(32).map((_, i) => i * 13 + 1), ditherKey: new Uint8Array(32).map((_, i) => i * 29 + 7) };
  const rows: string[] = [];
  const loadBefore = loadAverage();
  for (const { label, file, modality } of BENCH_SLICES) {
    const sealedBytes = SEALED_BYTES[modality];
    const image = (await readDicom(readRepoFile(file))).image;
    const mask = segmentByThreshold(image);
    const sealed = new Uint8Array(sealedBytes).map((_, i) => (i * 151 + 7) & 255);
    const runs = new RepeatedRuns(DEFAULT_RUNS);
    let psnr = 0;
    await runs.repeat(async () => {
      let cpu = cpuMs();
      const embedded = await runs.time('embed', () => robustProfile.embed({ image, mask, sealed, keys }));
      runs.record('embed cpu', cpuMs() - cpu);
      const stego = { ...image, pixels: embedded.stegoPixels };
      const stegoMask = segmentByThreshold(stego);
      cpu = cpuMs();
      const out = await runs.time('extract', () => robustProfile.extract({ image: stego, mask: stegoMask, keys }));
      runs.record('extract cpu', cpuMs() - cpu);
      if (!out.sealed.every((b, j) => b === sealed[j])) throw new Error(`bench-robust: ${file} did not round-trip`);
      psnr = Number(embedded.parameters.psnrDbRange);
    });
    const f = (v: number) => v.toFixed(1);
    rows.push(`| ${label} | ${sealedBytes} (${sealedBytes * 8}) | ${psnr.toFixed(2)} | ${f(runs.median('embed'))} | ${f(runs.median('embed cpu'))} | ${f(runs.median('extract'))} | ${f(runs.median('extract cpu'))} |`);
  }
  const section = benchmarkSection('robust', 'npm run bench', 'scripts/bench-robust.ts', [
    '## `robust` profile: embed / extract (sealed bytes given, segmentation excluded)',
    '',
    `Measured ${measuredOn()} with \`node --import tsx scripts/bench-robust.ts\` on ${describeMachine()}, load average ${loadBefore.toFixed(1)} before / ${loadAverage().toFixed(1)} after (${loadBefore > os.cpus().length / 2 ? 'shared machine: wall-clock figures are upper bounds' : 'quiet machine'}); median of ${DEFAULT_RUNS.iterations} runs after ${DEFAULT_RUNS.warmup} warm-up runs, milliseconds per slice; "cpu" = the process's CPU time. Embedding PSNR in the range convention (MAX = cover max − min).`,
    '',
    '| slice | sealed bytes (bits) | PSNR dB | embed | embed cpu | extract | extract cpu |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Target (issue 4): ≤ 30 ms per 512×512 slice for embed and for extract, excluding segmentation.',
  ]);
  if (write) writeBenchmarkSection('robust', section);
  return section;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchRobust(!process.argv.includes('--no-write')));
