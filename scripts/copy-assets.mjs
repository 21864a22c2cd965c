// Copies what the build needs besides the compiled JavaScript into dist/: the pages'
// Nunjucks templates and their static files (tsc copies only .ts output). Run by
// `npm run build` after tsc and tsc-alias.
import { cpSync, existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ASSETS = ['apps/api/src/pages/views', 'apps/api/src/pages/static'];

for (const folder of ASSETS) {
  const from = path.join(root, folder);
  const to = path.join(root, 'dist', folder);
  if (!existsSync(from)) throw new Error(`copy-assets: ${folder} does not exist`);
  // Replace, so a template deleted from the sources is not served from a stale dist.
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
