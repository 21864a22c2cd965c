import { progressLine } from '../../../apps/cli/src/commands/rebuild';

describe('csc rebuild progress', () => {
  it('draws a bar, a percentage and an ETA once the total is known', () => {
    expect(progressLine({ phase: 'writing', done: 250, total: 1000 }, 1000, 20)).toBe('writing: [#####...............] 25% 250/1000 cases, about 3s left');
  });

  it('shows a count and a rate while reading with no known total', () => {
    expect(progressLine({ phase: 'reading', done: 50_000, total: undefined }, 2000)).toBe('reading: 50000 events, 25000 events/s');
  });
});
