import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ACCEPTED, CommandMetrics, HttpMetrics, MetricsModule, MetricsRegistry, REPLAYED, type FinishedRequest } from '@csc/metrics';
import { ALLEGATION_GROUPS } from './allegations/catalogue';
import { COMMAND_GROUPS, commandPath } from './cases/commands/catalogue';
import { REPLAYED_HEADER } from './http/idempotency/interceptor';
import { Public } from './http/principal';

/** The api's /metrics: public to the bearer-token guard; access is CSC_METRICS_TOKEN or loopback (see @csc/metrics). */
export const ApiMetricsModule = MetricsModule.forRoot({ decorators: [Public()] });

/** Where sendProblem leaves the problem code of an error response, for the command counter. */
export const PROBLEM_CODE_LOCAL = 'problemCode';

const BASES = [
  { base: 'cases', param: 'caseId', commands: COMMAND_GROUPS.flatMap((group) => group.commands) },
  { base: 'allegations', param: 'allegationId', commands: ALLEGATION_GROUPS.flatMap((group) => group.commands) },
];

/** Route template of each command endpoint -> its command type. */
const COMMAND_ROUTES = new Map<string, string>(BASES.flatMap(({ base, param, commands }) => commands.map((command) => [`/${base}/:${param}/commands/${commandPath(command)}`, command] as const)));

/** The same, keyed by base and path segment, for requests refused before routing (a malformed body). */
const COMMAND_SEGMENTS = new Map<string, string>(BASES.flatMap(({ base, param, commands }) => commands.map((command) => [`${base}/${commandPath(command)}`, `/${base}/:${param}/commands/${commandPath(command)}`] as const)));

const RAW_COMMAND = /^\/(cases|allegations)\/[^/]+\/commands\/([a-z0-9-]+)\/?$/;

/** The template of a command URL that no route matched yet (the body parser refused it first); else none. */
function commandRouteOfUrl(request: Request): string | undefined {
  const match = RAW_COMMAND.exec(request.path);
  return match ? COMMAND_SEGMENTS.get(`${match[1]}/${match[2]}`) : undefined;
}

function outcomeOf(finished: FinishedRequest, response: Response): string {
  if (!response.writableFinished) return 'aborted';
  if (finished.status < 400) return response.getHeader(REPLAYED_HEADER) === 'true' ? REPLAYED : ACCEPTED;
  const code: unknown = response.locals[PROBLEM_CODE_LOCAL];
  return typeof code === 'string' ? code : `HTTP_${finished.status}`;
}

/**
 * Times every request of the api (route template, never the URL) and counts each command
 * endpoint's outcome: accepted, replayed, or the problem code it was refused with. Install
 * before everything else (createApiApplication does).
 */
export function useApiMetrics(app: INestApplication): void {
  const registry = app.get(MetricsRegistry);
  const http = new HttpMetrics(registry);
  const commands = new CommandMetrics(registry);
  app.use(http.middleware({
    fallbackRoute: commandRouteOfUrl,
    onFinish: (finished, _request, response) => {
      const command = finished.method === 'POST' ? COMMAND_ROUTES.get(finished.route) : undefined;
      if (command !== undefined) commands.record(command, outcomeOf(finished, response));
    },
  }));
}
