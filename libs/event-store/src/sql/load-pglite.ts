import Module from 'node:module';
import type { PGlite } from '@electric-sql/pglite';

interface NodeLoader {
  _load(request: string): { readonly PGlite: typeof PGlite };
}

/**
 * Opens PGlite on a data folder. The package is loaded through Node's own
 * module loader (in plain Node the same as `require`): PGlite's CommonJS build
 * loads Node built-ins with dynamic import(), which a VM sandbox without ESM
 * support refuses (jest without --experimental-vm-modules), and a sandboxed
 * copy would then fail wherever the store is opened under test.
 */
export function openPglite(dataDir: string): Promise<PGlite> {
  const { PGlite: Pglite } = (Module as unknown as NodeLoader)._load(require.resolve('@electric-sql/pglite'));
  return Pglite.create({ dataDir });
}
