import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

export interface MetricsRegistryOptions {
  /** Node process metrics (CPU, memory, event-loop lag, GC, handles) under their standard names. Default true. */
  readonly defaults?: boolean;
}

/**
 * One process role's metrics (the api, the worker): its own prom-client Registry, never the
 * global one, so that `csc start` (api and worker in one process) and tests (many apps in one
 * process) never register a metric twice.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  /** Failures of collect-time readings (Redis or the store down): the figure is left out of that scrape. */
  readonly collectErrors: Counter<'source'>;

  constructor(options: MetricsRegistryOptions = {}) {
    if (options.defaults ?? true) collectDefaultMetrics({ register: this.registry });
    this.collectErrors = new Counter({
      name: 'csc_metrics_collect_errors_total',
      help: 'Readings that failed while serving /metrics (their gauges are left out of that scrape), by source',
      labelNames: ['source'],
      registers: [this.registry],
    });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
