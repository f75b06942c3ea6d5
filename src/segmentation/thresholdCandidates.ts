/**
 * The per-pixel step of the classical segmenter, in one pass over the slice: which pixels are padding,
 * which could be body (`candidates`), which are clearly tissue (`seeds`), and, per modality, the
 * extra evidence used later (CT: lung-like pixels for hole filling; MR: anchors that prove anatomy).
 *
 * Padding: outside a CT's circular field of view the scanner writes a filler, declared by Pixel
 * Padding Value / Range Limit (PS3.3 C.7.5.1.1.2) or, when the header is silent, a value far below air
 * (−2000 or −3024 HU are common; nothing physical, noise included, is that far below air's −1000).
 * Padding is never body.
 *
 * CT, in Hounsfield units through the rescale: candidates are above `ctThresholdHu` (−400 sits
 * halfway between air at −1000 and fat at −100, so partial-volume skin pixels count as body); seeds
 * are above `ctSeedHu` (−150: fat and everything denser; foam cushions, blankets and air never reach
 * it); lung-like pixels are between `ctAirMaxHu` (−950) and the body threshold.
 *
 * MR and other modalities have no physical scale: the thresholds are measured on the slice, from
 * the background level b and the bright level B (see estimateBackgroundLevel) through the noise floor
 * n = max(b, 1). Stored values are integers, so a median of 0 only says that the noise is below one
 * unit; b = 0 and b = 1 are the same noise (and the embedder moves b between them, below). Then
 *  - candidates are above max(noiseMultiple·n, n + 3, 5% of B) (noiseMultiple 3): above the noise
 *    floor (Rayleigh noise of median b exceeds 3b with probability exp(−(3·1.18)²/2) ≈ 0.2%: single
 *    pixels, which the opening dissolves; n + 3 = 4 for b ≤ 1 keeps out integer noise, which reaches
 *    4 every few hundred pixels) and above the noise near the head, which with coil arrays and
 *    parallel imaging is several times the noise in the far corners where b is measured, yet well
 *    below any tissue at the edge (skin, fat, muscle are 20–100% of B on T1/T2);
 *  - seeds (clearly tissue) are above max(2 × the candidate threshold, 10% of B), which pure noise
 *    does not reach over any area;
 *  - anchors (proof of anatomy, below) are above max(anatomyContrast·n, 10% of B) (anatomyContrast 12).
 *
 * Stability under embedding. The receiver recomputes the mask on the stego image, so the thresholds
 * must come out the same there. B is the 99.5th percentile, i.e. body pixels, which the embedder
 * never touches, and the air blocks it writes stay far below B: with the paper profile at β = 1000,
 * B moves only on the nine noise-only end slices and on the ear tip of sag-anon 0005 (B ≤ 11, where
 * the floor decides). b is measured on air, which the embedder rewrites, and it rewrites the top rows
 * first (usable blocks in raster order), where MR air is often darkest: b moves on 69 of the 192
 * shared MR slices (0 → 1 on 40, 1 → 2 on 19, 0 → 2 on 2, and up by 1–3 on eight noisy brain-tumor
 * crops, 23 → 26 on the noisiest). So the thresholds let B decide wherever there is anatomy: with 3n
 * (not 4b as first written) the B terms dominate whenever B ≥ 60n, which every shared slice with more
 * than an ear satisfies (the noisiest, brain-tumor 1-01, has B = 78b; with 4b its threshold followed
 * b, 92 → 104, and its boundary moved by 88 px, which misplaced the payload); and on the end slices,
 * where n decides, the floor of 1 absorbs the 0 → 1 moves. What remains exposed: a slice whose
 * anatomy is dim against noisy air (B < 60n), where the thresholds follow b and the mask can move
 * when the embedder rewrites most of the air.
 *
 * A slice of pure noise (the ends of an MR series) has no tissue, only noise whose level may vary
 * fivefold across the image (coil sensitivity), so relative thresholds find "structure" in it. What
 * noise never has is a solid region far above the noise floor: an MR component counts as anatomy only
 * if it holds at least 3 anchor pixels whose 4-neighbours are anchors too. Measured on the shared MR
 * series (the brightest pixel whose 4-neighbours are at least as bright, over n): slices with a head
 * exceed 85×; pure-noise end slices reach 5–11×; the faint partial-volume ear tip at the very end of
 * a series reaches 15×, and a few end slices with a single faint spot 12–15×. The gate sits at 12 so
 * that the faint ear stays body (a missed body part is the dangerous error) and pure noise stays
 * empty. The paper profile's blocks in near-zero air stay below it down to β ≈ 400 on 12-bit data
 * (a lifted block sits near w/4 = 4095/β stored units, 4 at β = 1000, 14 at β = 300, where they
 * become "anatomy"; see docs/segmentation/README.md). When b could not be measured on air (every edge
 * is tissue: a tight crop), the candidate threshold drops to half the 5th percentile and the anchor
 * threshold to the candidate threshold: no gate rather than one that could reject a body.
 */
import { isPaddingValue, type PixelImage } from '../image/PixelImage.ts';
import { estimateBackgroundLevel } from './estimateBackgroundLevel.ts';

export interface CandidateOptions {
  readonly ctThresholdHu: number;
  readonly ctSeedHu: number;
  readonly ctAirMaxHu: number;
  readonly paddingBelowHu: number;
  readonly noiseMultiple: number;
  readonly anatomyContrast: number;
}

export interface ThresholdCandidates {
  /** 1 = above the body threshold (before any morphology), 0 elsewhere and on padding. */
  readonly candidates: Uint8Array;
  /** 1 = clearly tissue. */
  readonly seeds: Uint8Array;
  /** 1 = padding; undefined when the slice has none. */
  readonly padding: Uint8Array | undefined;
  /** CT only: 1 = lung-like (denser than air, lighter than the body threshold). */
  readonly lungLike: Uint8Array | undefined;
  /** MR/other only: 1 = bright enough to prove anatomy. */
  readonly anchors: Uint8Array | undefined;
}

/** Thresholds in stored values; a pixel v is padding if v < paddingBelow or declared padding. */
interface StoredThresholds {
  candidate: number;
  seed: number;
  anchor: number;
  airMax: number;
  paddingBelow: number;
}

/**
 * Thresholds in the units of `keys`: the stored values themselves when the rescale slope is positive
 * (the rescale is affine, so one division per slice replaces one multiplication per pixel). A
 * negative slope (legal, never seen in practice) reverses the order, so the keys are the negated
 * stored values with the slope's sign flipped; a zero slope maps everything to the intercept.
 */
function thresholdsFor(image: PixelImage, keys: Int32Array, slope: number, options: CandidateOptions): StoredThresholds {
  if (image.modality === 'CT') {
    const toStored = (hu: number) => (hu - image.rescaleIntercept) / slope;
    return {
      candidate: toStored(options.ctThresholdHu),
      seed: toStored(options.ctSeedHu),
      anchor: Infinity,
      airMax: toStored(options.ctAirMaxHu),
      paddingBelow: Number.isFinite(options.paddingBelowHu) ? toStored(options.paddingBelowHu) : -Infinity,
    };
  }
  const background = estimateBackgroundLevel(keys, image.rows, image.cols);
  const b = Math.max(0, background.level);
  // Without air at any edge, b is the darkest tissue, not noise: half of it is a safe floor (the
  // whole frame may be body), and there is no noise to gate against.
  const bright = background.brightLevel;
  // The noise floor: integer values, so b = 0 (noise below one unit) counts as 1.
  const floor = Math.max(b, 1);
  const candidate = background.fromEdge ? Math.max(options.noiseMultiple * floor, floor + 3, 0.05 * bright) : b / 2;
  return {
    candidate,
    seed: background.fromEdge ? Math.max(2 * candidate, 0.1 * bright) : candidate,
    anchor: background.fromEdge ? Math.max(options.anatomyContrast * floor, 0.1 * bright) : candidate,
    airMax: Infinity,
    paddingBelow: -Infinity,
  };
}

export function thresholdCandidates(image: PixelImage, options: CandidateOptions): ThresholdCandidates {
  const { pixels, rows, cols } = image;
  const n = rows * cols;
  const isCt = image.modality === 'CT';
  let keys = pixels;
  let slope = 1;
  if (isCt) {
    slope = image.rescaleSlope;
    if (slope < 0) {
      keys = pixels.map((v) => -v);
      slope = -slope;
    } else if (slope === 0) {
      keys = new Int32Array(n);
      slope = 1;
    }
  }
  const thresholds = thresholdsFor(image, keys, slope, options);
  const candidates = new Uint8Array(n);
  const seeds = new Uint8Array(n);
  const lungLike = isCt ? new Uint8Array(n) : undefined;
  const anchors = isCt ? undefined : new Uint8Array(n);
  let padding: Uint8Array | undefined;
  const declared = image.pixelPaddingValue !== undefined;
  const { candidate, seed, anchor, airMax, paddingBelow } = thresholds;
  for (let i = 0; i < n; i++) {
    const v = keys[i]!;
    if (v < paddingBelow || (declared && isPaddingValue(image, pixels[i]!))) {
      padding ??= new Uint8Array(n);
      padding[i] = 1;
      continue;
    }
    if (v > candidate) {
      candidates[i] = 1;
      if (v > seed) seeds[i] = 1;
      if (anchors !== undefined && v > anchor) anchors[i] = 1;
    } else if (lungLike !== undefined && v > airMax) {
      lungLike[i] = 1;
    }
  }
  return { candidates, seeds, padding, lungLike, anchors };
}
