import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { createThresholdSegmenter } from '../../src/segmentation/index.ts';
import { evaluateSlice, renderCsv, renderMarkdown, renderPsnrPlotSvg, summarizeByBeta } from '../../src/evaluation/index.ts';
import { FIXTURES } from '../helpers/runCli.ts';

test('evaluation of real slices: PSNR rises with β, tables and plot render', async () => {
  const segmenter = createThresholdSegmenter();
  const slices = [];
  for (const file of ['ct/lung-pet-ct-dx-1-15.dcm', 'mr/sag-anon-mprage-0095.dcm']) {
    const slice = await readDicom(new Uint8Array(readFileSync(path.join(FIXTURES, file))));
    slices.push(await evaluateSlice(file, slice, segmenter, [100, 500, 1000]));
  }
  for (const slice of slices) {
    const psnr = slice.measurements.map((m) => m.psnrDb!);
    assert.ok(psnr[0]! < psnr[1]! && psnr[0]! < psnr[2]!, `PSNR grows from β = 100: ${psnr.join(', ')}`);
    const at1000 = slice.measurements.at(-1)!;
    assert.equal(at1000.extracted, true);
    assert.equal(at1000.maskNcc, 1);
    assert.ok(at1000.psnrDbRange! < at1000.psnrDb!, 'the cover range is below 2^bits − 1');
    assert.ok(slice.capacityBits >= slice.embeddedBits && slice.embeddedBits >= slice.payloadBits);
  }
  const summary = summarizeByBeta(slices, [100, 500, 1000]);
  assert.deepEqual(summary.map((row) => row.modality), ['CT', 'CT', 'CT', 'MR', 'MR', 'MR']);
  const markdown = renderMarkdown(slices, { command: 'test', segmenter: 'threshold', date: '2026-01-01' });
  for (const heading of ['Table 3', 'Table 4', 'Table 5', 'Table 7']) assert.match(markdown, new RegExp(heading));
  const csv = renderCsv(slices).trim().split('\n');
  assert.equal(csv.length, 1 + 2 * 3);
  assert.match(renderPsnrPlotSvg(slices), /^<svg[\s\S]*<\/svg>\n$/);
});
