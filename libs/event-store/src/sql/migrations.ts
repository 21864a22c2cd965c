import { GENESIS_HASH } from '../hash';
import { quoteIdentifier, type SqlExecutor } from './executor';

/**
 * The store's schema, as numbered migrations the app applies itself at start
 * (never edited once released: add a new one). `$S` is the quoted schema name.
 *
 * Global order is (tx_id, seq): the writing transaction's id, then a sequence
 * within it. Readers only read events of transactions older than the oldest
 * transaction still in flight (pg_snapshot_xmin), so an event that commits
 * late can never appear behind a position a subscriber has already passed.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE $S.events (
    stream_id      text        NOT NULL,
    revision       bigint      NOT NULL,
    tx_id          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    event_id       uuid        NOT NULL,
    type           text        NOT NULL,
    schema_version integer     NOT NULL,
    data           jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    recorded_at    timestamptz NOT NULL,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL,
    PRIMARY KEY (stream_id, revision)
  );
  CREATE INDEX events_global_order ON $S.events (tx_id, seq);

  -- Appends a batch to one stream in one statement. p_expected: -1 no stream,
  -- -2 any, n >= 0 exact. Returns the stream's current revision and status
  -- 'conflict' when the expectation fails, 'check' when an 'any' append
  -- carries ids already in the stream (the caller resolves idempotency), or
  -- 'ok' with the new last revision and position. Two writers racing past the
  -- check collide on the primary key (unique_violation), which is a conflict.
  CREATE FUNCTION $S.append_events(p_stream text, p_expected bigint, p_events jsonb)
  RETURNS TABLE (status text, revision bigint, tx_id text, seq bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_rev  bigint;
    v_hash text;
    v_prev text;
    v_seq  bigint;
    v_e    jsonb;
  BEGIN
    SELECT e.revision, e.hash INTO v_rev, v_hash FROM $S.events e
      WHERE e.stream_id = p_stream ORDER BY e.revision DESC LIMIT 1;
    IF NOT FOUND THEN v_rev := -1; v_hash := '${GENESIS_HASH}'; END IF;
    IF (p_expected = -1 AND v_rev <> -1) OR (p_expected >= 0 AND v_rev <> p_expected) THEN
      RETURN QUERY SELECT 'conflict'::text, v_rev, NULL::text, NULL::bigint; RETURN;
    END IF;
    IF p_expected = -2 AND v_rev >= 0 AND EXISTS (
      SELECT 1 FROM $S.events e WHERE e.stream_id = p_stream
        AND e.event_id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) x)
    ) THEN
      RETURN QUERY SELECT 'check'::text, v_rev, NULL::text, NULL::bigint; RETURN;
    END IF;
    FOR v_e IN SELECT x FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(x, n) ORDER BY n LOOP
      v_rev := v_rev + 1;
      v_prev := v_hash;
      v_hash := encode(sha256(convert_to(v_prev || (v_e->>'digest'), 'UTF8')), 'hex');
      INSERT INTO $S.events AS e (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
        VALUES (p_stream, v_rev, (v_e->>'id')::uuid, v_e->>'type', (v_e->>'schemaVersion')::integer, v_e->'data',
                v_e->'metadata', (v_e->'metadata'->>'recordedAt')::timestamptz, v_prev, v_hash)
        RETURNING e.seq INTO v_seq;
    END LOOP;
    RETURN QUERY SELECT 'ok'::text, v_rev, pg_current_xact_id()::text, v_seq;
  END
  $fn$;
  `,
];

/** Creates the schema and applies pending migrations, once, even with several processes starting together. */
export async function migrate(db: SqlExecutor, schema: string): Promise<void> {
  const s = quoteIdentifier(schema);
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`csc-event-store:${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${s}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${s}.migrations`);
    const applied = rows[0]?.version ?? 0;
    for (let version = applied + 1; version <= MIGRATIONS.length; version += 1) {
      await tx.exec(MIGRATIONS[version - 1]!.replaceAll('$S', s));
      await tx.query(`INSERT INTO ${s}.migrations (version) VALUES ($1)`, [version]);
    }
  });
}
