import { missingEpisodeMachine, type MissingEpisodeSnapshot } from '@workflows/missing-episode';
import { openDeadlines } from '@workflows/shared';
import { mis, missingEpisode } from '../support/missing-fixtures';
import { nextDay } from '../support/model';
import { modelSuite } from '../support/model-checks';

const events = (s: MissingEpisodeSnapshot) =>
  nextDay(s, (on) => [
    mis.reported(on), mis.reported(on, { kind: 'absent' }), mis.returned(on), mis.returned(on, { timeKnown: false }),
    mis.statusChanged(on), mis.offered(on), mis.offered(on, { interviewerRole: 'independent-worker' }), mis.completed(on),
    mis.declined(on), mis.notPossible(on), mis.withdrawn(on),
  ]);

/** Abstract state: where the episode is, its kind, the child's status, whether the return time is known, which clocks are open. */
const serializeState = (s: MissingEpisodeSnapshot): string => [
  JSON.stringify(s.value), s.context.kind, s.context.childStatus, s.context.returnTimeKnown,
  openDeadlines(s.context.ledger).map((d) => d.key).sort().join(','),
].join('|');

modelSuite('missing episode', missingEpisodeMachine, missingEpisode, events, serializeState);
