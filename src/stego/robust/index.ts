export { createRobustProfile, robustProfile, robustCodedBits, DEFAULT_ROBUST_OPTIONS, type RobustOptions } from './robustProfile.ts';
