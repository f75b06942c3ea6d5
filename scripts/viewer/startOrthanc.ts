// Debian's Orthanc with its DICOMweb plugin, for `npm run start:pacs` and the PACS end-to-end test:
// a generated configuration (storage in a fresh folder under .cache/pacs/, DICOMweb at /dicom-web/,
// no DICOM port, no remote access, no authentication), the samples uploaded by its REST API.
// Orthanc 1.10 cannot bind to loopback only (DESIGN §6), so it runs in its own network namespace
// (orthancInNamespace.ts) reached through a Unix socket; `isolation: 'preferred'` falls back to a
// plain process on a free port (listening on all interfaces, remote access refused) where no
// namespace can be made.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { listDicomFilesUnder } from '../listFilesUnder.ts';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DicomWebUpstream } from './proxyDicomWeb.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SBIN_PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;
const PLUGIN_CANDIDATES = ['/usr/share/orthanc/plugins/libOrthancDicomWeb.so', '/usr/lib/orthanc/libOrthancDicomWeb.so'];
const INSTALL_HINT = "install Debian's orthanc and orthanc-dicomweb (`npm run setup` as root does it, or `apt-get install orthanc orthanc-dicomweb`)";
/** Orthanc's port inside its own namespace: nothing else listens there. */
const NAMESPACE_PORT = 8042;

export interface OrthancResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface RunningOrthanc {
  readonly upstream: DicomWebUpstream;
  /** True when Orthanc runs in its own network namespace (unreachable from any network). */
  readonly isolated: boolean;
  /** Orthanc's REST API (not exposed to the browser; the viewer's proxy forwards /dicom-web/ only). */
  request(method: string, urlPath: string, body?: Uint8Array, headers?: Record<string, string>): Promise<OrthancResponse>;
  /** Upload every `.dcm` under `folder`; resolves with the number stored. */
  uploadFolder(folder: string): Promise<number>;
  close(): Promise<void>;
}

export interface StartOrthancOptions {
  readonly repoRoot: string;
  /** 'required' (tests): fail when no network namespace can be made; 'preferred': fall back. */
  readonly isolation: 'required' | 'preferred';
  readonly log?: (line: string) => void;
}

function which(tool: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8', env: { ...process.env, PATH: SBIN_PATH } });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** The Orthanc binary and its DICOMweb plugin, or an error that says how to install them. */
export function findOrthanc(): { binary: string; plugin: string } {
  const binary = which('Orthanc');
  if (!binary) throw new Error(`Orthanc is not installed: ${INSTALL_HINT}.`);
  let plugin = PLUGIN_CANDIDATES.find((file) => existsSync(file));
  if (!plugin) {
    const listed = spawnSync('dpkg', ['-L', 'orthanc-dicomweb'], { encoding: 'utf8' });
    plugin = listed.stdout?.split('\n').find((line) => /libOrthancDicomWeb\.so[.\d]*$/.test(line) && existsSync(line));
  }
  if (!plugin) throw new Error(`Orthanc's DICOMweb plugin is not installed: ${INSTALL_HINT}.`);
  return { binary, plugin };
}

export function orthancConfig(storageDir: string, plugin: string, httpPort: number): Record<string, unknown> {
  return {
    Name: 'medstego-pacs',
    StorageDirectory: storageDir,
    IndexDirectory: storageDir,
    Plugins: [plugin],
    HttpPort: httpPort,
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    SaveJobs: false,
    ConcurrentJobs: 1,
    DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: false },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function requestVia(upstream: DicomWebUpstream, method: string, urlPath: string, body?: Uint8Array, headers: Record<string, string> = {}): Promise<OrthancResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ ...upstream, method, path: urlPath, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function waitUntilAnswering(upstream: DicomWebUpstream, child: ChildProcess, logFile: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited (${child.exitCode}) while starting; see ${logFile}`);
    const answer = await requestVia(upstream, 'GET', '/system').catch(() => undefined);
    if (answer?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Orthanc did not answer within 60 s; see ${logFile}`);
}


function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Start Orthanc in its own network namespace; rejects with Orthanc's or unshare's own words. */
async function startIsolated(binary: string, configFile: string, logFile: string, socketPath: string): Promise<ChildProcess> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root a plain network namespace; otherwise (or where root lacks CAP_SYS_ADMIN, as in some
  // containers) a user namespace that maps us to root inside it.
  const attempts = isRoot ? [['-n'], ['-r', '-n']] : [['-r', '-n']];
  const failures: string[] = [];
  for (const flags of attempts) {
    try {
      return await startInNamespace(flags, binary, configFile, logFile, socketPath);
    } catch (error) {
      failures.push(`unshare ${flags.join(' ')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(failures.join('; '));
}

async function startInNamespace(flags: string[], binary: string, configFile: string, logFile: string, socketPath: string): Promise<ChildProcess> {
  const unshare = which('unshare');
  if (!unshare) throw new Error('unshare (util-linux) is not installed');
  const script = path.join(HERE, 'orthancInNamespace.ts');
  const child = spawn(unshare, [...flags, '--', process.execPath, '--import', 'tsx', script, binary, configFile, socketPath, String(NAMESPACE_PORT), logFile], {
    cwd: path.resolve(HERE, '..', '..'),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PATH: SBIN_PATH },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${stderr.trim() || `exit ${code}`}`)));
    child.once('error', reject);
  });
  return child;
}

export async function startOrthanc({ repoRoot, isolation, log = () => {} }: StartOrthancOptions): Promise<RunningOrthanc> {
  const { binary, plugin } = findOrthanc();
  const pacsCache = path.join(repoRoot, '.cache', 'pacs');
  mkdirSync(pacsCache, { recursive: true });
  const workDir = mkdtempSync(path.join(pacsCache, 'run-'));
  // A Unix socket path has a ~100-byte limit: keep it short, outside the repository.
  const socketDir = mkdtempSync(path.join(tmpdir(), 'medstego-pacs-'));
  const socketPath = path.join(socketDir, 'orthanc.sock');
  const logFile = path.join(workDir, 'orthanc.log');
  const configFile = path.join(workDir, 'orthanc.json');
  const cleanUp = () => {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(socketDir, { recursive: true, force: true });
  };

  let child: ChildProcess;
  let upstream: DicomWebUpstream;
  let isolated = true;
  try {
    writeFileSync(configFile, JSON.stringify(orthancConfig(path.join(workDir, 'storage'), plugin, NAMESPACE_PORT), null, 2));
    try {
      child = await startIsolated(binary, configFile, logFile, socketPath);
      upstream = { socketPath };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (isolation === 'required') throw new Error(`Orthanc could not be started in its own network namespace: ${why}`);
      log(`cannot run Orthanc in its own network namespace (${why.split('\n')[0]}); starting it as a plain process.`);
      isolated = false;
      const port = await freePort();
      writeFileSync(configFile, JSON.stringify(orthancConfig(path.join(workDir, 'storage'), plugin, port), null, 2));
      child = spawn(binary, [configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr!.on('data', (chunk: Buffer) => writeFileSync(logFile, chunk, { flag: 'a' }));
      upstream = { host: '127.0.0.1', port };
    }
    await waitUntilAnswering(upstream, child, logFile);
  } catch (error) {
    cleanUp();
    throw error;
  }

  const request = (method: string, urlPath: string, body?: Uint8Array, headers?: Record<string, string>) => requestVia(upstream, method, urlPath, body, headers);
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  return {
    upstream,
    isolated,
    request,
    async uploadFolder(folder) {
      let stored = 0;
      for (const file of listDicomFilesUnder(folder)) {
        const answer = await request('POST', '/instances', new Uint8Array(readFileSync(file)), { 'Content-Type': 'application/dicom' });
        if (answer.status !== 200) throw new Error(`Orthanc refused ${path.basename(file)} (HTTP ${answer.status})`);
        stored++;
      }
      return stored;
    },
    async close() {
      process.removeListener('exit', stopOnExit);
      child.stdin?.end();
      child.kill('SIGTERM');
      await exited(child, 10_000);
      cleanUp();
    },
  };
}
