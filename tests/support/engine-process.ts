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

  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null> {
    return new Promise((resolve) => {
      const done = (code: number | null) => {
        fs.rmSync(this.dataDir, { recursive: true, force: true });
        resolve(code);
      };
      if (this.child.exitCode !== null || this.child.signalCode !== null) return done(this.child.exitCode);
      this.child.once('exit', done);
      this.child.kill('SIGTERM');
    });
  }
}
