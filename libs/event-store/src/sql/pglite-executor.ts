import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { StoreUnavailableError } from '../errors';
import type { SqlExecutor } from './executor';
import { openPglite } from './load-pglite';
import { translateSqlError } from './sql-errors';

const LOCK_FILE = 'csc-event-store.lock';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in a data folder, as the SQL
 * store's executor. PGlite is one connection in one process: statements run
 * one at a time, so transactions cannot commit out of order here. A lock file
 * stops a second process from opening the same folder (which would corrupt it).
 * Opens lazily; `restart` closes the files and the next query reopens them.
 */
export class PgliteExecutor implements SqlExecutor {
  private db: Promise<PGlite> | undefined;
  private closed = false;

  constructor(readonly dataDir: string) {}

  async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    const db = await this.open();
    try {
      return (await db.query<Row>(text, params as unknown[] | undefined)).rows;
    } catch (error) {
      throw translateSqlError(error);
    }
  }

  async exec(text: string): Promise<void> {
    const db = await this.open();
    try {
      await db.exec(text);
    } catch (error) {
      throw translateSqlError(error);
    }
  }

  async transaction<T>(work: (tx: Pick<SqlExecutor, 'query' | 'exec'>) => Promise<T>): Promise<T> {
    const db = await this.open();
    try {
      return await db.transaction((tx) =>
        work({
          query: async <Row>(text: string, params?: readonly unknown[]) => (await tx.query<Row>(text, params as unknown[] | undefined)).rows,
          exec: async (text: string) => void (await tx.exec(text)),
        }),
      );
    } catch (error) {
      throw translateSqlError(error);
    }
  }

  /** Closes the database files as a process exit would; the next query opens them again. */
  async restart(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (!db) return;
    const opened = await db.catch(() => undefined);
    if (opened && !opened.closed) await opened.close();
    this.releaseLock();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.restart();
  }

  private open(): Promise<PGlite> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the embedded store has been closed'));
    this.db ??= this.create().catch((error: unknown) => {
      this.db = undefined;
      throw translateSqlError(error);
    });
    return this.db;
  }

  private async create(): Promise<PGlite> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.acquireLock();
    try {
      return await openPglite(this.dataDir);
    } catch (error) {
      this.releaseLock();
      throw error;
    }
  }

  private acquireLock(): void {
    const file = path.join(this.dataDir, LOCK_FILE);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(fs.readFileSync(file, 'utf8'));
        if (owner === process.pid || !isAlive(owner)) {
          fs.rmSync(file, { force: true });
          continue;
        }
        throw new StoreUnavailableError(`the embedded store in ${this.dataDir} is open in another process (pid ${owner})`);
      }
    }
    throw new StoreUnavailableError(`cannot lock the embedded store in ${this.dataDir}`);
  }

  private releaseLock(): void {
    fs.rmSync(path.join(this.dataDir, LOCK_FILE), { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
