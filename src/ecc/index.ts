export { FIELD_POLYNOMIAL, gfMultiply, gfDivide, gfInverse, gfPowerOfAlpha } from './galoisField256.ts';
export { encodeReedSolomon, decodeReedSolomon, generatorPolynomial, type ReedSolomonDecoded } from './reedSolomon.ts';
export { encodeInterleaved, decodeInterleaved, planInterleavedLayout, type InterleavedLayout, type InterleavedDecoded } from './interleavedReedSolomon.ts';
export { crc32 } from './crc32.ts';
export { convolutionalEncode, convolutionalCodedLength, CONSTRAINT_LENGTH, TAIL_BITS, GENERATORS, CODED_PER_INPUT } from './convolutionalEncode.ts';
export { convolutionalDecode, type ConvolutionalDecodeResult } from './convolutionalDecode.ts';
export { turboEncode, turboCodedLength, TURBO_TAIL_BITS } from './turboEncode.ts';
export { turboDecode, type TurboDecodeOptions, type TurboDecodeResult } from './turboDecode.ts';
export { turboInterleaver } from './turboInterleaver.ts';
