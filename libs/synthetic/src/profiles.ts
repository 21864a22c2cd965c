/** The yearly volumes and stocks of a synthetic council. */
export interface CouncilProfile {
  readonly name: string;
  readonly description: string;
  /** The council's rulebook (OpenCase names it). */
  readonly rulebook: string;
  /** Referrals received a year (CIN census; Enfield 2017/18: about 4,100). */
  readonly referralsPerYear: number;
  /** Children in care at any time (Enfield, March 2018: 347). */
  readonly lookedAfterStock: number;
  /** Children on a CP plan at any time (Enfield, March 2018: 242) at the start of the period. */
  readonly cpPlanStock: number;
  /** Children moving in on another authority's plan a year (29 conferences, 58 children). */
  readonly transfersInPerYear: number;
  /** LADO allegations meeting the threshold a year (62), and consultations below it (about 80). */
  readonly ladoAllegationsPerYear: number;
  readonly ladoConsultationsPerYear: number;
  /** IRO escalations (informal stage) a year. */
  readonly escalationsPerYear: number;
  readonly iros: number;
  readonly teams: number;
}

/** Enfield's volumes from the seed reports (IRO and LADO annual reports 2017/18). */
const ENFIELD: CouncilProfile = {
  name: 'enfield',
  description: 'a London borough at the volumes of the seed reports (Enfield 2017/18)',
  rulebook: 'enfield',
  referralsPerYear: 4100,
  lookedAfterStock: 350,
  cpPlanStock: 240,
  transfersInPerYear: 58,
  ladoAllegationsPerYear: 62,
  ladoConsultationsPerYear: 80,
  escalationsPerYear: 40,
  iros: 8,
  teams: 12,
};

/** About a thirtieth of Enfield: for the demo's first run and for tests (seconds on the embedded store). */
const SMALL: CouncilProfile = {
  name: 'small',
  description: 'about a thirtieth of the seed volumes, for the demo and tests',
  rulebook: 'enfield',
  referralsPerYear: 120,
  lookedAfterStock: 12,
  cpPlanStock: 8,
  transfersInPerYear: 2,
  ladoAllegationsPerYear: 3,
  ladoConsultationsPerYear: 4,
  escalationsPerYear: 2,
  iros: 3,
  teams: 3,
};

export const PROFILES: Readonly<Record<string, CouncilProfile>> = { enfield: ENFIELD, small: SMALL };

export function profileNamed(name: string): CouncilProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name] : undefined;
}
