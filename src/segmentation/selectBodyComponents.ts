/**
 * Which connected components of an (eroded) candidate mask are the patient.
 *
 * After the opening has cut thin bridges, the candidates are: the trunk or head (largest), arms,
 * legs, hands, the nose tip or chin cut off in a neck slice (smaller), the scanner table and head
 * rest (wide slabs under the patient), blankets and cushions (mostly gone: too thin, too light), and
 * noise specks. The rules, in order:
 *  - drop components smaller than `minPixels` (specks);
 *  - drop components with fewer than `minSeedFraction` of their pixels on seeds (clearly tissue:
 *    fat or denser on CT, well above the noise on MR): foam, blanket folds and noise are light;
 *  - drop thin slabs: width ≥ `tableAspect` × height and mean thickness (pixels / width) below
 *    `maxTableThickness` (a table top seen edge-on);
 *  - the main body is the largest survivor; with `tableBelow`, drop wide components (width ≥
 *    `tableAspect` × height) lying entirely below the main body's centre row (the table and its
 *    pads under a supine patient; a body part is never a flat slab hanging below the trunk);
 *  - keep the main body and every survivor at least `keepFraction` of its size.
 * Nothing surviving means no anatomy: the caller returns an empty mask.
 */
import { connectedComponents } from './connectedComponents.ts';

export interface ComponentRules {
  readonly minPixels: number;
  readonly keepFraction: number;
  /** Seed mask (1 = clearly tissue) and the fraction of a component's pixels that must be seeds. */
  readonly seeds: Uint8Array;
  readonly minSeedFraction: number;
  /** Width/height ratio at or above which a component may be a table (Infinity disables both table rules). */
  readonly tableAspect: number;
  /** Mean thickness (pixels / bounding-box width) below which a wide component is a table top. */
  readonly maxTableThickness: number;
  /** True when the table is below the patient in the image (supine axial CT, the usual case). */
  readonly tableBelow: boolean;
}

/** Returns a new 0/1 mask holding only the kept components of `mask`. */
export function selectBodyComponents(mask: Uint8Array, rows: number, cols: number, rules: ComponentRules): Uint8Array {
  const components = connectedComponents(mask, rows, cols, 8);
  const { labels, count, sizes, minRow, maxRow, minCol, maxCol } = components;
  const out = new Uint8Array(rows * cols);
  if (count === 0) return out;

  const seedCounts = new Int32Array(count + 1);
  const rowSums = new Float64Array(count + 1);
  const seeds = rules.seeds;
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    for (let x = 0; x < cols; x++) {
      const label = labels[start + x]!;
      if (label === 0) continue;
      rowSums[label]! += y;
      if (seeds[start + x] !== 0) seedCounts[label]!++;
    }
  }

  const candidate = new Uint8Array(count + 1);
  let main = 0;
  for (let label = 1; label <= count; label++) {
    const size = sizes[label]!;
    if (size < rules.minPixels) continue;
    if (seedCounts[label]! < rules.minSeedFraction * size) continue;
    const width = maxCol[label]! - minCol[label]! + 1;
    const height = maxRow[label]! - minRow[label]! + 1;
    if (width >= rules.tableAspect * height && size / width < rules.maxTableThickness) continue;
    candidate[label] = 1;
    if (main === 0 || size > sizes[main]!) main = label;
  }
  if (main === 0) return out;

  const mainCentreRow = rowSums[main]! / sizes[main]!;
  const keep = new Uint8Array(count + 1);
  for (let label = 1; label <= count; label++) {
    if (candidate[label] !== 1) continue;
    if (label !== main) {
      if (sizes[label]! < rules.keepFraction * sizes[main]!) continue;
      const width = maxCol[label]! - minCol[label]! + 1;
      const height = maxRow[label]! - minRow[label]! + 1;
      if (rules.tableBelow && width >= rules.tableAspect * height && minRow[label]! > mainCentreRow) continue;
    }
    keep[label] = 1;
  }
  for (let i = 0; i < labels.length; i++) if (keep[labels[i]!] === 1) out[i] = 1;
  return out;
}
