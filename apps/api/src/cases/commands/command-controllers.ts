import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req, type Type } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Idempotent } from '../../http/idempotency/interceptor';
import type { AuthenticatedRequest } from '../../http/principal';
import { RecordIdPipe } from '../access';
import { COMMAND_BODIES, COMMAND_GROUPS, commandPath, type CommandBody, type CommandType } from './catalogue';
import { CommandRunner } from './command-runner';
import { CommandResultView } from './result.view';

interface CommandController {
  readonly runner: CommandRunner;
}

/**
 * One controller per pathway (an OpenAPI tag), one endpoint per command:
 * `POST /cases/:caseId/commands/<command-in-kebab-case>` with the command's
 * body class. Each endpoint only translates (CommandRunner); every one is
 * @Idempotent() and honours If-Match.
 */
export function commandControllers(): Type[] {
  return COMMAND_GROUPS.map(({ tag, commands }) => {
    const cls = { [`${pascal(tag)}CommandsController`]: class implements CommandController { constructor(readonly runner: CommandRunner) {} } }[`${pascal(tag)}CommandsController`] as Type;
    Reflect.defineMetadata('design:paramtypes', [CommandRunner], cls);
    for (const command of commands) addEndpoint(cls, command);
    Controller('cases/:caseId/commands')(cls);
    ApiTags(tag)(cls);
    return cls;
  });
}

function addEndpoint<T extends CommandType>(cls: Type, command: T): void {
  const prototype = cls.prototype as Record<string, unknown>;
  const handler = function (this: CommandController, caseId: string, body: CommandBody<T>, request: AuthenticatedRequest) {
    return this.runner.run(command, caseId, body, request);
  };
  Object.defineProperty(handler, 'name', { value: command });
  Object.defineProperty(prototype, command, { value: handler, writable: true, configurable: true, enumerable: false });
  const body = COMMAND_BODIES[command];
  Reflect.defineMetadata('design:paramtypes', [String, body, Object], prototype, command);
  Param('caseId', new RecordIdPipe())(prototype, command, 0);
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
    ApiHeader({ name: 'If-Match', required: false, description: 'The case revision the command insists on; 412 if the case has moved' }),
    ApiCreatedResponse({ type: CommandResultView }),
  ];
  for (const decorate of decorators) decorate(prototype, command, descriptor);
}

function pascal(tag: string): string {
  return tag.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
