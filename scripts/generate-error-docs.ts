// Writes docs/errors.md from the error registry (src/errors/codes.ts); test/errors.test.ts checks it is current.
import { writeFileSync } from 'node:fs';
import { renderErrorDocs } from '../src/errors/renderErrorDocs.ts';

writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorDocs());
