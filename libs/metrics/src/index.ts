export { MetricsRegistry, type MetricsRegistryOptions } from './registry';
export { HTTP_DURATION_BUCKETS, HttpMetrics, UNMATCHED_ROUTE, routeTemplate, type FinishedRequest, type HttpLabel } from './http';
export { ACCEPTED, CommandMetrics, REPLAYED } from './commands';
export { metricsAccess, type AccessDecision } from './access';
export { DEFAULT_LAG_CAP, JOB_STATES, LAGGING_SUBSCRIBERS, registerWorkerMetrics, type WorkerMetrics, type WorkerMetricsSources } from './worker';
export { MetricsController, MetricsModule, type MetricsModuleOptions } from './metrics.module';
