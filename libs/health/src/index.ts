export { HealthModule, type HealthModuleOptions } from './health.module';
export { ReadinessProbe, ReadinessProbes } from './probe';
