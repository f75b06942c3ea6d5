// The Mask R-CNN part of `npm run bench` (scripts/bench.ts calls it; also runnable alone with
// `node --import tsx scripts/bench-maskrcnn.ts`): model load time and per-slice latency of the
// 'maskrcnn' segmenter (pre-processing + inference + post-processing) on onnxruntime-node and on
// onnxruntime-web's WASM backend in Node, written into docs/BENCHMARKS.md between the
// BEGIN/END maskrcnn markers. Medians of repeated runs in one process, after warm-up.
// MEDSTEGO_BENCH_MODEL=<file.onnx> measures a candidate model instead and only prints the table.
import os from 'node:os';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { readDicom } from '../src/dicom/index.ts';
import type { PixelImage } from '../src/image/PixelImage.ts';
import { createMaskRcnnSegmenter, loadMaskRcnnMetadata, type InferenceSessionLike, type OnnxRuntimeLike } from '../src/segmentation/maskrcnn/index.ts';
import { BENCH_SLICES, ROOT, RepeatedRuns, benchmarkSection, describeMachine, loadAverage, measuredOn, readRepoFile, writeBenchmarkSection } from './benchSupport.ts';

const MODEL = process.env.MEDSTEGO_BENCH_MODEL ?? path.join(ROOT, 'models', 'body-maskrcnn.onnx');
const SEGMENT_RUNS = { warmup: 2, iterations: Math.max(10, Number(process.env.BENCH_MASKRCNN_ITERATIONS ?? 15)) };
const LOAD_RUNS = { warmup: 0, iterations: 3 };
const WASM_THREADS = Math.min(4, os.cpus().length);

interface Runtime {
  readonly label: string;
  readonly ort: OnnxRuntimeLike;
  create(model: Uint8Array): Promise<InferenceSessionLike>;
}

const RUNTIMES: Runtime[] = [
  {
    label: `onnxruntime-node ${ortNode.env.versions.common} (CPU EP, default threads)`,
    ort: ortNode,
    create: (model) => ortNode.InferenceSession.create(model, { graphOptimizationLevel: 'all', logSeverityLevel: 3 }),
  },
  {
    // The viewer's setting (extension/src/createViewerSegmenter.ts): one thread per core, at most 4.
    // onnxruntime-web fixes its thread count when its WASM starts, so one process measures one setting.
    label: `onnxruntime-web ${ortWeb.env.versions.common} WASM in Node (${WASM_THREADS} threads, as the viewer)`,
    ort: ortWeb,
    create: (model) => {
      ortWeb.env.wasm.numThreads = WASM_THREADS;
      ortWeb.env.logLevel = 'error';
      return ortWeb.InferenceSession.create(model, { executionProviders: ['wasm'], logSeverityLevel: 3 });
    },
  },
];

/** Wraps a session to time its run() calls alone (inference without pre/post-processing). */
function timedSession(session: InferenceSessionLike, runs: RepeatedRuns): InferenceSessionLike {
  return { run: (feeds) => runs.time('inference', () => session.run(feeds)) };
}

export async function benchMaskRcnn(): Promise<string> {
  if (!existsSync(MODEL)) throw new Error(`bench: ${MODEL} is missing`);
  const modelBytes = new Uint8Array(readFileSync(MODEL));
  const metadata = loadMaskRcnnMetadata(readFileSync(MODEL.replace(/\.onnx$/, '.json'), 'utf8'));
  const images: PixelImage[] = [];
  for (const { file } of BENCH_SLICES) images.push((await readDicom(readRepoFile(file))).image);
  const load = loadAverage();

  const rows: string[] = [];
  const f = (v: number) => v.toFixed(0);
  for (const runtime of RUNTIMES) {
    const loads = new RepeatedRuns(LOAD_RUNS);
    let session: InferenceSessionLike | undefined;
    await loads.repeat(async () => {
      session = await loads.time('load', () => runtime.create(modelBytes));
    });
    const cells: string[] = [];
    for (const image of images) {
      const runs = new RepeatedRuns(SEGMENT_RUNS);
      const segmenter = createMaskRcnnSegmenter({ runtime: runtime.ort, session: timedSession(session!, runs), metadata });
      await runs.repeat(() => runs.time('segment', () => segmenter.segment(image)));
      cells.push(f(runs.median('segment')), f(runs.median('inference')));
    }
    rows.push(`| ${runtime.label} | ${f(loads.median('load'))} | ${cells.join(' | ')} |`);
  }

  const sha = createHash('sha256').update(modelBytes).digest('hex').slice(0, 12);
  const section = benchmarkSection('maskrcnn', 'npm run bench', 'scripts/bench-maskrcnn.ts', [
    '## Mask R-CNN segmenter (`--segmenter maskrcnn`)',
    '',
    `Measured ${measuredOn()} with \`npm run bench\` on ${describeMachine()}, 1-minute load average ${load.toFixed(2)} when it started; model \`${path.relative(ROOT, MODEL)}\` (${(statSync(MODEL).size / 2 ** 20).toFixed(1)} MiB, sha256 ${sha}…). "Load": creating the session from the model bytes, median of ${LOAD_RUNS.iterations}. "Segment": the whole segmenter per slice (pre-processing, inference, union/paste/hole filling, boundary refinement by the classical segmenter, margin), median of ${SEGMENT_RUNS.iterations} runs after ${SEGMENT_RUNS.warmup} warm-up runs; "inference": session.run alone, same runs. Milliseconds.`,
    '',
    `| runtime | load | ${BENCH_SLICES.map((s) => `${s.size} segment | ${s.size} inference`).join(' | ')} |`,
    `|---|---|${BENCH_SLICES.map(() => '---|---').join('|')}|`,
    ...rows,
    '',
    'Targets (issue 5): ≤ 150 ms (onnxruntime-node) and ≤ 400 ms (onnxruntime-web WASM) per 512×512 slice. A load average above 2 means other work shared the 2 cores during the run: the figures are then upper bounds.',
  ]);

  // Only the committed model's figures belong in the document; a candidate (MEDSTEGO_BENCH_MODEL) is printed only.
  if (!process.env.MEDSTEGO_BENCH_MODEL) writeBenchmarkSection('maskrcnn', section);
  return section;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchMaskRcnn());
