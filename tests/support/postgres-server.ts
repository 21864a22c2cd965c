import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './ports';
import { eventually } from './wait';

const run = promisify(execFile);

/** Where Debian keeps the PostgreSQL 15 server binaries (initdb, pg_ctl); PG_BIN overrides it. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The server runs as this operating-system user (PostgreSQL refuses to run as root). */
const PG_USER = 'postgres';

/**
 * A private PostgreSQL cluster on its own port and temporary data folder, for tests that stop,
 * restart or crash the database without disturbing the shared one on 5432. Trust authentication
 * on loopback, `fsync=off` for speed (commits are still synchronous, so a crash of the server
 * alone loses nothing it acknowledged: the WAL is in the operating system's cache).
 * Run as root: the cluster is created and run as `postgres` through `runuser`.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-pg-'));
    const server = new PrivatePostgres(await freePort(), dir);
    try {
      await run('chown', ['-R', `${PG_USER}:`, dir]);
      await server.asPostgres('initdb', ['-D', server.dataDir, '-A', 'trust', '-U', PG_USER, '-E', 'UTF8', '--no-sync', '--locale=C']);
      await server.up();
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return server;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** A postgres:// URL of a database on this server. */
  url(database = 'postgres'): string {
    return `postgres://${PG_USER}@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server (after `down` or `kill`) and waits until it accepts connections. */
  async up(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off -c max_connections=200`;
    await this.asPostgres('pg_ctl', ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-o', options]);
    await eventually(async () => {
      const client = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    }, `PostgreSQL on port ${this.port}`, 30_000);
  }

  /**
   * Stops the server. `fast` rolls back open transactions and shuts down cleanly; `immediate`
   * is a crash (no shutdown checkpoint: the next start recovers from the WAL).
   */
  async down(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.running()) return;
    await this.asPostgres('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', this.dataDir]);
  }

  /** Stops and starts it again (a server restart under a running engine). */
  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.down(mode);
    await this.up();
  }

  /** SIGKILL of the postmaster (its backends exit when they notice; the next `up` recovers). */
  async kill(): Promise<void> {
    const pid = this.postmasterPid();
    if (pid === undefined) return;
    process.kill(pid, 'SIGKILL');
    await eventually(() => Promise.resolve(isAlive(pid) ? undefined : true), `postmaster ${pid} to exit`);
    // The orphaned backends hold the shared memory until they notice; pg_ctl start waits for them.
  }

  /** Creates a database on this server and returns its URL. */
  async createDatabase(name: string): Promise<string> {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`not a plain database name: ${name}`);
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** The server's own log (for a failing test's message). */
  log(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops the server at once and deletes its folder. */
  async destroy(): Promise<void> {
    await this.down('immediate').catch(() => this.kill());
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private running(): boolean {
    const pid = this.postmasterPid();
    return pid !== undefined && isAlive(pid);
  }

  private postmasterPid(): number | undefined {
    try {
      const first = fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
      const pid = Number(first);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  private async asPostgres(binary: string, args: readonly string[]): Promise<void> {
    try {
      await run('runuser', ['-u', PG_USER, '--', path.join(PG_BIN, binary), ...args], { cwd: this.dir, timeout: 90_000 });
    } catch (error) {
      const detail = error as { stderr?: string; stdout?: string; message?: string };
      throw new Error(`${binary} ${args.join(' ')} failed: ${detail.stderr ?? ''}${detail.stdout ?? ''}${detail.message ?? ''}\n${this.log().slice(-2000)}`);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
