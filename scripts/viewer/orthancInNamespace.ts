// Run inside a fresh network namespace (`unshare -n`, started by startOrthanc.ts): bring up the
// namespace's own loopback, start Orthanc on it, and bridge a Unix socket (a file, visible outside
// the namespace) to Orthanc's HTTP port. Orthanc 1.10 cannot bind to loopback only (DESIGN §6);
// in this namespace there is no interface but loopback, so nothing outside can reach it, and the
// viewer's server talks to it through the socket. Prints "ready" once the bridge works; stops
// Orthanc when its standard input closes (the parent exited) or on SIGTERM.
// Usage: orthancInNamespace.ts ORTHANC_BINARY CONFIG_JSON SOCKET_PATH HTTP_PORT LOG_FILE
import { spawn, spawnSync } from 'node:child_process';
import { openSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const [binary, config, socketPath, portText, logFile] = process.argv.slice(2) as [string, string, string, string, string];
const port = Number(portText);

const loopback = spawnSync('ip', ['link', 'set', 'lo', 'up'], { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` } });
if (loopback.status !== 0) {
  process.stderr.write(`orthanc: cannot bring up loopback in the namespace ('ip link set lo up': ${loopback.error?.message ?? loopback.stderr.trim()}); is iproute2 installed?\n`);
  process.exit(3);
}

const log = openSync(logFile, 'a');
const orthanc = spawn(binary, [config], { stdio: ['ignore', log, log] });
let stopping = false;
orthanc.on('exit', (code, signal) => {
  if (!stopping) process.stderr.write(`orthanc: Orthanc exited (${signal ?? `exit ${code}`}); see ${logFile}\n`);
  rmSync(socketPath, { force: true });
  process.exit(stopping ? 0 : 4);
});

function stop(): void {
  if (stopping) return;
  stopping = true;
  orthanc.kill('SIGTERM');
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop).on('close', stop).resume();

function portOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForOrthanc(): Promise<boolean> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && !stopping; ) {
    if (await portOpen()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

if (await waitForOrthanc()) {
  rmSync(socketPath, { force: true });
  const bridge = createServer((client) => {
    const server = connect(port, '127.0.0.1');
    client.pipe(server).pipe(client);
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', close);
    server.on('error', close);
  });
  bridge.listen(socketPath, () => process.stdout.write('ready\n'));
} else if (!stopping) {
  process.stderr.write(`orthanc: Orthanc did not open port ${port} within 60 s; see ${logFile}\n`);
  stop();
}
