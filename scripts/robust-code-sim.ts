/**
 * Frame error rate of the `robust` profile's channel codes on an AWGN / BPSK channel, at the
 * profile's real frame lengths (sealed bytes · 8 + 16-bit check): the K = 9 rate-⅓ convolutional
 * code with soft Viterbi vs the rate-⅓ turbo code (8 max-log-MAP iterations, stopped early by the
 * frame check). A frame counts as an error when the decoded information bits differ from those sent.
 *
 *   node --import tsx scripts/robust-code-sim.ts [--bits 272,1040] [--ebn0 1,1.5,2,2.5,3] [--frames 400] [--seed 1]
 *
 * Prints one markdown row per (information bits, Eb/N0): frame error rate of each code.
 */
import { convolutionalEncode } from '../src/ecc/convolutionalEncode.ts';
import { convolutionalDecode } from '../src/ecc/convolutionalDecode.ts';
import { turboEncode } from '../src/ecc/turboEncode.ts';
import { turboDecode } from '../src/ecc/turboDecode.ts';
import { createSeededRandom } from '../src/attacks/createSeededRandom.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const lengths = option('bits', '272,1040').split(',').map(Number);
const ebn0s = option('ebn0', '1,1.5,2,2.5,3').split(',').map(Number);
const frames = Number(option('frames', '400'));
const random = createSeededRandom(Number(option('seed', '1')));

function gaussian(): number {
  const u = Math.max(random(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** BPSK (0 → +1, 1 → −1) in Gaussian noise at Eb/N0 (dB) for a code of `rate`; returns LLRs 2y/σ². */
function channel(coded: Uint8Array, ebn0Db: number, rate: number): Float64Array {
  const sigma = Math.sqrt(1 / (2 * rate * 10 ** (ebn0Db / 10)));
  return Float64Array.from(coded, (bit) => (2 * ((1 - 2 * bit) + sigma * gaussian())) / (sigma * sigma));
}

const codes = [
  { name: 'conv K=9 r⅓ Viterbi', encode: convolutionalEncode, decode: (llr: Float64Array, k: number) => convolutionalDecode(llr, k).bits },
  {
    name: 'turbo r⅓ 8 it',
    encode: turboEncode,
    decode: (llr: Float64Array, k: number, sent: Uint8Array) => turboDecode(llr, k, { accept: (bits) => bits.every((b, i) => b === sent[i]) }).bits,
  },
];

console.log(`| info bits | Eb/N0 dB | ${codes.map((c) => c.name).join(' | ')} | frames |`);
console.log(`|---|---|${codes.map(() => '---|').join('')}---|`);
for (const k of lengths) {
  for (const ebn0 of ebn0s) {
    const errors = codes.map(() => 0);
    const millis = codes.map(() => 0);
    for (let f = 0; f < frames; f++) {
      const bits = Uint8Array.from({ length: k }, () => (random() < 0.5 ? 1 : 0));
      for (const [c, code] of codes.entries()) {
        const coded = code.encode(bits);
        const llr = channel(coded, ebn0, k / coded.length);
        const start = performance.now();
        const decoded = code.decode(llr, k, bits);
        millis[c] += performance.now() - start;
        if (!decoded.every((b, i) => b === bits[i])) errors[c]++;
      }
    }
    console.log(`| ${k} | ${ebn0} | ${errors.map((e, c) => `${(e / frames).toFixed(3)} (${(millis[c]! / frames).toFixed(1)} ms)`).join(' | ')} | ${frames} |`);
  }
}
