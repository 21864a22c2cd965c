/** The real services the integration tier talks to (see .ci/run, which starts them). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Set to run the EventStoreDB adapter's contract suite against a real server. */
export const EVENTSTORE_URL = process.env.EVENTSTORE_URL;
