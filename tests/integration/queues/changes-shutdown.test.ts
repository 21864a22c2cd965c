import { startTestApi } from '../api/harness';

describe('GET /queues/changes at shutdown', () => {
  it('an open change stream ends when the api stops, so the shutdown does not wait for its client', async () => {
    const api = await startTestApi();
    const response = await fetch(`${api.url}/queues/changes`, { headers: { authorization: `Bearer ${await api.token('team-manager', 'm-1', ['t1'])}` } });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    // Before the fix, app.close() waited for the client to hang up: here, for ever.
    const outcome = await Promise.race([
      api.close().then(() => 'closed'),
      new Promise<string>((resolve) => setTimeout(() => resolve('still closing after 4 s'), 4_000).unref()),
    ]);
    expect(outcome).toBe('closed');
    // Whatever was sent before the stop may still be buffered; after it, the stream has ended.
    let ended = false;
    for (let reads = 0; !ended && reads < 100; reads++) ended = await reader.read().then((chunk) => chunk.done, () => true);
    expect(ended).toBe(true);
  });
});
