import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { createThresholdSegmenter } from '../../src/segmentation/index.ts';
import {
  evaluateSlice,
  defaultMeasurement,
  renderCsv,
  renderMarkdown,
  renderMaskNccPlotSvg,
  renderPsnrPlotSvg,
  summarizeByBeta,
  robustPayloadBytes,
  TABLE6_ATTACKS,
  type SliceEvaluation,
} from '../../src/evaluation/index.ts';
import { FIXTURES } from '../helpers/runCli.ts';

const FILES = ['ct/lung-pet-ct-dx-1-15.dcm', 'mr/sag-anon-mprage-0095.dcm'];
const segmenter = createThresholdSegmenter();
const evaluated: Promise<SliceEvaluation[]> = (async () => {
  const slices: SliceEvaluation[] = [];
  for (const file of FILES) {
    const slice = await readDicom(new Uint8Array(readFileSync(path.join(FIXTURES, file))));
    slices.push(await evaluateSlice(file, slice, segmenter, { betas: [100, 500, 1000] }));
  }
  return slices;
})();

test('paper profile: PSNR rises with β, exact extraction at β = 1000', async () => {
  for (const slice of await evaluated) {
    const paper = slice.measurements.filter((m) => m.profile === 'paper');
    assert.deepEqual(paper.map((m) => m.beta), [100, 500, 1000]);
    const psnr = paper.map((m) => m.psnrDb!);
    assert.ok(psnr[0]! < psnr[1]! && psnr[0]! < psnr[2]!, `PSNR grows from β = 100: ${psnr.join(', ')}`);
    const at1000 = paper.at(-1)!;
    assert.equal(at1000.extracted, true, `${slice.file}: ${at1000.errorCode}`);
    assert.equal(at1000.maskNcc, 1);
    assert.ok(at1000.psnrDbRange! < at1000.psnrDb!, 'the cover range is below 2^bits − 1');
    assert.ok(at1000.capacityBits >= at1000.embeddedBits && at1000.embeddedBits >= at1000.payloadBits);
    assert.ok(at1000.psnrDb! < at1000.psnrBoundDb!, 'below the integer-pixel bound');
  }
});

test('every profile embeds, extracts exactly with its own mask and stays under the integer-pixel bound', async () => {
  for (const slice of await evaluated) {
    for (const profile of ['paper', 'fidelity', 'robust'] as const) {
      const m = defaultMeasurement(slice, profile)!;
      assert.ok(m, `${slice.file} ${profile} measured`);
      assert.equal(m.extracted, true, `${slice.file} ${profile}: ${m.errorCode}`);
      assert.equal(m.errorCode, null);
      assert.ok(Number.isFinite(m.psnrDb) && Number.isFinite(m.psnrDbRange), `${profile} PSNR finite`);
      assert.ok(m.psnrDb! <= m.psnrBoundDb! && m.psnrDbRange! <= m.psnrBoundDbRange!, `${profile} PSNR ${m.psnrDb} ≤ bound ${m.psnrBoundDb}`);
      assert.ok(m.maskNcc! >= 0 && m.maskNcc! <= 1, `${profile} mask NCC ${m.maskNcc}`);
      assert.ok(m.payloadBits > 0 && m.payloadBits <= m.capacityBits, `${profile} payload ${m.payloadBits} within capacity ${m.capacityBits}`);
      assert.ok(m.embedMs! > 0 && m.extractMs! > 0);
      assert.equal(m.attacks.length, TABLE6_ATTACKS.length);
    }
    const robust = defaultMeasurement(slice, 'robust')!;
    assert.equal(robust.userPayloadBytes, slice.rows * slice.cols >= 512 * 512 ? 64 : 16);
    assert.ok(robust.payloadBits >= 8 * robust.userPayloadBytes, 'the sealed container holds the user payload');
    const fidelity = defaultMeasurement(slice, 'fidelity')!;
    assert.ok(fidelity.psnrDb! > defaultMeasurement(slice, 'paper')!.psnrDb!, 'fidelity distorts less than paper');
  }
});

test('Table 6: noise breaks paper and fidelity, robust survives 53 dB; attack PSNR hits its target', async () => {
  for (const slice of await evaluated) {
    for (const profile of ['paper', 'fidelity', 'robust'] as const) {
      const { attacks } = defaultMeasurement(slice, profile)!;
      for (const a of attacks) {
        const { psnrDb: target, noise } = TABLE6_ATTACKS.find((t) => t.id === a.attack)!.options;
        // Salt-and-pepper at 53 dB flips a handful of whole pixels: its PSNR moves in coarse steps.
        if (target !== undefined && noise !== 'saltpepper') assert.ok(Math.abs(a.attackPsnrDbRange - target) < 0.5, `${a.attack}: ${a.attackPsnrDbRange}`);
        if (profile === 'paper') {
          assert.ok(a.qrNcc === null || (a.qrNcc >= -1 && a.qrNcc <= 1));
          assert.ok(a.qrBer === null || (a.qrBer >= 0 && a.qrBer <= 1));
        } else {
          assert.equal(a.qrNcc, null);
        }
      }
      const at = (id: string) => attacks.find((a) => a.attack === id)!;
      if (profile === 'fidelity') assert.equal(at('gaussian-53dB').extracted, false, 'fidelity is bit-exact, not robust');
      if (profile === 'robust') {
        for (const id of ['gaussian-53dB', 'uniform-53dB', 'saltpepper-0.1%']) assert.equal(at(id).extracted, true, `${slice.file} robust ${id}: ${at(id).errorCode}`);
      }
      if (profile === 'paper') {
        const gaussian = at('gaussian-53dB');
        assert.equal(gaussian.extracted, false, 'the paper profile does not survive 53 dB Gaussian noise');
        assert.ok(gaussian.qrBer === null || gaussian.qrBer > 0.05, `QR modules corrupted: BER ${gaussian.qrBer}`);
      }
    }
  }
});

test('robust payload size follows the issue targets', () => {
  const image = (rows: number, cols: number) => ({ rows, cols }) as Parameters<typeof robustPayloadBytes>[0];
  assert.equal(robustPayloadBytes(image(512, 512)), 64);
  assert.equal(robustPayloadBytes(image(256, 256)), 16);
});

test('renderers: every table, one CSV line per setting and attack, two plots', async () => {
  const slices = await evaluated;
  const summary = summarizeByBeta(slices, [100, 500, 1000]);
  assert.deepEqual(summary.map((row) => row.modality), ['CT', 'CT', 'CT', 'MR', 'MR', 'MR']);
  const markdown = renderMarkdown(slices, { command: 'test', segmenter: 'threshold', date: '2026-01-01' });
  for (const heading of ['Table 3', 'Table 4', 'Table 4b', 'Table 5', 'Table 6', 'Table 7', 'Timings']) assert.match(markdown, new RegExp(`## ${heading} `));
  for (const profile of ['`paper` β=1000', '`fidelity`', '`robust`']) {
    const table3 = markdown.split('## Table 3')[1]!.split('## Table 4')[0]!;
    assert.equal(table3.split('\n').filter((line) => line.includes(`| ${profile} |`)).length, 2, `${profile} in Table 3 for CT and MR`);
  }
  assert.match(markdown, /NCC 0\.3188 at 53\.36 dB/);
  const csv = renderCsv(slices).trim().split('\n');
  // Per slice: 3 β for paper + fidelity + robust = 5 settings; 3 of them (paper β=1000, fidelity, robust) with every attack.
  assert.equal(csv.length, 1 + slices.length * (5 + 3 * TABLE6_ATTACKS.length));
  const header = csv[0]!.split(',');
  assert.equal(csv[1]!.split(',').length, header.length);
  for (const svg of [renderPsnrPlotSvg(slices), renderMaskNccPlotSvg(slices)]) assert.match(svg, /^<svg[\s\S]*<\/svg>\n$/);
  assert.match(renderMaskNccPlotSvg(slices), /robust/);
});
