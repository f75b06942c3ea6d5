/**
 * Rate-½ convolutional code, constraint length 7, generators 133 and 171 (octal): the "NASA"
 * code of CCSDS 131.0-B and IEEE 802.11a (free distance 10). Terminated with K − 1 = 6 zero tail
 * bits, so the decoder starts and ends in state 0 and the last information bits are as well
 * protected as the first.
 *
 * Chosen for the `robust` profile because soft-decision Viterbi decoding of it gains ≈ 2 dB over
 * hard decisions, and the channel there (spread-transform dither modulation under noise far
 * stronger than the embedding) delivers exactly such soft values (DESIGN §3).
 */

export const CONSTRAINT_LENGTH = 7;
export const TAIL_BITS = CONSTRAINT_LENGTH - 1;
export const STATE_COUNT = 1 << TAIL_BITS;
/** Generator polynomials, most significant tap = current input bit. */
export const GENERATORS = [0o133, 0o171] as const;

/** Coded bits for `informationBits` input bits: two per input bit plus two per tail bit. */
export function convolutionalCodedLength(informationBits: number): number {
  return 2 * (informationBits + TAIL_BITS);
}

function parity(value: number): number {
  let v = value;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}

/**
 * OUTPUTS[(state << 1) | input] = the two coded bits (g0 in bit 1, g1 in bit 0) emitted when
 * `input` enters the register holding the previous six inputs `state` (newest in bit 5).
 */
export const OUTPUTS = (() => {
  const table = new Uint8Array(STATE_COUNT * 2);
  for (let state = 0; state < STATE_COUNT; state++) {
    for (let input = 0; input < 2; input++) {
      const register = (input << TAIL_BITS) | state;
      table[(state << 1) | input] = (parity(register & GENERATORS[0]) << 1) | parity(register & GENERATORS[1]);
    }
  }
  return table;
})();

/** State after `input` enters `state`: the register shifts right, the new bit becomes bit 5. */
export function nextState(state: number, input: number): number {
  return (input << (TAIL_BITS - 1)) | (state >>> 1);
}

/** bits: one 0/1 value per byte. Returns the coded bits, g0 then g1 for each input and tail bit. */
export function convolutionalEncode(bits: ArrayLike<number>): Uint8Array {
  const coded = new Uint8Array(convolutionalCodedLength(bits.length));
  let state = 0;
  for (let i = 0; i < bits.length + TAIL_BITS; i++) {
    const input = i < bits.length ? bits[i]! & 1 : 0;
    const out = OUTPUTS[(state << 1) | input]!;
    coded[2 * i] = out >>> 1;
    coded[2 * i + 1] = out & 1;
    state = nextState(state, input);
  }
  return coded;
}
