export { BLOCK_SIZE, BLOCK_LENGTH, forwardDct4x4, inverseDct4x4, dctBasis } from './dct4x4.ts';
