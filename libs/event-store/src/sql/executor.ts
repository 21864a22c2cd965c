/**
 * The little the SQL event store needs from a database: parameterised queries
 * and a transaction on one connection. Implemented by a `pg` pool (PostgreSQL)
 * and by PGlite (embedded), so both run the same SQL.
 */
export interface SqlExecutor {
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: Pick<SqlExecutor, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Quotes a PostgreSQL identifier (schema names come from configuration and tests). */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new RangeError(`schema must be 1-63 lower-case letters, digits or "_", got ${JSON.stringify(name)}`);
  return `"${name}"`;
}
