/**
 * Contact sheets for checking body masks by eye: every DICOM slice under a folder, windowed to
 * 8 bits, downscaled, with the threshold segmenter's mask tinted green and outlined in red. Each
 * thumbnail carries its number; a Markdown legend beside each sheet maps numbers to files with the
 * mask's body fraction and the segmentation time.
 *
 *   node --import tsx scripts/segmentation-sheets.ts <dir> <out.png> [--thumb 256] [--cols 6] [--per-sheet 30] [--raw] [--only SUBSTRING]...
 *
 * With more slices than --per-sheet, writes <out>-1.png, <out>-2.png, ... (and .md legends).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encode } from 'fast-png';
import type { PixelImage } from '../src/image/PixelImage.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { readDicom } from '../src/dicom/index.ts';
import { listFilesUnder } from './listFilesUnder.ts';

async function loadPixelImage(bytes: Uint8Array): Promise<PixelImage> {
  return (await readDicom(bytes)).image;
}

interface Options {
  dir: string;
  out: string;
  thumb: number;
  cols: number;
  perSheet: number;
  raw: boolean;
  only: string[];
}

function parseArguments(argv: string[]): Options {
  const positional: string[] = [];
  const options = { thumb: 256, cols: 6, perSheet: 30, raw: false, only: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--raw') options.raw = true;
    else if (a === '--thumb') options.thumb = Number(argv[++i]);
    else if (a === '--cols') options.cols = Number(argv[++i]);
    else if (a === '--per-sheet') options.perSheet = Number(argv[++i]);
    else if (a === '--only') options.only.push(argv[++i]!);
    else positional.push(a);
  }
  if (positional.length !== 2) {
    console.error('usage: segmentation-sheets.ts <dir> <out.png> [--thumb 256] [--cols 6] [--per-sheet 30] [--raw] [--only SUBSTRING]...');
    process.exit(2);
  }
  return { dir: positional[0]!, out: positional[1]!, ...options };
}

/** Display window in stored values: CT [-1000, 400] HU (air, lung, fat and table all visible); others 0.5-99.5 percentile. */
function windowFor(image: PixelImage): [number, number] {
  if (image.modality === 'CT' && image.rescaleSlope > 0) {
    return [(-1000 - image.rescaleIntercept) / image.rescaleSlope, (400 - image.rescaleIntercept) / image.rescaleSlope];
  }
  const sorted = Int32Array.from(image.pixels).sort();
  const low = sorted[Math.floor(sorted.length * 0.005)]!;
  const high = sorted[Math.floor(sorted.length * 0.995)]!;
  return [low, Math.max(high, low + 1)];
}

// 3×5 digit glyphs, one string of 15 bits per digit (rows top to bottom).
const DIGITS = ['111101101101111', '010110010010111', '111001111100111', '111001111001111', '101101111001001', '111100111001111', '111100111101111', '111001001001001', '111101111101111', '111101111001111'];

function drawNumber(rgb: Uint8Array, width: number, x0: number, y0: number, value: number, scale: number): void {
  const text = String(value);
  const w = (text.length * 4 + 1) * scale;
  const h = 7 * scale;
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgb.set([0, 0, 0], (y * width + x) * 3);
  for (let c = 0; c < text.length; c++) {
    const glyph = DIGITS[text.charCodeAt(c) - 48]!;
    for (let gy = 0; gy < 5; gy++) {
      for (let gx = 0; gx < 3; gx++) {
        if (glyph[gy * 3 + gx] !== '1') continue;
        for (let sy = 0; sy < scale; sy++) {
          for (let sx = 0; sx < scale; sx++) {
            const x = x0 + (1 + c * 4 + gx) * scale + sx;
            const y = y0 + (1 + gy) * scale + sy;
            rgb.set([255, 255, 0], (y * width + x) * 3);
          }
        }
      }
    }
  }
}

/** Paint one thumbnail (box `size`×`size`, aspect kept) into the sheet at (ox, oy). */
function drawThumbnail(rgb: Uint8Array, sheetWidth: number, ox: number, oy: number, size: number, image: PixelImage, mask: Uint8Array | undefined): void {
  const { rows, cols, pixels } = image;
  const scale = Math.max(rows, cols) / size;
  const tw = Math.round(cols / scale);
  const th = Math.round(rows / scale);
  const [low, high] = windowFor(image);
  const invert = image.photometricInterpretation === 'MONOCHROME1';
  // Outline at full resolution (a body pixel with a non-body 4-neighbour), then mapped onto thumbnail pixels.
  const outline = new Uint8Array(rows * cols);
  if (mask) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const i = y * cols + x;
        if (mask[i] === 0) continue;
        if ((x > 0 && mask[i - 1] === 0) || (x + 1 < cols && mask[i + 1] === 0) || (y > 0 && mask[i - cols] === 0) || (y + 1 < rows && mask[i + cols] === 0)) outline[i] = 1;
      }
    }
  }
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      const y0 = Math.floor(ty * scale);
      const y1 = Math.max(y0 + 1, Math.floor((ty + 1) * scale));
      const x0 = Math.floor(tx * scale);
      const x1 = Math.max(x0 + 1, Math.floor((tx + 1) * scale));
      let sum = 0;
      let count = 0;
      let inside = 0;
      let edge = false;
      for (let y = y0; y < y1 && y < rows; y++) {
        for (let x = x0; x < x1 && x < cols; x++) {
          const i = y * cols + x;
          sum += pixels[i]!;
          count++;
          if (mask) {
            inside += mask[i]!;
            if (outline[i] === 1) edge = true;
          }
        }
      }
      let g = Math.round(((sum / count - low) / (high - low)) * 255);
      g = Math.min(255, Math.max(0, g));
      if (invert) g = 255 - g;
      let r = g;
      let gr = g;
      let b = g;
      if (edge) {
        r = 255;
        gr = 30;
        b = 30;
      } else if (inside * 2 > count) {
        r = Math.round(g * 0.8);
        gr = Math.round(g * 0.8 + 51);
        b = Math.round(g * 0.8);
      }
      rgb.set([r, gr, b], ((oy + ty) * sheetWidth + ox + tx) * 3);
    }
  }
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const files = listFilesUnder(options.dir).filter((f) => options.only.length === 0 || options.only.some((o) => f.includes(o)));
  const segmenter = createThresholdSegmenter();
  const sheets = Math.ceil(files.length / options.perSheet);
  const gap = 4;
  for (let s = 0; s < sheets; s++) {
    const chunk = files.slice(s * options.perSheet, (s + 1) * options.perSheet);
    const gridRows = Math.ceil(chunk.length / options.cols);
    const width = options.cols * (options.thumb + gap) + gap;
    const height = gridRows * (options.thumb + gap) + gap;
    const rgb = new Uint8Array(width * height * 3).fill(40);
    const legend: string[] = [`# ${relative(process.cwd(), options.dir)}: sheet ${s + 1} of ${sheets}`, '', '| # | file | body fraction | ms |', '| --- | --- | --- | --- |'];
    for (let k = 0; k < chunk.length; k++) {
      const file = chunk[k]!;
      let image: PixelImage;
      try {
        image = await loadPixelImage(new Uint8Array(readFileSync(file)));
      } catch (error) {
        legend.push(`| ${k} | ${relative(options.dir, file)} | unreadable: ${(error as Error).message} | |`);
        continue;
      }
      let mask: Uint8Array | undefined;
      let ms = 0;
      if (!options.raw) {
        const t0 = performance.now();
        mask = await segmenter.segment(image);
        ms = performance.now() - t0;
      }
      let body = 0;
      if (mask) for (let i = 0; i < mask.length; i++) body += mask[i]!;
      const ox = gap + (k % options.cols) * (options.thumb + gap);
      const oy = gap + Math.floor(k / options.cols) * (options.thumb + gap);
      drawThumbnail(rgb, width, ox, oy, options.thumb, image, mask);
      drawNumber(rgb, width, ox, oy, k, 2);
      legend.push(`| ${k} | ${relative(options.dir, file)} | ${mask ? (body / mask.length).toFixed(3) : '-'} | ${ms.toFixed(1)} |`);
    }
    const base = sheets === 1 ? options.out.replace(/\.png$/, '') : `${options.out.replace(/\.png$/, '')}-${s + 1}`;
    writeFileSync(`${base}.png`, encode({ width, height, data: rgb, channels: 3, depth: 8 }));
    writeFileSync(`${base}.md`, `${legend.join('\n')}\n`);
    console.log(`${basename(base)}.png: ${chunk.length} slices`);
  }
}

await main();
