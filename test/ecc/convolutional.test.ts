import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convolutionalEncode, convolutionalCodedLength, GENERATORS, TAIL_BITS } from '../../src/ecc/convolutionalEncode.ts';
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

test('impulse response is the two generator polynomials (133, 171 octal), tail zero-terminated', () => {
  const coded = convolutionalEncode([1, 0, 0, 0, 0, 0, 0]);
  assert.equal(coded.length, convolutionalCodedLength(7));
  // Input 1 followed by zeros: output pair i is tap (6 − i) of each generator, MSB first.
  for (let i = 0; i <= TAIL_BITS; i++) {
    assert.equal(coded[2 * i], (GENERATORS[0] >> (TAIL_BITS - i)) & 1, `g0 tap ${i}`);
    assert.equal(coded[2 * i + 1], (GENERATORS[1] >> (TAIL_BITS - i)) & 1, `g1 tap ${i}`);
  }
  assert.ok(coded.slice(2 * (TAIL_BITS + 1)).every((b) => b === 0));
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

test('known error patterns: up to 4 hard errors per constraint span are corrected (free distance 10)', () => {
  const bits = randomBits(400, 7);
  const coded = convolutionalEncode(bits);
  const patterns = [[0], [5, 6], [100, 103, 107], [200, 201, 210, 214], [10, 400, 790]];
  for (const pattern of patterns) {
    const llr = hardLlr(coded);
    for (const position of pattern) llr[position] = -llr[position]!;
    assert.deepEqual(convolutionalDecode(llr, bits.length).bits, bits, `errors at ${pattern.join(',')}`);
  }
  // A burst of 10 consecutive errors exceeds what the code can correct: decoding must not claim otherwise.
  const burst = hardLlr(coded);
  for (let i = 300; i < 310; i++) burst[i] = -burst[i]!;
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
  // Six flips within one constraint span: beyond hard-decision correction (≤ 4)...
  const flips = [200, 201, 203, 204, 206, 207];
  const hard = hardLlr(coded);
  for (const f of flips) hard[f] = -hard[f]!;
  assert.notDeepEqual(convolutionalDecode(hard, bits.length).bits, bits);
  // ...but when the flipped values are weak (|llr| 0.2 vs 1) the soft decoder recovers them.
  const soft = hardLlr(coded);
  for (const f of flips) soft[f] = -0.2 * soft[f]!;
  assert.deepEqual(convolutionalDecode(soft, bits.length).bits, bits);
});

test('AWGN at Eb/N0 = 4.5 dB (BPSK, soft): 2,000 bits decode with no error over 20 seeded frames', () => {
  // Rate ½: Es/N0 = Eb/N0 − 3 dB = 1.5 dB → σ² = 1 / (2 · Es/N0) ≈ 0.354. The raw (hard) bit error
  // rate there is ≈ 4.6%; a K = 7 soft Viterbi decoder reaches a BER below 1e-5 (textbook curve).
  const sigma = Math.sqrt(1 / (2 * 10 ** 0.15));
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
