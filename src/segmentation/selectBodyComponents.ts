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
 *  - with anchors (MR), drop components holding fewer than `minAnchorPixels` anchor pixels: noise,
 *    however it is shaped;
 *  - the main body is the largest survivor; with `tableBelow` (supine patient, table at the bottom of
 *    the image), drop components lying entirely below the main body's lowest row (the table, its
 *    pads, the head rest: a supine patient's arms and legs rest at the level of the back, never
 *    under it) and wide components (width ≥ `tableAspect` × height) entirely below its centre row;
 *  - keep the main body and every survivor at least `keepFraction` of its size.
 * Nothing surviving means no anatomy: the caller returns an empty mask. The main body is never dropped
 * for its shape: a slice where the table is the largest thing keeps the table too (capacity lost)
 * rather than risk dropping a flat body part (a body cut by the image border looks like a slab).
 */
import { connectedComponents } from './connectedComponents.ts';

export interface ComponentRules {
  readonly minPixels: number;
  readonly keepFraction: number;
  /** Seed mask (1 = clearly tissue) and the fraction of a component's pixels that must be seeds. */
  readonly seeds: Uint8Array;
  readonly minSeedFraction: number;
  /** Width/height ratio at or above which a component below the body may be a table (Infinity: never). */
  readonly tableAspect: number;
  /** True when the table is below the patient in the image (supine axial CT, the usual case). */
  readonly tableBelow: boolean;
  /** When given, a component must contain at least `minAnchorPixels` anchor pixels (MR: proof of anatomy over noise). */
  readonly anchors?: Uint8Array;
  readonly minAnchorPixels?: number;
}

/** Returns a new 0/1 mask holding only the kept components of `mask`. */
export function selectBodyComponents(mask: Uint8Array, rows: number, cols: number, rules: ComponentRules): Uint8Array {
  const components = connectedComponents(mask, rows, cols, 8);
  const { count, sizes, minRow, maxRow, minCol, maxCol, runs, runLabels } = components;
  const out = new Uint8Array(rows * cols);
  if (count === 0) return out;

  const seedCounts = new Int32Array(count + 1);
  const anchorCounts = new Int32Array(count + 1);
  const rowSums = new Float64Array(count + 1);
  const seeds = rules.seeds;
  const anchors = rules.anchors;
  for (let y = 0; y < rows; y++) {
    const end = runs.rowStart[y + 1]!;
    for (let k = runs.rowStart[y]!; k < end; k++) {
      const label = runLabels[k]!;
      const a = y * cols + runs.first[k]!;
      const b = y * cols + runs.last[k]!;
      rowSums[label]! += y * (b - a + 1);
      let seedCount = 0;
      for (let i = a; i <= b; i++) seedCount += seeds[i]!;
      seedCounts[label]! += seedCount;
      if (anchors) {
        let anchorCount = 0;
        for (let i = a; i <= b; i++) anchorCount += anchors[i]!;
        anchorCounts[label]! += anchorCount;
      }
    }
  }

  const candidate = new Uint8Array(count + 1);
  let main = 0;
  for (let label = 1; label <= count; label++) {
    const size = sizes[label]!;
    if (size < rules.minPixels) continue;
    if (seedCounts[label]! < rules.minSeedFraction * size) continue;
    if (anchors && anchorCounts[label]! < (rules.minAnchorPixels ?? 1)) continue;
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
      if (rules.tableBelow && (minRow[label]! > maxRow[main]! || (width >= rules.tableAspect * height && minRow[label]! > mainCentreRow))) continue;
    }
    keep[label] = 1;
  }
  for (let y = 0; y < rows; y++) {
    const end = runs.rowStart[y + 1]!;
    for (let k = runs.rowStart[y]!; k < end; k++) {
      if (keep[runLabels[k]!] === 1) out.fill(1, y * cols + runs.first[k]!, y * cols + runs.last[k]! + 1);
    }
  }
  return out;
}
