import { ERROR_CODES } from './codes.ts';

/** Markdown table of every error code, its exit code and meaning (docs/errors.md). */
export function renderErrorDocs(): string {
  const lines = [
    '# Error codes',
    '',
    'Generated from `src/errors/codes.ts` by `npm run docs:errors`; do not edit by hand.',
    'The CLI exits with the code of the first failure; `--json` prints `{ok:false, input, error:{code, message}}` per failed file.',
    '',
    '| code | exit code | meaning |',
    '|---|---|---|',
    ...Object.entries(ERROR_CODES).map(([code, { exitCode, meaning }]) => `| \`${code}\` | ${exitCode} | ${meaning} |`),
    '',
  ];
  return lines.join('\n');
}
