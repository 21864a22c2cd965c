import { createEventStoreDbStore } from '@csc/event-store';
import { EVENTSTORE_URL } from '../../support/services';
import { eventStoreContract } from './contract';

// No EventStoreDB server runs on our machines and none may be faked: this
// part of the contract runs only against a real server named by EVENTSTORE_URL.
if (EVENTSTORE_URL) {
  const url = EVENTSTORE_URL;
  jest.setTimeout(30_000);
  eventStoreContract(
    'EventStoreDB',
    async ({ clock, upcasters }) => {
      const store = await createEventStoreDbStore({ url, clock, upcasters, retryDelayMs: 100 });
      return { store, dispose: () => store.close() };
    },
    {
      holdAppend: 'EventStoreDB writes each append to its log in one step; it has no open transactions to commit late',
      restart: 'the test cannot restart an external EventStoreDB server',
    },
  );
} else {
  describe.skip('event store contract: EventStoreDB (skipped: EVENTSTORE_URL is not set)', () => {
    it('runs the shared contract against a real EventStoreDB server', () => undefined);
  });
}
