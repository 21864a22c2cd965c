export { generateCouncil, type CouncilOptions, type SyntheticCouncil } from './council';
export { PROFILES, profileNamed, type CouncilProfile } from './profiles';
export type { SyntheticActor, SyntheticCommand } from './plan';
export { LATE_RECORD_SHARE } from './looked-after';
