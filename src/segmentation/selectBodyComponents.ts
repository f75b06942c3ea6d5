/**
 * Which connected components of an (eroded) candidate mask are the patient.
 *
 * After the opening has cut thin bridges, the candidates are: the trunk or head (largest), arms,
 * legs, hands (smaller, compact), the scanner table (wide and thin), blankets and cushions (thin, mostly
 * gone after the opening), and specks of noise. The rules, in order:
 *  - drop components smaller than `minPixels` (specks);
 *  - drop table-like components: much wider than tall and thin on average (mean thickness = pixels /
 *    width below `maxTableThickness`), since a horizontal slab is a table, not a body part, in an
 *    axial slice;
 *  - with a seed mask (MR), drop components that hold fewer than `minSeedPixels` seed pixels (pixels
 *    clearly above the noise), so blobs of noise never count as anatomy;
 *  - keep the largest survivor and every survivor at least `keepFraction` of its size (arms, legs,
 *    the second side of a slice through both thighs).
 * Nothing surviving means no anatomy: the caller returns an empty mask.
 */
import { connectedComponents } from './connectedComponents.ts';

export interface ComponentRules {
  readonly minPixels: number;
  readonly keepFraction: number;
  /** Width/height ratio at or above which a component may be a table (default rule off when Infinity). */
  readonly tableAspect: number;
  /** Mean thickness (pixels / bounding-box width) below which a wide component is a table. */
  readonly maxTableThickness: number;
  /** Seed mask (1 = clearly tissue) and how many seed pixels a component needs; omit for CT. */
  readonly seeds?: Uint8Array;
  readonly minSeedPixels?: number;
}

/** Returns a new 0/1 mask holding only the kept components of `mask`. */
export function selectBodyComponents(mask: Uint8Array, rows: number, cols: number, rules: ComponentRules): Uint8Array {
  const components = connectedComponents(mask, rows, cols, 8);
  const { labels, count, sizes, minRow, maxRow, minCol, maxCol } = components;
  const out = new Uint8Array(rows * cols);
  if (count === 0) return out;

  let seedCounts: Int32Array | undefined;
  if (rules.seeds) {
    seedCounts = new Int32Array(count + 1);
    const seeds = rules.seeds;
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i]!;
      if (label !== 0 && seeds[i] !== 0) seedCounts[label]!++;
    }
  }

  const candidate = new Uint8Array(count + 1);
  let largest = 0;
  for (let label = 1; label <= count; label++) {
    const size = sizes[label]!;
    if (size < rules.minPixels) continue;
    const width = maxCol[label]! - minCol[label]! + 1;
    const height = maxRow[label]! - minRow[label]! + 1;
    if (width >= rules.tableAspect * height && size / width < rules.maxTableThickness) continue;
    if (seedCounts && seedCounts[label]! < (rules.minSeedPixels ?? 1)) continue;
    candidate[label] = 1;
    if (size > largest) largest = size;
  }
  if (largest === 0) return out;

  const keep = new Uint8Array(count + 1);
  for (let label = 1; label <= count; label++) {
    if (candidate[label] === 1 && sizes[label]! >= rules.keepFraction * largest) keep[label] = 1;
  }
  for (let i = 0; i < labels.length; i++) if (keep[labels[i]!] === 1) out[i] = 1;
  return out;
}
