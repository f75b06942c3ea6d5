import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedDicom, extractDicom } from '../src/workflow/index.ts';
import { readDicom } from '../src/dicom/index.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { collectIdentityFields } from '../src/payload/index.ts';
import { isMedstegoError } from '../src/errors/index.ts';
import { listFilesUnder } from '../scripts/listFilesUnder.ts';

/**
 * The acceptance sweep: on every CT and MR slice of ../shared/data whose insignificant
 * area can hold the QR, `embed --profile paper` then `extract` (on the written file, with the mask
 * recomputed on the stego image) recovers the identity fields, and the body is bit-identical.
 * Slices that cannot carry the QR must be refused with a reason, never written wrong.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(REPO_ROOT, '..', 'shared', 'data');

/** Refusals that are legitimate answers for a slice (each is listed in the output with its file). */
const ACCEPTABLE_REFUSALS = new Set(['PAYLOAD_CAPACITY_EXCEEDED', 'NO_BACKGROUND', 'EMBED_VERIFY_FAILED']);
/** The paper profile has no error correction beyond the QR's: allow at most this share of refusals. */
const MAX_REFUSED_FRACTION = 0.02;

test('../shared/data is present (the corpus sweep never skips silently)', () => {
  assert.ok(existsSync(path.join(DATA, 'ct')) && existsSync(path.join(DATA, 'mr')), `missing ${DATA}: the corpus tests need the shared data folder`);
});

for (const modality of ['ct', 'mr']) {
  test(`paper profile round trip on every ${modality.toUpperCase()} slice of ../shared/data`, { timeout: 15 * 60_000 }, async () => {
    assert.ok(existsSync(path.join(DATA, modality)), `missing ${path.join(DATA, modality)}`);
    const segmenter = createThresholdSegmenter();
    const files = listFilesUnder(path.join(DATA, modality));
    assert.ok(files.length > 20);
    const refused: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      let embedded;
      try {
        embedded = await embedDicom(bytes, { segmenter, profile: 'paper' });
      } catch (error) {
        assert.ok(isMedstegoError(error) && ACCEPTABLE_REFUSALS.has(error.code), `${file}: unexpected ${String(error)}`);
        refused.push(`${path.relative(DATA, file)}: ${error.code}`);
        continue;
      }
      const extracted = await extractDicom(embedded.output, { segmenter });
      const cover = await readDicom(bytes);
      assert.deepEqual(extracted.payload, collectIdentityFields((k) => cover.getString(k)), file);
      const stego = await readDicom(embedded.output);
      for (let i = 0; i < embedded.coverMask.length; i++) {
        if (embedded.coverMask[i] && stego.image.pixels[i] !== cover.image.pixels[i]) assert.fail(`${file}: body pixel ${i} changed`);
      }
    }
    if (refused.length) console.log(`refused (${refused.length}/${files.length}):\n  ${refused.join('\n  ')}`);
    assert.ok(refused.length <= Math.floor(files.length * MAX_REFUSED_FRACTION), `${refused.length} of ${files.length} refused:\n${refused.join('\n')}`);
  });
}
