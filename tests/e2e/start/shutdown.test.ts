import { spawn } from 'node:child_process';
import path from 'node:path';

const BOOTSTRAP = path.resolve(__dirname, '../../../dist/libs/runtime/src/bootstrap.js');

/** A process whose one application never finishes closing (a hung shutdown hook), on the built closeOnSignal. */
function hungProcess(timeoutMs: number) {
  const script = `
    const { closeOnSignal } = require(${JSON.stringify(BOOTSTRAP)});
    closeOnSignal([{ close: () => { process.stdout.write('closing\\n'); return new Promise(() => undefined); } }], undefined, ${timeoutMs});
    setInterval(() => undefined, 1000);
    process.stdout.write('ready\\n');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let stdout = '';
  const seen = (text: string) => new Promise<void>((resolve) => {
    const check = () => (stdout.includes(text) ? resolve() : child.stdout.once('data', check));
    check();
  });
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready: seen('ready\n'), closing: () => seen('closing\n'), exited, stderr: () => stderr };
}

describe('a shutdown that hangs', () => {
  it('ends the process after the timeout, saying so, with exit code 1', async () => {
    const proc = hungProcess(300);
    await proc.ready;
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(1);
    expect(proc.stderr()).toContain('shutdown did not finish within 0.3 s: exiting now');
  });

  it('ends at once on a second Ctrl-C, with exit code 130', async () => {
    const proc = hungProcess(60_000);
    await proc.ready;
    proc.child.kill('SIGINT');
    await proc.closing();
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(130);
    expect(proc.stderr()).toContain('SIGINT again: exiting without waiting for shutdown to finish');
  });
});
