import { shippedCalendar } from '@csc/calendar';
import {
  allegationDeadlinesOf, decideAllegation, evolveAllegationEvent, initialAllegationState, streamVisibility, summariseAllegation,
  type AllegationCommand, type AllegationState,
} from '@csc/case';

const A = 'a-1';
const at = (on: string) => ({ allegationId: A, occurredAt: `${on}T10:00:00Z` });
const subject = { adultRef: 'adult-17', employerRef: 'org-5', childRefs: ['c-3'], category: 'physical', setting: 'education' } as const;
const open: AllegationCommand = { type: 'OpenAllegation', ladoRef: 'lado-1', ...at('2026-01-12') };
const known: AllegationCommand = { type: 'RecordAllegationKnownToEmployer', subject, ...at('2026-01-12') };
const referred: AllegationCommand = { type: 'ReferToLado', referrerType: 'employer', ...at('2026-01-13') };

function given(...commands: AllegationCommand[]): AllegationState {
  return commands.reduce((state, command) => {
    const d = decideAllegation(command, state, `${command.occurredAt.slice(0, 10)}T16:00:00Z`);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.error.message}`);
    return d.events.reduce(evolveAllegationEvent, state);
  }, initialAllegationState);
}
const when = (state: AllegationState, command: AllegationCommand) => decideAllegation(command, state, `${command.occurredAt.slice(0, 10)}T16:00:00Z`);

describe('an allegation on its own stream (allegation-<id>)', () => {
  it('opens lado-only, then records the LADO pathway under the case envelope', () => {
    expect(when(initialAllegationState, open)).toMatchObject({ ok: true, events: [{ type: 'AllegationOpened', visibility: 'lado-only', rulebook: 'national' }] });
    expect(when(given(open), known)).toMatchObject({ ok: true, events: [{ type: 'PathwayEventRecorded', pathway: 'lado-allegation', instanceId: 'lado', rulebookVersion: 'national@2' }] });
    expect(streamVisibility('allegation-a-1')).toBe('lado-only');
    expect(streamVisibility('case-c-1')).toBe('case');
  });

  it('links the children by reference and shows its status', () => {
    expect(summariseAllegation(given(open, known, referred))).toMatchObject({ allegationId: A, status: 'referred', childRefs: ['c-3'], visibility: 'lado-only' });
  });

  it('refuses what the machine does not allow, naming the state and the commands allowed', () => {
    const refused = when(given(open), { type: 'RecordAllegationOutcome', outcome: 'unfounded', ...at('2026-01-13') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE', state: 'notStarted', allowed: ['RecordAllegationKnownToEmployer', 'ReferToLado'] } });
  });

  it('refuses an unknown allegation, a second opening, and unknown fields', () => {
    expect(when(initialAllegationState, known)).toMatchObject({ ok: false, error: { code: 'ALLEGATION_NOT_FOUND' } });
    expect(when(given(open), open)).toMatchObject({ ok: false, error: { code: 'ALLEGATION_ALREADY_OPEN' } });
    const nested: AllegationCommand = Object.assign({}, known, { subject: { ...subject, adultName: 'A. Person' } });
    expect(when(given(open), nested)).toMatchObject({ ok: false, error: { code: 'INVALID_FIELD', field: 'subject.adultName' } });
    expect(when(initialAllegationState, Object.assign({}, open, { note: 'x' }))).toMatchObject({ ok: false, error: { code: 'INVALID_FIELD', field: 'note' } });
  });

  it('derives the LADO deadlines with the case machinery, owned by the LADO', () => {
    const due = allegationDeadlinesOf(given(open, known, referred), '2026-01-14T00:00:00Z', { calendar: shippedCalendar() });
    // Hand-checked: LADO-01 1 working day from Mon 12 Jan -> Tue 13 Jan, met on the 13th; LADO-06 markers 1, 3 and 12 months after 13 Jan.
    expect(due.map((d) => [d.id, d.dueDate, d.status, d.owner.kind])).toEqual([
      ['allegation-a-1/lado-notification', '2026-01-13', 'met-on-time', 'lado'],
      ['allegation-a-1/resolution-1-month', '2026-02-13', 'open', 'lado'],
      ['allegation-a-1/resolution-3-months', '2026-04-13', 'open', 'lado'],
      ['allegation-a-1/resolution-12-months', '2027-01-13', 'open', 'lado'],
    ]);
  });
});
