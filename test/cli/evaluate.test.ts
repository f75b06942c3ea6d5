import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, runCli, temporaryDirectory } from '../helpers/runCli.ts';

test('evaluate: every profile on the fixtures, with --stride and --limit, writes the tables, CSV and plots', async () => {
  const outDir = temporaryDirectory();
  const { exitCode, stdout, stderr } = await runCli(['evaluate', path.join(FIXTURES, 'ct'), '--out', outDir, '--segmenter', 'threshold', '--stride', '2', '--limit', '1', '--betas', '1000,400']);
  assert.equal(exitCode, 0, stderr.join('\n'));
  assert.match(stdout.join('\n'), /evaluated 1 slices with paper, fidelity, robust/);
  const markdown = readFileSync(path.join(outDir, 'evaluation.md'), 'utf8');
  assert.match(markdown, /--betas 400,1000 --stride 2 --limit 1/);
  assert.match(markdown, /\| β=400 \| β=1000 \|/);
  for (const heading of ['Table 3', 'Table 4', 'Table 5', 'Table 6', 'Table 7']) assert.match(markdown, new RegExp(`## ${heading} `));
  for (const profile of ['paper', 'fidelity', 'robust']) assert.match(markdown, new RegExp(`\\| CT \\| \`${profile}\``));
  const csv = readFileSync(path.join(outDir, 'evaluation.csv'), 'utf8').trim().split('\n');
  const profileColumn = csv[0]!.split(',').indexOf('profile');
  assert.deepEqual([...new Set(csv.slice(1).map((line) => line.split(',')[profileColumn]))], ['paper', 'fidelity', 'robust']);
  const betaColumn = csv[0]!.split(',').indexOf('beta');
  assert.deepEqual([...new Set(csv.slice(1).map((line) => line.split(',')[betaColumn]).filter(Boolean))], ['400', '1000']);
  for (const file of ['psnr-vs-beta.svg', 'mask-ncc.svg']) assert.ok(existsSync(path.join(outDir, file)), file);
});

test('evaluate: --profiles selects, unknown profiles and bad numbers are usage errors', async () => {
  const outDir = temporaryDirectory();
  const ok = await runCli(['evaluate', path.join(FIXTURES, 'mr'), '--out', outDir, '--segmenter', 'threshold', '--profiles', 'fidelity', '--limit', '1']);
  assert.equal(ok.exitCode, 0, ok.stderr.join('\n'));
  const csv = readFileSync(path.join(outDir, 'evaluation.csv'), 'utf8').trim().split('\n');
  assert.ok(csv.slice(1).every((line) => line.includes(',fidelity,')));
  for (const args of [['--profiles', 'paper,stealth'], ['--stride', '0'], ['--limit', '1.5'], ['--betas', '100,x']]) {
    const { exitCode, stderr } = await runCli(['evaluate', path.join(FIXTURES, 'mr'), '--out', outDir, '--segmenter', 'threshold', ...args]);
    assert.equal(exitCode, 2, `${args.join(' ')}: ${stderr.join('\n')}`);
    assert.match(stderr.join('\n'), /\[USAGE\]/);
  }
});
