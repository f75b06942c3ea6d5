/**
 * Spread-transform dither modulation (Chen & Wornell, IEEE Trans. Inf. Theory 47(4), 2001) on one
 * projection: a coded bit is carried by the projection p = Σ sign_j · c_j of its AC coefficients,
 * quantised to the lattice Δ·ℤ + dither (bit 0) or Δ·ℤ + dither + Δ/2 (bit 1).
 *
 * Distortion compensation: the encoder moves p only a fraction α of the way to the lattice point
 * (Eggers et al.'s SCS, Costa's α): at an attack ~16× stronger than the embedding, a coarser
 * step moved part-way survives noise better than a fine step moved all the way.
 */

/** Signed distance from p to the nearest lattice point of `bit` (step Δ, dither as a fraction of Δ). */
export function stdmError(projection: number, bit: number, step: number, dither: number): number {
  const offset = (dither + bit * 0.5) * step;
  const target = offset + step * Math.round((projection - offset) / step);
  return target - projection;
}

/**
 * Soft value of a received projection: in [−½, ½], positive when the nearest lattice point is
 * bit 0's, 0 halfway between. (distance to bit 1's lattice − distance to bit 0's), over Δ.
 * For Gaussian noise the log-likelihood ratio is proportional to it, with weight Δ²/(noise power).
 */
export function stdmSoftValue(projection: number, step: number, dither: number): number {
  // x − ⌊x⌋ rather than x % 1: the decoder scores 4 × 256 (density, step) pairs on every header bit,
  // and a float remainder is several times slower in V8.
  const x = projection / step - dither;
  const r = x - Math.floor(x);
  const toZero = Math.min(r, 1 - r);
  const toOne = Math.abs(r - 0.5);
  return toOne - toZero;
}
