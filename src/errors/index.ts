export { ERROR_CODES, type ErrorCode } from './codes.ts';
export { renderErrorDocs } from './renderErrorDocs.ts';
export { MedstegoError, isMedstegoError, wrapThrown, type ErrorDetails } from './MedstegoError.ts';
