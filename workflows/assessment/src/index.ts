export * from './events';
export type { AssessmentContext, AssessmentSeries } from './context';
export { assessmentMachine, type AssessmentMachine, type AssessmentStateMeta } from './machine';
export { validateAssessment } from './validate';
export {
  allowedAssessmentEvents, applyAssessment, assessmentRefusal, assessmentState, startAssessment,
  type AssessmentSnapshot,
} from './pathway';
