// `npm run bench`: per-slice medians of each stage on a 512×512 CT and a 256×256 MR slice, written
// into docs/BENCHMARKS.md between the BEGIN/END core markers (other sections are kept); then the
// `robust` profile's section (scripts/bench-robust.ts) and the Mask R-CNN segmenter's
// (scripts/bench-maskrcnn.ts).
// Medians of repeated runs in one process, after warm-up; these machines are noisy, so compare
// figures only within one run.
import { readDicom, writeStegoDicom } from '../src/dicom/index.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { collectIdentityFields, serializePayload } from '../src/payload/index.ts';
import { embedPaper, extractPaper } from '../src/stego/index.ts';
import { benchMaskRcnn } from './bench-maskrcnn.ts';
import { benchRobust } from './bench-robust.ts';
import { BENCH_SLICES, DEFAULT_RUNS, RepeatedRuns, benchmarkSection, describeMachine, measuredOn, readRepoFile, writeBenchmarkSection } from './benchSupport.ts';

const segmenter = createThresholdSegmenter();
const rows: string[] = [];
for (const { label, file } of BENCH_SLICES) {
  const bytes = readRepoFile(file);
  const runs = new RepeatedRuns(DEFAULT_RUNS);
  let bits = 0;
  await runs.repeat(async () => {
    const slice = await runs.time('read', () => readDicom(bytes));
    const mask = await runs.time('segment', () => segmenter.segment(slice.image));
    const payloadText = serializePayload(collectIdentityFields((k) => slice.getString(k)));
    const embedded = await runs.time('embed', () => embedPaper({ image: slice.image, mask, payloadText }));
    bits = embedded.payloadBits;
    const extracted = await runs.time('extract', () => extractPaper({ ...slice.image, pixels: embedded.stegoPixels }, mask));
    if (extracted.payloadText !== payloadText) throw new Error(`bench: ${file} did not round-trip`);
    await runs.time('write', () => writeStegoDicom(slice, embedded.stegoPixels, { derivationDescription: 'bench' }));
  });
  const m = (name: string) => runs.median(name);
  const f = (v: number) => v.toFixed(2);
  rows.push(`| ${label} | ${bits} | ${f(m('read'))} | ${f(m('segment'))} | ${f(m('embed'))} | ${f(m('extract'))} | ${f(m('embed') + m('extract'))} | ${f(m('write'))} |`);
}

const section = benchmarkSection('core', 'npm run bench', 'scripts/bench.ts', [
  '## Core: read, segment, embed, extract, write (`paper` profile, β = 1000, classical segmenter)',
  '',
  `Measured ${measuredOn()} with \`npm run bench\` on ${describeMachine()}; median of ${DEFAULT_RUNS.iterations} runs after ${DEFAULT_RUNS.warmup} warm-up runs, milliseconds per slice. The payload is the slice's own identity fields as a level-H QR code (payload bits = QR modules). "extract" is the stego→QR→text step on a known mask (extraction in the CLI also re-runs the segmenter: add the segment column).`,
  '',
  '| slice | payload bits | read | segment | embed | extract | embed + extract | write |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Targets (issue 2): embed + extract ≤ 20 ms per 512×512 slice; classical segmentation ≤ 20 ms.',
]);
writeBenchmarkSection('core', section);
console.log(section);
console.log(await benchRobust());
console.log(await benchMaskRcnn());
