import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { eventually } from './wait';

const ROOT = path.resolve(__dirname, '../..');
export const CSC_BIN = path.join(ROOT, 'dist/apps/cli/src/main.js');

/** The built engine (`csc start`) in a child process, on free ports and its own data folder. */
export class EngineProcess {
  readonly output: string[] = [];
  private constructor(
    private readonly child: ChildProcess,
    readonly apiPort: number,
    readonly workerPort: number,
    readonly dataDir: string,
  ) {
    const collect = (chunk: Buffer) => this.output.push(chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  static async start(env: Record<string, string> = {}): Promise<EngineProcess> {
    if (!fs.existsSync(CSC_BIN)) throw new Error(`${CSC_BIN} is missing: run \`npm run build\` first (npm run test:e2e does)`);
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-e2e-'));
    const child = spawn(process.execPath, [CSC_BIN, 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, CSC_API_PORT: String(apiPort), CSC_WORKER_PORT: String(workerPort), CSC_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new EngineProcess(child, apiPort, workerPort, dataDir);
  }

  get text(): string {
    return this.output.join('');
  }

  /** Waits for `csc: ready`, failing early with the process's output if it exits first. */
  async ready(): Promise<void> {
    await eventually(() => {
      if (this.child.exitCode !== null) throw new Error(`csc start exited with ${this.child.exitCode}:\n${this.text}`);
      return Promise.resolve(this.text.includes('csc: ready') ? true : undefined);
    }, 'csc start to say it is ready', 60_000);
  }

  /** Resolves with the exit code once the process has ended (null if a signal ended it), then removes its data folder. */
  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      const done = (code: number | null) => {
        fs.rmSync(this.dataDir, { recursive: true, force: true });
        resolve(code);
      };
      if (this.child.exitCode !== null || this.child.signalCode !== null) return done(this.child.exitCode);
      this.child.once('exit', done);
    });
  }

  /** Sends SIGTERM (nothing if it has already ended) and resolves with the exit code. */
  stop(): Promise<number | null> {
    const ended = this.exited();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return ended;
  }
}

/** Which built entry point a ServiceProcess runs. */
export type ServiceName = 'api' | 'worker';

/**
 * One built process of the engine run on its own (`node dist/apps/<name>/src/main.js`), as a
 * deployment on PostgreSQL runs them: for fault tests that kill the api or the worker (SIGKILL)
 * and start it again on the same port and settings, while the other keeps running.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private lines: string[] = [];
  /** Every run's output, oldest first (kept across restarts, for a failing test's message). */
  readonly output: string[] = [];

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(name: ServiceName, env: Record<string, string>): Promise<ServiceProcess> {
    const service = new ServiceProcess(name, await freePort(), env);
    await service.up();
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** True while the current run has not exited. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get text(): string {
    return this.output.join('');
  }

  /** Starts the process and waits until its readiness endpoint answers 200. */
  async up(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const bin = path.join(ROOT, `dist/apps/${this.name}/src/main.js`);
    if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first (npm run test:e2e does)`);
    const portSetting = this.name === 'api' ? 'CSC_API_PORT' : 'CSC_WORKER_PORT';
    const child = spawn(process.execPath, [bin], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...this.env, [portSetting]: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.lines = [];
    const collect = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      this.lines.push(chunk.toString());
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await this.ready();
  }

  /** Waits until GET /health/ready answers 200, failing early if the process exits. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await eventually(async () => {
      if (!this.running) throw new Error(`${this.name} exited (${this.child?.exitCode ?? this.child?.signalCode}):\n${this.lines.join('').slice(-3000)}`);
      return (await this.readiness()).status === 200 ? true : undefined;
    }, `the ${this.name} to be ready`, timeoutMs);
  }

  /** GET /health/ready: its status and body (status 0 when nothing answers). */
  async readiness(): Promise<{ status: number; body: string }> {
    try {
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: 0, body: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Sends `signal` (SIGKILL: no shutdown hooks run) and resolves once the process has gone. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** A clean stop (SIGTERM, shutdown hooks run). */
  stop(): Promise<void> {
    return this.kill('SIGTERM');
  }
}
