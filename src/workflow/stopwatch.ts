/** Lap timer in milliseconds on `performance.now()` (present in Node and browsers). */
export function stopwatch(): { lap(): number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      return Math.round(elapsed * 100) / 100;
    },
  };
}
