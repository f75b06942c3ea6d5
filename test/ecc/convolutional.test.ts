import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convolutionalEncode, convolutionalCodedLength, CODED_PER_INPUT, GENERATORS, TAIL_BITS } from '../../src/ecc/convolutionalEncode.ts';
import { convolutionalDecode } from '../../src/ecc/convolutionalDecode.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

function randomBits(count: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length: count }, () => (random() < 0.5 ? 1 : 0));
}

/** Hard decisions as LLRs of magnitude 1: bit 0 → +1, bit 1 → −1. */
function hardLlr(coded: Uint8Array): Float64Array {
  return Float64Array.from(coded, (bit) => 1 - 2 * bit);
}

test('impulse response is the three generator polynomials (557, 663, 711 octal), tail zero-terminated', () => {
  assert.deepEqual([...GENERATORS], [0o557, 0o663, 0o711]);
  const input = [1, 0, 0, 0, 0, 0, 0, 0, 0];
  const coded = convolutionalEncode(input);
  assert.equal(coded.length, convolutionalCodedLength(input.length));
  assert.equal(coded.length, 3 * (input.length + TAIL_BITS));
  // Input 1 followed by zeros: output triple i is tap (8 − i) of each generator, MSB first.
  for (let i = 0; i <= TAIL_BITS; i++) {
    for (let g = 0; g < CODED_PER_INPUT; g++) assert.equal(coded[CODED_PER_INPUT * i + g], (GENERATORS[g]! >> (TAIL_BITS - i)) & 1, `g${g} tap ${i}`);
  }
  assert.ok(coded.slice(CODED_PER_INPUT * (TAIL_BITS + 1)).every((b) => b === 0));
});

test('the code is linear: encode(a xor b) = encode(a) xor encode(b)', () => {
  const a = randomBits(200, 1);
  const b = randomBits(200, 2);
  const ea = convolutionalEncode(a);
  const eb = convolutionalEncode(b);
  const eab = convolutionalEncode(a.map((x, i) => x ^ b[i]!));
  assert.deepEqual(eab, ea.map((x, i) => x ^ eb[i]!));
});

test('no noise: decoding returns the input exactly', () => {
  for (const length of [1, 16, 333, 2048]) {
    const bits = randomBits(length, length);
    assert.deepEqual(convolutionalDecode(hardLlr(convolutionalEncode(bits)), length).bits, bits);
  }
});

test('known error patterns: up to 8 hard errors per constraint span are corrected (free distance 18)', () => {
  const bits = randomBits(400, 7);
  const coded = convolutionalEncode(bits);
  const patterns = [[0], [5, 6], [100, 103, 107], [200, 201, 210, 214], [10, 400, 790], [500, 501, 502, 503, 504, 505, 506, 507], [900, 903, 905, 908, 911, 913, 916, 920]];
  for (const pattern of patterns) {
    const llr = hardLlr(coded);
    for (const position of pattern) llr[position] = -llr[position]!;
    assert.deepEqual(convolutionalDecode(llr, bits.length).bits, bits, `errors at ${pattern.join(',')}`);
  }
  // A burst of 30 consecutive errors exceeds what the code can correct: decoding must not claim otherwise.
  const burst = hardLlr(coded);
  for (let i = 300; i < 330; i++) burst[i] = -burst[i]!;
  assert.notDeepEqual(convolutionalDecode(burst, bits.length).bits, bits);
});

test('erasures (llr 0) on every fourth coded bit and on a run of 12 are recovered', () => {
  const bits = randomBits(500, 3);
  const llr = hardLlr(convolutionalEncode(bits));
  for (let i = 0; i < llr.length; i += 4) llr[i] = 0;
  assert.deepEqual(convolutionalDecode(llr, bits.length).bits, bits);
  const run = hardLlr(convolutionalEncode(bits));
  for (let i = 600; i < 612; i++) run[i] = 0;
  assert.deepEqual(convolutionalDecode(run, bits.length).bits, bits);
});

test('soft values: a wrong but unconfident bit loses to confident neighbours, where hard decisions fail', () => {
  const bits = randomBits(300, 11);
  const coded = convolutionalEncode(bits);
  // Twelve flips within one constraint span: beyond hard-decision correction (≤ 8)...
  const flips = [200, 201, 203, 204, 206, 207, 209, 210, 212, 213, 215, 216];
  const hard = hardLlr(coded);
  for (const f of flips) hard[f] = -hard[f]!;
  assert.notDeepEqual(convolutionalDecode(hard, bits.length).bits, bits);
  // ...but when the flipped values are weak (|llr| 0.2 vs 1) the soft decoder recovers them.
  const soft = hardLlr(coded);
  for (const f of flips) soft[f] = -0.2 * soft[f]!;
  assert.deepEqual(convolutionalDecode(soft, bits.length).bits, bits);
});

test('AWGN at Eb/N0 = 4.5 dB (BPSK, soft): 2,000 bits decode with no error over 20 seeded frames', () => {
  // Rate ⅓: Es/N0 = Eb/N0 − 4.77 dB = −0.27 dB → σ² = 1 / (2 · Es/N0) ≈ 0.53. The raw (hard) bit
  // error rate there is ≈ 8.4%; a K = 9 soft Viterbi decoder reaches a BER far below 1e-5.
  const sigma = Math.sqrt(1 / (2 * 10 ** (-0.0271)));
  let rawErrors = 0;
  let decodedErrors = 0;
  let total = 0;
  for (let frame = 0; frame < 20; frame++) {
    const random = seededRandom(100 + frame);
    const bits = randomBits(2000, 200 + frame);
    const coded = convolutionalEncode(bits);
    const llr = new Float64Array(coded.length);
    for (let i = 0; i < coded.length; i++) {
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      llr[i] = 1 - 2 * coded[i]! + sigma * gaussian;
      if ((llr[i]! < 0 ? 1 : 0) !== coded[i]) rawErrors++;
    }
    total += coded.length;
    const decoded = convolutionalDecode(llr, bits.length).bits;
    for (let i = 0; i < bits.length; i++) if (decoded[i] !== bits[i]) decodedErrors++;
  }
  assert.ok(rawErrors / total > 0.03, `raw BER ${rawErrors / total} should be substantial`);
  assert.equal(decodedErrors, 0);
});

test('wrong soft-value count is refused', () => {
  assert.throws(() => convolutionalDecode(new Float64Array(10), 10), RangeError);
});
