import { Controller, ForbiddenException, Get, Inject, Module, Req, Res, UnauthorizedException, type DynamicModule, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EngineConfig } from '@csc/config';
import { metricsAccess } from './access';
import { MetricsRegistry } from './registry';

export interface MetricsModuleOptions {
  /** Node process metrics (default true). */
  readonly defaults?: boolean;
  /**
   * Decorators for this process's /metrics controller: the api marks it public to its bearer-token
   * guard (the controller checks access itself, see `metricsAccess`).
   */
  readonly decorators?: readonly ClassDecorator[];
}

/** Serves GET /metrics (Prometheus text format) to those `metricsAccess` lets through. */
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly config: EngineConfig,
  ) {}

  async scrape(request: Request, response: Response): Promise<void> {
    const access = metricsAccess(request, this.config.metricsToken);
    if (!access.ok) throw access.status === 401 ? new UnauthorizedException(access.reason) : new ForbiddenException(access.reason);
    const text = await this.metrics.text();
    response.status(200).set('Content-Type', this.metrics.contentType).set('Cache-Control', 'no-store').send(text);
  }
}

/**
 * The process's metrics registry (one per application: `csc start` runs two) and its /metrics
 * endpoint. Needs EngineConfig (RuntimeModule) for CSC_METRICS_TOKEN.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    // A class per application, so decorators given for one (the api's public marker) stay on it.
    const controller = class ServedMetricsController extends MetricsController {};
    Inject(MetricsRegistry)(controller, undefined, 0);
    Inject(EngineConfig)(controller, undefined, 1);
    const scrape = Object.getOwnPropertyDescriptor(MetricsController.prototype, 'scrape') as PropertyDescriptor;
    Req()(controller.prototype, 'scrape', 0);
    Res()(controller.prototype, 'scrape', 1);
    Get('metrics')(controller.prototype, 'scrape', scrape);
    Controller()(controller);
    for (const decorate of options.decorators ?? []) decorate(controller);
    return {
      module: MetricsModule,
      controllers: [controller as Type],
      providers: [{ provide: MetricsRegistry, useFactory: () => new MetricsRegistry({ defaults: options.defaults ?? true }) }],
      exports: [MetricsRegistry],
    };
  }
}
