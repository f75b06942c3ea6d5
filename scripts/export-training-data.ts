/**
 * Training and validation data for the Mask R-CNN (models/), made by the project's own code so that
 * Python never re-implements DICOM decoding or the pre-processing:
 *  - every slice of <data>/ct and <data>/mr read with readDicom, pre-processed with preprocessSlice
 *    (contract v1), and its reference mask from the reviewed classical segmenter (segmentByThreshold,
 *    safetyMarginPixels 0) letterboxed to 256² with the same geometry (nearest neighbour);
 *  - coronal and sagittal reformats of the TCGA-THCA CT volume (training only): slices sorted by
 *    Image Position Patient, resampled along z to the in-plane pixel spacing (square pixels).
 *
 *   node --import tsx scripts/export-training-data.ts [--data ../shared/data] [--out models/data]
 *
 * Writes <out>/<id>.input.f32 (256² float32 little endian), <id>.mask.u8 (256² 0/1),
 * <id>.ref.u8 (rows×cols 0/1: the reference at image resolution, for evaluation) and index.json.
 * Patient data never leave these files; nothing is printed but counts.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readDicom, type DicomSlice } from '../src/dicom/index.ts';
import type { PixelImage } from '../src/image/PixelImage.ts';
import { MASKRCNN_INPUT_SIZE, preprocessSlice } from '../src/segmentation/maskrcnn/index.ts';
import { segmentByThreshold } from '../src/segmentation/index.ts';
import { listFilesUnder } from './listFilesUnder.ts';

/** Series-level split of the model contract: these series are held back for validation. */
const VALIDATION_SERIES = new Set(['lung-pet-ct-dx', 'brain-tumor-progression']);
const REFORMAT_SERIES = 'tcga-thca-wholebody';
/** One coronal / sagittal reformat every this many pixels of the 512² axial grid. */
const REFORMAT_STEP = 24;

interface Entry {
  id: string;
  source: string;
  series: string;
  modality: string;
  split: 'train' | 'validation';
  kind: 'axial' | 'coronal' | 'sagittal';
  rows: number;
  cols: number;
  resizedRows: number;
  resizedCols: number;
  bodyFraction: number;
}

function parseArguments(argv: string[]): { data: string; out: string } {
  const options = { data: '../shared/data', out: 'models/data' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') options.data = argv[++i]!;
    else if (argv[i] === '--out') options.out = argv[++i]!;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { data: resolve(options.data), out: resolve(options.out) };
}

/** The reference mask on the 256² canvas: nearest neighbour with the letterbox geometry of preprocessSlice. */
function letterboxMask(mask: Uint8Array, rows: number, cols: number, resizedRows: number, resizedCols: number): Uint8Array {
  const out = new Uint8Array(MASKRCNN_INPUT_SIZE * MASKRCNN_INPUT_SIZE);
  for (let y = 0; y < resizedRows; y++) {
    const r = Math.min(rows - 1, Math.floor(((y + 0.5) * rows) / resizedRows));
    for (let x = 0; x < resizedCols; x++) {
      const c = Math.min(cols - 1, Math.floor(((x + 0.5) * cols) / resizedCols));
      out[y * MASKRCNN_INPUT_SIZE + x] = mask[r * cols + c]!;
    }
  }
  return out;
}

function writeSample(out: string, entry: Omit<Entry, 'resizedRows' | 'resizedCols' | 'bodyFraction' | 'rows' | 'cols'>, image: PixelImage): Entry {
  const pre = preprocessSlice(image);
  const mask = segmentByThreshold(image, { safetyMarginPixels: 0 });
  let body = 0;
  for (const v of mask) body += v;
  writeFileSync(join(out, `${entry.id}.input.f32`), new Uint8Array(pre.input.buffer));
  writeFileSync(join(out, `${entry.id}.mask.u8`), letterboxMask(mask, image.rows, image.cols, pre.resizedRows, pre.resizedCols));
  writeFileSync(join(out, `${entry.id}.ref.u8`), mask);
  return { ...entry, rows: image.rows, cols: image.cols, resizedRows: pre.resizedRows, resizedCols: pre.resizedCols, bodyFraction: body / mask.length };
}

function numbers(value: string | undefined): number[] {
  return (value ?? '').split('\\').map(Number);
}

/**
 * Coronal (fixed row y) and sagittal (fixed column x) images of an axial volume, head at the top,
 * z resampled linearly to the in-plane pixel spacing. Where one of the two z neighbours is padding
 * the nearer one is taken, so padding never blends into tissue-like values.
 */
function reformats(slices: DicomSlice[]): { kind: 'coronal' | 'sagittal'; index: number; image: PixelImage }[] {
  const sorted = slices
    .map((s) => ({ s, z: numbers(s.getString('ImagePositionPatient'))[2]! }))
    .sort((a, b) => b.z - a.z);
  const first = sorted[0]!.s.image;
  const spacing = numbers(sorted[0]!.s.getString('PixelSpacing'))[0]!;
  const { rows, cols } = first;
  const zTop = sorted[0]!.z;
  const zBottom = sorted[sorted.length - 1]!.z;
  const outRows = Math.round((zTop - zBottom) / spacing) + 1;
  const isPadding = (v: number): boolean => v * first.rescaleSlope + first.rescaleIntercept < -1500 || v === first.pixelPaddingValue;
  // For each output row: the two axial slices around it and the weight of the lower one.
  const taps = Array.from({ length: outRows }, (_, r) => {
    const z = zTop - r * spacing;
    let k = 0;
    while (k < sorted.length - 2 && sorted[k + 1]!.z > z) k++;
    const z0 = sorted[k]!.z;
    const z1 = sorted[k + 1]!.z;
    return { k, w: Math.min(1, Math.max(0, (z0 - z) / (z0 - z1))) };
  });
  const sample = (r: number, i: number): number => {
    const { k, w } = taps[r]!;
    const a = sorted[k]!.s.image.pixels[i]!;
    const b = sorted[k + 1]!.s.image.pixels[i]!;
    if (isPadding(a) || isPadding(b)) return w < 0.5 ? a : b;
    return Math.round(a * (1 - w) + b * w);
  };
  const out: { kind: 'coronal' | 'sagittal'; index: number; image: PixelImage }[] = [];
  for (let y = REFORMAT_STEP / 2; y < rows; y += REFORMAT_STEP) {
    const pixels = new Int32Array(outRows * cols);
    for (let r = 0; r < outRows; r++) for (let x = 0; x < cols; x++) pixels[r * cols + x] = sample(r, y * cols + x);
    out.push({ kind: 'coronal', index: y, image: { ...first, rows: outRows, cols, pixels } });
  }
  for (let x = REFORMAT_STEP / 2; x < cols; x += REFORMAT_STEP) {
    const pixels = new Int32Array(outRows * rows);
    for (let r = 0; r < outRows; r++) for (let y = 0; y < rows; y++) pixels[r * rows + y] = sample(r, y * cols + x);
    out.push({ kind: 'sagittal', index: x, image: { ...first, rows: outRows, cols: rows, pixels } });
  }
  return out;
}

async function main(): Promise<void> {
  const { data, out } = parseArguments(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const entries: Entry[] = [];
  const volume: DicomSlice[] = [];
  for (const modalityDir of ['ct', 'mr']) {
    for (const series of readdirSync(join(data, modalityDir)).sort()) {
      const split = VALIDATION_SERIES.has(series) ? 'validation' : 'train';
      for (const file of listFilesUnder(join(data, modalityDir, series))) {
        const slice = await readDicom(new Uint8Array(readFileSync(file)));
        const source = relative(data, file);
        const id = source.replace(/\.dcm$/, '').replace(/[^A-Za-z0-9-]+/g, '_');
        entries.push(writeSample(out, { id, source, series, modality: slice.image.modality, split, kind: 'axial' }, slice.image));
        if (series === REFORMAT_SERIES) volume.push(slice);
      }
    }
  }
  for (const { kind, index, image } of reformats(volume)) {
    const id = `ct_${REFORMAT_SERIES}_${kind}_${String(index).padStart(3, '0')}`;
    entries.push(writeSample(out, { id, source: `${kind} reformat of ct/${REFORMAT_SERIES} at ${index}`, series: REFORMAT_SERIES, modality: image.modality, split: 'train', kind }, image));
  }
  writeFileSync(join(out, 'index.json'), `${JSON.stringify({ inputSize: MASKRCNN_INPUT_SIZE, preprocessing: 'v1', entries }, null, 1)}\n`);
  const count = (split: string): number => entries.filter((e) => e.split === split).length;
  console.log(`${entries.length} samples (${count('train')} train, ${count('validation')} validation) in ${out}`);
}

await main();
