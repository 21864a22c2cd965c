import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(__dirname, '../../..');
// The same block eslint.config.mjs uses (CommonJS so jest can load it).
// It uses only core rules, so it runs here without type information.
const load = createRequire(__filename);
const { boundaryConfig } = load(path.join(root, '.eslint/boundaries.cjs')) as { boundaryConfig: Linter.Config };

const linter = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, boundaryConfig],
});

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('the boundary that keeps the core pure', () => {
  it('fails `eslint` (the real CLI and config) for a workflow file that imports bullmq', async () => {
    const child = promisify(execFile)(path.join(root, 'node_modules/.bin/eslint'), ['--format', 'json', '--stdin', '--stdin-filename', 'workflows/example/bad.ts'], {
      cwd: root,
    });
    child.child.stdin?.end("import { Queue } from 'bullmq';\nexport const q = Queue;\n");
    const outcome = await child.then(
      () => ({ exitCode: 0, stdout: '' }),
      (failed: { code: number; stdout: string }) => ({ exitCode: failed.code, stdout: failed.stdout }),
    );
    expect(outcome.exitCode).toBe(1);
    const [result] = JSON.parse(outcome.stdout) as { messages: { ruleId: string; message: string }[] }[];
    expect(result?.messages).toEqual([expect.objectContaining({ ruleId: 'no-restricted-imports', message: expect.stringContaining('bullmq') })]);
  }, 60_000);

  it.each([
    ['bullmq', 'may not schedule jobs'],
    ['@nestjs/common', 'NestJS'],
    ['ioredis', 'Redis'],
    ['@eventstore/db-client', 'event store'],
    ['pg', 'database'],
    ['node:fs', 'Node built-ins'],
    ['fs', 'Node built-ins'],
    ['../../apps/api/src/start', 'apps/'],
    ['@csc/event-store', 'I/O libs'],
  ])('refuses %s in a workflow', async (module, why) => {
    const messages = await lint('workflows/example/bad.ts', `import * as m from '${module}';\nexport const x = m;\n`);
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^no-restricted-imports: .*${why.replace('/', '\\/')}`))]);
  });

  it('refuses the same imports in a pure lib', async () => {
    expect(await lint('libs/rulebook/src/bad.ts', "import { Redis } from 'ioredis';\nexport const r = Redis;\n")).toHaveLength(1);
  });

  it('refuses clock reads and randomness in a pure lib', async () => {
    const code = 'export const a = Date.now();\nexport const b = new Date();\nexport const c = Math.random();\nexport const d = new Date(0);\n';
    const messages = await lint('libs/calendar/src/bad.ts', code);
    expect(messages.filter((m) => m.startsWith('no-restricted-syntax'))).toHaveLength(3);
  });

  it('lets a workflow import xstate', async () => {
    expect(await lint('workflows/example/good.ts', "import { setup } from 'xstate';\nexport const s = setup;\n")).toEqual([]);
  });

  it('lets an app import bullmq and read the clock', async () => {
    expect(await lint('apps/worker/src/example.ts', "import { Queue } from 'bullmq';\nexport const q = [Queue, Date.now()];\n")).toEqual([]);
  });
});
