import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TURBO_TAIL_BITS, TURBO_TAIL_STEPS, rscStep, turboCodedLength, turboEncode } from '../../src/ecc/turboEncode.ts';
import { turboDecode } from '../../src/ecc/turboDecode.ts';
import { inversePermutation, turboInterleaver } from '../../src/ecc/turboInterleaver.ts';
import { convolutionalEncode } from '../../src/ecc/convolutionalEncode.ts';
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

/** BPSK in Gaussian noise at Eb/N0 (dB) for a code of `rate`: LLRs 2y/σ². */
function awgnLlr(coded: Uint8Array, ebn0Db: number, rate: number, random: () => number): Float64Array {
  const sigma = Math.sqrt(1 / (2 * rate * 10 ** (ebn0Db / 10)));
  return Float64Array.from(coded, (bit) => {
    const gaussian = Math.sqrt(-2 * Math.log(Math.max(random(), 1e-300))) * Math.cos(2 * Math.PI * random());
    return (2 * (1 - 2 * bit + sigma * gaussian)) / (sigma * sigma);
  });
}

test('constituent code: the LTE RSC (13, 15 octal) trellis, and the two tails drive each encoder back to state 0', () => {
  // Impulse response of the recursive code 1 + D + D³ over 1 + D² + D³: input 1 then zeros, from state 0.
  let state = 0;
  const parity: number[] = [];
  for (let i = 0; i < 10; i++) {
    const step = rscStep(state, i === 0 ? 1 : 0);
    parity.push(step.parity);
    state = step.next;
  }
  // Long division of (1 + D + D³) by (1 + D² + D³) over GF(2): 1 1 1 1 0 0 1 0 1 1 …
  assert.deepEqual(parity, [1, 1, 1, 1, 0, 0, 1, 0, 1, 1]);
  for (const length of [1, 40, 272]) {
    const bits = randomBits(length, length);
    const coded = turboEncode(bits);
    assert.equal(coded.length, turboCodedLength(length));
    assert.equal(coded.length, 3 * length + TURBO_TAIL_BITS);
    assert.deepEqual(coded.slice(0, length), bits, 'systematic part');
    const permutation = turboInterleaver(length);
    for (const [encoder, input] of [bits, Uint8Array.from(permutation, (p) => bits[p]!)].entries()) {
      let s = 0;
      for (let i = 0; i < length; i++) {
        const step = rscStep(s, input[i]!);
        assert.equal(coded[(1 + encoder) * length + i], step.parity);
        s = step.next;
      }
      for (let t = 0; t < TURBO_TAIL_STEPS; t++) {
        const tail = 3 * length + encoder * 2 * TURBO_TAIL_STEPS + 2 * t;
        const step = rscStep(s, coded[tail]!);
        assert.equal(coded[tail + 1], step.parity);
        s = step.next;
      }
      assert.equal(s, 0, `encoder ${encoder + 1} terminated`);
    }
  }
});

test('interleaver: a permutation of 0..K−1, fixed per K, with S-random spread (outputs closer than S come from inputs ≥ S apart) S = 4, 9, 13 for K = 40, 272, 1,040', () => {
  for (const [length, spread] of [[40, 4], [272, 9], [1040, 13]] as const) {
    const permutation = turboInterleaver(length);
    assert.deepEqual([...permutation].sort((a, b) => a - b), Array.from({ length }, (_, i) => i));
    const inverse = inversePermutation(permutation);
    for (let i = 0; i < length; i++) assert.equal(inverse[permutation[i]!], i);
    for (let i = 0; i < length; i++) {
      for (let j = i + 1; j < Math.min(length, i + spread); j++) {
        assert.ok(Math.abs(permutation[i]! - permutation[j]!) >= spread, `K = ${length}, S = ${spread}: outputs ${i} and ${j}`);
      }
    }
    assert.deepEqual(turboInterleaver(length), permutation);
  }
});

test('the code is linear: encode(a xor b) = encode(a) xor encode(b)', () => {
  const a = randomBits(300, 1);
  const b = randomBits(300, 2);
  const ea = turboEncode(a);
  const eb = turboEncode(b);
  assert.deepEqual(turboEncode(a.map((x, i) => x ^ b[i]!)), ea.map((x, i) => x ^ eb[i]!));
});

test('no noise: decoding returns the input exactly, and a frame check that holds stops after one iteration', () => {
  for (const length of [1, 16, 272, 1040]) {
    const bits = randomBits(length, length + 3);
    const llr = hardLlr(turboEncode(bits));
    assert.deepEqual(turboDecode(llr, length).bits, bits);
    const checked = turboDecode(llr, length, { accept: (decoded) => decoded.every((b, i) => b === bits[i]) });
    assert.equal(checked.iterations, 1);
    assert.equal(checked.accepted, true);
  }
  assert.throws(() => turboDecode(new Float64Array(10), 5), RangeError);
});

test('erasures: a quarter of the coded bits unknown (LLR 0) and 4% hard errors, still decoded', () => {
  const bits = randomBits(272, 11);
  const llr = hardLlr(turboEncode(bits));
  const random = seededRandom(12);
  for (let i = 0; i < llr.length; i++) {
    const r = random();
    if (r < 1 / 4) llr[i] = 0;
    else if (r < 1 / 4 + 0.04) llr[i] = -llr[i]!;
  }
  assert.deepEqual(turboDecode(llr, bits.length, { accept: (decoded) => decoded.every((b, i) => b === bits[i]) }).bits, bits);
});

test('AWGN at Eb/N0 = 1.5 dB, 272 and 1,040 information bits: the turbo code decodes ≥ 95% of 40 frames, the K = 9 convolutional code (Viterbi) fewer', () => {
  // scripts/robust-code-sim.ts measures the whole curve; this pins the gain the robust profile relies on.
  for (const length of [272, 1040]) {
    const random = seededRandom(length);
    let turboOk = 0;
    let viterbiOk = 0;
    const frames = 40;
    for (let f = 0; f < frames; f++) {
      const bits = Uint8Array.from({ length }, () => (random() < 0.5 ? 1 : 0));
      const turboCoded = turboEncode(bits);
      const turbo = turboDecode(awgnLlr(turboCoded, 1.5, length / turboCoded.length, random), length, { accept: (decoded) => decoded.every((b, i) => b === bits[i]) });
      if (turbo.bits.every((b, i) => b === bits[i])) turboOk++;
      const convolutional = convolutionalEncode(bits);
      if (convolutionalDecode(awgnLlr(convolutional, 1.5, length / convolutional.length, random), length).bits.every((b, i) => b === bits[i])) viterbiOk++;
    }
    assert.ok(turboOk >= 0.95 * frames, `K = ${length}: turbo ${turboOk}/${frames}`);
    assert.ok(viterbiOk < turboOk, `K = ${length}: Viterbi ${viterbiOk}/${frames} < turbo ${turboOk}/${frames}`);
  }
});
