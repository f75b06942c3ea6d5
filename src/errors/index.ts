export { ERROR_CODES, type ErrorCode } from './codes.ts';
export { MedstegoError, isMedstegoError, wrapThrown, type ErrorDetails } from './MedstegoError.ts';
