import { keepRunning } from '@csc/event-store';

describe('keepRunning: restarts a failed subscription with backoff, and stops at once when aborted', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('restarts after the backoff: 2 s after the first failure, 4 s after the second', async () => {
    const abort = new AbortController();
    const warnings: unknown[] = [];
    let runs = 0;
    const done = keepRunning('test', () => {
      runs += 1;
      if (runs === 3) abort.abort();
      return Promise.reject(new Error(`failure ${runs}`));
    }, abort.signal, (_level, message, fields) => warnings.push({ message, ...fields }));
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1999);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await jest.advanceTimersByTimeAsync(4000);
    expect(runs).toBe(3);
    await done;
    expect(warnings).toEqual([
      { message: 'test: stopped; restarting', error: 'failure 1', failures: 1 },
      { message: 'test: stopped; restarting', error: 'failure 2', failures: 2 },
    ]);
  });

  it('an abort during a 30 s backoff ends keepRunning without waiting for the timer (a shutdown once hung on this)', async () => {
    const abort = new AbortController();
    let runs = 0;
    let finished = false;
    const done = keepRunning('test', () => {
      runs += 1;
      return Promise.reject(new Error('store down'));
    }, abort.signal, () => undefined).then(() => { finished = true; });
    // Five failures: the next backoff is at its 30 s cap.
    await jest.advanceTimersByTimeAsync(2000 + 4000 + 8000 + 16000);
    expect(runs).toBe(5);
    abort.abort();
    await jest.advanceTimersByTimeAsync(0);
    expect(finished).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
    await done;
  });
});
