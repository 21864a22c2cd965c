import { getShortestPaths } from '@xstate/graph';
import { ladoAllegationMachine, type LadoSnapshot } from '@workflows/lado-allegation';
import { openDeadlines } from '@workflows/shared';
import { la, lado, subject } from '../support/lado-fixtures';
import { nextDay } from '../support/model';
import { modelSuite } from '../support/model-checks';

const events = (s: LadoSnapshot) =>
  nextDay(s, (on) => [
    la.known(on), la.referred(on), la.referred(on, { referrerType: 'police', subject }), la.consultation(on),
    la.considered(on), la.considered(on, 'clearly-unsubstantiated'), la.considered(on, 'employer-action'),
    la.asv(on), la.asv(on, 'review'), la.investigation(on), la.investigation(on, 'employer-disciplinary', true),
    la.investigation(on, 'employer-disciplinary', false), la.toCps(on), la.cps(on), la.concluded(on), la.concluded(on, 'employer-disciplinary'),
    la.action(on), la.outcome(on), la.closed(on),
  ]);

/** Abstract state: where the allegation is, which deadlines are open, the investigations and whether an ASV meeting was held. */
const serializeState = (s: LadoSnapshot): string => [
  JSON.stringify(s.value), openDeadlines(s.context.ledger).map((d) => d.key).sort().join(','),
  JSON.stringify(s.context.investigations), s.context.asvMeetings > 0,
].join('|');

modelSuite('LADO allegation', ladoAllegationMachine, lado, events, serializeState, getShortestPaths);
