/** The projections `csc rebuild` knows: `queues` holds the team and IRO queues, open deadlines per case and case summaries. */
export const PROJECTIONS = ['queues'] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];
