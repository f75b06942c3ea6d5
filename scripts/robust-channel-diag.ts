/**
 * Where the `robust` profile's channel loses: per slice, with the step, density and coded bits
 * known (a genie decoder's view), the data coded bits' hard error rate and mutual information per
 * coded bit (histogram estimate, and the best linear-LLR / wrapped-Gaussian-LLR GMI) as written
 * ("clean"), after the attack, and after the attack with a 0.9 floor lift; and the energy budget:
 * the stego's total squared change over σ² against the part that lands on the data bits'
 * projections (per coded bit), and the attack's noise per coefficient along them.
 * A frame of K information bits in N coded bits needs N · MI > K at the very least.
 *
 *   node --import tsx scripts/robust-channel-diag.ts [--modality mr] [--stride 6] [--bytes 32] [--attack 53]
 *       [--design 53] [--noise gaussian|uniform] [--seed 1] [--only 15,28] [--set name=value,…]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../src/dicom/index.ts';
import { segmentByThreshold } from '../src/segmentation/index.ts';
import { createRobustProfile } from '../src/stego/robust/index.ts';
import { readCarrierBlocks, selectCarrierBlocks } from '../src/stego/robust/carrierBlocks.ts';
import { createRobustLayout, dataDither, dataSlotsPerBit, AC_PER_BLOCK } from '../src/stego/robust/robustLayout.ts';
import { stdmSoftValue } from '../src/stego/robust/stdmQuantizer.ts';
import { stepForIndex, check16, writeBits, HEADER_INFORMATION_BITS } from '../src/stego/robust/robustHeader.ts';
import { convolutionalCodedLength } from '../src/ecc/convolutionalEncode.ts';
import { turboEncode } from '../src/ecc/turboEncode.ts';
import { applyNoiseAttack } from '../src/attacks/index.ts';
import { valueRange } from '../src/metrics/valueRange.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const bytes = Number(option('bytes', '32'));
const attack = Number(option('attack', '53'));
const stride = Number(option('stride', '6'));
const noiseKind = option('noise', 'gaussian') as 'gaussian' | 'uniform';
const modality = option('modality', 'mr');
const seedBase = Number(option('seed', '1'));
const only = option('only', '').split(',').filter(Boolean).map(Number);

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
const keys = { layoutKey: new Uint8Array(32).map((_, i) => i * 13 + 1), ditherKey: new Uint8Array(32).map((_, i) => i * 29 + 7) };
const extra = Object.fromEntries(option('set', '').split(',').filter(Boolean).map((p) => [p.split('=')[0]!, Number(p.split('=')[1])]));
const profile = createRobustProfile({ designAttackPsnrDb: Number(option('design', String(attack))), ...extra });
const HEADER_CODED = convolutionalCodedLength(HEADER_INFORMATION_BITS);

export function mutualInformation(u: number[]): number {
  // u: soft value sign-corrected (positive = right), in [-0.5, 0.5]; symmetric channel.
  const bins = 24;
  const hist = new Float64Array(bins);
  for (const x of u) hist[Math.min(bins - 1, Math.floor((x + 0.5) * bins))]++;
  let mi = 0;
  for (let i = 0; i < bins; i++) {
    const p = hist[i]! / u.length;
    const q = hist[bins - 1 - i]! / u.length;
    if (p > 0) mi += p * Math.log2((2 * p) / (p + q));
  }
  return mi;
}

const files = listFiles(path.join('..', 'shared', 'data', modality)).filter((_, i) => i % stride === 0);
let s = -1;
for (const file of files) {
  const image = (await readDicom(new Uint8Array(readFileSync(file)))).image;
  const mask = segmentByThreshold(image);
  let background = 0;
  for (const m of mask) background += m ? 0 : 1;
  if (background / mask.length < 0.3) continue;
  s++;
  const sealed = new Uint8Array(bytes).map((_, i) => (i * 151 + s) & 255);
  let result;
  try {
    result = profile.embed({ image, mask, sealed, keys });
  } catch (e) {
    console.log(`slice ${s} refused ${(e as Error).message.slice(0, 60)}`);
    continue;
  }
  const stepIndex = Number(result.parameters.stepIndex);
  const frameBits = new Uint8Array(bytes * 8 + 16);
  if (only.length && !only.includes(s)) continue;
  for (let i = 0; i < bytes; i++) writeBits(frameBits, 8 * i, 8, sealed[i]!);
  writeBits(frameBits, bytes * 8, 16, check16(sealed));
  const coded = turboEncode(frameBits);
  const layout = createRobustLayout(image.rows, image.cols, keys, HEADER_CODED, 64);
  const slotsPerBit = dataSlotsPerBit(layout, coded.length);
  const dither = dataDither(keys, coded.length);
  const step = stepForIndex(stepIndex) * slotsPerBit;
  const { min, max } = valueRange(image.pixels);
  const stegoImage = { ...image, pixels: result.stegoPixels };
  const attacked = { ...image, pixels: applyNoiseAttack(stegoImage, { noise: noiseKind, psnrDb: attack, seed: s + seedBase }).pixels };
  const line: string[] = [];
  const projections: Record<string, Float64Array> = {};
  let counts: Int32Array = new Int32Array(0);
  for (const [label, img, m, lift] of [
    ['cover', image, mask, 0],
    ['clean', stegoImage, mask, 0],
    ['att', attacked, segmentByThreshold(attacked), 0],
    ['att+0.9', attacked, segmentByThreshold(attacked), 0.9],
  ] as const) {
    const carriers = selectCarrierBlocks(readCarrierBlocks(img, m, 'extract', lift), layout.blockDraw, Number(result.parameters.carrierDensity));
    const proj = new Float64Array(coded.length);
    const count = new Int32Array(coded.length);
    const dataLimit = slotsPerBit * coded.length;
    for (let b = 0; b < carriers.positions.length; b++) {
      for (let j = 0; j < AC_PER_BLOCK; j++) {
        const slot = carriers.positions[b]! * AC_PER_BLOCK + j;
        const r = layout.rank[slot]! - layout.headerSlots;
        if (r < 0 || r >= dataLimit) continue;
        const k = r % coded.length;
        proj[k] += layout.sign[slot]! * carriers.coefficients[b * 16 + 1 + j]!;
        count[k]++;
      }
    }
    projections[label] = proj;
    if (label === 'clean') counts = count;
    if (label === 'cover') continue;
    const u: number[] = [];
    let errors = 0;
    for (let k = 0; k < coded.length; k++) {
      if (count[k] === 0) continue;
      const soft = stdmSoftValue(proj[k]!, step, dither[k]!);
      const v = coded[k] ? -soft : soft;
      u.push(v);
      if (v <= 0) errors++;
    }
    let bestLinear = 0;
    for (let c = 0.5; c < 40; c *= 1.15) {
      let g = 0;
      for (const x of u) g += Math.log2(1 + Math.exp(-c * x));
      bestLinear = Math.max(bestLinear, 1 - g / u.length);
    }
    // wrapped Gaussian LLR with noise s (fraction of step): u = soft in [-1/2,1/2]; distance to bit-0 lattice d0, bit-1 d1.
    let bestWrapped = 0;
    let bestS = 0;
    for (let sd = 0.05; sd < 0.6; sd *= 1.1) {
      let g = 0;
      for (const x of u) {
        // soft = toOne - toZero; toZero + toOne = 1/2 → toZero = (1/2 - soft)/2
        const d0 = (0.5 - x) / 2;
        const d1 = 0.5 - d0;
        let p0 = 0, p1 = 0;
        for (let j = -3; j <= 3; j++) {
          p0 += Math.exp(-((d0 + j) ** 2) / (2 * sd * sd));
          p1 += Math.exp(-((d1 + j) ** 2) / (2 * sd * sd));
        }
        g += Math.log2(1 + p1 / p0);
      }
      if (1 - g / u.length > bestWrapped) { bestWrapped = 1 - g / u.length; bestS = sd; }
    }
    line.push(`${label}: gmiLin ${bestLinear.toFixed(3)} gmiWrap ${bestWrapped.toFixed(3)} s ${bestS.toFixed(2)}`);
    line.push(`${label}: ber ${(errors / u.length).toFixed(3)} mi ${mutualInformation(u).toFixed(3)}`);
  }
  let total = 0;
  for (let i = 0; i < image.pixels.length; i++) total += (result.stegoPixels[i]! - image.pixels[i]!) ** 2;
  let signal = 0;
  let noise = 0;
  let used = 0;
  for (let k = 0; k < coded.length; k++) {
    const n = counts[k]!;
    if (!n) continue;
    used++;
    signal += (projections.clean![k]! - projections.cover![k]!) ** 2 / n;
    noise += (projections.att![k]! - projections.clean![k]!) ** 2 / n;
  }
  const sigma2 = (max - min) ** 2 / 10 ** (attack / 10);
  line.push(`E/σ² total ${(total / sigma2).toFixed(0)} data-proj ${(signal / sigma2).toFixed(0)} per bit ${(signal / used / sigma2).toFixed(2)} noise/σ² ${(noise / used / sigma2).toFixed(2)}`);
  console.log(`slice ${s} range ${max - min} carriers ${readCarrierBlocks(image, mask, 'embed').positions.length} step ${stepIndex} slots/bit ${slotsPerBit} density ${result.parameters.carrierDensity} | ${line.join(' | ')} | need ${(frameBits.length / coded.length).toFixed(3)} coded ${coded.length}`);
}
