import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './helpers/runCli.ts';

/**
 * The core (src/ except src/cli) must run unchanged in browsers: no Node built-ins, no Buffer,
 * no process, no console output, and it never imports the CLI shell.
 */
function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listSources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

const coreFiles = listSources(path.join(REPO_ROOT, 'src')).filter((file) => !file.includes(`${path.sep}cli${path.sep}`));

test('core files exist', () => assert.ok(coreFiles.length > 20));

for (const file of coreFiles) {
  const relative = path.relative(REPO_ROOT, file);
  test(`${relative} is framework-free`, () => {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    assert.doesNotMatch(source, /from\s+['"]node:|require\(|from\s+['"](fs|path|os|child_process|crypto)['"]/, 'imports a Node built-in');
    assert.doesNotMatch(source, /\bBuffer\b/, 'uses Buffer');
    assert.doesNotMatch(source, /\bprocess\.(env|exit|stdout|stderr|argv)/, 'uses process');
    assert.doesNotMatch(source, /\bconsole\.(log|info|warn|error|debug)\(/, 'logs');
    assert.doesNotMatch(source, /from\s+['"][./]*cli\//, 'imports the CLI');
  });
}
