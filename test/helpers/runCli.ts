import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export function temporaryDirectory(prefix = 'medstego-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Run the CLI in-process, capturing stdout and stderr lines. */
export async function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined> } = {},
): Promise<{ exitCode: number; stdout: string[]; stderr: string[]; json: Array<Record<string, any>> }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await main(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line), ...(options.env ? { env: options.env } : {}) });
  const json = args.includes('--json') ? stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)) : [];
  return { exitCode, stdout, stderr, json };
}
