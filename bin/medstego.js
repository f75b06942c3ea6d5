#!/usr/bin/env node
// The `medstego` command. The sources are TypeScript; tsx compiles them on the fly so the CLI,
// the tests and the viewer bundle all run the same files (no separate build step to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
