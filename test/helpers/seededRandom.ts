/**
 * Reproducible "random" test inputs, uniform in [0, 1): the same mulberry32 generator the attacks
 * use (src/attacks/createSeededRandom.ts), so there is one implementation of it.
 */
export { createSeededRandom as seededRandom } from '../../src/attacks/createSeededRandom.ts';
