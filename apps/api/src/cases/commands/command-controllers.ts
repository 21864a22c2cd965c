import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req, type Type } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Idempotent } from '../../http/idempotency/interceptor';
import type { AuthenticatedRequest } from '../../http/principal';
import { RecordIdPipe } from '../access';
import { COMMAND_BODIES, COMMAND_GROUPS, commandPath } from './catalogue';
import { CommandRunner } from './command-runner';
import { CommandResultView } from './result.view';

/** Runs one command on one record (a case, an allegation): what every generated endpoint calls. */
export interface RecordCommandRunner {
  run(type: string, id: string, body: object, request: AuthenticatedRequest): Promise<unknown>;
}

export interface CommandControllerSpec {
  /** `cases` or `allegations`: routes are `/<base>/:<param>/commands/<command-in-kebab-case>`. */
  readonly base: string;
  readonly param: string;
  readonly groups: readonly { readonly tag: string; readonly commands: readonly string[] }[];
  readonly bodies: Readonly<Record<string, Type>>;
  readonly runner: Type<RecordCommandRunner>;
}

/**
 * One controller per group (an OpenAPI tag), one endpoint per command, each
 * with its body class. Every endpoint only translates (the runner), is
 * @Idempotent() and honours If-Match.
 */
export function buildCommandControllers(spec: CommandControllerSpec): Type[] {
  return spec.groups.map(({ tag, commands }) => {
    const name = `${pascal(tag)}CommandsController`;
    const cls = { [name]: class { constructor(readonly runner: RecordCommandRunner) {} } }[name] as Type;
    Reflect.defineMetadata('design:paramtypes', [spec.runner], cls);
    for (const command of commands) addEndpoint(cls, command, spec);
    Controller(`${spec.base}/:${spec.param}/commands`)(cls);
    ApiTags(tag)(cls);
    return cls;
  });
}

/** The command endpoints of children's cases. */
export function commandControllers(): Type[] {
  return buildCommandControllers({ base: 'cases', param: 'caseId', groups: COMMAND_GROUPS, bodies: COMMAND_BODIES, runner: CommandRunner });
}

function addEndpoint(cls: Type, command: string, spec: CommandControllerSpec): void {
  const prototype = cls.prototype as Record<string, unknown>;
  const handler = function (this: { runner: RecordCommandRunner }, id: string, body: object, request: AuthenticatedRequest) {
    return this.runner.run(command, id, body, request);
  };
  Object.defineProperty(handler, 'name', { value: command });
  Object.defineProperty(prototype, command, { value: handler, writable: true, configurable: true, enumerable: false });
  const body = spec.bodies[command];
  if (body === undefined) throw new Error(`no body class for ${command}`);
  Reflect.defineMetadata('design:paramtypes', [String, body, Object], prototype, command);
  Param(spec.param, new RecordIdPipe(spec.param))(prototype, command, 0);
  Body()(prototype, command, 1);
  Req()(prototype, command, 2);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, command) as PropertyDescriptor;
  const decorators: MethodDecorator[] = [
    Post(commandPath(command)),
    HttpCode(HttpStatus.CREATED),
    Idempotent(),
    ApiOperation({ operationId: command, summary: command }),
    ApiBody({ type: body }),
    ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A unique key per intended change (a UUID); resend the same key when retrying' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision the command insists on; 412 if the record has moved' }),
    ApiCreatedResponse({ type: CommandResultView }),
  ];
  for (const decorate of decorators) decorate(prototype, command, descriptor);
}

function pascal(tag: string): string {
  return tag.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
