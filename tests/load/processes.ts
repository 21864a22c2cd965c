import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root, whether this runs from tests/load (jest) or dist/tests/load (npm run load). */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** A built engine process (`dist/apps/<app>/src/main.js`) whose output is kept line by line. */
export class ServiceProcess {
  /** Every line it wrote to stdout or stderr, in order. */
  readonly lines: string[] = [];
  private partial = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    const collect = (chunk: Buffer) => {
      const text = this.partial + chunk.toString();
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts.filter((line) => line !== ''));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      if (this.partial !== '') this.lines.push(this.partial);
      this.partial = '';
      resolve({ code, signal });
    }));
  }

  /** Starts `node dist/apps/<app>/src/main.js` with exactly `env` (plus PATH). */
  static start(app: 'api' | 'worker', port: number, env: Record<string, string>): ServiceProcess {
    const root = repositoryRoot();
    const main = path.join(root, 'dist/apps', app, 'src/main.js');
    if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [main], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const service = new ServiceProcess(app, child, port);
    // Never leave an engine behind if the driver dies.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    void service.exited.then(() => process.off('exit', kill));
    return service;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Polls GET /health/ready until it answers 200; fails at once, with the output, if the process exits. */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let last = '';
    while (performance.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited (${this.child.exitCode ?? this.child.signalCode}) before it was ready:\n${this.lines.slice(-30).join('\n')}`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/health/ready`);
        last = `${response.status} ${await response.text()}`;
        if (response.status === 200) return;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms (last answer: ${last}):\n${this.lines.slice(-30).join('\n')}`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null if killed). */
  async stop(graceMs = 15_000): Promise<number | null> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      const { code } = await this.exited;
      clearTimeout(timer);
      return code;
    }
    return (await this.exited).code;
  }
}
